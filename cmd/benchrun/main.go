// Command benchrun times the programs of a benchmark directory (default ../shared/bench) under
// gopyc and under CPython (/usr/bin/python3.11) in the same run.
//
// Each program is byte-compiled once by CPython (py_compile); both interpreters then run the same
// .pyc, alternating, -rounds times each. The best wall time of each side gives the ratio
// gopyc/CPython; outputs must be identical (a mismatch is reported as a failure); peak memory is
// the child's rusage maxrss. The geometric mean of the ratios is printed at the end.
//
//	go run ./cmd/benchrun [-dir DIR] [-rounds N] [-gopyc BINARY] [-python PYTHON]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

type result struct {
	wall, cpu time.Duration
	rss       int64 // KiB
	out       []byte
	err       error
}

func runOnce(bin string, args []string, dir string) result {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &errb
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0")
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	r := result{wall: wall, out: out.Bytes(), err: err}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.rss = ru.Maxrss
			r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	if err != nil {
		r.err = fmt.Errorf("%v: %s", err, strings.TrimSpace(errb.String()))
	}
	return r
}

func main() {
	dir := flag.String("dir", defaultBenchDir(), "directory of benchmark programs")
	rounds := flag.Int("rounds", 3, "runs per interpreter per program")
	gopyc := flag.String("gopyc", "", "gopyc binary (default: build ./cmd/gopyc)")
	python := flag.String("python", "/usr/bin/python3.11", "reference interpreter")
	only := flag.String("run", "", "only programs whose name contains this")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "benchrun")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer os.RemoveAll(tmp)
	if *gopyc == "" {
		*gopyc = filepath.Join(tmp, "gopyc")
		b := exec.Command("go", "build", "-o", *gopyc, "./cmd/gopyc")
		b.Stdout, b.Stderr = os.Stdout, os.Stderr
		if err := b.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			os.Exit(2)
		}
	}
	files, _ := filepath.Glob(filepath.Join(*dir, "*.py"))
	sort.Strings(files)
	fmt.Printf("%-16s %9s %9s %7s %7s %9s %9s %7s %s\n", "program", "gopyc s", "cpython s", "ratio", "cpu x", "gopyc MB", "cpy MB", "mem x", "status")
	var logSum, logCPU float64
	var n, failures int
	worst := 0.0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		if *only != "" && !strings.Contains(name, *only) {
			continue
		}
		pyc := filepath.Join(tmp, name+".pyc")
		comp := exec.Command(*python, "-c", "import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True)", f, pyc, filepath.Base(f))
		if out, err := comp.CombinedOutput(); err != nil {
			fmt.Printf("%-16s compile failed: %v %s\n", name, err, out)
			failures++
			continue
		}
		var best [2]result
		status := "ok"
		for r := 0; r < *rounds; r++ {
			for side, bin := range []string{*gopyc, *python} {
				res := runOnce(bin, []string{pyc}, filepath.Dir(f))
				if res.err != nil {
					status = "error: " + res.err.Error()
				}
				if r == 0 || res.wall < best[side].wall {
					rss := max(best[side].rss, res.rss)
					best[side] = res
					best[side].rss = rss
				} else if res.rss > best[side].rss {
					best[side].rss = res.rss
				}
			}
		}
		if status == "ok" && !bytes.Equal(best[0].out, best[1].out) {
			status = "OUTPUT MISMATCH"
		}
		ratio := best[0].wall.Seconds() / best[1].wall.Seconds()
		cpux := best[0].cpu.Seconds() / math.Max(best[1].cpu.Seconds(), 1e-3)
		memx := float64(best[0].rss) / float64(best[1].rss)
		if status != "ok" {
			failures++
		} else {
			logSum += math.Log(ratio)
			logCPU += math.Log(cpux)
			n++
			worst = math.Max(worst, ratio)
		}
		fmt.Printf("%-16s %9.3f %9.3f %6.2fx %6.2fx %9.1f %9.1f %6.2fx %s\n", name, best[0].wall.Seconds(), best[1].wall.Seconds(), ratio, cpux,
			float64(best[0].rss)/1024, float64(best[1].rss)/1024, memx, status)
	}
	if n > 0 {
		fmt.Printf("geometric mean ratio: %.2fx wall, %.2fx CPU (user+sys) over %d programs (worst wall %.2fx), %d failures\n", math.Exp(logSum/float64(n)), math.Exp(logCPU/float64(n)), n, worst, failures)
	}
	if failures > 0 {
		os.Exit(1)
	}
}

// defaultBenchDir is ../shared/bench beside the repository (run from its root, as the README
// says), else /work/shared/bench.
func defaultBenchDir() string {
	if st, err := os.Stat("../shared/bench"); err == nil && st.IsDir() {
		if abs, err := filepath.Abs("../shared/bench"); err == nil {
			return abs
		}
	}
	return "/work/shared/bench"
}
