package ast

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// DumpOptions are the keyword arguments of Python's ast.dump.
type DumpOptions struct {
	// IncludeAttributes prints lineno, col_offset, end_lineno and end_col_offset.
	IncludeAttributes bool
	// Indent is the number of spaces per level; a negative value means None (one line).
	// Zero means newlines without indentation, as in Python.
	Indent int
	// OmitFieldNames is annotate_fields=False.
	OmitFieldNames bool
}

// Dump returns the same text as Python 3.11's ast.dump(node, annotate_fields=!OmitFieldNames,
// include_attributes=IncludeAttributes, indent=Indent or None).
//
// The output is written into one buffer in a single pass. Python decides whether a node fits
// on one line only after formatting its children ("all arguments simple and at most three");
// Dump writes the multi-line form and, when the node turns out to fit on one line, rewrites
// just that node's text, which then consists of short simple arguments only.
func Dump(n Node, opts DumpOptions) string {
	d := &dumper{opts: opts}
	if opts.Indent >= 0 {
		d.indent = strings.Repeat(" ", opts.Indent)
	}
	d.child(n, 0)
	return string(d.buf)
}

type dumper struct {
	opts   DumpOptions
	indent string
	buf    []byte
	offs   []int // start/end offsets of the arguments of the open frames
	tmp    []byte
}

func (d *dumper) child(n Node, level int) bool {
	if n == nil {
		d.buf = append(d.buf, "None"...)
		return true
	}
	return d.node(n, level)
}

func (d *dumper) newline(level int) {
	d.buf = append(d.buf, '\n')
	for i := 0; i < level; i++ {
		d.buf = append(d.buf, d.indent...)
	}
}

// frame is one node being written.
type frame struct {
	d         *dumper
	level     int
	start     int // offset just after "Class("
	base      int // index of this frame's first entry in d.offs
	nargs     int
	allsimple bool
	keywords  bool
}

func (d *dumper) begin(class string, level int) *frame {
	if d.opts.Indent >= 0 {
		level++
	}
	d.buf = append(d.buf, class...)
	d.buf = append(d.buf, '(')
	return &frame{d: d, level: level, start: len(d.buf), base: len(d.offs), allsimple: true, keywords: !d.opts.OmitFieldNames}
}

func (f *frame) none() { f.keywords = true }

// arg starts an argument: the separator, then "name=" when keywords are on.
func (f *frame) arg(name string) {
	d := f.d
	if f.nargs > 0 {
		d.buf = append(d.buf, ',')
		if d.opts.Indent < 0 {
			d.buf = append(d.buf, ' ')
		}
	}
	if d.opts.Indent >= 0 {
		d.newline(f.level)
	}
	d.offs = append(d.offs, len(d.buf))
	if f.keywords {
		d.buf = append(d.buf, name...)
		d.buf = append(d.buf, '=')
	}
}

// done ends the argument started by arg.
func (f *frame) done(simple bool) {
	f.d.offs = append(f.d.offs, len(f.d.buf))
	f.allsimple = f.allsimple && simple
	f.nargs++
}

func (f *frame) scalar(name, text string) {
	f.arg(name)
	f.d.buf = append(f.d.buf, text...)
	f.done(true)
}

func (f *frame) str(name, s string, optional bool) {
	if optional && s == "" {
		f.none()
		return
	}
	f.scalar(name, ReprStr(s))
}

func (f *frame) int(name string, v int) {
	f.arg(name)
	f.d.buf = strconv.AppendInt(f.d.buf, int64(v), 10)
	f.done(true)
}

func (f *frame) value(name string, v Value) { f.scalar(name, v.Repr()) }

func (f *frame) strs(name string, ss []string) {
	f.list(name, len(ss), func(i, l int) { f.d.buf = append(f.d.buf, ReprStr(ss[i])...) })
}

func (f *frame) list(name string, n int, elem func(i, level int)) {
	f.arg(name)
	d := f.d
	if n == 0 {
		d.buf = append(d.buf, "[]"...)
		f.done(true)
		return
	}
	level := f.level
	if d.opts.Indent >= 0 {
		level++
	}
	d.buf = append(d.buf, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			d.buf = append(d.buf, ',')
			if d.opts.Indent < 0 {
				d.buf = append(d.buf, ' ')
			}
		}
		if d.opts.Indent >= 0 {
			d.newline(level)
		}
		elem(i, level)
	}
	d.buf = append(d.buf, ']')
	f.done(false)
}

func (f *frame) attr(name string, v int) {
	f.arg(name)
	f.d.buf = strconv.AppendInt(f.d.buf, int64(v), 10)
	f.d.offs = append(f.d.offs, len(f.d.buf))
	f.nargs++ // attributes do not change allsimple
}

func (f *frame) pos(p *Pos) {
	keywords := f.keywords
	f.keywords = true // attributes are always name=value
	f.attr("lineno", p.Lineno)
	f.attr("col_offset", p.ColOffset)
	f.attr("end_lineno", p.EndLineno)
	f.attr("end_col_offset", p.EndColOffset)
	f.keywords = keywords
}

// finish closes the node; it reports whether the node is simple (has no arguments).
func (f *frame) finish() bool {
	d := f.d
	offs := d.offs[f.base:]
	if f.allsimple && f.nargs <= 3 && d.opts.Indent >= 0 && f.nargs > 0 {
		// rewrite on one line: the arguments are short
		d.tmp = d.tmp[:0]
		for i := 0; i < f.nargs; i++ {
			if i > 0 {
				d.tmp = append(d.tmp, ", "...)
			}
			d.tmp = append(d.tmp, d.buf[offs[2*i]:offs[2*i+1]]...)
		}
		d.buf = append(d.buf[:f.start], d.tmp...)
	}
	d.buf = append(d.buf, ')')
	d.offs = d.offs[:f.base]
	return f.allsimple && f.nargs <= 3 && f.nargs == 0
}

// IsPrintable reports whether Python 3.11's str.isprintable() is true for the code point r.
func IsPrintable(r rune) bool {
	if r >= 0x20 && r < 0x7f {
		return true
	}
	if r < 0xa0 {
		return false
	}
	i := sort.Search(len(printableRanges), func(i int) bool { return printableRanges[i][1] >= int32(r) })
	return i < len(printableRanges) && printableRanges[i][0] <= int32(r)
}

const hexdigits = "0123456789abcdef"

// ReprStr returns Python's repr() of a str given in UTF-8 (or WTF-8, for lone surrogates).
func ReprStr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b := make([]byte, 0, len(s)+2)
	b = append(b, quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			switch {
			case c == quote || c == '\\':
				b = append(b, '\\', c)
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'x', hexdigits[c>>4], hexdigits[c&15])
			default:
				b = append(b, c)
			}
			continue
		}
		r, n := DecodeRune(s[i:])
		if IsPrintable(r) && !(r >= 0xD800 && r <= 0xDFFF) {
			b = append(b, s[i:i+n]...)
		} else if r < 0x100 {
			b = append(b, '\\', 'x', hexdigits[r>>4], hexdigits[r&15])
		} else if r < 0x10000 {
			b = append(b, '\\', 'u')
			for sh := 12; sh >= 0; sh -= 4 {
				b = append(b, hexdigits[(r>>sh)&15])
			}
		} else {
			b = append(b, '\\', 'U')
			for sh := 28; sh >= 0; sh -= 4 {
				b = append(b, hexdigits[(r>>sh)&15])
			}
		}
		i += n
	}
	b = append(b, quote)
	return string(b)
}

// ReprBytes returns Python's repr() of a bytes value.
func ReprBytes(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b := make([]byte, 0, len(s)+3)
	b = append(b, 'b', quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b = append(b, '\\', c)
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c < 0x20 || c >= 0x7f:
			b = append(b, '\\', 'x', hexdigits[c>>4], hexdigits[c&15])
		default:
			b = append(b, c)
		}
	}
	b = append(b, quote)
	return string(b)
}

// ReprFloat returns Python's repr() of a float (the shortest string that round-trips).
func ReprFloat(f float64) string { return formatFloatRepr(f, true) }

func formatFloatRepr(f float64, addDot0 bool) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // [-]d[.ddd]e±XX
	neg := ""
	if e[0] == '-' {
		neg, e = "-", e[1:]
	}
	ei := strings.IndexByte(e, 'e')
	mant, exp := e[:ei], e[ei+1:]
	x, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	if x < -4 || x >= 16 {
		s := digits[:1]
		if len(digits) > 1 {
			s += "." + digits[1:]
		}
		sign := "+"
		if x < 0 {
			sign, x = "-", -x
		}
		es := strconv.Itoa(x)
		if len(es) < 2 {
			es = "0" + es
		}
		return neg + s + "e" + sign + es
	}
	var s string
	if x < 0 {
		s = "0." + strings.Repeat("0", -x-1) + digits
	} else if x+1 >= len(digits) {
		s = digits + strings.Repeat("0", x+1-len(digits))
		if addDot0 {
			s += ".0"
		}
	} else {
		s = digits[:x+1] + "." + digits[x+1:]
	}
	return neg + s
}

// ReprComplex returns Python's repr() of a complex number.
func ReprComplex(re, im float64) string {
	if re == 0 && !math.Signbit(re) {
		return formatFloatRepr(im, false) + "j"
	}
	ims := formatFloatRepr(im, false)
	if ims[0] != '-' {
		ims = "+" + ims
	}
	return "(" + formatFloatRepr(re, false) + ims + "j)"
}

// Repr returns Python's repr() of the constant.
func (v Value) Repr() string {
	switch v.Kind {
	case NoneKind:
		return "None"
	case EllipsisKind:
		return "Ellipsis"
	case BoolKind:
		if v.Int != 0 {
			return "True"
		}
		return "False"
	case IntKind:
		if v.Big != nil {
			return v.Big.String()
		}
		return strconv.FormatInt(v.Int, 10)
	case FloatKind:
		return ReprFloat(v.Float)
	case ComplexKind:
		return ReprComplex(v.Float, v.Imag)
	case StrKind:
		return ReprStr(v.Str)
	case BytesKind:
		return ReprBytes(v.Str)
	case TupleKind:
		parts := make([]string, len(v.Elts))
		for i, e := range v.Elts {
			parts[i] = e.Repr()
		}
		if len(parts) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case FrozensetKind:
		if len(v.Elts) == 0 {
			return "frozenset()"
		}
		parts := make([]string, len(v.Elts))
		for i, e := range v.Elts {
			parts[i] = e.Repr()
		}
		return "frozenset({" + strings.Join(parts, ", ") + "})"
	}
	return "?"
}
