package vm_test

import (
	"errors"
	"strings"
	"testing"

	"gopyc/objects"
	"gopyc/syntax"
	"gopyc/vm"
)

// TestSyntaxErrorConversion checks the conversion of parser and compiler errors into Python
// exceptions: class, args and the report of an uncaught one (the differential test in
// cmd/gopyc compares whole programs with python3).
func TestSyntaxErrorConversion(t *testing.T) {
	in := vm.New()
	th := in.MainThread()
	cases := []struct {
		err    error
		class  *objects.Type
		str    string
		report string
	}{
		{&syntax.Error{Kind: syntax.SyntaxErrorKind, Msg: "invalid syntax", Filename: "<string>", Lineno: 1, Offset: 3,
			EndLineno: 1, EndOffset: 5, Text: "1 +* 2\n", HasText: true},
			vm.SyntaxErrorType, "('invalid syntax', ('<string>', 1, 3, '1 +* 2\\n', 1, 5))",
			"  File \"<string>\", line 1\n    1 +* 2\n      ^^\nSyntaxError: invalid syntax\n"},
		{&syntax.Error{Kind: syntax.IndentationErrorKind, Msg: "unexpected indent", Filename: "m.py", Lineno: 2, Offset: 3,
			EndLineno: 2, EndOffset: -1, Text: "  y\n", HasText: true},
			vm.IndentationErrorType, "('unexpected indent', ('m.py', 2, 3, '  y\\n', 2, -1))",
			"  File \"m.py\", line 2\n    y\n    ^\nIndentationError: unexpected indent\n"},
		{&syntax.Error{Kind: syntax.TabErrorKind, Msg: "inconsistent use of tabs and spaces in indentation", Filename: "m.py",
			Lineno: 3, Offset: 1, EndLineno: 3, Text: "\tz\n", HasText: true},
			vm.TabErrorType, "('inconsistent use of tabs and spaces in indentation', ('m.py', 3, 1, '\\tz\\n', 3, 0))",
			"  File \"m.py\", line 3\n    z\nTabError: inconsistent use of tabs and spaces in indentation\n"},
		{&syntax.Error{Kind: syntax.SyntaxErrorKind, Msg: "source code string cannot contain null bytes", Filename: "f"},
			vm.SyntaxErrorType, "('source code string cannot contain null bytes',)",
			"SyntaxError: source code string cannot contain null bytes\n"},
		{&syntax.Error{Kind: syntax.SyntaxErrorKind, Msg: "no binding for nonlocal 'x' found", Filename: "<s>",
			Lineno: 2, Offset: 3, EndLineno: 2, EndOffset: 13},
			vm.SyntaxErrorType, "(\"no binding for nonlocal 'x' found\",)",
			"  File \"<s>\", line 2\nSyntaxError: no binding for nonlocal 'x' found\n"},
		{errors.New("RecursionError: maximum recursion depth exceeded during compilation"),
			vm.RecursionErrorType, "('maximum recursion depth exceeded during compilation',)",
			"RecursionError: maximum recursion depth exceeded during compilation\n"},
		{errors.New("SystemError: compile f: broken"), vm.SystemErrorType, "('compile f: broken',)",
			"SystemError: compile f: broken\n"},
	}
	for _, c := range cases {
		e, ok := vm.CompileError(c.err).(*vm.Exception)
		if !ok {
			t.Fatalf("%v: not an exception", c.err)
		}
		if e.Class != c.class {
			t.Errorf("%v: class %s, want %s", c.err, e.Class.Name, c.class.Name)
		}
		if got := objects.ReprConst(e.Args); got != c.str {
			t.Errorf("%v: args %s, want %s", c.err, got, c.str)
		}
		if got := th.FormatException(e); got != c.report {
			t.Errorf("%v: report\n%s\nwant\n%s", c.err, got, c.report)
		}
	}
	if vm.CompileError(nil) != nil {
		t.Error("CompileError(nil) is not nil")
	}
	if _, err := th.CompileSource([]byte("x = 1"), "f", "exec", 0, true); err == nil || !strings.Contains(err.Error(), "no compiler") {
		t.Errorf("CompileSource without a compiler: %v", err)
	}
}
