package compileall

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/internal/oracle"
)

// --cache-tag cpython-311 is for running CPython on gopyc's bytecode: CPython must find, trust and
// execute the files. Unchecked-hash caches make that observable: after the sources change,
// CPython still runs the code gopyc compiled.
func TestCPythonRunsCacheTagFiles(t *testing.T) {
	if _, err := oracle.Python(); err != nil {
		t.Skip(err)
	}
	dir := writeTree(t, map[string]string{
		"m.py": "import pkg.sub\ndef f(n):\n    return sum(i * i for i in range(n))\n" +
			"class C:\n    def g(self):\n        try:\n            return [k for k in 'ab'] + [f(4)]\n" +
			"        finally:\n            pass\nX = ('gopyc', C().g(), pkg.sub.Y, __debug__)\n",
		"pkg/__init__.py": "",
		"pkg/sub.py":      "Y = {'k': [1, 2.5, None]}\n",
	})
	if out, e, rc := run(t, newCfg(), "-q", "--cache-tag", "cpython-311", "--invalidation-mode", "unchecked-hash", dir); rc != 0 {
		t.Fatalf("rc %d: %s%s", rc, out, e)
	}
	for _, f := range []string{"m.py", "pkg/sub.py"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("X = Y = 'source'\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd, _ := oracle.Command("-c", "import m; print(m.X)")
	cmd.Dir = dir
	cmd.Env = append(cmd.Env, "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	got := strings.TrimSpace(string(out))
	if want := "('gopyc', ['a', 'b', 14], {'k': [1, 2.5, None]}, True)"; err != nil || got != want {
		t.Errorf("CPython printed %q (%v), want %q", got, err, want)
	}
}
