package syntax

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopyc/ast"
	"gopyc/internal/oracle"
)

var fuzzSeeds = []string{
	"x = 1\n",
	"def f(a, /, b=1, *c, d, **e) -> int:\n    return a\n",
	"class C(B, metaclass=M):\n    x: int = 1\n",
	"f'{a!r:>{w}} {b=}' 'c'\n",
	"match x:\n    case [1, *r] | {'a': b, **k} | C(x=1) if y:\n        pass\n",
	"async def f():\n    async with a as b, c:\n        await x\n",
	"try:\n    pass\nexcept* E as e:\n    raise\nfinally:\n    pass\n",
	"x = (1,\n",
	"if x:\n\tpass\n        y\n",
	"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
	"lambda *a, **k: (yield)\n",
	"[x for x in y if z for w in x]\n",
	"b'\\x00' rb'\\d' u'\\N{DASH}'\n",
	"0x_1 1_000.5e-3j 0o17 0b1\n",
}

func addFuzzSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	if dir, err := oracle.Stdlib(); err == nil {
		for _, name := range []string{"string.py", "ast.py", "test/test_fstring.py", "test/test_patma.py", "test/test_syntax.py"} {
			if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				if len(b) > 8192 {
					b = b[:8192] // keep seeds small: the fuzzer minimises interesting inputs
				}
				f.Add(b)
			}
		}
	}
}

// FuzzTokenize checks that the tokenizer never panics and that token positions are ordered.
func FuzzTokenize(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<20 {
			return
		}
		dec, _, err := decodeSource("<fuzz>", src, false)
		if err != nil {
			return
		}
		tk := newTokenizer(dec, "<fuzz>", true)
		tk.run()
		prev := int32(-1)
		for _, tok := range tk.toks {
			if tok.Start < prev || tok.End < tok.Start {
				t.Fatalf("token offsets out of order: %+v", tok)
			}
			prev = tok.Start
		}
		if tk.err == nil && (len(tk.toks) == 0 || tk.toks[len(tk.toks)-1].Kind != EOF) {
			t.Fatalf("no ENDMARKER without an error")
		}
	})
}

// FuzzParse checks that Parse never panics (internal errors are reported as such), and that a
// successful parse can be dumped.
func FuzzParse(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<20 {
			return
		}
		done := make(chan struct{})
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("Parse hangs on %q", src))
			}
		}()
		defer close(done)
		for _, mode := range []Mode{Exec, Eval, Single} {
			mod, err := Parse("<fuzz>", src, mode, TypeComments)
			if err != nil {
				if strings.HasPrefix(err.Error(), "SyntaxError: internal parser error") {
					t.Fatalf("%v", err)
				}
				if e, ok := err.(*Error); ok {
					FormatError(e)
				}
				continue
			}
			if len(src) < 4096 {
				ast.Dump(mod, ast.DumpOptions{IncludeAttributes: true, Indent: -1})
			}
		}
	})
}
