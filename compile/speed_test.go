package compile

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"gopyc/internal/oracle"
	"gopyc/marshal"
	"gopyc/syntax"
)

// TestCompileSpeed (opt-in: GOPYC_BENCH=1) compiles the whole standard library on one thread —
// read, parse, compile, marshal, write a .pyc — and compares with
// `/usr/bin/python3.11 -m compileall -f -q -j1` on the same tree (its output redirected with
// PYTHONPYCACHEPREFIX so the library is left alone).
func TestCompileSpeed(t *testing.T) {
	if os.Getenv("GOPYC_BENCH") == "" {
		t.Skip("GOPYC_BENCH not set")
	}
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	lib, _ := oracle.Stdlib()
	out := t.TempDir()
	prev := runtime.GOMAXPROCS(1)
	cpu0 := cpuTime()
	start := time.Now()
	n := 0
	var parseTime, compileTime, parseCPU, compileCPU time.Duration
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t0, c0 := time.Now(), cpuTime()
		mod, err := syntax.Parse(f, src, syntax.Exec, 0)
		t1, c1 := time.Now(), cpuTime()
		parseTime += t1.Sub(t0)
		parseCPU += c1 - c0
		if err != nil {
			continue
		}
		co, err := Compile(mod, f, Options{})
		compileTime += time.Since(t1)
		compileCPU += cpuTime() - c1
		if err != nil {
			continue
		}
		body, err := marshal.Dumps(co, 4)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(out, strings.TrimLeft(f, "/")+"c")
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, append(make([]byte, 16), body...), 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	runtime.GOMAXPROCS(prev)
	t.Logf("gopyc: %d files in %v = %.0f files/s, CPU %v (CPU: parse %v, compile %v; wall: parse %v, compile %v)",
		n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), cpu.Round(time.Millisecond),
		parseCPU.Round(time.Millisecond), compileCPU.Round(time.Millisecond),
		parseTime.Round(time.Millisecond), compileTime.Round(time.Millisecond))

	cc := filepath.Join(t.TempDir(), "cc")
	cmd := exec.Command(oracle.Timing(), "-m", "compileall", "-f", "-q", "-j1", lib)
	cmd.Env = append(os.Environ(), "PYTHONPYCACHEPREFIX="+cc)
	start = time.Now()
	cmd.Run() // compileall exits 1 when some test files do not compile; that is expected
	py := time.Since(start)
	pyCPU := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	t.Logf("compileall: %d files in %v = %.0f files/s, CPU %v", len(files), py.Round(time.Millisecond), float64(len(files))/py.Seconds(), pyCPU.Round(time.Millisecond))
	t.Logf("CPU time ratio compileall/gopyc: %.2fx", pyCPU.Seconds()/cpu.Seconds())
}
