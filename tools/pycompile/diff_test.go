package pycompile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/internal/oracle"
	"gopyc/tools/pycompile/difftest"
)

func cli(args ...string) difftest.Step { return difftest.Step{CLI: "py_compile", Args: args} }

func sp(s string) *string { return &s }

func api(a difftest.API) difftest.Step { return difftest.Step{API: &a} }

func apiEnv(env map[string]string, a difftest.API) difftest.Step {
	return difftest.Step{API: &a, Env: env}
}

var cases = []struct {
	name  string
	steps []difftest.Step
}{
	{"ok", []difftest.Step{cli("tree/top.py", "tree/same.py", "tree/héllo.py")}},
	{"first-failure", []difftest.Step{cli("tree/top.py", "tree/bad.py", "tree/same.py")}},
	{"q", []difftest.Step{cli("-q", "tree/bad.py")}},
	{"quiet-long-abbrev", []difftest.Step{cli("--qu", "tree/ind.py", "tree/top.py")}},
	{"indentation", []difftest.Step{cli("tree/ind.py")}},
	{"compiler-errors", []difftest.Step{cli("tree/fut.py"), cli("tree/nonlocal.py"),
		api(difftest.API{File: "tree/fut.py", Dfile: sp("nowhere.py"), Doraise: true, Optimize: -1}),
		api(difftest.API{File: "tree/nonlocal.py", Dfile: sp("tree/top.py"), Doraise: true, Optimize: -1})}},
	{"warnings", []difftest.Step{cli("tree/warn.py"),
		api(difftest.API{File: "tree/warn.py", Dfile: sp("tree/top.py"), Cfile: sp("w.pyc"), Optimize: -1}),
		api(difftest.API{File: "tree/warn.py", Dfile: sp("nowhere.py"), Cfile: sp("w2.pyc"), Optimize: -1})}},
	{"bad2", []difftest.Step{cli("tree/pkg/sub/deeper/bad2.py")}},
	{"missing", []difftest.Step{cli("tree/top.py", "missing.py")}},
	{"directory", []difftest.Step{cli("tree/empty")}},
	{"stdin", []difftest.Step{{CLI: "py_compile", Args: []string{"-"}, Stdin: "tree/top.py\ntree/pkg/mod.py\r\ntree/bad.py\ntree/same.py\n"}}},
	{"stdin-empty", []difftest.Step{{CLI: "py_compile", Args: []string{"-"}}}},
	{"dash-among-files", []difftest.Step{cli("tree/top.py", "-")}},
	{"no-args", []difftest.Step{cli()}},
	{"help", []difftest.Step{cli("-h")}},
	{"intermixed", []difftest.Step{cli("tree/top.py", "-q", "tree/same.py")}},
	{"unknown", []difftest.Step{cli("--nope", "tree/top.py")}},
	{"sde", []difftest.Step{{CLI: "py_compile", Args: []string{"tree/top.py"}, Env: map[string]string{"SOURCE_DATE_EPOCH": "0"}}}},
	{"prefix", []difftest.Step{{CLI: "py_compile", Args: []string{"tree/top.py", "tree/pkg/mod.py"}, Env: map[string]string{"PYTHONPYCACHEPREFIX": "pfx"}}}},
	{"cfile-symlink", []difftest.Step{cli("tree/pkg/sub/deep.py")}},
	{"cfile-dir", []difftest.Step{cli("tree/pkg/sub/__init__.py")}},
	{"api-default", []difftest.Step{api(difftest.API{File: "tree/top.py", Optimize: -1})}},
	{"api-cfile-dfile", []difftest.Step{api(difftest.API{File: "tree/pkg/mod.py", Cfile: sp("out/new/mod.pyc"), Dfile: sp("/display/mod.py"), Optimize: -1})}},
	{"api-bad-print", []difftest.Step{api(difftest.API{File: "tree/bad.py", Optimize: -1})}},
	{"api-bad-raise", []difftest.Step{api(difftest.API{File: "tree/bad.py", Dfile: sp("shown.py"), Doraise: true, Optimize: -1})}},
	{"api-bad-quiet1", []difftest.Step{api(difftest.API{File: "tree/bad.py", Quiet: 1, Optimize: -1})}},
	{"api-bad-quiet2-raise", []difftest.Step{api(difftest.API{File: "tree/bad.py", Quiet: 2, Doraise: true, Optimize: -1})}},
	{"api-ind-raise", []difftest.Step{api(difftest.API{File: "tree/ind.py", Doraise: true, Optimize: -1})}},
	{"api-missing", []difftest.Step{api(difftest.API{File: "nope.py", Doraise: true, Optimize: -1})}},
	{"api-opt", []difftest.Step{
		api(difftest.API{File: "tree/top.py", Optimize: 0}),
		api(difftest.API{File: "tree/top.py", Optimize: 1}),
		api(difftest.API{File: "tree/top.py", Optimize: 2})}},
	{"api-modes", []difftest.Step{
		api(difftest.API{File: "tree/top.py", Mode: sp("CHECKED_HASH"), Optimize: 1}),
		api(difftest.API{File: "tree/top.py", Mode: sp("UNCHECKED_HASH"), Optimize: 2}),
		api(difftest.API{File: "tree/same.py", Mode: sp("TIMESTAMP"), Optimize: -1})}},
	{"api-sde", []difftest.Step{
		apiEnv(map[string]string{"SOURCE_DATE_EPOCH": "123"}, difftest.API{File: "tree/top.py", Optimize: -1}),
		apiEnv(map[string]string{"SOURCE_DATE_EPOCH": "123"}, difftest.API{File: "tree/same.py", Mode: sp("TIMESTAMP"), Optimize: -1})}},
	{"deep-nesting", []difftest.Step{cli("deep.py")}},
	{"api-nul", []difftest.Step{api(difftest.API{File: "nul.py", Doraise: true, Optimize: -1})}},
	{"api-bad-optimize", []difftest.Step{api(difftest.API{File: "tree/top.py", Cfile: sp("o3.pyc"), Doraise: true, Optimize: 3})}},
}

func prepare(t *testing.T, dir string) {
	if err := difftest.Build(dir); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "nul.py"), []byte("x = 1\x00\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "deep.py"), []byte("x = "+strings.Repeat("-", 100000)+"1\n"), 0o644)
	pc := filepath.Join(dir, "tree/pkg/sub/__pycache__")
	os.MkdirAll(pc, 0o755)
	for _, tag := range []string{"cpython-311", "gopyc-311"} {
		os.Symlink("elsewhere", filepath.Join(pc, "deep."+tag+".pyc"))
		os.Mkdir(filepath.Join(pc, "__init__."+tag+".pyc"), 0o755)
	}
}

func TestPyCompileDifferential(t *testing.T) {
	if _, err := oracle.Python(); err != nil {
		t.Skip(err)
	}
	tmp := t.TempDir()
	var scs []difftest.Scenario
	for _, c := range cases {
		py := filepath.Join(tmp, c.name, "py")
		prepare(t, py)
		prepare(t, filepath.Join(tmp, c.name, "go"))
		scs = append(scs, difftest.Scenario{Dir: py, Steps: c.steps, Inspect: []string{py}})
	}
	want, err := difftest.Run("run", scs)
	if err != nil {
		t.Fatal(err)
	}
	got := make([][]difftest.StepResult, len(cases))
	var goScs []difftest.Scenario
	for i, c := range cases {
		dir := filepath.Join(tmp, c.name, "go")
		got[i] = runGo(t, dir, c.steps)
		goScs = append(goScs, difftest.Scenario{Dir: dir, Inspect: []string{dir}})
	}
	gotList, err := difftest.Run("inspect", goScs)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		pyRoot, goRoot := filepath.Join(tmp, c.name, "py"), filepath.Join(tmp, c.name, "go")
		for k, w := range want[i].Steps {
			g := got[i][k]
			n := func(s, root string) string { return difftest.Normalize(s, root) }
			pairs := [][3]string{
				{"stdout", n(w.Stdout, pyRoot), n(g.Stdout, goRoot)},
				{"stderr", n(w.Stderr, pyRoot), n(g.Stderr, goRoot)},
				{"exc", w.Exc, g.Exc},
				{"exc_type_name", w.ExcTypeName, g.ExcTypeName},
				{"file", w.File, g.File},
				{"msg", n(w.Msg, pyRoot), n(g.Msg, goRoot)},
			}
			if w.Result != nil || g.Result != nil {
				ws, gs := "None", "None"
				if w.Result != nil {
					ws = n(*w.Result, pyRoot)
				}
				if g.Result != nil {
					gs = n(*g.Result, goRoot)
				}
				pairs = append(pairs, [3]string{"result", ws, gs})
			}
			for _, p := range pairs {
				if p[1] != p[2] {
					t.Errorf("%s step %d %s:\n%s", c.name, k, p[0], difftest.Diff(strings.Split(p[1], "\n"), strings.Split(p[2], "\n")))
				}
			}
			if w.RC != g.RC {
				t.Errorf("%s step %d: exit %d, CPython %d", c.name, k, g.RC, w.RC)
			}
		}
		var wl, gl []string
		for _, l := range want[i].Listing[0] {
			wl = append(wl, difftest.Normalize(l, pyRoot))
		}
		for _, l := range gotList[i].Listing[0] {
			gl = append(gl, difftest.Normalize(l, goRoot))
		}
		if d := difftest.Diff(wl, gl); d != "" {
			t.Errorf("%s: files differ:\n%s", c.name, d)
		}
	}
}

func runGo(t *testing.T, dir string, steps []difftest.Step) []difftest.StepResult {
	t.Chdir(dir)
	var res []difftest.StepResult
	for _, s := range steps {
		var out, errb bytes.Buffer
		cfg := &Config{Prefix: s.Env["PYTHONPYCACHEPREFIX"], SourceDateEpoch: s.Env["SOURCE_DATE_EPOCH"], Stderr: &errb}
		if s.API == nil {
			rc := cfg.Main(s.Args, strings.NewReader(s.Stdin), &out, &errb)
			res = append(res, difftest.StepResult{Stdout: out.String(), Stderr: errb.String(), RC: rc})
			continue
		}
		a := s.API
		var cfile, dfile string
		if a.Cfile != nil {
			cfile = *a.Cfile
		}
		if a.Dfile != nil {
			dfile = *a.Dfile
		}
		mode := Default
		if a.Mode != nil {
			mode = map[string]Mode{"TIMESTAMP": Timestamp, "CHECKED_HASH": CheckedHash, "UNCHECKED_HASH": UncheckedHash}[*a.Mode]
		}
		r, err := cfg.Compile(a.File, cfile, dfile, a.Doraise, a.Optimize, mode, a.Quiet)
		sr := difftest.StepResult{Stderr: errb.String()}
		var pce *PyCompileError
		var oe *OSError
		switch {
		case err == nil:
			if r != "" {
				sr.Result = &r
			}
		case errors.As(err, &pce):
			sr.Exc, sr.ExcTypeName, sr.File, sr.Msg = "PyCompileError", pce.ExcTypeName, pce.File, pce.Msg
		case errors.As(err, &oe):
			sr.Exc, sr.Msg = oe.Class, oe.Error()
		default:
			t.Errorf("unexpected error %T %v", err, err)
		}
		res = append(res, sr)
	}
	return res
}
