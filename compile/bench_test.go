package compile

import (
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"gopyc/ast"
	"gopyc/internal/oracle"
	"gopyc/syntax"
)

// benchSample reads every sixth stdlib file (299 files, about 1/6 of the library).
func benchSample(b *testing.B) (names []string, srcs [][]byte) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		b.Skip(err)
	}
	for i := 0; i < len(files); i += 6 {
		src, err := os.ReadFile(files[i])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := syntax.Parse(files[i], src, syntax.Exec, 0); err != nil {
			continue
		}
		names = append(names, files[i])
		srcs = append(srcs, src)
	}
	return names, srcs
}

// BenchmarkCompileStdlib compiles (no parsing) a sample of pre-parsed stdlib modules. The
// trees are parsed again before each round, outside the timer, since folding rewrites them.
func BenchmarkCompileStdlib(b *testing.B) { benchCompile(b, Options{}) }

// BenchmarkCompileStdlibMarshalOnly is BenchmarkCompileStdlib as compileall compiles: interned
// strs private to each compilation.
func BenchmarkCompileStdlibMarshalOnly(b *testing.B) { benchCompile(b, Options{MarshalOnly: true}) }

func benchCompile(b *testing.B, opts Options) {
	names, srcs := benchSample(b)
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		mods := make([]ast.Mod, len(srcs))
		for j, src := range srcs {
			mods[j], _ = syntax.Parse(names[j], src, syntax.Exec, 0)
		}
		runtime.GC() // the parser's garbage is not the compiler's to collect
		c0 := cpuTime()
		b.StartTimer()
		for j, m := range mods {
			Compile(m, names[j], opts)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		b.StartTimer()
	}
	b.ReportMetric(float64(len(names)*b.N)/b.Elapsed().Seconds(), "files/s")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime is the process's user+system CPU time (all threads, the GC's included): on a loaded
// machine a steadier measure than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkParseStdlib parses the same sample, for comparison with BenchmarkCompileStdlib.
func BenchmarkParseStdlib(b *testing.B) {
	names, srcs := benchSample(b)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j, src := range srcs {
			syntax.Parse(names[j], src, syntax.Exec, 0)
		}
	}
	b.ReportMetric(float64(len(names)*b.N)/b.Elapsed().Seconds(), "files/s")
	b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(b.N), "cpu-ms/op")
}
