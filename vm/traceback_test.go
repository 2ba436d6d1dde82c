package vm_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/internal/oracle"
	"gopyc/modules"
	"gopyc/objects"
	"gopyc/vm"
)

// TestTracebacks compares the complete stderr of uncaught exceptions (testdata/traceback/*.py)
// with CPython 3.11's: the chain separators, "File ..., line ..., in ..." entries, source lines,
// ^^^^ / ~~~^^^ position markers, repeated-line elision, notes and the final line.
func TestTracebacks(t *testing.T) {
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	files, _ := filepath.Glob("testdata/traceback/*.py")
	dir := t.TempDir()
	for _, f := range files {
		name := filepath.Base(f)
		pyc := filepath.Join(dir, name+"c")
		comp := exec.Command(py, "-S", "-c", "import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True)", f, pyc, name)
		if out, err := comp.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v %s", name, err, out)
		}
		ref := exec.Command(py, "-S", pyc)
		ref.Dir = "testdata/traceback"
		var wantOut, wantErr bytes.Buffer
		ref.Stdout, ref.Stderr = &wantOut, &wantErr
		_ = ref.Run()
		data, _ := os.ReadFile(pyc)
		co, err := loadPyc(data)
		if err != nil {
			t.Fatal(err)
		}
		var gotOut, gotErr bytes.Buffer
		in := vm.New()
		in.SetOutput(&gotOut, &gotErr)
		in.SetStdin(bufio.NewReader(strings.NewReader("")))
		modules.Install(in)
		mod := vm.NewModule("__main__")
		in.Modules.SetStr(objects.NewStr("__main__"), mod)
		wd, _ := os.Getwd()
		_ = os.Chdir("testdata/traceback")
		in.GIL.Lock()
		status := in.MainThread().RunMain(co, mod.Dict)
		in.GIL.Unlock()
		_ = os.Chdir(wd)
		if status != 1 {
			t.Errorf("%s: exit status %d, want 1", name, status)
		}
		if gotOut.String() != wantOut.String() {
			t.Errorf("%s: stdout %q, want %q", name, gotOut.String(), wantOut.String())
		}
		if gotErr.String() != wantErr.String() {
			t.Errorf("%s: stderr differs\n--- got\n%s--- want\n%s", name, gotErr.String(), wantErr.String())
		}
	}
}
