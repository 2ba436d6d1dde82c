package discmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/marshal"
	"gopyc/objects"
	"gopyc/pycache"
)

func run(args []string, stdin string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// modulePyc builds the .pyc image of `x = 1` as CPython 3.11 compiles it.
func modulePyc(t *testing.T) []byte {
	s := objects.InternStr
	co := &objects.Code{
		StackSize: 1, Code: []byte{151, 0, 100, 0, 90, 0, 100, 1, 83, 0},
		Consts: []objects.Object{objects.NewInt(1), objects.None}, Names: []*objects.Str{s("x")},
		LocalsPlusNames: []*objects.Str{}, LocalsPlusKinds: []byte{},
		Filename: objects.NewStr("m.py"), Name: s("<module>"), QualName: s("<module>"),
		FirstLineNo: 1, LineTable: []byte{0xf0, 0x03, 0x01, 0x01, 0x01, 0xd8, 0x04, 0x05, 0x80, 0x01, 0x80, 0x01},
		ExceptionTable: []byte{},
	}
	body, err := marshal.Dumps(co, marshal.Version)
	if err != nil {
		t.Fatal(err)
	}
	return append(pycache.Header{}.Bytes(), body...)
}

const want = `  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (1)
              4 STORE_NAME               0 (x)
              6 LOAD_CONST               1 (None)
              8 RETURN_VALUE
`

func TestPyc(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "m.pyc")
	os.WriteFile(p, modulePyc(t), 0o644)
	if code, out, errs := run([]string{p}, ""); code != 0 || out != want || errs != "" {
		t.Errorf("file: %d %q %q", code, out, errs)
	}
	if code, out, _ := run(nil, string(modulePyc(t))); code != 0 || out != want {
		t.Errorf("stdin: %d %q", code, out)
	}
	if code, out, _ := run([]string{"--", "-"}, string(modulePyc(t))); code != 0 || out != want {
		t.Errorf("-- -: %d %q", code, out)
	}
}

func TestArgs(t *testing.T) {
	if code, out, _ := run([]string{"-h"}, ""); code != 0 || !strings.HasPrefix(out, "usage: dis.py [-h] [infile]\n\npositional arguments:") {
		t.Errorf("-h: %d %q", code, out)
	}
	code, _, errs := run([]string{"/nonexistent"}, "")
	if code != 2 || errs != "usage: dis.py [-h] [infile]\ndis.py: error: argument infile: can't open '/nonexistent': [Errno 2] No such file or directory: '/nonexistent'\n" {
		t.Errorf("missing: %d %q", code, errs)
	}
	code, _, errs = run([]string{"-x"}, "")
	if code != 2 || errs != "usage: dis.py [-h] [infile]\ndis.py: error: unrecognized arguments: -x\n" {
		t.Errorf("-x: %d %q", code, errs)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "m.pyc")
	os.WriteFile(p, modulePyc(t), 0o644)
	code, _, errs = run([]string{p, "b"}, "")
	if code != 2 || !strings.HasSuffix(errs, "error: unrecognized arguments: b\n") {
		t.Errorf("extra: %d %q", code, errs)
	}
	code, _, errs = run([]string{dir}, "")
	if code != 2 || !strings.Contains(errs, "[Errno 21] Is a directory") {
		t.Errorf("dir: %d %q", code, errs)
	}
}

func TestSource(t *testing.T) {
	if code, out, errs := run(nil, "x = 1\n"); code != 0 || out != want {
		t.Errorf("gopyc compiler: %d %q %q", code, out, errs)
	}
	if code, _, errs := run(nil, "x = (\n"); code != 1 || errs == "" {
		t.Errorf("syntax error: %d %q", code, errs)
	}
	var out, errb bytes.Buffer
	if code := MainWithCompiler(nil, nil, strings.NewReader("x = 1\n"), &out, &errb); code != 1 || !strings.Contains(errb.String(), "no compiler hook") {
		t.Errorf("no hook: %d %q", code, errb.String())
	}
	out.Reset()
	errb.Reset()
	hook := func(src []byte, filename string) (*objects.Code, error) {
		if filename != "<stdin>" {
			t.Errorf("filename %q", filename)
		}
		o, _ := marshal.Loads(modulePyc(t)[16:])
		return o.(*objects.Code), nil
	}
	if code := MainWithCompiler(hook, nil, strings.NewReader("x = 1\n"), &out, &errb); code != 0 || out.String() != want {
		t.Errorf("hook: %d %q %q", code, out.String(), errb.String())
	}
	bad := func([]byte, string) (*objects.Code, error) { return nil, errors.New("SyntaxError: bad") }
	if code := MainWithCompiler(bad, nil, strings.NewReader("x = ("), &out, &errb); code != 1 || !strings.Contains(errb.String(), "SyntaxError: bad") {
		t.Errorf("bad: %d", code)
	}
}
