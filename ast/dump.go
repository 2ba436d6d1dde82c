package ast

import (
	"strconv"
	"strings"

	"gopyc/internal/pystr"
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
	f.scalar(name, pystr.ReprStr(s))
}

func (f *frame) int(name string, v int) {
	f.arg(name)
	f.d.buf = strconv.AppendInt(f.d.buf, int64(v), 10)
	f.done(true)
}

func (f *frame) value(name string, v Value) { f.scalar(name, v.Repr()) }

func (f *frame) strs(name string, ss []string) {
	f.list(name, len(ss), func(i, l int) { f.d.buf = append(f.d.buf, pystr.ReprStr(ss[i])...) })
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
		return pystr.ReprFloat(v.Float)
	case ComplexKind:
		return pystr.ReprComplex(v.Float, v.Imag)
	case StrKind:
		return pystr.ReprStr(v.Str)
	case BytesKind:
		return pystr.ReprBytes(v.Str)
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
