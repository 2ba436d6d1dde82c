package bytecode

import "testing"

// TestAppendInstr: every argument width round-trips through Decode, InstrSize counts the units
// AppendInstr writes, and argument-less opcodes are written with 0.
func TestAppendInstr(t *testing.T) {
	cases := []struct {
		op  uint8
		arg int
	}{
		{LOAD_CONST, 0}, {LOAD_CONST, 0xFF}, {LOAD_CONST, 0x100}, {LOAD_CONST, 0xFFFF},
		{LOAD_CONST, 0x10000}, {LOAD_CONST, 0xFFFFFF}, {LOAD_CONST, 0x1000000}, {LOAD_CONST, 0x7FFFFFFF},
		{LOAD_GLOBAL, 0x1234}, {BINARY_OP, 13}, {CALL, 2}, {POP_TOP, 7}, {RETURN_VALUE, 0x12345},
	}
	for _, c := range cases {
		code := AppendInstr(nil, c.op, c.arg)
		if len(code) != 2*InstrSize(c.op, c.arg) {
			t.Errorf("%s %#x: %d bytes, InstrSize %d units", OpName[c.op], c.arg, len(code), InstrSize(c.op, c.arg))
		}
		ins := Decode(code)
		last := ins[len(ins)-1]
		want := c.arg
		if c.op < HAVE_ARGUMENT {
			want = 0
		}
		if last.Op != c.op || last.Arg != want || last.Next() != len(code) {
			t.Errorf("%s %#x: decoded %s %#x, next %d of %d", OpName[c.op], c.arg, OpName[last.Op], last.Arg, last.Next(), len(code))
		}
	}
}

// TestAppendExceptionEntry: entries appended one by one equal EncodeExceptionTable's output and
// parse back.
func TestAppendExceptionEntry(t *testing.T) {
	entries := []ExceptionEntry{
		{Start: 0, End: 10, Target: 20, Depth: 1, Lasti: true},
		{Start: 10, End: 1 << 20, Target: 1 << 21, Depth: 300},
	}
	var b []byte
	for _, e := range entries {
		b = AppendExceptionEntry(b, e)
	}
	if string(b) != string(EncodeExceptionTable(entries)) {
		t.Fatal("AppendExceptionEntry differs from EncodeExceptionTable")
	}
	got := ParseExceptionTable(b)
	if len(got) != len(entries) || got[0] != entries[0] || got[1] != entries[1] {
		t.Errorf("parsed %v, want %v", got, entries)
	}
}

// TestLocationWriterReset: a reset writer appends to the buffer given and starts from the new
// first line.
func TestLocationWriterReset(t *testing.T) {
	var w LocationWriter
	w.Reset(5, make([]byte, 0, 16))
	w.Add(1, Position{Line: 6, EndLine: 6, Col: 1, EndCol: 4})
	a := append([]byte(nil), w.Bytes()...)
	w2 := NewLocationWriter(5)
	w2.Add(1, Position{Line: 6, EndLine: 6, Col: 1, EndCol: 4})
	if string(a) != string(w2.Bytes()) {
		t.Errorf("Reset writer: % x, new writer: % x", a, w2.Bytes())
	}
	w.Reset(1, w.Bytes()[:0])
	if len(w.Bytes()) != 0 {
		t.Error("Reset kept old entries")
	}
}
