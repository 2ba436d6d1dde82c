package imports

// Load tests of the cache through the gopyc binary: many processes importing the same modules
// while their sources change, and processes killed while they write caches.

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"gopyc/pycache"
)

const stressModules = 20

// stressSource is version k of module i: K and PAD vary, and TOTAL ties them together, so a
// module that ran code mixed from two versions (or a truncated one) is detected. PAD lengths
// repeat, so many edits keep the file size.
func stressSource(i, k int) string {
	pad := strings.Repeat("p", 10+(k%3)*5)
	return fmt.Sprintf("K = %d\nPAD = '%s'\nTOTAL = K * 1000 + len(PAD)\ndef f(x):\n    return x + %d\n", 100000+k, pad, i)
}

// writeAtomicSource replaces a source as editors and git do (write then rename), so that
// readers see whole versions of it; the mtime is the present.
func writeAtomicSource(p, text string) error {
	tmp := p + ".edit"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

const stressMain = `import sys
names = ['m%02d' % i for i in range(20)]
bad = []
ks = []
for n in names:
    m = __import__(n)
    if m.TOTAL != m.K * 1000 + len(m.PAD) or m.f(0) != int(n[1:]):
        bad.append(n)
    ks.append(m.K)
print('BAD' if bad else 'OK', bad, ' '.join(str(k) for k in ks))
`

// TestStressConcurrentImports runs P gopyc processes at once for R rounds, each importing the
// same 20 modules, while a writer keeps rewriting their sources. Every process must succeed and
// see whole versions; at the end no temporary file is left and every cache file is valid. The
// full 16x50 runs without -short; -short runs 16x8.
func TestStressConcurrentImports(t *testing.T) {
	procs, rounds := 16, 50
	if testing.Short() {
		rounds = 8
	}
	dir := t.TempDir()
	for i := 0; i < stressModules; i++ {
		if err := writeAtomicSource(filepath.Join(dir, fmt.Sprintf("m%02d.py", i)), stressSource(i, 0)); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "main.py"), []byte(stressMain), 0o644)
	var version atomic.Int64 // highest version written to any module
	stop := make(chan struct{})
	var writer sync.WaitGroup
	writer.Add(1)
	go func() {
		defer writer.Done()
		rng := rand.New(rand.NewSource(1))
		for k := 1; ; k++ {
			select {
			case <-stop:
				return
			default:
			}
			i := rng.Intn(stressModules)
			if err := writeAtomicSource(filepath.Join(dir, fmt.Sprintf("m%02d.py", i)), stressSource(i, k)); err != nil {
				t.Error(err)
				return
			}
			version.Store(int64(k))
			time.Sleep(time.Duration(rng.Intn(3000)) * time.Microsecond)
		}
	}()
	start := time.Now()
	var failures atomic.Int32
	for r := 0; r < rounds && failures.Load() < 5; r++ {
		var wg sync.WaitGroup
		for p := 0; p < procs; p++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(gopycBin, "-S", "main.py")
				cmd.Dir, cmd.Env = dir, cleanEnv()
				out, err := cmd.CombinedOutput()
				s := string(out)
				if err != nil || !strings.HasPrefix(s, "OK ") {
					t.Errorf("round %d: %v: %s", r, err, s)
					failures.Add(1)
				}
			}()
		}
		wg.Wait()
	}
	close(stop)
	writer.Wait()
	t.Logf("%d processes x %d rounds in %v; %d source versions written", procs, rounds, time.Since(start).Round(time.Millisecond), version.Load())
	if tmp := listTemps(t, dir); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	// Every cache file left is complete (the sources kept changing after the last round, so
	// some are stale); a last run refreshes the stale ones, after which every cache file is
	// valid for its source and the run saw the last versions.
	caches, _ := filepath.Glob(filepath.Join(dir, "__pycache__/*.pyc"))
	if len(caches) != stressModules {
		t.Errorf("%d cache files, want %d", len(caches), stressModules)
	}
	for _, c := range caches {
		data, _ := os.ReadFile(c)
		if _, co, err := pycache.ReadPyc(data, "m", c); err != nil || co == nil {
			t.Errorf("%s: %v", c, err)
		}
	}
	cmd := exec.Command(gopycBin, "-S", "main.py")
	cmd.Dir, cmd.Env = dir, cleanEnv()
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "OK ") {
		t.Fatalf("final run: %v %s", err, out)
	}
	for _, c := range caches {
		checkValid(t, filepath.Join(dir, strings.SplitN(filepath.Base(c), ".", 2)[0]+".py"), c)
	}
	fields := strings.Fields(string(out))[2:]
	for i, f := range fields {
		data, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("m%02d.py", i)))
		if !strings.HasPrefix(string(data), "K = "+f+"\n") {
			t.Errorf("final run of m%02d used version %s; source is %q", i, f, strings.SplitN(string(data), "\n", 2)[0])
		}
	}
}

// TestStressKilledWriters SIGKILLs gopyc processes at random moments while they compile and
// write the caches of large modules: an installed cache file is never truncated or invalid, and
// the next run recovers (imports succeed, complete caches are written).
func TestStressKilledWriters(t *testing.T) {
	kills := 40
	if testing.Short() {
		kills = 12
	}
	dir := t.TempDir()
	var mods []string
	for i := 0; i < 12; i++ {
		name := fmt.Sprintf("k%02d", i)
		mods = append(mods, name)
		var b strings.Builder
		for j := 0; j < 300; j++ {
			fmt.Fprintf(&b, "def f%d(x):\n    return [x, %d, 'const %d %d', {'k': x}]\n", j, j, i, j)
		}
		writeTree(t, dir, map[string]string{name + ".py": b.String()})
	}
	writeTree(t, dir, map[string]string{"main.py": "import " + strings.Join(mods, ", ") + "\nprint('ok')\n"})
	rng := rand.New(rand.NewSource(2))
	killed, midway := 0, 0
	for n := 0; n < kills; n++ {
		rmCaches(t, dir)
		cmd := exec.Command(gopycBin, "-S", "main.py")
		cmd.Dir, cmd.Env = dir, cleanEnv()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Intn(150000)) * time.Microsecond)
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killed++
		}
		_ = cmd.Wait()
		caches, _ := filepath.Glob(filepath.Join(dir, "__pycache__/*.pyc"))
		for _, c := range caches {
			checkValid(t, filepath.Join(dir, strings.SplitN(filepath.Base(c), ".", 2)[0]+".py"), c)
		}
		if len(caches) > 0 && len(caches) < len(mods) {
			midway++
		}
	}
	// Recovery: a full run succeeds and leaves a valid cache for every module.
	cmd := exec.Command(gopycBin, "-S", "main.py")
	cmd.Dir, cmd.Env = dir, cleanEnv()
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
		t.Fatalf("run after the kills: %v %s", err, out)
	}
	for _, m := range mods {
		checkValid(t, filepath.Join(dir, m+".py"), filepath.Join(dir, "__pycache__", m+".gopyc-311.pyc"))
	}
	left := len(listTemps(t, dir))
	// gopyc -m pycache clean --stale removes what killed writers left.
	if out, code := runIn(t, dir, nil, gopycBin, "-m", "pycache", "clean", "--stale", "."); code != 0 {
		t.Errorf("pycache clean --stale: exit %d %s", code, out)
	}
	if tmp := listTemps(t, dir); len(tmp) != 0 {
		t.Errorf("temporary files left after pycache clean --stale: %v", tmp)
	}
	t.Logf("%d runs killed at random moments (%d of them after writing some caches but not all); %d temporary files of killed writers left, removed by pycache clean --stale", killed, midway, left)
}
