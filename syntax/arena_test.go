package syntax

import (
	"reflect"
	"strings"
	"testing"

	"gopyc/ast"
)

// TestArena parses sources one after the other in one arena, large ones first so that later
// parses get recycled arrays, and compares each tree and error with a parse without an arena.
func TestArena(t *testing.T) {
	var big strings.Builder
	for i := range 400 {
		big.WriteString("def f" + strings.Repeat("x", i%7) + "(a, b=1, *c, d, **e):\n")
		big.WriteString("    x = [a.b(c, k=1), {1: 'a', **e}, (1, 2.5, 3j, -4), not a < b <= c]\n")
		big.WriteString("    if x: return f'{a!r:>{b}}' + 'x' 'y'\n")
		big.WriteString("    with a as b, c: import os, sys as s\n")
		big.WriteString("    try:\n        raise E from x\n    except (A, B) as e:\n        pass\n")
		big.WriteString("class C(B, metaclass=M):\n    x: int = a[1:2, ::3] | b ^ c & ~d\n")
	}
	srcs := []string{
		big.String(),
		"x = 1\n",
		"x = 123456789012345678901234567890, 'abc', (1, 2)\n",
		"x = 1, 2, 3\n",
		"print 'hi'\n",
		"x = (1, 2,\n",
		big.String()[:len(big.String())/2],
		"f(a for a in b, c)\n",
		"a = f'{x:{y}} {z!r}' f'{ {1, 2} }'\n",
		"match p:\n    case [1, 2, *rest] | {'k': v}:\n        pass\n",
		"def f(:\n",
		"y = None\n",
		"lambda: (yield)\n",
		big.String(),
		"",
	}
	a := new(Arena)
	for _, s := range srcs {
		for _, flags := range []Flags{0, TypeComments} {
			m1, w1, e1 := ParseArena(nil, "<t>", []byte(s), Exec, flags)
			m2, w2, e2 := ParseArena(a, "<t>", []byte(s), Exec, flags)
			if errorAttrs(e1) != errorAttrs(e2) {
				t.Fatalf("%.30q: error %s in an arena, %s without", s, errorAttrs(e2), errorAttrs(e1))
			}
			if !reflect.DeepEqual(w1, w2) {
				t.Fatalf("%.30q: warnings %v in an arena, %v without", s, w2, w1)
			}
			if m1 == nil {
				continue
			}
			if !reflect.DeepEqual(m1, m2) {
				opts := ast.DumpOptions{IncludeAttributes: true}
				t.Fatalf("%.30q: trees differ in an arena:\n%s", s, firstDiff(ast.Dump(m1, opts), ast.Dump(m2, opts)))
			}
		}
	}
	if a.kept > maxArenaBytes {
		t.Errorf("arena keeps %d bytes, more than %d", a.kept, maxArenaBytes)
	}
}

// TestArenaResetAll checks that nodeSlabs.reset recycles every slab: a slab left out would
// keep handing out the previous parse's arrays without clearing them.
func TestArenaResetAll(t *testing.T) {
	a := new(Arena)
	var b strings.Builder
	for range 50 {
		b.WriteString("@d\ndef f(a=1, *, b):\n    with x as y: import os\n    try:\n        return -a < b\n    except E:\n        raise\n    pass\n")
		b.WriteString("class C:\n    x: t = 1 | 2\n    [1][0], (f(k=1),)\n    if x: pass\n    a.b = c\n")
	}
	if _, _, err := ParseArena(a, "<t>", []byte(b.String()), Exec, 0); err != nil {
		t.Fatal(err)
	}
	a.slabs.reset(a)
	v := reflect.ValueOf(&a.slabs).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		switch {
		case f.Kind() == reflect.Struct && f.FieldByName("rec").IsValid():
			if f.FieldByName("free").Len() != 0 || f.FieldByName("rec").FieldByName("base").Len() != 0 {
				t.Errorf("%s is not recycled by nodeSlabs.reset", name)
			}
			if f.FieldByName("rec").FieldByName("spare").Len() == 0 {
				t.Errorf("%s kept no array", name)
			}
		case f.Kind() == reflect.Slice:
			if f.Len() != 0 {
				t.Errorf("%s is not recycled by nodeSlabs.reset", name)
			}
		}
	}
}
