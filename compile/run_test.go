package compile

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopyc/internal/oracle"
	"gopyc/marshal"
	"gopyc/pycache"
)

// pycBytes compiles a source file into the bytes of a .pyc file (unchecked-hash header).
func pycBytes(src []byte, filename string, optimize int) ([]byte, error) {
	co, err := Source(src, filename, "exec", optimize)
	if err != nil {
		return nil, err
	}
	body, err := marshal.Dumps(co, 4)
	if err != nil {
		return nil, err
	}
	h := pycache.HashHeader(src, false)
	return append(h.Bytes(), body...), nil
}

// runPrograms compiles every program, runs source and pyc in one python process
// (testdata/runpyc.py) and returns the failing programs with a reason.
func runPrograms(t *testing.T, files []string, optimize int) (failed map[string]string) {
	t.Helper()
	dir := t.TempDir()
	failed = map[string]string{}
	var input strings.Builder
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pyc, err := func() (b []byte, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			return pycBytes(src, f, optimize)
		}()
		if err != nil {
			failed[f] = "compile: " + err.Error()
			continue
		}
		out := filepath.Join(dir, fmt.Sprintf("p%d.pyc", i))
		if err := os.WriteFile(out, pyc, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&input, "%s\t%s\n", f, out)
	}
	args := []string{"testdata/runpyc.py"}
	if optimize == 1 {
		args = append([]string{"-O"}, args...)
	} else if optimize == 2 {
		args = append([]string{"-OO"}, args...)
	}
	cmd, err := oracle.Command(args...)
	if err != nil {
		t.Skip(err)
	}
	cmd.Stdin = strings.NewReader(input.String())
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct {
			Src   string `json:"src"`
			OK    bool   `json:"ok"`
			Error string `json:"error"`
			Want  string `json:"want"`
			Got   string `json:"got"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Error != "" {
			failed[r.Src] = r.Error
		} else if !r.OK {
			failed[r.Src] = fmt.Sprintf("output differs\n--- want\n%s\n--- got\n%s", r.Want, r.Got)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("runpyc.py: %v", err)
	}
	return failed
}

func globFiles(t *testing.T, patterns ...string) []string {
	var out []string
	for _, p := range patterns {
		m, err := filepath.Glob(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	sort.Strings(out)
	return out
}

// knownRunFailures are programs expected to fail, with the reason; kept explicit and counted.
var knownRunFailures = map[string]string{}

func TestRunPrograms(t *testing.T) {
	files := globFiles(t, "testdata/run/*.py", "../../shared/bench/*.py", "../vm/testdata/corpus/*.py")
	if len(files) == 0 {
		t.Skip("no programs")
	}
	failed := runPrograms(t, files, 0)
	bad := 0
	for _, f := range files {
		why, ok := failed[f]
		_, known := knownRunFailures[filepath.Base(f)]
		switch {
		case ok && !known:
			bad++
			t.Errorf("%s: %s", f, why)
		case !ok && known:
			t.Errorf("%s: listed as a known failure but passes", f)
		}
	}
	t.Logf("%d programs, %d pass, %d known failures", len(files), len(files)-len(failed), len(knownRunFailures))
}

// TestRunProgramsOptimized runs the compiler's own corpus under -O and -OO: asserts and
// __debug__ blocks vanish, docstrings too under -OO, and CPython run with the same flag agrees.
func TestRunProgramsOptimized(t *testing.T) {
	files := globFiles(t, "testdata/run/*.py")
	for _, opt := range []int{1, 2} {
		failed := runPrograms(t, files, opt)
		for f, why := range failed {
			t.Errorf("-O%d %s: %s", opt, f, why)
		}
		t.Logf("optimize=%d: %d programs, %d pass", opt, len(files), len(files)-len(failed))
	}
}
