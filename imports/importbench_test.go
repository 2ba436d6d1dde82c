package imports

// The payoff benchmark of the bytecode cache (issue 6): import a generated tree of 210 modules
// cold (no cache files) and warm (cache files present), under gopyc and /usr/bin/python3.11, and
// time `-c pass` start-up. Run it with
//
//	GOPYC_IMPORTBENCH=1 go test ./imports -run TestImportBench -v
//
// (GOPYC_IMPORTBENCH=N sets the number of runs per figure; the median is reported.)

import (
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopyc/internal/oracle"
)

// benchTree writes packages p00..p09, each with an __init__ and 20 modules: 210 modules of
// about 60 lines with functions, classes, constants, comprehensions and cross imports.
func benchTree(t *testing.T, dir string) {
	files := map[string]string{}
	var mainB strings.Builder
	for p := 0; p < 10; p++ {
		pkg := fmt.Sprintf("p%02d", p)
		files[pkg+"/__init__.py"] = fmt.Sprintf("'''Package %s.'''\nVERSION = (1, %d)\n", pkg, p)
		for m := 0; m < 20; m++ {
			var b strings.Builder
			fmt.Fprintf(&b, "'''Module %s.m%02d: generated for the import benchmark.'''\n", pkg, m)
			if m > 0 {
				fmt.Fprintf(&b, "from . import m%02d as prev\n", m-1)
			}
			fmt.Fprintf(&b, "from %s import VERSION\n", pkg)
			fmt.Fprintf(&b, "NAMES = %q\n", []string{"alpha", "beta", "gamma", "delta", "epsilon"})
			b.WriteString("TABLE = {i: str(i) * 2 for i in range(16)}\n")
			for f := 0; f < 8; f++ {
				fmt.Fprintf(&b, "\ndef func%d(a, b=%d, *args, **kw):\n    '''Function %d.'''\n    total = a + b\n    for x in args:\n        total += x\n    if kw.get('neg'):\n        total = -total\n    return total\n", f, f, f)
			}
			b.WriteString("\nclass Shape:\n    '''A shape.'''\n    sides = 0\n\n    def __init__(self, size):\n        self.size = size\n\n    def area(self):\n        return self.size * self.size\n\n    @property\n    def label(self):\n        return '%s(%d)' % (type(self).__name__, self.size)\n")
			b.WriteString("\nclass Square(Shape):\n    sides = 4\n\n    def perimeter(self):\n        return self.sides * self.size\n")
			b.WriteString("\nDEFAULT = Square(3)\n")
			files[fmt.Sprintf("%s/m%02d.py", pkg, m)] = b.String()
		}
		fmt.Fprintf(&mainB, "import %s.m19\n", pkg)
	}
	mainB.WriteString("print('imported')\n")
	files["main.py"] = mainB.String()
	writeTree(t, dir, files)
}

func median(ds []time.Duration) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}

func TestImportBench(t *testing.T) {
	runs, _ := strconv.Atoi(os.Getenv("GOPYC_IMPORTBENCH"))
	if runs <= 0 {
		t.Skip("set GOPYC_IMPORTBENCH=1 (or the number of runs) to run the import benchmark")
	}
	if runs < 5 {
		runs = 11
	}
	cpython := oracle.Timing()
	if _, err := os.Stat(cpython); err != nil {
		t.Skip(err)
	}
	its := []interp{{"gopyc", gopycBin}, {"python3.11", cpython}}
	// One tree per interpreter, so that runs can alternate between them (and see the same
	// machine load) without one removing the other's caches.
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		benchTree(t, d)
	}
	// run returns the wall-clock and user+system CPU time of one run (CPU time is the steadier
	// figure on a shared machine).
	run := func(dir, exe string, args ...string) (time.Duration, time.Duration) {
		cmd := exec.Command(exe, args...)
		cmd.Dir, cmd.Env = dir, cleanEnv()
		start := time.Now()
		out, err := cmd.CombinedOutput()
		d := time.Since(start)
		if err != nil {
			t.Fatalf("%s %v: %v %s", exe, args, err, out)
		}
		return d, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	// figures[i][k]: interpreter i, k = 0 cold wall, 1 cold CPU, 2 warm wall, 3 warm CPU,
	// 4 start-up wall, 5 start-up CPU.
	samples := [2][6][]time.Duration{}
	for n := 0; n < runs; n++ {
		for i, it := range its {
			rmCaches(t, dirs[i])
			w, c := run(dirs[i], it.exe, "-S", "main.py")
			samples[i][0], samples[i][1] = append(samples[i][0], w), append(samples[i][1], c)
		}
	}
	for n := 0; n < runs; n++ {
		for i, it := range its {
			w, c := run(dirs[i], it.exe, "-S", "main.py")
			samples[i][2], samples[i][3] = append(samples[i][2], w), append(samples[i][3], c)
		}
	}
	for n := 0; n < 20; n++ {
		for i, it := range its {
			w, c := run(dirs[i], it.exe, "-c", "pass")
			samples[i][4], samples[i][5] = append(samples[i][4], w), append(samples[i][5], c)
		}
	}
	var fig [2][6]time.Duration
	for i := range its {
		for k := range fig[i] {
			fig[i][k] = median(samples[i][k])
		}
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	ratio := func(a, b time.Duration) float64 { return float64(a) / float64(b) }
	t.Logf("import of 210 generated modules (-S main.py), median of %d alternating runs:", runs)
	for i, it := range its {
		f := fig[i]
		t.Logf("  %-10s wall: cold %9s  warm %9s  cold/warm %5.2f | CPU: cold %9s  warm %9s  cold/warm %5.2f",
			it.name, ms(f[0]), ms(f[2]), ratio(f[0], f[2]), ms(f[1]), ms(f[3]), ratio(f[1], f[3]))
	}
	t.Logf("  -c pass start-up, median of 20: wall gopyc %s, python3.11 %s, ratio %.2f | CPU gopyc %s, python3.11 %s, ratio %.2f",
		ms(fig[0][4]), ms(fig[1][4]), ratio(fig[0][4], fig[1][4]), ms(fig[0][5]), ms(fig[1][5]), ratio(fig[0][5], fig[1][5]))
}
