package bytecode

// The 3.11 location table (co_linetable, PEP 657). A sequence of entries, each covering 1 to 8
// code units. The first byte of an entry has bit 7 set, the entry kind in bits 3-6 and the
// number of code units minus one in bits 0-2. The line of each entry is a delta from the line of
// the previous entry that had one (starting at co_firstlineno). Kinds:
//
//	0-9   short form: same line; one more byte: column = kind*8 + bits 4-6, end column =
//	      column + bits 0-3
//	10-12 one-line form: line delta kind-10; two bytes: column, end column
//	13    no columns: signed varint line delta
//	14    long form: signed varint line delta, varint end-line delta, varint column+1,
//	      varint end-column+1 (0 meaning no column)
//	15    no location
//
// Varints here are little-endian groups of 6 bits, bit 6 meaning "more follows"; a signed varint
// holds |v|<<1 | sign.

// Location entry kinds.
const (
	locShort0    = 0
	locOneLine0  = 10
	locNoColumns = 13
	locLong      = 14
	locNone      = 15
)

// Position is one code unit's source span, as co_positions() yields it; -1 stands for None.
type Position struct {
	Line, EndLine, Col, EndCol int
}

// NoPosition is the position of an instruction without location (kind 15).
var NoPosition = Position{-1, -1, -1, -1}

// LineRange is one co_lines() entry: the bytes [Start, End) of co_code belong to Line (-1 for
// None).
type LineRange struct {
	Start, End, Line int
}

// LineStart is a dis.findlinestarts pair: the byte offset where a new line begins.
type LineStart struct {
	Offset, Line int
}

// locReader walks a location table; reads past the end yield zero, so malformed tables end
// early instead of failing.
type locReader struct {
	b   []byte
	pos int
}

func (r *locReader) byte() int {
	if r.pos >= len(r.b) {
		r.pos++
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return int(c)
}

func (r *locReader) varint() int {
	c := r.byte()
	v := c & 63
	for shift := 6; c&64 != 0 && shift < 32 && r.pos < len(r.b); shift += 6 {
		c = r.byte()
		v |= (c & 63) << shift
	}
	return v
}

func (r *locReader) svarint() int {
	v := r.varint()
	if v&1 != 0 {
		return -(v >> 1)
	}
	return v >> 1
}

// Positions decodes table as co_positions() does: one Position per code unit, for as many code
// units as the table covers.
func Positions(table []byte, firstLine int) []Position {
	var out []Position
	r := &locReader{b: table}
	line := firstLine
	for r.pos < len(table) {
		first := r.byte()
		kind := first >> 3 & 15
		n := first&7 + 1
		var p Position
		switch {
		case kind == locNone:
			p = NoPosition
		case kind == locLong:
			line += r.svarint()
			p.Line = line
			p.EndLine = line + r.varint()
			p.Col = r.varint() - 1
			p.EndCol = r.varint() - 1
		case kind == locNoColumns:
			line += r.svarint()
			p = Position{line, line, -1, -1}
		case kind >= locOneLine0:
			line += kind - locOneLine0
			p.Line, p.EndLine = line, line
			p.Col = r.byte()
			p.EndCol = r.byte()
		default:
			second := r.byte()
			p.Line, p.EndLine = line, line
			p.Col = kind<<3 | second>>4&7
			p.EndCol = p.Col + second&15
		}
		for i := 0; i < n; i++ {
			out = append(out, p)
		}
	}
	return out
}

// lineDelta is the line change an entry starting at table[i] makes.
func lineDelta(table []byte, i int) int {
	kind := int(table[i]) >> 3 & 15
	switch {
	case kind == locNone:
		return 0
	case kind == locNoColumns || kind == locLong:
		r := &locReader{b: table, pos: i + 1}
		return r.svarint()
	case kind >= locOneLine0:
		return kind - locOneLine0
	}
	return 0
}

// Lines decodes table as co_lines() does: one range per entry, in byte offsets, Line -1 for
// entries without a location. Entries are found by their start bit, as CPython does.
func Lines(table []byte, firstLine int) []LineRange {
	var out []LineRange
	line, end := firstLine, 0
	for i := 0; i < len(table); {
		line += lineDelta(table, i)
		l := line
		if int(table[i])>>3&15 == locNone {
			l = -1
		}
		start := end
		end += (int(table[i])&7 + 1) * 2
		out = append(out, LineRange{start, end, l})
		i++
		for i < len(table) && table[i]&0x80 == 0 {
			i++
		}
	}
	return out
}

// LineStarts is dis.findlinestarts: the start offset of each co_lines() range whose line is
// not None and differs from the previous such line.
func LineStarts(table []byte, firstLine int) []LineStart {
	var out []LineStart
	last, have := 0, false
	for _, r := range Lines(table, firstLine) {
		if r.Line >= 0 && (!have || r.Line != last) {
			out = append(out, LineStart{r.Start, r.Line})
			last, have = r.Line, true
		}
	}
	return out
}

// LocationWriter builds a location table the way CPython 3.11's assembler does, choosing the
// shortest form for each entry. Add the instructions in order with their sizes in code units
// (caches and EXTENDED_ARGs included); spans longer than 8 units are split into several entries.
type LocationWriter struct {
	buf  []byte
	line int // the line of the last entry that had one
}

// NewLocationWriter starts a table for a code object whose co_firstlineno is firstLine.
func NewLocationWriter(firstLine int) *LocationWriter {
	return &LocationWriter{line: firstLine}
}

// Reset starts a new table for co_firstlineno firstLine, appending to buf (nil, or a buffer
// with spare capacity to avoid growing it; its contents are kept). A LocationWriter value can
// thus live on the stack and its table be written into a preallocated buffer.
func (w *LocationWriter) Reset(firstLine int, buf []byte) {
	w.buf, w.line = buf, firstLine
}

// Bytes returns the table built so far (co_linetable).
func (w *LocationWriter) Bytes() []byte { return w.buf }

// Add appends the location of an instruction occupying units code units. Line -1 means no
// location; Col or EndCol -1 means no column; EndLine -1 means the same line.
func (w *LocationWriter) Add(units int, p Position) {
	// Fast path, most instructions: one entry for a one-line span with columns, in the short
	// form (same line as the previous entry, columns < 80, width < 16) or the one-line form
	// (line delta 0-2, columns < 128), written with one append. Same bytes as entry.
	if uint(units-1) < 8 && p.Line >= 0 && p.EndLine == p.Line && p.Col >= 0 && p.EndCol >= 0 {
		delta := p.Line - w.line
		if delta == 0 && p.Col < 80 && uint(p.EndCol-p.Col) < 16 {
			w.buf = append(w.buf, byte(0x80|(locShort0+p.Col>>3)<<3|(units-1)), byte((p.Col&7)<<4|(p.EndCol-p.Col)))
			return
		}
		if uint(delta) < 3 && p.Col < 128 && p.EndCol < 128 {
			w.buf = append(w.buf, byte(0x80|(locOneLine0+delta)<<3|(units-1)), byte(p.Col), byte(p.EndCol))
			w.line = p.Line
			return
		}
	}
	for units > 8 {
		w.entry(8, p)
		units -= 8
	}
	if units > 0 {
		w.entry(units, p)
	}
}

// AppendLocation is LocationWriter.Add as a function: it appends to buf the entries for an
// instruction of units code units at p, line being the line of the last entry that had one,
// and returns the table and that line after them. It is for an encoder that keeps the two in
// local variables and writes the commonest entries itself.
func AppendLocation(buf []byte, line, units int, p Position) ([]byte, int) {
	w := LocationWriter{buf: buf, line: line}
	w.Add(units, p)
	return w.buf, w.line
}

func (w *LocationWriter) first(kind, units int) {
	w.buf = append(w.buf, byte(0x80|kind<<3|(units-1)))
}

func (w *LocationWriter) varint(v int) {
	u := uint(v)
	for u >= 64 {
		w.buf = append(w.buf, byte(64|u&63))
		u >>= 6
	}
	w.buf = append(w.buf, byte(u))
}

func (w *LocationWriter) svarint(v int) {
	if v < 0 {
		w.varint(-v<<1 | 1)
	} else {
		w.varint(v << 1)
	}
}

func (w *LocationWriter) entry(units int, p Position) {
	if p.Line < 0 {
		w.first(locNone, units)
		return
	}
	delta := p.Line - w.line
	col, endCol := p.Col, p.EndCol
	if col < 0 || endCol < 0 {
		if p.EndLine == p.Line || p.EndLine == -1 {
			w.first(locNoColumns, units)
			w.svarint(delta)
			w.line = p.Line
			return
		}
	} else if p.EndLine == p.Line {
		if delta == 0 && col < 80 && endCol-col < 16 && endCol >= col {
			w.first(locShort0+col>>3, units)
			w.buf = append(w.buf, byte((col&7)<<4|(endCol-col)))
			return
		}
		if delta >= 0 && delta < 3 && col < 128 && endCol < 128 {
			w.first(locOneLine0+delta, units)
			w.buf = append(w.buf, byte(col), byte(endCol))
			w.line = p.Line
			return
		}
	}
	endLine := p.EndLine
	if endLine < p.Line {
		endLine = p.Line
	}
	w.first(locLong, units)
	w.svarint(delta)
	w.varint(endLine - p.Line)
	w.varint(col + 1)
	w.varint(endCol + 1)
	w.line = p.Line
}
