package objects

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
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

// FormatFloatRepr is repr(float): the shortest digits that round-trip, in fixed notation when the
// decimal exponent is in [-4, 16), with ".0" added to integral values, else d.ddde+XX.
func FormatFloatRepr(f float64) string { return formatFloatShort(f, true) }

func formatFloatShort(f float64, addDot0 bool) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // [-]d[.ddd]e±XX
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	epos := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[epos+1:])
	digits := strings.Replace(e[:epos], ".", "", 1)
	decpt := exp + 1
	if decpt <= -4 || decpt > 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if exp < 0 {
			es, exp = "-", -exp
		}
		x := strconv.Itoa(exp)
		if len(x) < 2 {
			x = "0" + x
		}
		return sign + m + "e" + es + x
	}
	switch {
	case decpt <= 0:
		return sign + "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		s := sign + digits + strings.Repeat("0", decpt-len(digits))
		if addDot0 {
			s += ".0"
		}
		return s
	default:
		return sign + digits[:decpt] + "." + digits[decpt:]
	}
}

// FormatComplexRepr is repr(complex).
func FormatComplexRepr(c complex128) string {
	re, im := real(c), imag(c)
	ims := formatFloatShort(im, false)
	if re == 0 && !math.Signbit(re) {
		return ims + "j"
	}
	if ims[0] != '-' {
		ims = "+" + ims
	}
	return "(" + formatFloatShort(re, false) + ims + "j)"
}

// IsPrintable is Python's str.isprintable for one character.
// TODO: Go's tables are a newer Unicode version than Python 3.11's 14.0; generate Python's table.
func IsPrintable(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r < 0x7f
	}
	if r >= 0xD800 && r <= 0xDFFF {
		return false
	}
	return unicode.IsPrint(r)
}

// ReprStr is repr(str) for WTF-8 text s.
func ReprStr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b := make([]byte, 0, len(s)+2)
	b = append(b, quote)
	for i := 0; i < len(s); {
		r, n := DecodeWTF8(s[i:])
		switch {
		case r == rune(quote) || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r < 0x20 || r == 0x7f:
			b = fmt.Appendf(b, "\\x%02x", r)
		case r < 0x80:
			b = append(b, byte(r))
		case IsPrintable(r):
			b = append(b, s[i:i+n]...)
		case r < 0x100:
			b = fmt.Appendf(b, "\\x%02x", r)
		case r < 0x10000:
			b = fmt.Appendf(b, "\\u%04x", r)
		default:
			b = fmt.Appendf(b, "\\U%08x", r)
		}
		i += n
	}
	b = append(b, quote)
	return string(b)
}

// ReprBytes is repr(bytes).
func ReprBytes(s []byte) string {
	quote := byte('\'')
	hasSingle, hasDouble := false, false
	for _, c := range s {
		hasSingle = hasSingle || c == '\''
		hasDouble = hasDouble || c == '"'
	}
	if hasSingle && !hasDouble {
		quote = '"'
	}
	b := make([]byte, 0, len(s)+3)
	b = append(b, 'b', quote)
	for _, c := range s {
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
			b = fmt.Appendf(b, "\\x%02x", c)
		default:
			b = append(b, c)
		}
	}
	b = append(b, quote)
	return string(b)
}
