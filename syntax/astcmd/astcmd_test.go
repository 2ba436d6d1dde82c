package astcmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/internal/oracle"
)

// tail returns the SyntaxError report: the lines from the last `  File "` line on.
func tail(s string) string {
	i := strings.LastIndex(s, "  File \"")
	if i < 0 {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return lines[len(lines)-1] + "\n"
	}
	return s[i:]
}

// TestSyntaxErrorReport checks that errors print as `python3 -m ast FILE` prints them.
func TestSyntaxErrorReport(t *testing.T) {
	snippets := []string{
		"x = (1,\n  2 +\n",
		"def f(:\n    pass\n",
		"if x\n    pass\n",
		"  x = 1\n",
		"x = 'abc\n",
		"f(a for a in b, c)\n",
		"print 'hi'\n",
		"if x:\n\ty = 1\n        z = 2\n",
		"x = €\n",
		"x = 1 +\n",
		"def f():\nreturn 1\n",
		"a, f() = 1, 2\n",
		"x = 'é' + (1 2)\n",
		"f'{a b}'\n",
		"class C:\n    def f(self):\n        pass\n      x = 1\n",
		"x = [1, 2\ny = 3\n",
		"# coding: latin-1\nx = '\xe9' +\n",
	}
	dir := t.TempDir()
	for i, s := range snippets {
		path := filepath.Join(dir, "x.py")
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd, err := oracle.Command("-m", "ast", path)
		if err != nil {
			t.Skip(err)
		}
		var pyErr bytes.Buffer
		cmd.Stderr = &pyErr
		cmd.Run()
		var out, errb bytes.Buffer
		code := Main([]string{path}, strings.NewReader(""), &out, &errb)
		if code != 1 {
			t.Errorf("snippet %d: exit %d, want 1", i, code)
		}
		want, got := tail(pyErr.String()), tail(errb.String())
		if want != got {
			t.Errorf("snippet %d %q:\nwant:\n%s\ngot:\n%s", i, s, want, got)
		}
	}
}

// TestUsage checks argparse-style errors and the exit status 2.
func TestUsage(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-m", "foo"}, "python -m ast: error: argument -m/--mode: invalid choice: 'foo' (choose from 'exec', 'single', 'eval', 'func_type')\n"},
		{[]string{"-i", "x"}, "python -m ast: error: argument -i/--indent: invalid int value: 'x'\n"},
		{[]string{"/nonexistent/x.py"}, "python -m ast: error: argument infile: can't open '/nonexistent/x.py': [Errno 2] No such file or directory: '/nonexistent/x.py'\n"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := Main(c.args, strings.NewReader(""), &out, &errb)
		if code != 2 || !strings.HasSuffix(errb.String(), c.want) || !strings.HasPrefix(errb.String(), "usage: python -m ast") {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := Main([]string{"-m", "eval", "-i", "-1", "-a"}, strings.NewReader("1 + x"), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	// printf '1 + x' | python3 -m ast -m eval -i -1 -a
	want := "Expression(\nbody=BinOp(\nleft=Constant(\nvalue=1,\nlineno=1,\ncol_offset=0,\nend_lineno=1,\nend_col_offset=1),\nop=Add(),\nright=Name(\nid='x',\nctx=Load(),\nlineno=1,\ncol_offset=4,\nend_lineno=1,\nend_col_offset=5),\nlineno=1,\ncol_offset=0,\nend_lineno=1,\nend_col_offset=5))\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
