package syntax

import (
	"strings"
	"testing"
)

// TestListStacksCleared checks that the list stacks kept between parses hold no pointer into
// an old tree up to their capacity, although parseDecoded clears them only up to the heights
// they reached: after a large source, after blocks that outgrow the array a statement list was
// started in, after soft failures, f-strings and syntax errors.
func TestListStacksCleared(t *testing.T) {
	var big strings.Builder
	big.WriteString("x = [")
	for range 3000 {
		big.WriteString("a, ")
	}
	big.WriteString("]\n")
	var nested strings.Builder
	for i := range 300 {
		nested.WriteString("if x:\n")
		for j := range 40 {
			nested.WriteString("    y" + strings.Repeat("z", i%5+j%3) + " = f(1, 2, *a, k=3)\n")
		}
		nested.WriteString("    for q in r:\n        g(f'{q!r:>{w}} {h(1, 2)}')\n")
	}
	srcs := []string{
		big.String(),
		nested.String(),
		"def f(a, b=1, *c, d, **e):\n    return [x for x in (a, b) if x], {1: 2, **e}\n",
		"match p:\n    case [1, 2, *rest] | {'k': v}:\n        pass\n",
		"x = (1, 2,\n",
		"f(a for a in b, c)\n",
		"print 'hi'\n",
		"a = f'{x:{y}} {z!r}' f'{ {1, 2} }'\n",
		"small = 1\n",
	}
	for _, s := range srcs {
		_, _ = Parse("<test>", []byte(s), Exec, 0)
		b := spareBuf.Load()
		if b == nil {
			t.Fatal("no spare buffer after a parse")
		}
		for i, e := range b.es[:cap(b.es)] {
			if e != nil {
				t.Fatalf("after %.20q: expression stack[%d] (cap %d) not cleared", s, i, cap(b.es))
			}
		}
		for i, st := range b.ss[:cap(b.ss)] {
			if st != nil {
				t.Fatalf("after %.20q: statement stack[%d] (cap %d) not cleared", s, i, cap(b.ss))
			}
		}
	}
}
