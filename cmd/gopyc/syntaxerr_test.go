package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/internal/oracle"
)

// syntaxCases are programs whose SyntaxErrors (and compile-time warnings) gopyc must report as
// python3.11 does: files of a temporary folder (main.py is run unless args says otherwise).
var syntaxCases = []struct {
	name  string
	files map[string]string
	args  []string
	tail  int // compare only the last tail lines of stderr (0: all of it)
}{
	{"unclosed", map[string]string{"main.py": "x = (1,\ny = 2\n"}, nil, 0},
	{"invalid", map[string]string{"main.py": "def f(:\n    pass\n"}, nil, 0},
	{"range", map[string]string{"main.py": "print(1 2 3)\n"}, nil, 0},
	{"unexpected-indent", map[string]string{"main.py": "x = 1\n    y = 2\n"}, nil, 0},
	{"expected-block", map[string]string{"main.py": "if x:\ny = 2\n"}, nil, 0},
	{"unindent", map[string]string{"main.py": "if 1:\n        x = 1\n    y = 2\n"}, nil, 0},
	{"taberror", map[string]string{"main.py": "if 1:\n\tx = 1\n        y = 2\n"}, nil, 0},
	{"tab-in-line", map[string]string{"main.py": "if 1:\n\tx = = 1\n"}, nil, 0},
	{"non-ascii", map[string]string{"main.py": "s = 'é' + 'ü' +)\n"}, nil, 0},
	{"non-ascii-range", map[string]string{"main.py": "d = {'é': 1 'ü': 2}\n"}, nil, 0},
	{"codegen-break", map[string]string{"main.py": "for x in y:\n    pass\nbreak\n"}, nil, 0},
	{"symtable-nonlocal", map[string]string{"main.py": "def f():\n    nonlocal q\n"}, nil, 0},
	{"return-outside", map[string]string{"main.py": "x = 1\nreturn x\n"}, nil, 0},
	{"unterminated", map[string]string{"main.py": "x = 'abc\n"}, nil, 0},
	{"unterminated-triple", map[string]string{"main.py": "x = 1\ny = '''abc\ndef\n"}, nil, 0},
	{"multiline-span", map[string]string{"main.py": "f(x for x in y\n  , 1)\n"}, nil, 0},
	{"fstring", map[string]string{"main.py": "x = f'{a b}'\n"}, nil, 0},
	{"dash-c", nil, []string{"-c", "x = [1,\n2"}, 0},
	// python3 -m shows runpy's and importlib's frozen frames first, which gopyc (Go-native) has not.
	{"dash-m", map[string]string{"bad.py": "def f(\n"}, []string{"-m", "bad"}, 4},
	{"import", map[string]string{"main.py": "import bad\n", "bad.py": "x = 1\nif x\n    pass\n"}, nil, 0},
	{"import-nested", map[string]string{"main.py": "def g():\n    import bad\n\ndef h():\n    g()\n\nh()\n", "bad.py": "x = (1,\n"}, nil, 0},
	{"import-caught", map[string]string{"main.py": "try:\n    import bad\nexcept SyntaxError as e:\n    print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), e.filename.endswith('bad.py'), str(e))\n", "bad.py": "if 1:\n  x = 1\n   y = 2\n"}, nil, 0},
	{"compile-caught", map[string]string{"main.py": `for src in ["x = (", "def f(:\n  pass", " x=1", "if 1:\n\tx=1\n        y=2\n", "def f():\n  nonlocal x\n", "é = 'é' + (", "for x in 1:\n  pass\nbreak\n", "f(**a, *b)", "1 +* 2", b"x = 'ab\xc3\xa9' 1"]:
    try:
        compile(src, "f", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(str(e)), e.args)
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), e.filename, e.print_file_and_line)
`}, nil, 0},
	{"exec-eval-caught", map[string]string{"main.py": `for f, src in [(exec, "x = [1, 2"), (exec, "def f():\n    return 1 +\n"), (eval, "1 if 2\n"), (eval, "'é' +* 1\n")]:
    try:
        f(src)
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), e.filename)
`}, nil, 0},
	{"constructed", map[string]string{"main.py": `for a in [(), ("m",), ("m", ("fn", 1, 2, "txt")), ("m", ("/a/b/fn.py", 1, 2, "txt", 3, 4)), ("m", (None, None, None, None)), ("m", ("fn", None, 2, "t")), ("m", (None, 5, 2, "t")), (1, 2, 3)]:
    for cls in (SyntaxError, IndentationError, TabError):
        e = cls(*a)
        print(repr(str(e)), e.args, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, repr(e))
for a in [("m", (1, 2, 3)), ("m", 5), ("m", (1, 2, 3, 4, 5, 6, 7))]:
    try:
        SyntaxError(*a)
    except TypeError as x:
        print(type(x).__name__, x)
e = SyntaxError("m")
e.lineno = 3
print(str(e))
e.filename = "q/r"
print(str(e), e.args, e.__dict__)
print(TabError.__mro__)
`}, nil, 0},
	{"raise-located", map[string]string{"main.py": "def f():\n    raise SyntaxError('bad thing', ('spam.py', 3, 5, '  x = 1 +* 2\\n', 3, 9))\nf()\n"}, nil, 0},
	{"raise-plain", map[string]string{"main.py": "raise SyntaxError('just a message')\n"}, nil, 0},
	{"raise-indentation", map[string]string{"main.py": "raise IndentationError('oops', ('x.py', 2, 3, 'abcdef', 2, 6))\n"}, nil, 0},
	{"raise-subclass", map[string]string{"main.py": "class MyErr(SyntaxError):\n    pass\nraise MyErr('mine', ('x.py', 2, 3, 'abcdef', 2, 6))\n"}, nil, 0},
	{"raise-no-offset", map[string]string{"main.py": "raise SyntaxError('m', ('x.py', 7, None, 'abc\\n'))\n"}, nil, 0},
	{"eval-uncaught", map[string]string{"main.py": "def f():\n    return eval('1 +* 2')\nf()\n"}, nil, 0},
	{"traceback-module-chained", map[string]string{"main.py": `import traceback, sys
try:
    compile("x = (1,\n", "f.py", "exec")
except SyntaxError:
    traceback.print_exc(file=sys.stdout)
try:
    exec("def f(:\n pass")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(type(e), e)), end="")
for src in ["\x00x", "-"*200000 + "1", "("*250 + ")"*250, "x = 1\x00"]:
    try:
        compile(src, "f", "exec")
    except Exception as e:
        print(type(e).__name__, str(e)[:80], e.args[:1])
try:
    compile(b"x = 1\x00", "f", "exec")
except Exception as e:
    print(type(e).__name__, e)
e = SyntaxError("a", ("f", 1, 2, "t", 1, 3))
e.msg = "changed"; print(str(e), e.args)
try:
    try:
        1/0
    except ZeroDivisionError:
        eval("1 +* 2")
except SyntaxError as e:
    traceback.print_exc(file=sys.stdout)
def g(): compile("if 1:\n x\n  y\n", "<s>", "exec")
g()
`}, nil, 0},
	{"group", map[string]string{"main.py": "e = SyntaxError('in group', ('g.py', 2, 1, 'abc\\n', 2, 3))\nraise ExceptionGroup('eg', [e, ValueError(1)])\n"}, nil, 0},
	{"excepthook", map[string]string{"main.py": "import sys\nsys.excepthook = lambda *a: print('hook', a[0].__name__, a[1].lineno)\ncompile('(', 'x', 'exec')\n"}, nil, 0},
	{"py_compile-api", map[string]string{"main.py": `import py_compile, sys, os
try:
    py_compile.compile("bad.py", doraise=True)
except py_compile.PyCompileError as e:
    print("PCE", e.msg); print(e.exc_type_name, repr(e.exc_value))
py_compile.compile("bad.py")
print(py_compile.compile("w.py", cfile="out.pyc"))
print(open("out.pyc", "rb").read()[:4])
print(py_compile.compile("w.py", cfile="out2.pyc", invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH))
import importlib.machinery
l = importlib.machinery.SourceFileLoader("bad", "bad.py")
try:
    l.source_to_code(b"x = (", "zz.py")
except SyntaxError as e: print(repr(e), e.args)
`, "bad.py": "x = (1,\ny = 2\n", "w.py": "x = 1\nif x is 1: pass\n"}, nil, 0},
	{"compiler-errors-args", map[string]string{"main.py": `cases = [
 "def f(a):\n  global a\n", "def f():\n  x = 1\n  nonlocal x\n", "nonlocal x\n", "def f():\n  print(x)\n  global x\n",
 "def f():\n  x: int = 1\n  global x\n", "def f():\n  from os import *\n", "[i := 0 for i in range(3)]", "[x for x in (y := [1])]",
 "class C:\n  [y := 1 for x in range(3)]\n", "def f(a, a): pass", "[(yield x) for x in y]", "def f():\n  [await x for x in y]\n",
 "x = 1\ndel f()\n", "f() = 1", "continue", "def f():\n  yield from x\n  return 1\nasync def g():\n  yield from x\n",
 "async def f():\n  yield 1\n  return 2\n", "await x", "def f():\n  x = 1\n  def g():\n    nonlocal x\n    global x\n",
 "for x in y:\n  def f():\n    break\n", "try:\n  pass\nexcept* ValueError:\n  break\n", "def f():\n  def g(): pass\n  x: int\n  nonlocal x\n",
 "print(f'{x!z}')", "x += 1 = 2", "*a = 1", "a, *b, *c = d", "match x:\n  case a | b: pass\n", "match x:\n  case {**a, **b}: pass\n",
 "match x:\n  case a:\n    pass\n  case 1:\n    pass\n", "def f(*, **k): pass", "lambda: (yield)", "from __future__ import braces",
 "x = 1\nfrom __future__ import annotations\n", "from __future__ import nope", "def f(**a, b): pass", "__debug__ = 1", "def f(__debug__): pass",
 "with (yield) as x, a as __debug__: pass", "class C:\n  def f(self):\n    nonlocal __class__\n", "f(x for x in y, 1)", "return", "yield",
]
for src in cases:
    try:
        compile(src, "f", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.args, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
`}, nil, 0},
	{"future-braces", map[string]string{"main.py": "'''doc'''\nfrom __future__ import braces\n"}, nil, 0},
	{"symtable-in-file", map[string]string{"main.py": "x = 1\ndef f(a):\n    global a\n"}, nil, 0},
	{"stdin", map[string]string{"main.py": "x = 1\n  y = 2\n"}, []string{"-"}, 0}, // main.py on stdin
	{"latin1-compiler-error", map[string]string{"main.py": "# coding: latin-1\nx = \"\xe9\"; break\n"}, nil, 0},
	{"latin1-parser-error", map[string]string{"main.py": "# coding: latin-1\nx = \"\xe9\" +* 1\n"}, nil, 0},
	{"crlf-compiler-error", map[string]string{"main.py": "x = 1\r\nif x:\r\n    break\r\n"}, nil, 0},
	{"crlf-parser-error", map[string]string{"main.py": "x = 1\r\nif x:\r\n  y = (1,\r\n"}, nil, 0},
	{"formfeed-tab", map[string]string{"main.py": "x = 1\n\x0cif x:\n\tbreak\n"}, nil, 0},
	{"subclasses", map[string]string{"main.py": `class E(SyntaxError):
    def __init__(self, *a): pass
e = E("m", ("f", 1, 2, "t"))
print(e.msg, e.args, repr(str(e)), e.lineno)
class F(SyntaxError):
    def __init__(self, msg, where):
        super().__init__(msg, where)
        self.extra = 1
f = F("m", ("f", 1, 2, "t"))
print(f.msg, f.args, str(f), f.extra, f.__dict__)
class G(IndentationError):
    def __str__(self): return "custom"
try:
    raise G("g", ("x.py", 1, 2, "abc\n", 1, 3))
except G as g:
    print(str(g), g.msg)
raise G("g", ("x.py", 1, 2, "abc\n", 1, 3))
`}, nil, 0},
	{"compile-arguments", map[string]string{"main.py": `for args in [("x", "f", "bad"), ("x", 1, "exec"), ("x", b"f", "exec"), ("x", "f", "exec", 0, False, 5)]:
    try:
        print(compile(*args).co_filename)
    except Exception as e:
        print(type(e).__name__, e)
print(eval(compile("__debug__", "f", "eval", optimize=1)), eval(compile("__debug__", "f", "eval", optimize=0)))
exec(compile("assert False, 1", "f", "exec", optimize=2))
print("ok")
`}, nil, 0},
	{"warning-script", map[string]string{"main.py": "x = 1\nif x is 1:\n    pass\nassert (x, 'msg')\n"}, nil, 0},
	{"warning-import", map[string]string{"main.py": "import w\nimport w\n", "w.py": "def f(x):\n    return x is 'a'\n"}, nil, 0},
	{"warning-compile", map[string]string{"main.py": "compile('x is 1', 'f', 'exec')\ncompile('x is 1', 'f', 'exec')\nprint('done')\n"}, nil, 0},
	{"warning-escape", map[string]string{"main.py": "x = '\\d'\nprint(len(x))\n"}, nil, 0},
	{"warning-escape-W", map[string]string{"main.py": "x = '\\d'\nprint(len(x))\n"}, []string{"-W", "default", "main.py"}, 0},
	// A warning turned into an error: syntax.Warning has no end offset yet, so gopyc shows one caret
	// where CPython underlines the expression; the message line must match.
	{"warning-error", map[string]string{"main.py": "x = 1\ny = x is 1\n"}, []string{"-W", "error::SyntaxWarning", "main.py"}, 1},
	{"warning-escape-error", map[string]string{"main.py": "x = 1\ny = '\\d'\n"}, []string{"-W", "error", "main.py"}, 0},
	{"warning-escape-error-spans", map[string]string{"main.py": "x = 1; y = \"ab\\d\" \"c\"\n"}, []string{"-W", "error", "main.py"}, 0},
	{"warning-escape-error-fstring", map[string]string{"main.py": "x = 1\nz = f\"{x}\\d\"\n"}, []string{"-W", "error", "main.py"}, 0},
	{"warning-escape-error-triple", map[string]string{"main.py": "w = '''a\n\\d'''\n"}, []string{"-W", "error", "main.py"}, 0},
	{"warning-escape-error-dash-c", nil, []string{"-W", "error", "-c", "x = 1; y = 'ab\\d' 'c'"}, 0},
	{"warning-dash-c", nil, []string{"-c", "x = 1\nprint(x is 1)"}, 0},
}

func TestSyntaxErrorsMatchCPython(t *testing.T) {
	py, err := oracle.Python()
	if err != nil {
		t.Skip(err)
	}
	env := append(os.Environ(), "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1")
	run := func(dir, exe string, args []string) (string, string, int) {
		cmd := exec.Command(exe, args...)
		cmd.Dir, cmd.Env = dir, env
		if len(args) == 1 && args[0] == "-" {
			f, err := os.Open(filepath.Join(dir, "main.py"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cmd.Stdin = f
		}
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
	for _, c := range syntaxCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range c.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := c.args
			if args == nil {
				args = []string{"main.py"}
			}
			wo, we, wc := run(dir, py, args)
			go_, ge, gc := run(dir, bin, args)
			if c.tail > 0 {
				we, ge = lastLines(we, c.tail), lastLines(ge, c.tail)
			}
			if wo != go_ || we != ge || wc != gc {
				t.Errorf("args %q\n--- python3 (status %d):\n%s%s--- gopyc (status %d):\n%s%s",
					args, wc, wo, we, gc, go_, ge)
			}
		})
	}
}

func lastLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "")
}
