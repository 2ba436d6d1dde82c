package objects

import (
	"fmt"
	"gopyc/internal/pystr"
	"strings"
)

// ReprConst returns repr(o) for the core types (the constants of code objects and the containers
// marshal carries). It runs no Python code, so it is what `dis` and error messages use for
// constants; the VM's repr() dispatches to it for these types. A container met again inside
// itself (marshal data can build such a value) is written as CPython's repr writes it: [...],
// {...}, (...), set(...) or frozenset(...).
func ReprConst(o Object) string {
	var b strings.Builder
	reprConst(&b, o, nil)
	return b.String()
}

// reprConst writes repr(o) to b; active holds the containers being written around o.
func reprConst(b *strings.Builder, o Object, active []Object) {
	switch o.(type) {
	case *Tuple, *List, *Set, *FrozenSet, *Dict:
		for _, a := range active {
			if a == o {
				switch o.(type) {
				case *Tuple:
					b.WriteString("(...)")
				case *List:
					b.WriteString("[...]")
				case *Dict:
					b.WriteString("{...}")
				default:
					b.WriteString(TypeName(o) + "(...)")
				}
				return
			}
		}
		active = append(active, o)
	}
	switch v := o.(type) {
	case nil:
		b.WriteString("<NULL>")
	case *noneObject:
		b.WriteString("None")
	case *ellipsisObject:
		b.WriteString("Ellipsis")
	case *Bool:
		if v.V {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case *Int:
		b.WriteString(v.String())
	case *Float:
		b.WriteString(FormatFloatRepr(v.V))
	case *Complex:
		b.WriteString(FormatComplexRepr(v.V))
	case *Str:
		b.WriteString(ReprStr(v.s))
	case *Bytes:
		b.WriteString(ReprBytes(v.B))
	case *Tuple:
		b.WriteByte('(')
		for i, x := range v.V {
			if i > 0 {
				b.WriteString(", ")
			}
			reprConst(b, x, active)
		}
		if len(v.V) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *List:
		b.WriteByte('[')
		for i, x := range v.V {
			if i > 0 {
				b.WriteString(", ")
			}
			reprConst(b, x, active)
		}
		b.WriteByte(']')
	case *FrozenSet:
		if v.Len() == 0 {
			b.WriteString("frozenset()")
			return
		}
		b.WriteString("frozenset(")
		reprSetItems(b, v.Items(), active)
		b.WriteByte(')')
	case *Set:
		if v.Len() == 0 {
			b.WriteString("set()")
			return
		}
		reprSetItems(b, v.Items(), active)
	case *Dict:
		b.WriteByte('{')
		first := true
		v.Range(func(k, val Object) bool {
			if !first {
				b.WriteString(", ")
			}
			first = false
			reprConst(b, k, active)
			b.WriteString(": ")
			reprConst(b, val, active)
			return true
		})
		b.WriteByte('}')
	case *Code:
		fmt.Fprintf(b, "<code object %s at %#x, file \"%s\", line %d>", v.Name.s, uint64(identityHash(v))<<4, v.Filename.s, v.FirstLineNo)
	case *Type:
		fmt.Fprintf(b, "<class '%s'>", v.Name)
	default:
		fmt.Fprintf(b, "<%s object>", TypeName(o))
	}
}

func reprSetItems(b *strings.Builder, items []Object, active []Object) {
	b.WriteByte('{')
	for i, x := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		reprConst(b, x, active)
	}
	b.WriteByte('}')
}

// FormatFloatRepr is repr(float) (see internal/pystr).
func FormatFloatRepr(f float64) string { return pystr.ReprFloat(f) }

// FormatComplexRepr is repr(complex).
func FormatComplexRepr(c complex128) string { return pystr.ReprComplex(real(c), imag(c)) }

// IsPrintable is Python 3.11's str.isprintable for one character (Unicode 14.0, Python's table).
func IsPrintable(r rune) bool { return pystr.IsPrintable(r) }

// ReprStr is repr(str) for WTF-8 text s.
func ReprStr(s string) string { return pystr.ReprStr(s) }

// ReprBytes is repr(bytes).
func ReprBytes(s []byte) string { return pystr.ReprBytes(s) }
