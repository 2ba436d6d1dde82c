package compileall

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"gopyc/internal/oracle"
	"gopyc/tools/pycompile"
)

// benchTree is the tree the stdlib benchmarks compile: $GOPYC_BENCH_TREE, else the oracle's
// standard library (read in place; the caches go to a temporary prefix). Third-party packages
// under site-packages are skipped (benchSkip), as bench.sh does with -x.
func benchTree(b *testing.B) string {
	if d := os.Getenv("GOPYC_BENCH_TREE"); d != "" {
		return d
	}
	d, err := oracle.Stdlib()
	if err != nil {
		b.Skip(err)
	}
	return d
}

// benchSkip is the -x pattern of the benchmarks.
var benchSkip = regexp.MustCompile(`/site-packages/`)

// benchStdlib is `compileall -f -q -j workers` of the tree into a fresh prefix, in process (for
// profiles; bench.sh times the gopyc binary against CPython). It reports
// files/s (source files compiled or failed) and the number of files gopyc's compiler rejected.
func benchStdlib(b *testing.B, workers int) {
	tree := benchTree(b)
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400)) // as Main does
	}
	var files, failed int
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		prefix := b.TempDir()
		cfg := &Config{Config: &pycompile.Config{Prefix: prefix}}
		var out bytes.Buffer
		c0 := cpuTime()
		b.StartTimer()
		_, err := cfg.CompileDir(&out, tree, &Options{MaxLevels: -1, Force: true, Quiet: 1, Workers: workers, Rx: benchSkip})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		failed = strings.Count(out.String(), "*** Error compiling ")
		if f := os.Getenv("GOPYC_BENCH_FAILED"); f != "" {
			var lines []string
			for _, l := range strings.Split(out.String(), "\n") {
				if strings.HasPrefix(l, "*** Error compiling ") {
					lines = append(lines, l+"\n")
				}
			}
			os.WriteFile(f, []byte(strings.Join(lines, "")), 0o644)
		}
		files = countSources(tree)
		// The prefixes are deleted only when the benchmark ends (b.TempDir): creating files soon
		// after deleting thousands costs ext4 extra kernel time, which would bias the next round.
		b.StartTimer()
	}
	b.ReportMetric(float64(files)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
	b.ReportMetric(float64(failed), "failed")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(files)*float64(b.N)/cpu.Seconds(), "files/cpu-s")
}

// countSources counts the .py files compileall visits (no __pycache__, no symlinked dirs).
func countSources(tree string) int {
	n := 0
	walkDir(io.Discard, tree, 1000, 2, func(p string) error {
		if strings.HasSuffix(filepath.Base(p), ".py") && isFile(p) && !benchSkip.MatchString(p) {
			n++
		}
		return nil
	})
	return n
}

func BenchmarkCompileallStdlibJ1(b *testing.B) { benchStdlib(b, 1) }
func BenchmarkCompileallStdlibJ0(b *testing.B) { benchStdlib(b, 0) }

// cpuTime is the user plus system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWalkStdlib is the part of a compileall run that is not compiling: the walk of the
// tree (site-packages included, as CPython walks it, but its files not yielded: see
// walker.excludedDir) and CompileFile for the files -x excludes.
func BenchmarkWalkStdlib(b *testing.B) {
	tree := benchTree(b)
	cfg := &Config{Config: &pycompile.Config{Prefix: b.TempDir()}}
	o := &Options{MaxLevels: -1, Force: true, Quiet: 1, Rx: benchSkip}
	wk := &walker{w: io.Discard, quiet: 1, excluded: excludedTrees(o), yield: func(p string) error {
		if benchSkip.MatchString(p) {
			if _, err := cfg.CompileFile(io.Discard, p, o); err != nil {
				b.Fatal(err)
			}
		}
		return nil
	}}
	c0 := cpuTime()
	for b.Loop() {
		if err := wk.dir(tree, 1000); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
