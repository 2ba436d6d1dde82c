package objects

import "testing"

// TestReprConstCycles: containers that contain themselves print as CPython prints them.
func TestReprConstCycles(t *testing.T) {
	l := NewList(nil)
	l.V = append(l.V, NewInt(1), l)
	if got := ReprConst(l); got != "[1, [...]]" {
		t.Errorf("list: %s", got)
	}
	d := NewDict(1)
	d.SetStr(NewStr("a"), d)
	if got := ReprConst(d); got != "{'a': {...}}" {
		t.Errorf("dict: %s", got)
	}
	inner := NewList(nil)
	tup := NewTuple([]Object{inner, inner})
	inner.V = append(inner.V, tup)
	if got := ReprConst(tup); got != "([(...)], [(...)])" {
		t.Errorf("tuple: %s", got)
	}
	// The same container twice, not nested, is written twice.
	shared := NewList([]Object{NewInt(2)})
	if got := ReprConst(NewList([]Object{shared, shared})); got != "[[2], [2]]" {
		t.Errorf("shared: %s", got)
	}
}
