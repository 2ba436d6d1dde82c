package imports

// gopyc-only end-to-end tests: the three CPython 3.11 defects gopyc fixes (PYCACHE.md), the
// corrupt-body rule where gopyc recompiles instead of failing, and -v.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gopyc/pycache"
)

// listTemps returns the files in dir that are neither sources nor installed cache files.
func listTemps(t *testing.T, root string) []string {
	t.Helper()
	var bad []string
	_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		if filepath.Base(filepath.Dir(p)) == "__pycache__" && !strings.HasSuffix(p, ".pyc") {
			bad = append(bad, p)
		}
		return nil
	})
	return bad
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, cleanEnv(env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// TestDefectPartialWrite: with a file-size limit (SIGXFSZ ignored, so writes fail with EFBIG)
// CPython 3.11 installs a truncated cache file; gopyc installs nothing and the import succeeds.
func TestDefectPartialWrite(t *testing.T) {
	dir := t.TempDir()
	big := "DATA = '" + strings.Repeat("x", 20000) + "'\nprint('big', len(DATA))\n"
	writeTree(t, dir, map[string]string{"big.py": big, "main.py": "import big\n"})
	limited := func(exe string) (string, int) {
		return runIn(t, dir, nil, "sh", "-c", `trap "" XFSZ; ulimit -f 8; exec "$0" -S main.py`, exe)
	}
	out, code := limited(gopycBin)
	if code != 0 || !strings.Contains(out, "big 20000") {
		t.Fatalf("gopyc under a file-size limit: exit %d, %s", code, out)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "__pycache__/big.*.pyc")); len(m) != 0 {
		t.Errorf("gopyc installed %v under a 4 KiB file-size limit (the cache needs ~20 KiB)", m)
	}
	if tmp := listTemps(t, dir); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	// Without the limit the next run writes a complete file.
	if out, code := runIn(t, dir, nil, gopycBin, "-S", "main.py"); code != 0 {
		t.Fatal(out)
	}
	checkValid(t, filepath.Join(dir, "big.py"), globOne(t, dir, "__pycache__/big.gopyc-311.pyc"))
	// CPython, for the record.
	if py, err := oracleExe(); err == nil {
		limitedOut, _ := limited(py)
		if m, _ := filepath.Glob(filepath.Join(dir, "__pycache__/big.cpython-311.pyc")); len(m) == 1 {
			st, _ := os.Stat(m[0])
			t.Logf("CPython 3.11 under the same limit installed %s with %d bytes (%s)", filepath.Base(m[0]), st.Size(), strings.TrimSpace(limitedOut))
		}
	}
}

func oracleExe() (string, error) {
	py, err := exec.LookPath("python3")
	if err != nil {
		return "", err
	}
	return py, nil
}

// checkValid asserts that a cache file is complete and valid for its source.
func checkValid(t *testing.T, src, cpath string) {
	t.Helper()
	data, err := os.ReadFile(cpath)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(src)
	if err != nil {
		t.Fatal(err)
	}
	h, co, err := pycache.ReadPyc(data, "m", cpath)
	if err != nil || co == nil {
		t.Fatalf("%s: %v", cpath, err)
	}
	if h.HashBased() {
		source, _ := os.ReadFile(src)
		if err := h.ValidateHash(source, "m"); err != nil {
			t.Errorf("%s: %v", cpath, err)
		}
	} else if err := h.ValidateTimestamp(st.ModTime(), st.Size(), "m"); err != nil {
		t.Errorf("%s: %v", cpath, err)
	}
}

// TestDefectTempNames: many writers of the same cache file at once (goroutines here; processes
// in TestStress) all succeed in writing: no temporary name is shared, so no write is skipped,
// and none is left behind.
func TestDefectTempNames(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "mod.py")
	setSource(t, src, "x = 1\n")
	var mu sync.Mutex
	wrote := 0
	var wg sync.WaitGroup
	const n = 32
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &Cache{CheckHashBased: "default", Verbose: func(f string, a ...any) {
				if strings.HasPrefix(f, "# wrote") {
					mu.Lock()
					wrote++
					mu.Unlock()
				}
			}}
			var fc fakeCompiler
			st, err := os.Stat(src)
			if err != nil {
				t.Error(err)
				return
			}
			source, _ := os.ReadFile(src)
			code, _ := fc.compile(source, src, 0)
			cpath, _ := c.CachePath(src)
			c.write(cpath, st, source, code, nil)
		}()
	}
	wg.Wait()
	if wrote != n {
		t.Errorf("%d of %d writers wrote the cache file", wrote, n)
	}
	if tmp := listTemps(t, dir); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	checkValid(t, src, filepath.Join(dir, "__pycache__/mod.gopyc-311.pyc"))
}

// TestDefectSameSecond: a source edited in the same second its cache file was written, keeping
// its size, is recompiled by gopyc (CPython 3.11 keeps running the old code).
func TestDefectSameSecond(t *testing.T) {
	for _, it := range []interp{{"gopyc", gopycBin}} {
		dir := t.TempDir()
		src := filepath.Join(dir, "s.py")
		now := time.Now().Truncate(time.Second)
		writeTree(t, dir, map[string]string{"main.py": "import s\nprint(s.V)\n"})
		os.WriteFile(src, []byte("V = 1\n"), 0o644)
		os.Chtimes(src, now, now)
		if out, _ := runIn(t, dir, nil, it.exe, "-S", "main.py"); strings.TrimSpace(out) != "1" {
			t.Fatal(out)
		}
		cpath := globOne(t, dir, "__pycache__/s.*.pyc")
		// Make the cache file look written within the source's second, then edit the source
		// within that second too, keeping its size.
		os.Chtimes(cpath, now.Add(300*time.Millisecond), now.Add(300*time.Millisecond))
		os.WriteFile(src, []byte("V = 2\n"), 0o644)
		os.Chtimes(src, now.Add(600*time.Millisecond), now.Add(600*time.Millisecond))
		out, _ := runIn(t, dir, nil, it.exe, "-S", "main.py")
		if strings.TrimSpace(out) != "2" {
			t.Errorf("%s ran stale code after a same-second edit: %s", it.name, out)
		}
		// The rewritten file is no longer racy once written in a later second.
		checkValid(t, src, cpath)
	}
	if py, err := oracleExe(); err == nil {
		dir := t.TempDir()
		src := filepath.Join(dir, "s.py")
		now := time.Now().Truncate(time.Second)
		writeTree(t, dir, map[string]string{"main.py": "import s\nprint(s.V)\n"})
		os.WriteFile(src, []byte("V = 1\n"), 0o644)
		os.Chtimes(src, now, now)
		runIn(t, dir, nil, py, "-S", "main.py")
		os.WriteFile(src, []byte("V = 2\n"), 0o644)
		os.Chtimes(src, now.Add(600*time.Millisecond), now.Add(600*time.Millisecond))
		out, _ := runIn(t, dir, nil, py, "-S", "main.py")
		t.Logf("CPython 3.11 after the same-second edit prints %s (stale when 1)", strings.TrimSpace(out))
	}
}

// TestCorruptBodyRecompiled: a valid header with a truncated body is recompiled and replaced by
// gopyc, which says so under -v; CPython 3.11 fails the import.
func TestCorruptBodyRecompiled(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"c.py": "def f():\n    return 'c ran'\nprint(f())\n", "main.py": "import c\n"})
	if out, code := runIn(t, dir, nil, gopycBin, "-S", "main.py"); code != 0 {
		t.Fatal(out)
	}
	cpath := globOne(t, dir, "__pycache__/c.gopyc-311.pyc")
	data, _ := os.ReadFile(cpath)
	os.WriteFile(cpath, data[:len(data)/2], 0o644)
	out, code := runIn(t, dir, nil, gopycBin, "-S", "-v", "main.py")
	if code != 0 || !strings.Contains(out, "c ran") {
		t.Fatalf("exit %d: %s", code, out)
	}
	if !strings.Contains(out, "bad body") || !strings.Contains(out, "# wrote") {
		t.Errorf("-v does not report the recompilation:\n%s", out)
	}
	checkValid(t, filepath.Join(dir, "c.py"), cpath)
	if py, err := oracleExe(); err == nil {
		runIn(t, dir, nil, py, "-S", "main.py")
		p := globOne(t, dir, "__pycache__/c.cpython-311.pyc")
		d, _ := os.ReadFile(p)
		os.WriteFile(p, d[:len(d)/2], 0o644)
		out, code := runIn(t, dir, nil, py, "-S", "main.py")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		t.Logf("CPython 3.11 with the same truncation: exit %d, %s", code, lines[len(lines)-1])
	}
}

// TestVerbose: -v reports cache reads and writes.
func TestVerbose(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"v.py": "", "main.py": "import v\n"})
	out, _ := runIn(t, dir, nil, gopycBin, "-S", "-v", "main.py")
	if !strings.Contains(out, "# wrote '"+dir+"/__pycache__/v.gopyc-311.pyc'") {
		t.Errorf("first run: %s", out)
	}
	out, _ = runIn(t, dir, []string{"PYTHONVERBOSE=1"}, gopycBin, "-S", "main.py")
	if !strings.Contains(out, "# code object from '"+dir+"/__pycache__/v.gopyc-311.pyc'") {
		t.Errorf("second run: %s", out)
	}
}

// TestIdentity: gopyc's implementation name and cache tag (PYCACHE.md, Identity), and that a
// copied cache file is used as is (-v) with co_filename set to the real path.
func TestIdentity(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"m.py": "def f():\n    return f.__code__.co_filename\n"})
	out, code := runIn(t, dir, nil, gopycBin, "-S", "-c", "import sys, importlib.util as u, m; print(sys.implementation.name, sys.implementation.cache_tag, u.MAGIC_NUMBER.hex(), m.f() == m.__file__)")
	if code != 0 || strings.TrimSpace(out) != "gopyc gopyc-311 a70d0d0a True" {
		t.Errorf("exit %d: %s", code, out)
	}
	// Move the tree: the cache is used (no write) and co_filename follows the source.
	dir2 := t.TempDir()
	for _, rel := range []string{"m.py", "__pycache__/m.gopyc-311.pyc"} {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(filepath.Join(dir, rel))
		os.MkdirAll(filepath.Dir(filepath.Join(dir2, rel)), 0o755)
		os.WriteFile(filepath.Join(dir2, rel), data, 0o644)
		os.Chtimes(filepath.Join(dir2, rel), st.ModTime(), st.ModTime())
	}
	out, code = runIn(t, dir2, nil, gopycBin, "-S", "-v", "-c", "import m; print(m.f() == m.__file__, m.__file__)")
	if code != 0 || !strings.Contains(out, "# code object from") || strings.Contains(out, "# wrote") || !strings.Contains(out, "True "+dir2+"/m.py") {
		t.Errorf("moved tree: exit %d\n%s", code, out)
	}
}
