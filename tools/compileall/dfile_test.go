package compileall

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"gopyc/internal/oracle"
)

// The display name (co_filename) rules of -d, -s and -p, with absolute and relative paths and
// CPython's list.remove and os.path.join quirks, against compile_file itself: CPython's
// py_compile.compile is replaced by a stub that records the dfile it is given.
func TestDisplayNameOracle(t *testing.T) {
	if _, err := oracle.Python(); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	for _, f := range []string{"a/b/c.py", "a/a/a.py", "x/a/y/a/z.py"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x = 1\n"), 0o644)
	}
	type tc struct {
		File    string  `json:"file"`
		DDir    *string `json:"ddir"`
		Strip   *string `json:"strip"`
		Prepend *string `json:"prepend"`
	}
	s := func(v string) *string { return &v }
	var cases []tc
	for _, f := range []string{"a/b/c.py", "a/a/a.py", "x/a/y/a/z.py", dir + "/a/b/c.py", dir + "/x/a/y/a/z.py", "./a/b/c.py", "a//b/c.py"} {
		cases = append(cases,
			tc{File: f, DDir: s("/dest")}, tc{File: f, DDir: s("")}, tc{File: f, DDir: s("rel/")},
			tc{File: f, Strip: s("a")}, tc{File: f, Strip: s("a/b")}, tc{File: f, Strip: s("x/a")},
			tc{File: f, Strip: s(dir)}, tc{File: f, Strip: s(dir + "/x")}, tc{File: f, Strip: s("/nomatch")},
			tc{File: f, Prepend: s("/p")}, tc{File: f, Prepend: s("")}, tc{File: f, Prepend: s("p/q")},
			tc{File: f, Strip: s(dir), Prepend: s("/")}, tc{File: f, Strip: s("a"), Prepend: s("/root")},
			tc{File: f, Strip: s("./a"), Prepend: s("pre")})
	}
	req, _ := json.Marshal(cases)
	script := `
import json, sys, os, compileall, py_compile
seen = []
def stub(file, cfile=None, dfile=None, *a, **k):
    seen.append(dfile)
    return cfile
py_compile.compile = stub
out = []
for c in json.loads(sys.stdin.read()):
    seen.clear()
    compileall.compile_file(c["file"], ddir=c["ddir"], force=True, quiet=2,
                            stripdir=c["strip"], prependdir=c["prepend"])
    out.append(seen[0] if seen else "<none>")
print(json.dumps(out))
`
	cmd, err := oracle.Command("-c", script)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(req)
	raw, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var want []*string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		got := displayName(c.File, &Options{DDir: c.DDir, StripDir: c.Strip, PrependDir: c.Prepend})
		w := "None"
		if want[i] != nil {
			w = *want[i]
		}
		if got == "" {
			got = "None"
		}
		if got != w {
			t.Errorf("%+v: dfile %q, CPython %q", c, got, w)
		}
	}
}
