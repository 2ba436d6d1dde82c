package bytecode

import "errors"

// The 3.11 exception table (co_exceptiontable): a sequence of entries of four varints each:
// start and length of the protected range and the handler's target, all in code units, then
// depth<<1 | lasti. These varints are big-endian groups of 6 bits with bit 6 meaning "more
// follows"; the first byte of each entry also has bit 7 set. Entries are sorted by start and do
// not overlap.

// ExceptionEntry is one exception-table entry. Start, End and Target are byte offsets into
// co_code (End exclusive), as dis._parse_exception_table reports them; Depth is the value-stack
// depth to unwind to; Lasti says whether the offset of the raising instruction is pushed too.
type ExceptionEntry struct {
	Start, End, Target int
	Depth              int
	Lasti              bool
}

type excReader struct {
	b   []byte
	pos int
}

var errExcEnd = errors.New("end")

func (r *excReader) varint() (int, error) {
	if r.pos >= len(r.b) {
		return 0, errExcEnd
	}
	c := r.b[r.pos]
	r.pos++
	v := int(c & 63)
	for c&64 != 0 {
		if r.pos >= len(r.b) {
			return 0, errExcEnd
		}
		c = r.b[r.pos]
		r.pos++
		v = v<<6 | int(c&63)
		if v > 1<<40 {
			return 0, errExcEnd
		}
	}
	return v, nil
}

// ParseExceptionTable decodes table as dis._parse_exception_table does: entries are read until
// the data ends (a truncated last entry is dropped).
func ParseExceptionTable(table []byte) []ExceptionEntry {
	var out []ExceptionEntry
	r := &excReader{b: table}
	for {
		var v [4]int
		for i := range v {
			x, err := r.varint()
			if err != nil {
				return out
			}
			v[i] = x
		}
		out = append(out, ExceptionEntry{
			Start: v[0] * 2, End: (v[0] + v[1]) * 2, Target: v[2] * 2,
			Depth: v[3] >> 1, Lasti: v[3]&1 != 0,
		})
	}
}

// FindHandler returns the entry whose range contains the byte offset, as the interpreter looks
// it up when an exception is raised there.
func FindHandler(entries []ExceptionEntry, offset int) (ExceptionEntry, bool) {
	lo, hi := 0, len(entries)
	for lo < hi {
		m := (lo + hi) / 2
		switch e := entries[m]; {
		case offset < e.Start:
			hi = m
		case offset >= e.End:
			lo = m + 1
		default:
			return e, true
		}
	}
	return ExceptionEntry{}, false
}

// EncodeExceptionTable builds co_exceptiontable from entries sorted by Start (byte offsets,
// even, End > Start) as CPython 3.11's assembler writes it.
func EncodeExceptionTable(entries []ExceptionEntry) []byte {
	var b []byte
	for _, e := range entries {
		b = AppendExceptionEntry(b, e)
	}
	return b
}

// AppendExceptionEntry appends the encoding of one entry (byte offsets, even, End > Start) to
// b, for writers that produce the entries in order without collecting them first.
func AppendExceptionEntry(b []byte, e ExceptionEntry) []byte {
	dl := e.Depth << 1
	if e.Lasti {
		dl |= 1
	}
	start, n, target := e.Start/2, (e.End-e.Start)/2, e.Target/2
	if uint(start|n|target|dl) < 64 { // small code: one byte each, one append
		return append(b, byte(start)|0x80, byte(n), byte(target), byte(dl))
	}
	b = appendExcVarint(b, start, 0x80)
	b = appendExcVarint(b, n, 0)
	b = appendExcVarint(b, target, 0)
	return appendExcVarint(b, dl, 0)
}

func appendExcVarint(b []byte, v int, msb byte) []byte {
	for shift := 24; shift > 0; shift -= 6 {
		if v >= 1<<shift {
			b = append(b, byte(v>>shift&63)|64|msb)
			msb = 0
		}
	}
	return append(b, byte(v&63)|msb)
}
