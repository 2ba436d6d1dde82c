package compile

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"gopyc/ast"
	"gopyc/internal/oracle"
	"gopyc/marshal"
	"gopyc/objects"
	"gopyc/syntax"
)

// modesScript evaluates each line "MODE HEX(SOURCE) HEX(MARSHAL)" twice — CPython's compile of
// the source and gopyc's code object — and prints whether the results agree.
const modesScript = `
import sys, io, marshal, contextlib
for line in sys.stdin:
    mode, src, data = line.split()
    src = bytes.fromhex(src).decode()
    def run(code):
        out = io.StringIO()
        g = {}
        try:
            with contextlib.redirect_stdout(out):
                if mode == 'eval':
                    r = eval(code, g)
                    print(repr(r))
                else:
                    exec(code, g)
        except Exception as e:
            out.write('EXC %s %s' % (type(e).__name__, e))
        return out.getvalue()
    want = run(compile(src, '<s>', mode))
    got = run(marshal.loads(bytes.fromhex(data)))
    print('OK' if want == got else 'DIFF %r: want %r got %r' % (src, want, got))
`

func TestModes(t *testing.T) {
	cases := []struct{ mode, src string }{
		{"eval", "1 + 2"},
		{"eval", "[x * 2 for x in range(3)]"},
		{"eval", "(lambda a, *b: (a, b))(1, 2, 3)"},
		{"eval", "{'a': 1, **{'b': 2}}"},
		{"eval", "__debug__ and not None"},
		{"single", "1 + 1"},
		{"single", "x = 5"},
		{"single", "def f():\n    return 3\n"},
		{"single", "for i in range(2):\n    i\n"},
		{"single", "if True:\n    'shown'\n    None\n"},
		{"exec", "x = 1\nx"},
	}
	var in strings.Builder
	for _, c := range cases {
		co, err := Source([]byte(c.src), "<s>", c.mode, 0)
		if err != nil && c.mode == "single" {
			// The parser's single mode rejects compound statements at the time of writing;
			// compile the exec-mode tree as an Interactive module instead.
			var m ast.Mod
			m, err = syntax.Parse("<s>", []byte(c.src), syntax.Exec, 0)
			if err == nil {
				co, err = Compile(&ast.Interactive{Body: m.(*ast.Module).Body}, "<s>", Options{Mode: "single"})
			}
		}
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		data, err := marshal.Dumps(co, 4)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&in, "%s %s %s\n", c.mode, hex.EncodeToString([]byte(c.src)), hex.EncodeToString(data))
	}
	cmd, err := oracle.Command("-c", modesScript)
	if err != nil {
		t.Skip(err)
	}
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, l := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		if string(l) != "OK" {
			t.Error(string(l))
		}
	}
}

// TestTopLevelAwait compiles module code with PyCF_ALLOW_TOP_LEVEL_AWAIT, as asyncio's REPL
// does, and checks CPython runs the resulting coroutine code object.
func TestTopLevelAwait(t *testing.T) {
	src := "import asyncio\nawait asyncio.sleep(0)\nx = [i async for i in agen()] if False else 7\nresult = x * 6\n"
	co, err := SourceOptions([]byte(src), "<tla>", Options{Mode: "exec", Flags: cfAllowTopLevelAwait})
	if err != nil {
		t.Fatal(err)
	}
	if co.Flags&objects.CoCoroutine == 0 {
		t.Fatalf("co_flags %#x lacks CO_COROUTINE", co.Flags)
	}
	data, err := marshal.Dumps(co, 4)
	if err != nil {
		t.Fatal(err)
	}
	script := "import sys, marshal, asyncio, types\n" +
		"co = marshal.loads(bytes.fromhex(sys.stdin.read()))\n" +
		"g = {'__name__': '__main__'}\n" +
		"asyncio.run(types.FunctionType(co, g)())\n" +
		"print(g['result'])\n"
	cmd, err := oracle.Command("-c", script)
	if err != nil {
		t.Skip(err)
	}
	cmd.Stdin = strings.NewReader(hex.EncodeToString(data))
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "42" {
		t.Fatalf("%v: %s", err, out)
	}
}
