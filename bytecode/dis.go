package bytecode

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopyc/objects"
)

// Dis writes the disassembly of co and, recursively, of the code objects among its constants,
// exactly as CPython 3.11's dis.dis(co) prints it.
func Dis(w io.Writer, co *objects.Code) error {
	var b strings.Builder
	disRecursive(&b, co)
	_, err := io.WriteString(w, b.String())
	return err
}

// DisString returns what Dis writes.
func DisString(co *objects.Code) string {
	var b strings.Builder
	disRecursive(&b, co)
	return b.String()
}

func disRecursive(b *strings.Builder, co *objects.Code) {
	Disassemble(b, co)
	for _, c := range co.Consts {
		if sub, ok := c.(*objects.Code); ok {
			b.WriteString("\nDisassembly of ")
			b.WriteString(objects.ReprConst(sub))
			b.WriteString(":\n")
			disRecursive(b, sub)
		}
	}
}

// ArgRepr is the "(...)" text dis prints after an instruction's argument ("" for none).
func ArgRepr(co *objects.Code, in Instruction) string {
	if !in.HasArg {
		return ""
	}
	op, arg := in.Base, in.Arg
	switch {
	case HasConst(op):
		if op == LOAD_CONST && arg >= 0 && arg < len(co.Consts) {
			return reprConst(co.Consts[arg])
		}
		return ""
	case HasName(op):
		idx := arg
		if op == LOAD_GLOBAL {
			idx = arg >> 1
		}
		if idx < 0 || idx >= len(co.Names) {
			return ""
		}
		name := co.Names[idx].String()
		if op == LOAD_GLOBAL && arg&1 != 0 {
			return "NULL + " + name
		}
		return name
	case HasJabs(op), HasJrel(op):
		return "to " + strconv.Itoa(in.Target)
	case HasLocal(op), HasFree(op):
		if arg >= 0 && arg < len(co.LocalsPlusNames) {
			return co.LocalsPlusNames[arg].String()
		}
		return ""
	case HasCompare(op):
		if arg >= 0 && arg < len(CmpOp) {
			return CmpOp[arg]
		}
		return ""
	case op == FORMAT_VALUE:
		s := FormatValueConverters[arg&3]
		if arg&4 != 0 {
			if s != "" {
				s += ", "
			}
			s += "with format"
		}
		return s
	case op == MAKE_FUNCTION:
		var parts []string
		for i, f := range MakeFunctionFlags {
			if arg&(1<<i) != 0 {
				parts = append(parts, f)
			}
		}
		return strings.Join(parts, ", ")
	case op == BINARY_OP:
		if arg >= 0 && arg < len(NBOps) {
			return NBOps[arg][1]
		}
		return ""
	}
	return ""
}

// Disassemble writes the disassembly of co alone (dis.disassemble): one line per instruction
// with the line-number column, jump-target marks, offsets, names, arguments and their meaning,
// then the exception table.
func Disassemble(b *strings.Builder, co *objects.Code) {
	starts := LineStarts(co.LineTable, co.FirstLineNo)
	lineAt := make(map[int]int, len(starts))
	maxLine := 0
	for _, s := range starts {
		lineAt[s.Offset] = s.Line
		maxLine = max(maxLine, s.Line)
	}
	linenoWidth := 0
	if len(starts) > 0 {
		linenoWidth = 3
		if maxLine >= 1000 {
			linenoWidth = len(strconv.Itoa(maxLine))
		}
	}
	offsetWidth := 4
	if maxOffset := len(co.Code) - 2; maxOffset >= 10000 {
		offsetWidth = len(strconv.Itoa(maxOffset))
	}
	insts := Decode(co.Code)
	exc := ParseExceptionTable(co.ExceptionTable)
	labels := make(map[int]bool)
	for _, in := range insts {
		// dis.findlabels looks at the opcode as stored.
		if in.HasArg && (HasJrel(in.Op) || HasJabs(in.Op)) {
			labels[JumpTarget(in.Op, in.Arg, in.Offset)] = true
		}
	}
	for _, e := range exc {
		if e.Start < e.End {
			labels[e.Target] = true
		}
	}
	var line []byte
	for _, in := range insts {
		l, starts := lineAt[in.Offset]
		if linenoWidth > 0 && starts && in.Offset > 0 {
			b.WriteByte('\n')
		}
		line = line[:0]
		if linenoWidth > 0 {
			if starts {
				line = append(line, padLeft(strconv.Itoa(l), linenoWidth)...)
			} else {
				line = append(line, strings.Repeat(" ", linenoWidth)...)
			}
			line = append(line, ' ')
		}
		line = append(line, "   "...)
		if labels[in.Offset] {
			line = append(line, " >>"...)
		} else {
			line = append(line, "   "...)
		}
		line = append(line, ' ')
		line = append(line, padLeft(strconv.Itoa(in.Offset), offsetWidth)...)
		line = append(line, ' ')
		line = append(line, padRight(OpName[in.Op], 20)...)
		if in.HasArg {
			line = append(line, ' ')
			line = append(line, padLeft(strconv.Itoa(in.Arg), 5)...)
			if r := ArgRepr(co, in); r != "" {
				line = append(line, " ("...)
				line = append(line, r...)
				line = append(line, ')')
			}
		}
		b.Write(trimRightSpace(line))
		b.WriteByte('\n')
	}
	if len(exc) > 0 {
		b.WriteString("ExceptionTable:\n")
		for _, e := range exc {
			fmt.Fprintf(b, "  %d to %d -> %d [%d]", e.Start, e.End-2, e.Target, e.Depth)
			if e.Lasti {
				b.WriteString(" lasti")
			}
			b.WriteByte('\n')
		}
	}
}

func padLeft(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return strings.Repeat(" ", w-len(s)) + s
}

// padRight pads to w characters (opcode names are ASCII).
func padRight(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}

// trimRightSpace is str.rstrip() for the line (whitespace as Python's str.isspace sees it,
// which for the ASCII and Latin-1 characters an argrepr can end with is this set).
func trimRightSpace(b []byte) []byte {
	s := strings.TrimRightFunc(string(b), isPySpace)
	return []byte(s)
}

func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0,
		0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// reprConst is objects.ReprConst with the recursion guard CPython's list, dict and tuple reprs
// have ("[...]", "{...}", "(...)" for a container inside itself): marshal data can make a list
// contain itself, and objects.ReprConst would recurse forever on it.
func reprConst(o objects.Object) string {
	if !hasMutable(o, 0) {
		return objects.ReprConst(o)
	}
	var b strings.Builder
	reprGuarded(&b, o, map[objects.Object]bool{})
	return b.String()
}

// hasMutable reports whether o contains a list or dict (only those can close a cycle).
func hasMutable(o objects.Object, depth int) bool {
	switch v := o.(type) {
	case *objects.List, *objects.Dict:
		return true
	case *objects.Tuple:
		if depth > 3000 {
			return true
		}
		for _, x := range v.V {
			if hasMutable(x, depth+1) {
				return true
			}
		}
	}
	return false
}

func reprGuarded(b *strings.Builder, o objects.Object, active map[objects.Object]bool) {
	open, close := "", ""
	var items []objects.Object
	switch v := o.(type) {
	case *objects.Tuple:
		open, close, items = "(", ")", v.V
	case *objects.List:
		open, close, items = "[", "]", v.V
	case *objects.Dict:
		open, close = "{", "}"
		v.Range(func(k, x objects.Object) bool {
			items = append(items, k, x)
			return true
		})
	default:
		b.WriteString(objects.ReprConst(o))
		return
	}
	if active[o] {
		b.WriteString(open + "..." + close)
		return
	}
	active[o] = true
	b.WriteString(open)
	_, isDict := o.(*objects.Dict)
	for i, x := range items {
		switch {
		case i == 0:
		case isDict && i%2 == 1:
			b.WriteString(": ")
		default:
			b.WriteString(", ")
		}
		reprGuarded(b, x, active)
	}
	if _, ok := o.(*objects.Tuple); ok && len(items) == 1 {
		b.WriteByte(',')
	}
	b.WriteString(close)
	delete(active, o)
}
