package objects

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"gopyc/internal/oracle"
)

func s(x string) Object      { return NewStr(x) }
func i(x int64) Object       { return NewInt(x) }
func f(x float64) Object     { return NewFloat(x) }
func tup(x ...Object) Object { return NewTuple(x) }
func fz(x ...Object) Object {
	v, err := NewFrozenSetConst(x)
	if err != nil {
		panic(err)
	}
	return v
}

func bigv(txt string) Object {
	b, _ := new(big.Int).SetString(txt, 10)
	return NewIntBig(b)
}

// Each case is a Python expression and the Go value built the same way; the oracle (with
// PYTHONHASHSEED=0) gives repr and hash, which must match.
var coreCases = []struct {
	py string
	v  Object
}{
	{"None", None}, {"True", True}, {"False", False}, {"...", Ellipsis},
	{"0", i(0)}, {"-1", i(-1)}, {"-2", i(-2)}, {"12345", i(12345)}, {"2**61-1", i(1<<61 - 1)},
	{"2**61", i(1 << 61)}, {"-2**63", i(math.MinInt64)}, {"2**63-1", i(math.MaxInt64)},
	{"2**100", bigv("1267650600228229401496703205376")}, {"-3**90", bigv("-8727963568087712425891397479476727340041449")},
	{"1.0", f(1)}, {"-0.0", f(math.Copysign(0, -1))}, {"1e16", f(1e16)}, {"1e15", f(1e15)}, {"0.1", f(0.1)},
	{"1e-5", f(1e-5)}, {"0.0001", f(0.0001)}, {"1.5e300", f(1.5e300)}, {"float('inf')", f(math.Inf(1))},
	{"-float('inf')", f(math.Inf(-1))}, {"123456789.125", f(123456789.125)}, {"2.5", f(2.5)}, {"1/3", f(1.0 / 3)},
	{"1j", NewComplex(1i)}, {"1+2j", NewComplex(1 + 2i)}, {"complex(-0.0, 1.5)", NewComplex(complex(math.Copysign(0, -1), 1.5))},
	{"complex(0, -0.0)", NewComplex(complex(0, math.Copysign(0, -1)))}, {"complex(2.5, float('inf'))", NewComplex(complex(2.5, math.Inf(1)))},
	{"''", s("")}, {"'abc'", s("abc")}, {"'é'", s("é")}, {"'日本'", s("日本")}, {"'\\U0001F600x'", s("\U0001F600x")},
	{"'a\\'b'", s("a'b")}, {"'a\\'b\"'", s("a'b\"")}, {"'\\x00\\t\\n\\x7f\\x85\\xa0'", s("\x00\t\n\x7f\u0085\u00a0")},
	{"'\\ud800'", s("\xed\xa0\x80")}, {"'\\u200b\\u2028'", s("\u200b\u2028")},
	{"b''", NewBytes(nil)}, {"b'ab\\x00\\xff\\'\"'", NewBytes([]byte("ab\x00\xff'\""))}, {"b\"it's\"", NewBytes([]byte("it's"))},
	{"()", tup()}, {"(1,)", tup(i(1))}, {"(1, 'a', (2.5, False))", tup(i(1), s("a"), tup(f(2.5), False))},
	{"frozenset()", fz()}, {"frozenset([3, 1, 2])", fz(i(3), i(1), i(2))},
	{"frozenset(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])", fz(s("a"), s("b"), s("c"), s("d"), s("e"), s("f"), s("g"), s("h"), s("i"), s("j"))},
	{"frozenset([100, 8, 16, 24, 1, 9, 17, 0, 32, 64, -1, 2**40])", fz(i(100), i(8), i(16), i(24), i(1), i(9), i(17), i(0), i(32), i(64), i(-1), i(1<<40))},
	{"frozenset([1, 1.0, True, 2, 'x', b'x'])", fz(i(1), f(1), True, i(2), s("x"), NewBytes([]byte("x")))},
	{"frozenset([frozenset([1]), (1, 2)])", fz(fz(i(1)), tup(i(1), i(2)))},
}

func TestCoreAgainstCPython(t *testing.T) {
	var prog strings.Builder
	prog.WriteString("vals = [\n")
	for _, c := range coreCases {
		prog.WriteString(c.py + ",\n")
	}
	prog.WriteString("]\nfor v in vals:\n    h = hash(v) if v is not None and v is not ... else 0\n    print(repr(v), h, sep='\\t')\n")
	cmd, err := oracle.Command("-c", prog.String())
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != len(coreCases) {
		t.Fatalf("oracle printed %d lines for %d cases", len(lines), len(coreCases))
	}
	SetHashSeed(0, false)
	for k, c := range coreCases {
		want := strings.SplitN(lines[k], "\t", 2)
		if got := ReprConst(c.v); got != want[0] {
			t.Errorf("%s: repr %s, want %s", c.py, got, want[0])
		}
		if c.v == None || c.v == Ellipsis {
			continue
		}
		h, err := HashConst(c.v)
		if err != nil {
			t.Errorf("%s: %v", c.py, err)
			continue
		}
		if got := strings.TrimSpace(want[1]); got != formatInt(h) {
			t.Errorf("%s: hash %d, want %s", c.py, h, got)
		}
	}
}

func TestEqualConst(t *testing.T) {
	eq := [][2]Object{{i(1), f(1)}, {True, i(1)}, {NewComplex(1), i(1)}, {bigv("1267650600228229401496703205376"), f(math.Ldexp(1, 100))},
		{tup(i(1), s("a")), tup(f(1), s("a"))}, {fz(i(1), i(2)), fz(i(2), i(1))}}
	ne := [][2]Object{{i(1), s("1")}, {f(math.NaN()), f(math.NaN())}, {bigv("1267650600228229401496703205377"), f(math.Ldexp(1, 100))},
		{f(0.5), i(0)}, {NewBytes([]byte("a")), s("a")}}
	for _, p := range eq {
		if ok, _ := EqualConst(p[0], p[1]); !ok {
			t.Errorf("%s != %s", ReprConst(p[0]), ReprConst(p[1]))
		}
	}
	for _, p := range ne {
		if ok, _ := EqualConst(p[0], p[1]); ok {
			t.Errorf("%s == %s", ReprConst(p[0]), ReprConst(p[1]))
		}
	}
}
