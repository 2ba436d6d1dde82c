package pystr

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"gopyc/internal/oracle"
)

// TestReprsAgainstCPython checks every repr here against python3's for a spread of values.
func TestReprsAgainstCPython(t *testing.T) {
	strs := []string{"", "abc", "a'b", "a'b\"", "\x00\t\n\r\x7f", "é日本\U0001F600", "\u0085\u00a0\u00ad", "\u200b\u2028\u0378",
		"\xed\xa0\x80x", "\U000E0001\U0010FFFF", "\u1b4d\u0c5d"} // the last two are new in Unicode 14/15
	floats := []float64{0, math.Copysign(0, -1), 1, 0.1, 1e16, 1e15, 1e-5, 1e-4, 123456789.125, 1.5e300, 5e-324, math.Inf(1), math.Inf(-1), math.NaN(), 2.5, 1.0 / 3}
	var py strings.Builder
	py.WriteString("import math\nfor s in [")
	for _, s := range strs {
		py.WriteString("bytes.fromhex('")
		for i := 0; i < len(s); i++ {
			py.WriteString(hexdigits[s[i]>>4 : s[i]>>4+1])
			py.WriteString(hexdigits[s[i]&15 : s[i]&15+1])
		}
		py.WriteString("').decode('utf-8', 'surrogatepass'), ")
	}
	py.WriteString("]:\n    print(repr(s)); print(repr(s.encode('utf-8', 'surrogatepass')))\nfor f in [")
	for _, f := range floats {
		py.WriteString("float.fromhex('" + strings.ReplaceAll(floatHex(f), "+", "") + "'), ")
	}
	py.WriteString("]:\n    print(repr(f)); print(repr(complex(f, 1.5))); print(repr(complex(0, f)))\n")
	cmd, err := oracle.Command("-c", py.String())
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range strs {
		got = append(got, ReprStr(s), ReprBytes(s))
	}
	for _, f := range floats {
		got = append(got, ReprFloat(f), ReprComplex(f, 1.5), ReprComplex(0, f))
	}
	want := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(want) != len(got) {
		t.Fatalf("%d lines from python, %d here", len(want), len(got))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %s, want %s", got[i], want[i])
		}
	}
}

func floatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return strconv.FormatFloat(f, 'x', -1, 64)
}

func TestWTF8(t *testing.T) {
	for _, r := range []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF} {
		b := AppendWTF8(nil, r)
		got, n := DecodeWTF8(string(b))
		if got != r || n != len(b) {
			t.Errorf("%U: encoded % x, decoded %U/%d", r, b, got, n)
		}
	}
	if r, n := DecodeWTF8("\xff"); r != 0xFFFD || n != 1 {
		t.Errorf("invalid byte: %U %d", r, n)
	}
}

// Expected strings come from python3.11's repr().
func TestReprTable(t *testing.T) {
	floats := []struct {
		f    float64
		want string
	}{
		{1e16, "1e+16"}, {1.0, "1.0"}, {0.1, "0.1"}, {1e-5, "1e-05"},
		{123456789012345678.0, "1.2345678901234568e+17"}, {math.Inf(1), "inf"},
		{2.5e-320, "2.5e-320"}, {1e22, "1e+22"}, {1234567890123456.7, "1234567890123456.8"},
		{0.0001, "0.0001"}, {100.0, "100.0"}, {5e-324, "5e-324"},
	}
	for _, c := range floats {
		if got := ReprFloat(c.f); got != c.want {
			t.Errorf("ReprFloat(%v) = %q, want %q", c.f, got, c.want)
		}
	}
	strs := []struct{ s, want string }{
		{"a'b", `"a'b"`},
		{"a'\"", `'a\'"'`},
		{"\x00\u200b\U0001F600\x7f\u00a0\u00ad", `'\x00\u200b` + "\U0001F600" + `\x7f\xa0\xad'`},
		{"é\n\t\\", `'é\n\t\\'`},
		{string(AppendWTF8(nil, 0xDC80)) + "x", `'\udc80x'`},
	}
	for _, c := range strs {
		if got := ReprStr(c.s); got != c.want {
			t.Errorf("ReprStr(%q) = %s, want %s", c.s, got, c.want)
		}
	}
	bs := []struct{ s, want string }{
		{"a'b", `b"a'b"`}, {"\x00\xff\\\"", `b'\x00\xff\\"'`}, {`'"`, `b'\'"'`},
	}
	for _, c := range bs {
		if got := ReprBytes(c.s); got != c.want {
			t.Errorf("ReprBytes(%q) = %s, want %s", c.s, got, c.want)
		}
	}
	cs := []struct {
		re, im float64
		want   string
	}{{0, 2, "2j"}, {0, 1e20, "1e+20j"}, {0, 0, "0j"}, {0, 1.5, "1.5j"}, {1, -2, "(1-2j)"}}
	for _, c := range cs {
		if got := ReprComplex(c.re, c.im); got != c.want {
			t.Errorf("ReprComplex(%v, %v) = %s, want %s", c.re, c.im, got, c.want)
		}
	}
}
