package compileall

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"gopyc/internal/oracle"
)

// -e: which symlinked files compile_file skips, against CPython's compile_file with
// py_compile stubbed, for links inside and outside the limit, chains, absolute and broken links,
// links through symlinked directories, and limits given in several spellings.
func TestLimitSymlinksOracle(t *testing.T) {
	if _, err := oracle.Python(); err != nil {
		t.Skip(err)
	}
	root := t.TempDir()
	d := filepath.Join(root, "d")
	for _, f := range []string{"d/in.py", "d/sub/s.py", "out/o.py"} {
		p := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x = 1\n"), 0o644)
	}
	links := map[string]string{
		"link_in.py": "in.py", "link_out.py": "../out/o.py", "link_chain.py": "link_in.py",
		"link_abs.py": filepath.Join(d, "in.py"), "broken.py": "nowhere.py", "dirlink": "sub",
		"via_dirlink.py": "dirlink/s.py", "dotdot.py": "sub/../in.py", "to_out_dir.py": "../d/../out/o.py",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(d, name)); err != nil {
			t.Fatal(err)
		}
	}
	var files []string
	for _, n := range []string{"in.py", "link_in.py", "link_out.py", "link_chain.py", "link_abs.py",
		"broken.py", "via_dirlink.py", "dotdot.py", "to_out_dir.py", "sub/s.py"} {
		files = append(files, "d/"+n, filepath.Join(d, n))
	}
	limits := []string{d, d + "/", "d", "./d", "d/sub", filepath.Join(d, "dirlink"), "/", root, "nope", "out"}
	type tc struct {
		File  string `json:"file"`
		Limit string `json:"limit"`
	}
	var cases []tc
	for _, f := range files {
		for _, l := range limits {
			cases = append(cases, tc{f, l})
		}
	}
	req, _ := json.Marshal(cases)
	script := `
import json, sys, compileall, py_compile
seen = []
py_compile.compile = lambda *a, **k: seen.append(1)
out = []
for c in json.loads(sys.stdin.read()):
    seen.clear()
    compileall.compile_file(c["file"], force=True, quiet=2, limit_sl_dest=c["limit"])
    out.append(bool(seen))
print(json.dumps(out))
`
	cmd, err := oracle.Command("-c", script)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Dir = root
	cmd.Stdin = bytes.NewReader(req)
	raw, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var want []bool
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	for i, c := range cases {
		got := !isLink(c.File) || underDir(c.Limit, c.File)
		got = got && isFile(c.File)
		if got != want[i] {
			t.Errorf("%s with -e %s: compiled %v, CPython %v", c.File, c.Limit, got, want[i])
		}
	}
}
