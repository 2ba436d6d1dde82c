package modules_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gopyc/internal/oracle"
)

// stdlibExpectedFailures lists the programs of testdata/stdlib that do not yet print what
// CPython prints. The test fails when one of them starts passing, so that the list shrinks.
var stdlibExpectedFailures = map[string]bool{}

// TestStdlibPrograms runs each program of testdata/stdlib (one per standard-library module,
// exercising it) with the gopyc binary over CPython's own standard library and with CPython,
// and compares their standard output and exit status.
func TestStdlibPrograms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the gopyc binary and runs CPython")
	}
	stdlib, err := oracle.Stdlib()
	if err != nil {
		t.Skip(err)
	}
	bin := filepath.Join(t.TempDir(), "gopyc")
	build := exec.Command("go", "build", "-o", bin, "gopyc/cmd/gopyc")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "stdlib", "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs: %v", err)
	}
	sort.Strings(files)
	work := t.TempDir()
	var passed, failed []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		abs, _ := filepath.Abs(f)
		want, _, wantCode := runProgram(t, oracleCmd(t, abs), work)
		gcmd := exec.Command(bin, abs)
		gcmd.Env = append(os.Environ(), "PYTHONHASHSEED=0", "GOPYC_STDLIB="+stdlib)
		got, gotErr, gotCode := runProgram(t, gcmd, work)
		ok := got == want && gotCode == wantCode
		switch {
		case ok && stdlibExpectedFailures[name]:
			t.Errorf("%s passes now: remove it from stdlibExpectedFailures", name)
		case !ok && !stdlibExpectedFailures[name]:
			t.Errorf("%s: exit %d, want %d\n--- gopyc\n%s\n--- gopyc stderr\n%s\n--- python3.11\n%s", name, gotCode, wantCode, got, gotErr, want)
		}
		if ok {
			passed = append(passed, name)
		} else {
			failed = append(failed, name)
		}
	}
	t.Logf("stdlib programs: %d/%d pass; failing: %s", len(passed), len(files), strings.Join(failed, " "))
}

func oracleCmd(t *testing.T, file string) *exec.Cmd {
	cmd, err := oracle.Command(file)
	if err != nil {
		t.Skip(err)
	}
	return cmd
}

// runProgram runs cmd in dir with a time limit and returns its standard output, standard
// error and exit code.
func runProgram(t *testing.T, cmd *exec.Cmd, dir string) (string, string, int) {
	var out, errb bytes.Buffer
	cmd.Dir = dir
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", cmd.Path, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		return out.String(), errb.String(), code
	case <-time.After(120 * time.Second):
		cmd.Process.Kill()
		<-done
		return out.String() + "\n[timed out]", errb.String(), -1
	}
}
