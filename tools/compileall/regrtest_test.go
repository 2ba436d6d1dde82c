package compileall

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"gopyc/internal/oracle"
)

// TestCPythonRegrtestOnGopycBytecode runs CPython's own regression tests on gopyc's bytecode:
// scripts/cpython_regrtest.sh --quick compiles the oracle's whole standard library (Lib/test
// included) with gopyc's compileall under the cpython-311 tag into a PYTHONPYCACHEPREFIX tree
// (about 5 s with -j0), runs a representative subset of `python3 -m test` once on CPython's own
// bytecode and once on gopyc's tree, and fails on any test module that passes the first way and
// fails the second (less scripts/cpython_regrtest_exclude.txt), or on any standard-library module
// that CPython had to compile itself. Compiling the whole library rather than the modules the
// subset imports costs a few seconds and guarantees that every module regrtest loads (its own
// machinery, unittest, the test support packages) runs on gopyc's bytecode. The run takes about
// 40 s on a loaded 2-core machine.
func TestCPythonRegrtestOnGopycBytecode(t *testing.T) {
	if testing.Short() {
		t.Skip("runs CPython's regression tests (-short)")
	}
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	lib, err := oracle.Stdlib()
	if err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat(filepath.Join(lib, "test", "libregrtest")); err != nil {
		t.Skipf("the oracle's library has no Lib/test: %v", err)
	}
	for _, tool := range []string{"bash", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: %v", tool, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join("..", "..", "scripts", "cpython_regrtest.sh"), "--quick", "-j", "2")
	cmd.Env = append(os.Environ(), "GOPYC_ORACLE="+py)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("scripts/cpython_regrtest.sh --quick (%v):\n%s", time.Since(start).Round(time.Second), out)
	if err != nil {
		t.Fatalf("CPython's regression tests regress on gopyc's bytecode, or the run failed: %v", err)
	}
}
