package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	. "gopyc/objects"
)

// intToDecimal is str(int) with the int_max_str_digits limit.
func (t *Thread) intToDecimal(x *Int) (string, error) {
	s := x.String()
	lim := t.interp.IntMaxStrDigits
	n := len(s)
	if s[0] == '-' {
		n--
	}
	if lim > 0 && n > lim {
		return "", valueErr("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", lim)
	}
	return s, nil
}

type formatSpec struct {
	fill      rune
	align     byte
	sign      byte
	alt       bool
	zero      bool
	width     int
	grouping  byte
	precision int
	typ       byte
	z         bool // coerce negative zero to zero (floats)
}

func parseSpec(s string) (formatSpec, error) {
	sp := formatSpec{fill: ' ', precision: -1}
	rs := []rune(s)
	i := 0
	if len(rs) >= 2 && strings.ContainsRune("<>=^", rs[1]) {
		sp.fill, sp.align = rs[0], byte(rs[1])
		i = 2
	} else if len(rs) >= 1 && strings.ContainsRune("<>=^", rs[0]) {
		sp.align = byte(rs[0])
		i = 1
	}
	if i < len(rs) && strings.ContainsRune("+- ", rs[i]) {
		sp.sign = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == 'z' {
		sp.z = true
		i++
	}
	if i < len(rs) && rs[i] == '#' {
		sp.alt = true
		i++
	}
	if i < len(rs) && rs[i] == '0' {
		sp.zero = true
		if sp.align == 0 {
			sp.fill, sp.align = '0', '='
		}
		i++
	}
	st := i
	for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
		i++
	}
	if i > st {
		sp.width, _ = strconv.Atoi(string(rs[st:i]))
	}
	if i < len(rs) && (rs[i] == ',' || rs[i] == '_') {
		sp.grouping = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		st = i
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			i++
		}
		if i == st {
			return sp, valueErr("Format specifier missing precision")
		}
		sp.precision, _ = strconv.Atoi(string(rs[st:i]))
	}
	if i < len(rs) {
		sp.typ = byte(rs[i])
		i++
	}
	if i < len(rs) {
		return sp, valueErr("Invalid format specifier '%s' for object of type '%%s'", s)
	}
	return sp, nil
}

func (sp *formatSpec) pad(body string, defAlign byte) string {
	n := len([]rune(body))
	if n >= sp.width {
		return body
	}
	align := sp.align
	if align == 0 {
		align = defAlign
	}
	padn := sp.width - n
	fill := string(sp.fill)
	switch align {
	case '<':
		return body + strings.Repeat(fill, padn)
	case '^':
		l := padn / 2
		return strings.Repeat(fill, l) + body + strings.Repeat(fill, padn-l)
	case '=':
		// after sign/prefix
		k := 0
		if len(body) > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' ') {
			k = 1
		}
		if len(body) > k+1 && body[k] == '0' && strings.ContainsRune("xXobB", rune(body[k+1])) {
			k += 2
		}
		return body[:k] + strings.Repeat(fill, padn) + body[k:]
	}
	return strings.Repeat(fill, padn) + body
}

func groupDigits(digits string, sep byte, every int) string {
	if sep == 0 || len(digits) <= every {
		return digits
	}
	var b strings.Builder
	first := len(digits) % every
	if first == 0 {
		first = every
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += every {
		b.WriteByte(sep)
		b.WriteString(digits[i : i+every])
	}
	return b.String()
}

// Format is format(v, spec).
func (t *Thread) Format(v Object, spec *Str) (Object, error) {
	s := spec.String()
	switch x := v.(type) {
	case *Str:
		if s == "" {
			return x, nil
		}
		return t.formatStr(x.String(), s)
	case *Bool:
		if s == "" {
			return t.Str(v)
		}
		i, _ := toIntObj(x)
		return t.formatInt(i, s)
	case *Int:
		if s == "" {
			return t.Str(v)
		}
		return t.formatInt(x, s)
	case *Float:
		if s == "" {
			return t.Str(v)
		}
		return t.formatFloat(x.V, s)
	case *Complex:
		if s == "" {
			return t.Str(v)
		}
		return t.formatComplex(x.V, s)
	}
	f := lookupCached(v.Type(), strFormat)
	if f != nil && f != objectFormat {
		r, err := t.Call(f, []Object{v, spec}, nil)
		if err != nil {
			return nil, err
		}
		if _, ok := r.(*Str); !ok {
			return nil, typeErr("__format__ must return a str, not %s", TypeName(r))
		}
		return r, nil
	}
	if inst, ok := v.(*Instance); ok && inst.Value != nil {
		if s == "" {
			return t.Str(v)
		}
		return t.Format(inst.Value, spec)
	}
	if s != "" {
		return nil, typeErr("unsupported format string passed to %s.__format__", TypeName(v))
	}
	return t.Str(v)
}

var objectFormat Object

func (t *Thread) formatStr(str, s string) (Object, error) {
	sp, err := parseSpec(s)
	if err != nil {
		return nil, fixSpecErr(err, "str")
	}
	if sp.typ != 0 && sp.typ != 's' {
		return nil, valueErr("Unknown format code '%c' for object of type 'str'", sp.typ)
	}
	if sp.sign != 0 {
		return nil, valueErr("Sign not allowed in string format specifier")
	}
	if sp.align == '=' {
		return nil, valueErr("'=' alignment not allowed in string format specifier")
	}
	if sp.precision >= 0 {
		rs := []rune(str)
		if len(rs) > sp.precision {
			str = string(rs[:sp.precision])
		}
	}
	return NewStr(sp.pad(str, '<')), nil
}

func fixSpecErr(err error, tn string) error {
	if e, ok := err.(*Exception); ok && e.Args != nil && len(e.Args.V) == 1 {
		if s, ok := e.Args.V[0].(*Str); ok && strings.Contains(s.String(), "%s") {
			return valueErr("%s", strings.ReplaceAll(s.String(), "%s", tn))
		}
	}
	return err
}

func (t *Thread) formatInt(x *Int, s string) (Object, error) {
	sp, err := parseSpec(s)
	if err != nil {
		return nil, fixSpecErr(err, "int")
	}
	switch sp.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, ok := x.Float()
		if !ok {
			return nil, Errorf(OverflowErrorType, "int too large to convert to float")
		}
		return t.formatFloat(f, s)
	case 'c':
		v, _ := x.Int64()
		return NewStr(sp.pad(string(rune(v)), '<')), nil
	case 's':
		return nil, valueErr("Unknown format code 's' for object of type 'int'")
	}
	if sp.precision >= 0 {
		return nil, valueErr("Precision not allowed in integer format specifier")
	}
	var neg bool
	var text func(base int) string
	if v, ok := x.Int64(); ok && v != -1<<63 {
		neg = v < 0
		if neg {
			v = -v
		}
		text = func(base int) string { return strconv.FormatInt(v, base) }
	} else {
		b := x.Big()
		neg = b.Sign() < 0
		text = new(big.Int).Abs(b).Text
	}
	var digits, prefix string
	every := 3
	switch sp.typ {
	case 0, 'd', 'n':
		digits = text(10)
	case 'x':
		digits, prefix = text(16), "0x"
		every = 4
	case 'X':
		digits, prefix = strings.ToUpper(text(16)), "0X"
		every = 4
	case 'o':
		digits, prefix = text(8), "0o"
		every = 4
	case 'b':
		digits, prefix = text(2), "0b"
		every = 4
	default:
		return nil, valueErr("Unknown format code '%c' for object of type 'int'", sp.typ)
	}
	if !sp.alt {
		prefix = ""
	}
	sign := ""
	if neg {
		sign = "-"
	} else if sp.sign == '+' {
		sign = "+"
	} else if sp.sign == ' ' {
		sign = " "
	}
	if sp.zero && sp.align == '=' && sp.fill == '0' && sp.grouping != 0 {
		// zero padding participates in grouping
		w := sp.width - len(sign) - len(prefix)
		for len(groupDigits(digits, sp.grouping, every)) < w {
			digits = "0" + digits
		}
	}
	digits = groupDigits(digits, sp.grouping, every)
	return NewStr(sp.pad(sign+prefix+digits, '>')), nil
}

func (t *Thread) formatFloat(f float64, s string) (Object, error) {
	sp, err := parseSpec(s)
	if err != nil {
		return nil, fixSpecErr(err, "float")
	}
	if sp.typ != 0 && !strings.ContainsRune("eEfFgGn%", rune(sp.typ)) {
		return nil, valueErr("Unknown format code '%c' for object of type 'float'", sp.typ)
	}
	return NewStr(formatFloatSpec(f, &sp)), nil
}

func formatFloatSpec(f float64, sp *formatSpec) string {
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	prec := sp.precision
	var body string
	typ := sp.typ
	switch {
	case math.IsInf(a, 0):
		body = "inf"
	case math.IsNaN(a):
		body = "nan"
	default:
		switch typ {
		case 'f', 'F':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'f', prec, 64)
			if sp.alt && prec == 0 {
				body += "."
			}
		case 'e', 'E':
			if prec < 0 {
				prec = 6
			}
			body = fixExp(strconv.FormatFloat(a, 'e', prec, 64))
			if sp.alt && prec == 0 {
				body = strings.Replace(body, "e", ".e", 1)
			}
		case '%':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
		case 'g', 'G', 'n':
			if prec < 0 {
				prec = 6
			}
			if prec == 0 {
				prec = 1
			}
			body = formatG(a, prec, sp.alt)
		case 0:
			if prec < 0 {
				body = FormatFloatRepr(a)
			} else {
				if prec == 0 {
					prec = 1
				}
				body = formatNoType(a, prec, sp.alt)
			}
		default:
			return "" // caller validates
		}
	}
	if typ == 'F' || typ == 'E' || typ == 'G' {
		body = strings.ToUpper(body)
	}
	if sp.grouping != 0 {
		intPart := body
		rest := ""
		if k := strings.IndexAny(body, ".e%"); k >= 0 {
			intPart, rest = body[:k], body[k:]
		}
		if intPart != "inf" && intPart != "nan" {
			body = groupDigits(intPart, sp.grouping, 3) + rest
		}
	}
	if neg && sp.z && strings.Trim(body, "0.e+-%") == "" {
		neg = false
	}
	sign := ""
	if neg {
		sign = "-"
	} else if sp.sign == '+' {
		sign = "+"
	} else if sp.sign == ' ' {
		sign = " "
	}
	return sp.pad(sign+body, '>')
}

// formatG is %g: precision significant digits, trailing zeros removed unless alt.
func formatG(a float64, prec int, alt bool) string {
	if a == 0 {
		if alt {
			return "0." + strings.Repeat("0", prec-1)
		}
		return "0"
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	k := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[k+1:])
	if exp < -4 || exp >= prec {
		mant := e[:k]
		if !alt && strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return fixExp(mant + e[k:])
	}
	s := strconv.FormatFloat(a, 'f', max(prec-1-exp, 0), 64)
	if !alt && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	} else if alt && !strings.Contains(s, ".") {
		s += "."
	}
	return s
}

// fixExp turns Go's e+07 into Python's e+07 (at least two digits, Go already does) and keeps it.
func fixExp(s string) string {
	k := strings.IndexAny(s, "eE")
	if k < 0 {
		return s
	}
	exp := s[k+2:]
	if len(exp) < 2 {
		exp = "0" + exp
	}
	return s[:k+2] + exp
}

func (t *Thread) formatComplex(c complex128, s string) (Object, error) {
	sp, err := parseSpec(s)
	if err != nil {
		return nil, fixSpecErr(err, "complex")
	}
	w := sp.width
	sp.width = 0
	re := formatFloatSpec(real(c), &sp)
	sp2 := sp
	sp2.sign = '+'
	im := formatFloatSpec(imag(c), &sp2)
	var body string
	if sp.typ == 0 && real(c) == 0 && !math.Signbit(real(c)) {
		body = formatFloatSpec(imag(c), &sp) + "j"
	} else if sp.typ == 0 {
		body = "(" + re + im + "j)"
	} else {
		body = re + im + "j"
	}
	sp.width = w
	return NewStr(sp.pad(body, '>')), nil
}

// formatNoType is the float presentation without a type but with a precision: like 'g', but the
// switch to exponent notation happens at exp >= prec-1 and fixed notation keeps a ".0".
func formatNoType(a float64, prec int, alt bool) string {
	if a == 0 {
		return "0.0"
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	k := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[k+1:])
	if exp < -4 || exp >= prec-1 {
		mant := e[:k]
		if !alt && strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return fixExp(mant + e[k:])
	}
	s := strconv.FormatFloat(a, 'f', max(prec-1-exp, 0), 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
