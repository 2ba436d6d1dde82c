package imports

// The cache tools wired into the gopyc binary: -m py_compile, compileall, dis and pycache.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestToolsThroughBinary(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.py": "def f(x):\n    return x + 1\n", "pkg/b.py": "B = 2\n", "bad.py": "x = = 1\n"})
	gp := func(args ...string) (string, int) { return runIn(t, dir, nil, gopycBin, args...) }
	expect := func(what string, out string, code, wantCode int, wants ...string) {
		t.Helper()
		if code != wantCode {
			t.Errorf("%s: exit %d, want %d\n%s", what, code, wantCode, out)
		}
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q\n%s", what, w, out)
			}
		}
	}
	out, code := gp("-m", "py_compile", "a.py")
	expect("py_compile", out, code, 0)
	checkValid(t, filepath.Join(dir, "a.py"), filepath.Join(dir, "__pycache__/a.gopyc-311.pyc"))
	out, code = gp("-m", "py_compile", "bad.py")
	expect("py_compile bad.py", out, code, 1, "SyntaxError")
	out, code = gp("-m", "compileall", "-q", "pkg")
	expect("compileall", out, code, 0)
	checkValid(t, filepath.Join(dir, "pkg/b.py"), filepath.Join(dir, "pkg/__pycache__/b.gopyc-311.pyc"))
	out, code = gp("-O", "-m", "compileall", "-q", "pkg")
	expect("compileall -O", out, code, 0)
	if _, err := os.Stat(filepath.Join(dir, "pkg/__pycache__/b.gopyc-311.opt-1.pyc")); err != nil {
		t.Errorf("gopyc -O -m compileall did not write the opt-1 file: %v", err)
	}
	out, code = gp("-m", "dis", "a.py")
	expect("dis a.py", out, code, 0, "RESUME", "MAKE_FUNCTION", "STORE_NAME")
	out, code = gp("-m", "dis", "__pycache__/a.gopyc-311.pyc")
	expect("dis a.pyc", out, code, 0, "RESUME", "MAKE_FUNCTION", "STORE_NAME")
	out, code = gp("-m", "pycache", "list", ".")
	expect("pycache list", out, code, 0, "fresh", "gopyc-311", "__pycache__/a.gopyc-311.pyc", "opt-1")
	out, code = gp("-m", "pycache", "stats", ".")
	expect("pycache stats", out, code, 0, "gopyc-311", "total:")
	out, code = gp("-m", "pycache", "verify", ".")
	expect("pycache verify", out, code, 0, "0 stale or corrupt")
	setSource(t, filepath.Join(dir, "a.py"), "def f(x):\n    return x + 2\n# longer now\n")
	out, code = gp("-m", "pycache", "verify", ".")
	expect("pycache verify stale", out, code, 1, "stale")
	out, code = gp("-m", "pycache", "clean", "--stale", ".")
	expect("pycache clean --stale", out, code, 0, "removed")
	if _, err := os.Stat(filepath.Join(dir, "__pycache__")); !os.IsNotExist(err) {
		t.Errorf("__pycache__ left after cleaning its only (stale) file: %v", err)
	}
	out, code = gp("-m", "pycache", "clean", ".")
	expect("pycache clean", out, code, 0, "removed")
	if m, _ := filepath.Glob(filepath.Join(dir, "pkg/__pycache__/*")); len(m) != 0 {
		t.Errorf("left after clean: %v", m)
	}
}
