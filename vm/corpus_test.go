package vm_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopyc/compile"
	"gopyc/internal/oracle"
	"gopyc/marshal"
	"gopyc/modules"
	"gopyc/objects"
	"gopyc/vm"
)

type expected struct {
	Stdout     string `json:"stdout"`
	Exit       int    `json:"exit"`
	StderrLast string `json:"stderr_last"`
}

// compileCorpus byte-compiles every corpus program with the oracle into dir (one .pyc per .py).
func TestMain(m *testing.M) {
	// The expectations were recorded with PYTHONHASHSEED=0.
	objects.SetHashSeed(0, false)
	os.Exit(m.Run())
}

func compileCorpus(t *testing.T, names []string, dir string) {
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	script := `import py_compile, sys
src, dst = sys.argv[1], sys.argv[2]
for n in sys.argv[3:]:
    py_compile.compile(src + "/" + n, cfile=dst + "/" + n + "c", dfile=n, doraise=True)
`
	args := append([]string{"-S", "-c", script, "testdata/corpus", dir}, names...)
	cmd := exec.Command(py, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("py_compile: %v\n%s", err, out)
	}
}

// runPyc runs one compiled program in-process the way cmd/gopyc does.
func runPyc(pyc []byte, stdin []byte, dir string) (stdout, stderr string, status int) {
	var out, errb bytes.Buffer
	in := vm.New()
	in.SetOutput(&out, &errb)
	in.SetStdin(bufio.NewReader(bytes.NewReader(stdin)))
	in.LoadPyc = loadPyc
	modules.Install(in)
	in.Compile = func(src []byte, filename, mode string, optimize int) (*objects.Code, error) {
		c, err := compile.Source(src, filename, mode, optimize)
		if err != nil {
			return nil, vm.Errorf(vm.SyntaxErrorType, "%s", err.Error())
		}
		return c, nil
	}
	in.SetPath([]string{dir})
	in.SetArgv([]string{"prog.py"})
	co, err := loadPyc(pyc)
	if err != nil {
		return "", err.Error(), 99
	}
	main := vm.NewModule("__main__")
	in.Modules.SetStr(objects.NewStr("__main__"), main)
	in.GIL.Lock()
	status = in.MainThread().RunMain(co, main.Dict)
	if in.MainThread().UncaughtKeyboardInterrupt() {
		status = -2 // cmd/gopyc dies of SIGINT, as CPython does
	}
	in.GIL.Unlock()
	return out.String(), errb.String(), status
}

func loadPyc(data []byte) (*objects.Code, error) {
	o, err := marshal.Loads(data[16:])
	if err != nil {
		return nil, err
	}
	return o.(*objects.Code), nil
}

func readXfail(t *testing.T) map[string]bool {
	m := map[string]bool{}
	data, err := os.ReadFile("testdata/corpus_xfail.txt")
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[strings.Fields(line)[0]] = true
		}
	}
	return m
}

// TestCorpus runs every program of testdata/corpus (compiled by CPython) and compares stdout, the
// exit status and the last line of stderr with CPython's, recorded by testdata/gen_expected.py.
// Programs listed in testdata/corpus_xfail.txt are expected to fail; the test fails if one of them
// passes (so the list stays honest) or if any other program fails.
func TestCorpus(t *testing.T) {
	data, err := os.ReadFile("testdata/corpus_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp map[string]expected
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range exp {
		names = append(names, n)
	}
	sort.Strings(names)
	dir := t.TempDir()
	compileCorpus(t, names, dir)
	xfail := readXfail(t)
	pass, fail, xf := 0, 0, 0
	only := os.Getenv("CORPUS")
	for _, n := range names {
		if only != "" && !strings.Contains(n, only) {
			continue
		}
		e := exp[n]
		pyc, err := os.ReadFile(filepath.Join(dir, n+"c"))
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		stdin, _ := os.ReadFile(filepath.Join("testdata/corpus", strings.TrimSuffix(n, ".py")+".stdin"))
		type res struct {
			out, err string
			st       int
		}
		ch := make(chan res, 1)
		go func() {
			o, e2, s := runPyc(pyc, stdin, "testdata/corpus")
			ch <- res{o, e2, s}
		}()
		var r res
		select {
		case r = <-ch:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: timed out", n)
		}
		errLines := strings.Split(strings.TrimRight(r.err, "\n"), "\n")
		last := errLines[len(errLines)-1]
		ok := r.out == e.Stdout && r.st == e.Exit && last == e.StderrLast
		switch {
		case ok && xfail[n]:
			t.Errorf("%s: passes but is listed in corpus_xfail.txt", n)
			pass++
		case ok:
			pass++
		case xfail[n]:
			xf++
		default:
			fail++
			t.Errorf("%s: mismatch (exit %d want %d; stderr %q want %q)\n%s", n, r.st, e.Exit, last, e.StderrLast, lineDiff(r.out, e.Stdout))
		}
	}
	t.Logf("corpus: %d programs, %d pass, %d expected failures, %d unexpected failures", pass+fail+xf, pass, xf, fail)
}

// lineDiff shows the first differing lines of got and want.
func lineDiff(got, want string) string {
	g := strings.Split(got, "\n")
	w := strings.Split(want, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			b.WriteString("  line " + strconv.Itoa(i+1) + "\n    got:  " + clip(gl) + "\n    want: " + clip(wl) + "\n")
			shown++
			if shown >= 3 {
				break
			}
		}
	}
	return b.String()
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}
