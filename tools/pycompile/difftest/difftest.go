// Package difftest supports the differential tests of gopyc's py_compile and compileall against
// CPython 3.11: it builds a source tree with the cases both tools must handle, runs CPython's
// tools on one copy through the committed driver (../testdata/driver.py, one interpreter start
// per batch of scenarios), lists the files written (16-byte headers, co_filename read back by
// CPython's marshal, modes, hard links), and normalises the differences that are expected: the
// cache tag (gopyc-311 vs cpython-311) and the scenario's root directory.
package difftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"gopyc/internal/oracle"
)

// API is one call of py_compile.compile.
type API struct {
	File     string  `json:"file"`
	Cfile    *string `json:"cfile"`
	Dfile    *string `json:"dfile"`
	Doraise  bool    `json:"doraise"`
	Optimize int     `json:"optimize"`
	Mode     *string `json:"mode"`
	Quiet    int     `json:"quiet"`
}

// Step is one action of a scenario: a command line, an API call or a change of a source's
// mtime.
type Step struct {
	CLI    string            `json:"cli,omitempty"`
	Args   []string          `json:"args,omitempty"`
	Env    map[string]string `json:"env,omitempty"`
	Stdin  string            `json:"stdin,omitempty"`
	API    *API              `json:"api,omitempty"`
	Touch  string            `json:"touch,omitempty"`
	Mtime  int64             `json:"mtime,omitempty"`
	GoArgs []string          `json:"-"` // arguments for the Go side when they differ (-j N)
}

// Scenario is a directory and the steps run in it; Inspect lists the directories whose files
// are compared afterwards.
type Scenario struct {
	Dir     string   `json:"dir"`
	Steps   []Step   `json:"steps"`
	Inspect []string `json:"inspect"`
}

// StepResult is what a step printed and returned.
type StepResult struct {
	Stdout      string  `json:"stdout"`
	Stderr      string  `json:"stderr"`
	RC          int     `json:"rc"`
	Result      *string `json:"result"`
	Exc         string  `json:"exc"`
	ExcTypeName string  `json:"exc_type_name"`
	File        string  `json:"file"`
	Msg         string  `json:"msg"`
}

// Result is a scenario's outcome.
type Result struct {
	Steps   []StepResult `json:"steps"`
	Listing [][]string   `json:"listing"`
}

// Driver is the path of the committed Python driver.
func Driver() string {
	_, f, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(f), "..", "testdata", "driver.py")
}

// Run runs the driver in mode "run" or "inspect" on the scenarios with the oracle.
func Run(mode string, scs []Scenario) ([]Result, error) {
	req, _ := json.Marshal(map[string]any{"mode": mode, "scenarios": scs})
	cmd, err := oracle.Command(Driver())
	if err != nil {
		return nil, err
	}
	cmd.Stdin = bytes.NewReader(req)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("driver: %v\n%s", err, stderr.String())
	}
	var res []Result
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, err
	}
	return res, nil
}

// Base is the mtime of the tree's sources (each file gets Base plus its index).
const Base = 1700000000

// Files is the source tree used by the tests: packages, nested directories, compile errors,
// a non-ASCII name, tokenizer warnings, a file -x can exclude, a non-Python file and a stale __pycache__.
var Files = []struct{ Name, Src string }{
	{"top.py", "'''doc'''\nassert 1, 'x'\nx = 1\n"},
	{"same.py", "y = 2\n"},
	{"bad.py", "x = (1,\n"},
	{"ind.py", "if x:\npass\n"},
	{"fut.py", "x = 1\nfrom __future__ import braces\n"},
	{"nonlocal.py", "def f():\n    nonlocal q\n"},
	{"badenc.py", "# -*- coding: uft-8 -*-\nx = 1\n"},
	// Names that are not UTF-8 (Python sees lone surrogates) and that sort differently by
	// code point than by byte.
	{"bad\xffname.py", "x = (\n"},
	{"z\xf5.py", "a = 1\n"},
	{"z\ue000.py", "a = 2\n"},
	{"z\U0001F600.py", "a = 3\n"},
	{"héllo.py", "z = 'é'\n"},
	{"warn.py", "x = 1if 1 else 2\ny = '\\d'\nz = 0o7and 1\n"},
	{"skipme_test.py", "s = 3\n"},
	{"data.txt", "not python\n"},
	{"noext", "n = 1\n"},
	{"pkg/__init__.py", "\"\"\"pkg doc\"\"\"\n"},
	{"pkg/mod.py", "def f(a):\n    assert a\n    return a + 1\n"},
	{"pkg/sub/__init__.py", ""},
	{"pkg/sub/deep.py", "class C:\n    '''c'''\n    pass\n"},
	{"pkg/sub/deeper/x.py", "x = [i for i in range(3)]\n"},
	{"pkg/sub/deeper/bad2.py", "def f(:\n    pass\n"},
	{"__pycache__/junk.py", "j = 1\n"},
	{"empty/.keep", ""},
}

// Outside is a file outside the tree that a symlink in the tree points to (for -e).
const Outside = "outside.py"

// Build creates the tree under root (root/tree) with fixed mtimes, a symlink to a directory
// (tree/link -> pkg), a symlink to a file in the tree (tree/alias.py -> top.py) and one outside it
// (tree/out.py -> ../outside.py).
func Build(root string) error {
	tree := filepath.Join(root, "tree")
	for i, f := range Files {
		p := filepath.Join(tree, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f.Src), 0o644); err != nil {
			return err
		}
		t := time.Unix(Base+int64(i), 0)
		if err := os.Chtimes(p, t, t); err != nil {
			return err
		}
	}
	out := filepath.Join(root, Outside)
	if err := os.WriteFile(out, []byte("o = 1\n"), 0o644); err != nil {
		return err
	}
	if err := os.Chtimes(out, time.Unix(Base-1, 0), time.Unix(Base-1, 0)); err != nil {
		return err
	}
	for _, l := range [][2]string{{"pkg", "link"}, {"top.py", "alias.py"}, {"../" + Outside, "out.py"}} {
		if err := os.Symlink(l[0], filepath.Join(tree, l[1])); err != nil {
			return err
		}
	}
	return nil
}

// Normalize replaces the scenario root by ROOT and gopyc's tag by CPython's.
func Normalize(s, root string) string {
	s = strings.ReplaceAll(s, root, "ROOT")
	return strings.ReplaceAll(s, "gopyc-311", "cpython-311")
}

// Diff returns a readable difference of two line lists, or "".
func Diff(want, got []string) string {
	if strings.Join(want, "\n") == strings.Join(got, "\n") {
		return ""
	}
	var b strings.Builder
	b.WriteString("--- cpython\n")
	for _, l := range want {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("--- gopyc\n")
	for _, l := range got {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}
