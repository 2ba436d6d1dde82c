package pycachecmd

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopyc/internal/oracle"
)

// makeTree writes sources and has CPython compile them in every invalidation mode (and gopyc-tagged
// copies of its files), returning the root.
func makeTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, name := range []string{"a.py", "b.py", "c.py", "gone.py", "pkg/mod.py", ".git/x.py", "venv/y.py"} {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("X = "+`"`+name+`"`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Sources' mtimes in the past so timestamp caches are not racy.
	old := time.Now().Add(-time.Hour)
	script := `
import py_compile, sys, os
root = sys.argv[1]
M = py_compile.PycInvalidationMode
for name, mode in [('a.py', M.TIMESTAMP), ('b.py', M.CHECKED_HASH), ('c.py', M.UNCHECKED_HASH),
                   ('gone.py', M.TIMESTAMP), ('pkg/mod.py', M.TIMESTAMP), ('.git/x.py', M.TIMESTAMP), ('venv/y.py', M.TIMESTAMP)]:
    src = os.path.join(root, name)
    for opt in (-1, 2):
        py_compile.compile(src, doraise=True, invalidation_mode=mode, optimize=opt)
`
	for _, name := range []string{"a.py", "b.py", "c.py", "gone.py", "pkg/mod.py", ".git/x.py", "venv/y.py"} {
		_ = os.Chtimes(filepath.Join(root, name), old, old)
	}
	cmd, err := oracle.Command("-c", script, root)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	// A gopyc-tagged copy of each CPython file (same format), so both tags are present.
	_ = filepath.WalkDir(root, func(m string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".cpython-311") {
			data, _ := os.ReadFile(m)
			_ = os.WriteFile(strings.Replace(m, "cpython-311", Tag, 1), data, 0o644)
		}
		return nil
	})
	return root
}

func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, nil, &out, &errb)
	return out.String() + errb.String(), code
}

func TestPycacheTool(t *testing.T) {
	root := makeTree(t)
	if err := os.Remove(filepath.Join(root, "gone.py")); err != nil {
		t.Fatal(err)
	}
	// b.py edited (checked hash goes stale), c.py edited (unchecked hash: also reported stale).
	for _, n := range []string{"b.py", "c.py"} {
		if err := os.WriteFile(filepath.Join(root, n), []byte("X = 'edited'\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A corrupt gopyc file: valid header, truncated body.
	corrupt := filepath.Join(root, "pkg", "__pycache__", "mod."+Tag+".opt-2.pyc")
	data, _ := os.ReadFile(corrupt)
	if err := os.WriteFile(corrupt, data[:20], 0o644); err != nil {
		t.Fatal(err)
	}

	out, code := run(t, "list", "--json", root)
	if code != 0 {
		t.Fatalf("list exit %d: %s", code, out)
	}
	var entries []Entry
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		rel, _ := filepath.Rel(root, e.Path)
		got[rel] = e.Status + " " + e.Invalidation + " " + e.Tag + " " + e.Optimization
	}
	want := map[string]string{
		"__pycache__/a.gopyc-311.pyc":             "fresh timestamp gopyc-311 ",
		"__pycache__/a.cpython-311.opt-2.pyc":     "fresh timestamp cpython-311 2",
		"__pycache__/b.gopyc-311.pyc":             "stale checked-hash gopyc-311 ",
		"__pycache__/c.cpython-311.pyc":           "stale unchecked-hash cpython-311 ",
		"__pycache__/gone.gopyc-311.pyc":          "orphan timestamp gopyc-311 ",
		"pkg/__pycache__/mod.gopyc-311.pyc":       "fresh timestamp gopyc-311 ",
		"pkg/__pycache__/mod.gopyc-311.opt-2.pyc": "corrupt timestamp gopyc-311 2",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
	if len(entries) != 20 { // 5 sources x 2 levels x 2 tags; .git and venv skipped
		t.Errorf("listed %d files, want 20", len(entries))
	}
	for k := range got {
		if strings.HasPrefix(k, ".git") || strings.HasPrefix(k, "venv") {
			t.Errorf("listed %s inside a skipped folder", k)
		}
	}

	if out, code := run(t, "verify", root); code != 1 || !strings.Contains(out, "stale or corrupt") {
		t.Errorf("verify: exit %d, %s", code, out)
	}
	if out, code := run(t, "stats", root); code != 0 || !strings.Contains(out, "total:") {
		t.Errorf("stats: exit %d, %s", code, out)
	}

	// Dry run removes nothing.
	before, _ := filepath.Glob(filepath.Join(root, "__pycache__", "*"))
	if out, code := run(t, "clean", "-n", "--stale", root); code != 0 || !strings.Contains(out, "would remove") {
		t.Errorf("clean -n: exit %d, %s", code, out)
	}
	after, _ := filepath.Glob(filepath.Join(root, "__pycache__", "*"))
	if len(before) != len(after) {
		t.Errorf("clean -n removed files")
	}
	// --stale keeps fresh files.
	if _, code := run(t, "clean", "--stale", "--tag", Tag, root); code != 0 {
		t.Errorf("clean --stale exit %d", code)
	}
	for _, p := range []string{"__pycache__/a.gopyc-311.pyc", "__pycache__/b.cpython-311.pyc"} {
		if _, err := os.Stat(filepath.Join(root, p)); err != nil {
			t.Errorf("clean --stale --tag removed %s", p)
		}
	}
	for _, p := range []string{"__pycache__/b.gopyc-311.pyc", "__pycache__/gone.gopyc-311.pyc", "pkg/__pycache__/mod.gopyc-311.opt-2.pyc"} {
		if _, err := os.Stat(filepath.Join(root, p)); err == nil {
			t.Errorf("clean --stale kept %s", p)
		}
	}
	if out, code := run(t, "verify", root); code != 0 {
		t.Errorf("verify after clean: exit %d, %s", code, out)
	}
	// Full clean removes everything and the emptied folders.
	if out, code := run(t, "clean", root); code != 0 || !strings.Contains(out, "empty __pycache__ folders") {
		t.Errorf("clean: exit %d, %s", code, out)
	}
	for _, d := range []string{"__pycache__", "pkg/__pycache__"} {
		if _, err := os.Stat(filepath.Join(root, d)); err == nil {
			t.Errorf("%s still there after clean", d)
		}
	}
	if _, err := os.Stat(filepath.Join(root, ".git", "__pycache__")); err != nil {
		t.Errorf("clean touched .git")
	}
}

func TestParseName(t *testing.T) {
	cases := map[string]string{
		"foo.gopyc-311.pyc":           "foo gopyc-311 ",
		"foo.bar.cpython-311.pyc":     "foo.bar cpython-311 ",
		"foo.gopyc-311.opt-1.pyc":     "foo gopyc-311 1",
		"foo.bar.gopyc-311.opt-2.pyc": "foo.bar gopyc-311 2",
		"foo.pyc":                     "-",
		"foo.py":                      "-",
	}
	for in, want := range cases {
		b, tag, opt, ok := ParseName(in)
		got := "-"
		if ok {
			got = b + " " + tag + " " + opt
		}
		if got != want {
			t.Errorf("ParseName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBadCommand(t *testing.T) {
	if _, code := run(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if _, code := run(t); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
}

// TestLeftoverTemps: temporary files of killed writers are listed as "temp" and cleaned by
// clean --stale; a live writer's temporary file is left alone.
func TestLeftoverTemps(t *testing.T) {
	root := t.TempDir()
	pc := filepath.Join(root, "__pycache__")
	os.MkdirAll(pc, 0o755)
	os.WriteFile(filepath.Join(root, "m.py"), []byte("x = 1\n"), 0o644)
	dead := filepath.Join(pc, "m."+Tag+".pyc.999999999.3.tmp")
	live := filepath.Join(pc, "m."+Tag+".pyc."+strconv.Itoa(os.Getpid())+".1.tmp")
	cpyOld := filepath.Join(pc, "m.cpython-311.pyc.140235")
	cpyNew := filepath.Join(pc, "m.cpython-311.pyc.140236")
	for _, p := range []string{dead, live, cpyOld, cpyNew} {
		os.WriteFile(p, []byte("partial"), 0o644)
	}
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(cpyOld, past, past)
	out, code := run(t, "list", root)
	if code != 0 || !strings.Contains(out, dead) || !strings.Contains(out, cpyOld) || strings.Contains(out, live) || strings.Contains(out, cpyNew) {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	if out, code := run(t, "verify", root); code != 0 {
		t.Errorf("verify fails on leftover temporary files: %s", out)
	}
	out, code = run(t, "clean", "--stale", root)
	if code != 0 || !strings.Contains(out, "(temp)") {
		t.Fatalf("clean: exit %d\n%s", code, out)
	}
	for p, want := range map[string]bool{dead: false, cpyOld: false, live: true, cpyNew: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v after clean, want %v", p, err == nil, want)
		}
	}
}
