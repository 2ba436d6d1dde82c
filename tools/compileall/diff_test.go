package compileall

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopyc/internal/oracle"
	"gopyc/tools/pycompile"
	"gopyc/tools/pycompile/difftest"
)

type caseT struct {
	name  string
	steps []difftest.Step
}

func cli(args ...string) difftest.Step { return difftest.Step{CLI: "compileall", Args: args} }

func cliEnv(env map[string]string, args ...string) difftest.Step {
	return difftest.Step{CLI: "compileall", Args: args, Env: env}
}

// goArgs runs args on the Go side and pyArgs on CPython's (for -j, whose CPython output order is
// not deterministic: gopyc's -j output must equal CPython's -j1 output).
func goArgs(pyArgs, goArgs []string) difftest.Step {
	return difftest.Step{CLI: "compileall", Args: pyArgs, GoArgs: goArgs}
}

var cases = []caseT{
	{"default", []difftest.Step{cli("tree")}},
	{"relative-dot", []difftest.Step{cli(".")}},
	{"trailing-slash", []difftest.Step{cli("-d", "dd/", "tree/", "tree//pkg/sub/"), cli("-f", "-s", "tree/", "-p", "p/", "./tree/pkg")}},
	{"q", []difftest.Step{cli("-q", "tree")}},
	{"qq", []difftest.Step{cli("-qq", "tree")}},
	{"l", []difftest.Step{cli("-l", "tree")}},
	{"r0", []difftest.Step{cli("-r", "0", "tree")}},
	{"r1", []difftest.Step{cli("-r1", "tree")}},
	{"l-r2", []difftest.Step{cli("-l", "-r", "2", "tree")}},
	{"rerun-force-touch", []difftest.Step{cli("tree"), cli("tree"), cli("-f", "tree"),
		{Touch: "tree/same.py", Mtime: difftest.Base + 99}, cli("tree"),
		{Touch: "tree/same.py", Mtime: difftest.Base + 1}, cli("-q", "tree")}},
	{"rerun-hash-not-uptodate", []difftest.Step{cli("--invalidation-mode", "checked-hash", "tree"), cli("tree")}},
	{"b", []difftest.Step{cli("-b", "tree"), cli("-b", "tree")}},
	{"d", []difftest.Step{cli("-d", "/fake/dest", "tree")}},
	{"d-file", []difftest.Step{cli("-d", "ddd", "tree/top.py", "tree/pkg/mod.py")}},
	{"s-p", []difftest.Step{cli("-s", "tree", "-p", "/prefix", "tree")}},
	{"s", []difftest.Step{cli("-s", "tree/pkg", "tree")}},
	{"p", []difftest.Step{cli("-p", "pre", "tree")}},
	{"o1-o2", []difftest.Step{cli("-o", "1", "-o", "2", "tree")}},
	{"o-all-hardlink", []difftest.Step{cli("-o", "0", "-o", "1", "-o", "2", "--hardlink-dupes", "tree"),
		cli("-o", "0", "-o", "1", "-o", "2", "--hardlink-dupes", "tree"),
		cli("-f", "-q", "-o", "0", "-o", "1", "-o", "2", "--hardlink-dupes", "tree/pkg")}},
	{"o-rerun-one-level-stale", []difftest.Step{cli("-q", "-o", "1", "-o", "2", "tree"), cli("-o", "2", "-o", "0", "tree/pkg")}},
	{"b-levels", []difftest.Step{cli("-b", "-o", "1", "-o", "2", "tree/pkg")}},
	{"pycache-is-file", []difftest.Step{cli("tree/pkg/sub")}},
	{"o-dup", []difftest.Step{cli("-o", "1", "-o", "1", "-o", "0", "tree/top.py")}},
	{"mode-checked", []difftest.Step{cli("--invalidation-mode", "checked-hash", "tree")}},
	{"mode-unchecked", []difftest.Step{cli("--invalidation-mode=unchecked-hash", "tree")}},
	{"mode-timestamp-sde", []difftest.Step{cliEnv(map[string]string{"SOURCE_DATE_EPOCH": "1"}, "--inv", "timestamp", "tree")}},
	{"sde-default", []difftest.Step{cliEnv(map[string]string{"SOURCE_DATE_EPOCH": "1"}, "tree")}},
	{"x", []difftest.Step{cli("-x", "skip|deeper", "tree")}},
	{"x-q", []difftest.Step{cli("-q", "-x", `bad\.py$`, "tree")}},
	// Directories whose files -x all excludes are walked without yielding their files
	// (walker.excludedDir): the Listing lines must stay.
	{"x-subtree", []difftest.Step{cli("-x", "/pkg/", "tree")}},
	{"x-subtree-q", []difftest.Step{cli("-q", "-x", "(?i)PKG/", "tree")}},
	{"x-subtree-j", []difftest.Step{goArgs([]string{"-x", "/pkg/", "tree"}, []string{"-j0", "-x", "/pkg/", "tree"})}},
	{"x-subtree-end", []difftest.Step{cli("-x", "/pkg$|sub\\b", "tree")}},
	{"i-file", []difftest.Step{cli("-i", "list.txt", "tree/same.py")}},
	{"i-stdin", []difftest.Step{{CLI: "compileall", Args: []string{"-i", "-"}, Stdin: "tree/top.py\n  tree/pkg  \n\nnope.py\n"}}},
	{"i-missing", []difftest.Step{cli("-i", "nolist.txt", "tree")}},
	{"e", []difftest.Step{cli("-e", "tree", "tree")}},
	{"e-empty", []difftest.Step{cli("-e", "", "tree")}},
	{"j0", []difftest.Step{goArgs([]string{"tree"}, []string{"-j0", "tree"})}},
	{"j2-q", []difftest.Step{goArgs([]string{"-q", "tree"}, []string{"-q", "-j", "2", "tree"})}},
	{"j2-qq-o", []difftest.Step{goArgs([]string{"-qq", "-o1", "-o2", "tree"}, []string{"--workers=2", "-qq", "-o1", "-o2", "tree"})}},
	{"files", []difftest.Step{cli("tree/top.py", "tree/bad.py", "tree/data.txt", "tree/noext", "nonexist", "tree/pkg")}},
	{"prefix", []difftest.Step{cliEnv(map[string]string{"PYTHONPYCACHEPREFIX": "pfx"}, "tree")}},
	{"cfile-symlink", []difftest.Step{cli("tree/pkg/sub"), cli("-f", "tree/pkg/sub")}},
	{"cache-tag-ext", []difftest.Step{goArgs([]string{"-q", "tree"}, []string{"-q", "--cache-tag", "cpython-311", "tree"})}},
	{"prefix-ext", []difftest.Step{{CLI: "compileall", Args: []string{"tree/pkg"}, Env: map[string]string{"PYTHONPYCACHEPREFIX": "pfx"},
		GoArgs: []string{"--prefix=pfx", "tree/pkg"}}}},
	{"bad-option", []difftest.Step{cli("--bogus")}},
	{"bad-int", []difftest.Step{cli("-r", "x", "tree")}},
	{"bad-choice", []difftest.Step{cli("--invalidation-mode", "foo", "tree")}},
	{"missing-arg", []difftest.Step{cli("tree", "-d")}},
	{"hardlink-one-level", []difftest.Step{cli("--hardlink-dupes", "tree")}},
	{"d-and-s", []difftest.Step{cli("-d", "x", "-s", "y", "tree")}},
	{"intermixed", []difftest.Step{cli("tree", "-q", "tree")}},
	{"ambiguous", []difftest.Step{cli("--h", "tree")}},
	{"combined-flags", []difftest.Step{cli("-qfl", "tree")}},
	{"negative-j", []difftest.Step{cli("-j", "-1", "tree")}},
	{"dashdash", []difftest.Step{cli("-q", "--", "tree")}},
}

// prepare builds the scenario's two copies and its extra files.
func prepare(t *testing.T, dir, name string) {
	if err := difftest.Build(dir); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "list.txt"), []byte("tree/top.py\ntree/pkg/sub\r\n"), 0o644)
	if name == "pycache-is-file" {
		os.WriteFile(filepath.Join(dir, "tree/pkg/sub/deeper/__pycache__"), nil, 0o644)
	}
	if name == "cfile-symlink" {
		// A cache path that is a symlink: FileExistsError, and the file is reported as failed.
		pc := filepath.Join(dir, "tree/pkg/sub/__pycache__")
		os.MkdirAll(pc, 0o755)
		for _, tag := range []string{"cpython-311", "gopyc-311"} {
			os.Symlink("elsewhere", filepath.Join(pc, "deep."+tag+".pyc"))
		}
		os.Mkdir(filepath.Join(pc, "__init__.cpython-311.pyc"), 0o755)
		os.Mkdir(filepath.Join(pc, "__init__.gopyc-311.pyc"), 0o755)
	}
}

func TestCompileallDifferential(t *testing.T) {
	if _, err := oracle.Python(); err != nil {
		t.Skip(err)
	}
	start := time.Now()
	tmp := t.TempDir()
	var scs []difftest.Scenario
	for _, c := range cases {
		py := filepath.Join(tmp, c.name, "py")
		prepare(t, py, c.name)
		prepare(t, filepath.Join(tmp, c.name, "go"), c.name)
		scs = append(scs, difftest.Scenario{Dir: py, Steps: c.steps, Inspect: []string{py}})
	}
	t0 := time.Now()
	want, err := difftest.Run("run", scs)
	if err != nil {
		t.Fatal(err)
	}
	t1 := time.Now()
	got := make([][]difftest.StepResult, len(cases))
	var goScs []difftest.Scenario
	for i, c := range cases {
		dir := filepath.Join(tmp, c.name, "go")
		got[i] = runGo(t, dir, c.steps)
		goScs = append(goScs, difftest.Scenario{Dir: dir, Inspect: []string{dir}})
	}
	t2 := time.Now()
	gotList, err := difftest.Run("inspect", goScs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d scenarios: trees %v, CPython %v, gopyc %v, inspect %v", len(cases), t0.Sub(start),
		t1.Sub(t0), t2.Sub(t1), time.Since(t2))
	for i, c := range cases {
		pyRoot, goRoot := filepath.Join(tmp, c.name, "py"), filepath.Join(tmp, c.name, "go")
		for k, w := range want[i].Steps {
			g := got[i][k]
			if c.steps[k].Touch != "" {
				continue
			}
			// Temporary file names differ by design (PYCACHE.md: unique per process and attempt).
			ws := tmpName.ReplaceAllString(difftest.Normalize(w.Stdout, pyRoot), ".pyc.TMP'")
			gs := tmpName.ReplaceAllString(difftest.Normalize(g.Stdout, goRoot), ".pyc.TMP'")
			if ws != gs {
				t.Errorf("%s step %d stdout:\n%s", c.name, k, difftest.Diff(strings.Split(ws, "\n"), strings.Split(gs, "\n")))
			}
			we, ge := difftest.Normalize(w.Stderr, pyRoot), difftest.Normalize(g.Stderr, goRoot)
			if w.RC == 1 && strings.Contains(we, "Traceback") {
				// An exception escaped: compare only its last line.
				we, ge = lastLine(we), lastLine(ge)
			}
			if we != ge {
				t.Errorf("%s step %d stderr:\n%s", c.name, k, difftest.Diff(strings.Split(we, "\n"), strings.Split(ge, "\n")))
			}
			if w.RC != g.RC {
				t.Errorf("%s step %d: exit %d, CPython %d", c.name, k, g.RC, w.RC)
			}
		}
		wl := normAll(want[i].Listing[0], pyRoot)
		gl := normAll(gotList[i].Listing[0], goRoot)
		if d := difftest.Diff(wl, gl); d != "" {
			t.Errorf("%s: files differ:\n%s", c.name, d)
		}
	}
}

var tmpName = regexp.MustCompile(`\.pyc\.[0-9.]+(tmp)?'`)

func lastLine(s string) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return l[len(l)-1]
}

func normAll(lines []string, root string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = difftest.Normalize(l, root)
	}
	return out
}

// runGo runs the steps with the Go tool in dir.
func runGo(t *testing.T, dir string, steps []difftest.Step) []difftest.StepResult {
	t.Chdir(dir)
	var res []difftest.StepResult
	for _, s := range steps {
		if s.Touch != "" {
			tm := time.Unix(s.Mtime, 0)
			if err := os.Chtimes(filepath.Join(dir, s.Touch), tm, tm); err != nil {
				t.Fatal(err)
			}
			res = append(res, difftest.StepResult{})
			continue
		}
		prefix := s.Env["PYTHONPYCACHEPREFIX"]
		if s.GoArgs != nil {
			prefix = "" // the Go side gets its prefix from --prefix
		}
		cfg := &Config{Config: &pycompile.Config{Prefix: prefix,
			SourceDateEpoch: s.Env["SOURCE_DATE_EPOCH"]}, SysPath: []string{""}}
		args := s.Args
		if s.GoArgs != nil {
			args = s.GoArgs
		}
		var out, errb bytes.Buffer
		rc := cfg.Main(args, strings.NewReader(s.Stdin), &out, &errb)
		res = append(res, difftest.StepResult{Stdout: out.String(), Stderr: errb.String(), RC: rc})
	}
	return res
}
