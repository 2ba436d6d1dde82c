package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gopyc/internal/oracle"
)

var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gopyc-cmd")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "gopyc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func runBin(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func writePyc(t *testing.T, src string) string {
	t.Helper()
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "prog.py")
	os.WriteFile(f, []byte(src), 0o644)
	pyc := filepath.Join(dir, "prog.pyc")
	if out, err := exec.Command(py, "-S", "-c", "import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", f, pyc).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	return pyc
}

func TestFlags(t *testing.T) {
	out, _, code := runBin(t, "", "--version")
	if out != "Python 3.11.7\n" || code != 0 {
		t.Errorf("--version: %q %d", out, code)
	}
	out, _, code = runBin(t, "", "-V")
	if out != "Python 3.11.7\n" || code != 0 {
		t.Errorf("-V: %q %d", out, code)
	}
	_, errs, code := runBin(t, "", "-Z")
	if code != 2 || !strings.HasPrefix(errs, "Unknown option: -Z\nusage: ") {
		t.Errorf("-Z: %q %d", errs, code)
	}
	_, errs, code = runBin(t, "", "-c")
	if code != 2 || !strings.HasPrefix(errs, "Argument expected for the -c option\n") {
		t.Errorf("-c: %q %d", errs, code)
	}
	_, errs, code = runBin(t, "", "--check-hash-based-pycs", "sometimes", "x.py")
	if code != 2 || !strings.HasPrefix(errs, "--check-hash-based-pycs must be one of 'default', 'always', or 'never'") {
		t.Errorf("--check-hash-based-pycs: %q %d", errs, code)
	}
}

func TestRunCommandAndScript(t *testing.T) {
	out, _, code := runBin(t, "", "-c", "import sys; print(sys.argv, 6 * 7)", "a", "b")
	if out != "['-c', 'a', 'b'] 42\n" || code != 0 {
		t.Errorf("-c: %q %d", out, code)
	}
	pyc := writePyc(t, "import sys\nprint('args', sys.argv[1:])\nsys.exit(4)\n")
	out, _, code = runBin(t, "", pyc, "x", "y")
	if out != "args ['x', 'y']\n" || code != 4 {
		t.Errorf("pyc: %q %d", out, code)
	}
	out, _, code = runBin(t, "hello\n", "-c", "print(input().upper())")
	if out != "HELLO\n" || code != 0 {
		t.Errorf("stdin: %q %d", out, code)
	}
}

func TestBadMagic(t *testing.T) {
	f := filepath.Join(t.TempDir(), "bad.pyc")
	os.WriteFile(f, []byte("\x00\x01\x02\x03xxxxxxxxxxxxxxxxxxxx"), 0o644)
	_, errs, code := runBin(t, "", f)
	if code != 1 || errs != "RuntimeError: Bad magic number in .pyc file\n" {
		t.Errorf("bad magic: %q %d", errs, code)
	}
}

func TestUncaughtAndSystemExit(t *testing.T) {
	pyc := writePyc(t, "print('x')\nraise KeyError('k')\n")
	out, errs, code := runBin(t, "", pyc)
	if out != "x\n" || code != 1 || !strings.HasSuffix(errs, "KeyError: 'k'\n") || !strings.HasPrefix(errs, "Traceback (most recent call last):\n") {
		t.Errorf("uncaught: %q %q %d", out, errs, code)
	}
	pyc = writePyc(t, "raise SystemExit('bye')\n")
	_, errs, code = runBin(t, "", pyc)
	if errs != "bye\n" || code != 1 {
		t.Errorf("SystemExit: %q %d", errs, code)
	}
}

func TestSIGINT(t *testing.T) {
	pyc := writePyc(t, "import sys\nprint('ready', flush=True)\nn = 0\nwhile True:\n    n += 1\n")
	cmd := exec.Command(bin, pyc)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := stdout.Read(buf); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok {
		t.Fatalf("exit: %v", err)
	}
	ws := ee.Sys().(syscall.WaitStatus)
	if !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("want death by SIGINT, got %v", ws)
	}
	if !strings.HasSuffix(errb.String(), "KeyboardInterrupt\n") {
		t.Errorf("stderr %q", errb.String())
	}
}

func TestTools(t *testing.T) {
	f := filepath.Join(t.TempDir(), "m.py")
	os.WriteFile(f, []byte("x = 1\n"), 0o644)
	out, errs, code := runBin(t, "", "-m", "dis", f)
	if code != 0 || !strings.Contains(out, "STORE_NAME") {
		t.Errorf("-m dis: %q %q %d", out, errs, code)
	}
	out, errs, code = runBin(t, "", "-m", "ast", f)
	if code != 0 || !strings.Contains(out, "Assign(") {
		t.Errorf("-m ast: %q %q %d", out, errs, code)
	}
}
