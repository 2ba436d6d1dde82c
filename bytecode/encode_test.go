package bytecode

import (
	"bytes"
	"testing"

	"gopyc/marshal/marshaltest"
	"gopyc/objects"
)

// TestEncodersStdlib re-encodes the location and exception tables of every standard-library
// code object from their decoded form, entry by entry, and expects CPython's bytes exactly.
func TestEncodersStdlib(t *testing.T) {
	files := marshaltest.Pycs(t)
	var codes, locOK, excOK int
	var walk func(co *objects.Code, file string)
	walk = func(co *objects.Code, file string) {
		codes++
		w := NewLocationWriter(co.FirstLineNo)
		pos := Positions(co.LineTable, co.FirstLineNo)
		for _, r := range Lines(co.LineTable, co.FirstLineNo) {
			w.Add((r.End-r.Start)/2, pos[r.Start/2])
		}
		if bytes.Equal(w.Bytes(), co.LineTable) {
			locOK++
		} else if codes-locOK < 5 {
			t.Errorf("%s %s: location table\n got %x\nwant %x", file, co.QualName, w.Bytes(), co.LineTable)
		}
		if bytes.Equal(EncodeExceptionTable(ParseExceptionTable(co.ExceptionTable)), co.ExceptionTable) {
			excOK++
		} else if codes-excOK < 5 {
			t.Errorf("%s %s: exception table differs", file, co.QualName)
		}
		for _, c := range co.Consts {
			if sub, ok := c.(*objects.Code); ok {
				walk(sub, file)
			}
		}
	}
	for _, f := range files {
		walk(loadPyc(t, f), f)
	}
	t.Logf("%d code objects: location table re-encoded identically for %d, exception table for %d", codes, locOK, excOK)
	if locOK != codes || excOK != codes {
		t.Fail()
	}
}

func TestLocationWriterForms(t *testing.T) {
	w := NewLocationWriter(10)
	ps := []struct {
		units int
		p     Position
	}{
		{1, Position{10, 10, 4, 9}},     // short
		{2, Position{11, 11, 0, 100}},   // one-line, delta 1
		{3, Position{11, 11, 200, 300}}, // long (columns too large)
		{1, NoPosition},                 // none
		{12, Position{9, 9, -1, -1}},    // no columns, negative delta, split 8+4
		{1, Position{20, 25, 3, 1}},     // multi-line long
	}
	for _, c := range ps {
		w.Add(c.units, c.p)
	}
	got := Positions(w.Bytes(), 10)
	i := 0
	for _, c := range ps {
		for k := 0; k < c.units; k++ {
			if got[i] != c.p {
				t.Errorf("unit %d: got %+v want %+v", i, got[i], c.p)
			}
			i++
		}
	}
	if len(got) != i {
		t.Errorf("%d positions, want %d", len(got), i)
	}
}

func TestExceptionTableRoundTrip(t *testing.T) {
	entries := []ExceptionEntry{{0, 8, 20, 0, false}, {8, 200, 2 << 20, 3, true}, {1 << 25, 1<<25 + 2, 6, 1 << 12, false}}
	got := ParseExceptionTable(EncodeExceptionTable(entries))
	if len(got) != len(entries) {
		t.Fatalf("got %v", got)
	}
	for i := range got {
		if got[i] != entries[i] {
			t.Errorf("entry %d: got %+v want %+v", i, got[i], entries[i])
		}
	}
	if e, ok := FindHandler(got, 10); !ok || e.Target != 2<<20 {
		t.Errorf("FindHandler(10) = %+v %v", e, ok)
	}
	if _, ok := FindHandler(got, 300); ok {
		t.Error("FindHandler(300) found an entry")
	}
}

func TestDecode(t *testing.T) {
	// EXTENDED_ARG 1; LOAD_CONST 2 -> arg 258; LOAD_GLOBAL 3 + 5 caches; JUMP_BACKWARD 4.
	code := []byte{EXTENDED_ARG, 1, LOAD_CONST, 2, LOAD_GLOBAL, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, JUMP_BACKWARD, 4, POP_TOP, 0}
	in := Decode(code)
	if len(in) != 5 || in[0].Arg != 1 || in[1].Arg != 258 || in[2].Caches != 5 || in[3].Offset != 16 ||
		in[3].Target != 16+2-8 || in[4].HasArg {
		t.Errorf("%+v", in)
	}
	if idx, null := LoadGlobalArg(in[2].Arg); idx != 1 || !null {
		t.Error("LoadGlobalArg")
	}
}

// TestReprCycles: constants that contain themselves print as CPython prints them.
func TestReprCycles(t *testing.T) {
	l := objects.NewList(nil)
	l.V = append(l.V, objects.NewInt(1), l)
	tu := objects.NewTuple([]objects.Object{l})
	l2 := objects.NewList([]objects.Object{tu})
	l.V = append(l.V, l2)
	d := objects.NewDict(1)
	d.SetItemConst(objects.NewStr("k"), d)
	for o, want := range map[objects.Object]string{
		l:  "[1, [...], [([...],)]]",
		tu: "([1, [...], [(...)]],)",
		d:  "{'k': {...}}",
		objects.NewTuple([]objects.Object{objects.NewList([]objects.Object{objects.NewStr("a")}), objects.NewDict(0)}): "(['a'], {})",
	} {
		if got := reprConst(o); got != want {
			t.Errorf("got %s want %s", got, want)
		}
	}
}
