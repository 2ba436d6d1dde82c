package vm

import (
	"strconv"
	"strings"

	. "gopyc/objects"
)

// percentFormat is str % args.
func (t *Thread) percentFormat(fmtS *Str, args Object) (Object, error) {
	out, err := t.percent(fmtS.String(), args, false)
	if err != nil {
		return nil, err
	}
	return NewStr(out), nil
}

func (t *Thread) bytesPercent(b []byte, args Object, ba bool) (Object, error) {
	out, err := t.percent(string(b), args, true)
	if err != nil {
		return nil, err
	}
	if ba {
		return &ByteArray{B: []byte(out)}, nil
	}
	return NewBytes([]byte(out)), nil
}

func (t *Thread) percent(f string, args Object, isBytes bool) (string, error) {
	var items []Object
	var mapping Object
	if tup, ok := unwrap(args).(*Tuple); ok {
		items = tup.V
	} else {
		items = []Object{args}
		switch args.(type) {
		case *Dict:
			mapping = args
		case *Instance:
			if lookupCached(args.Type(), strGetitem) != nil {
				mapping = args
			}
		}
	}
	idx := 0
	next := func() (Object, error) {
		if idx >= len(items) {
			return nil, typeErr("not enough arguments for format string")
		}
		v := items[idx]
		idx++
		return v, nil
	}
	var b strings.Builder
	usedMapping := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(f) {
			return "", valueErr("incomplete format")
		}
		var arg Object
		if f[i] == '(' {
			if mapping == nil {
				return "", typeErr("format requires a mapping")
			}
			depth := 1
			j := i + 1
			for j < len(f) && depth > 0 {
				if f[j] == '(' {
					depth++
				} else if f[j] == ')' {
					depth--
				}
				j++
			}
			if depth > 0 {
				return "", valueErr("incomplete format key")
			}
			key := f[i+1 : j-1]
			var kobj Object = NewStr(key)
			if isBytes {
				kobj = NewBytes([]byte(key))
			}
			v, err := t.GetItem(mapping, kobj)
			if err != nil {
				return "", err
			}
			arg = v
			usedMapping = true
			i = j
		}
		sp := formatSpec{fill: ' ', precision: -1}
		for ; i < len(f); i++ {
			switch f[i] {
			case '-':
				sp.align = '<'
				continue
			case '+':
				sp.sign = '+'
				continue
			case ' ':
				if sp.sign == 0 {
					sp.sign = ' '
				}
				continue
			case '#':
				sp.alt = true
				continue
			case '0':
				sp.zero = true
				continue
			}
			break
		}
		if i < len(f) && f[i] == '*' {
			v, err := next()
			if err != nil {
				return "", err
			}
			n, ok := toIntObj(v)
			if !ok {
				return "", typeErr("* wants int")
			}
			w, _ := n.Int64()
			if w < 0 {
				sp.align = '<'
				w = -w
			}
			sp.width = int(w)
			i++
		} else {
			st := i
			for i < len(f) && f[i] >= '0' && f[i] <= '9' {
				i++
			}
			if i > st {
				sp.width, _ = strconv.Atoi(f[st:i])
			}
		}
		if i < len(f) && f[i] == '.' {
			i++
			if i < len(f) && f[i] == '*' {
				v, err := next()
				if err != nil {
					return "", err
				}
				n, _ := toIntObj(v)
				p, _ := n.Int64()
				sp.precision = int(p)
				i++
			} else {
				st := i
				for i < len(f) && f[i] >= '0' && f[i] <= '9' {
					i++
				}
				sp.precision, _ = strconv.Atoi(f[st:i])
			}
		}
		for i < len(f) && (f[i] == 'l' || f[i] == 'h' || f[i] == 'L') {
			i++
		}
		if i >= len(f) {
			return "", valueErr("incomplete format")
		}
		conv := f[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if arg == nil {
			v, err := next()
			if err != nil {
				return "", err
			}
			arg = v
		}
		if sp.align == '<' {
			sp.zero = false
		}
		var body string
		switch conv {
		case 's', 'r', 'a', 'b':
			var s string
			if isBytes && (conv == 's' || conv == 'b') {
				bb, ok := bytesLike(arg)
				if !ok {
					if r, found, err := t.callMethod(arg, strBytes); found {
						if err != nil {
							return "", err
						}
						bb, _ = bytesLike(r)
					} else {
						return "", typeErr("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", TypeName(arg))
					}
				}
				s = string(bb)
			} else if conv == 's' {
				so, err := t.Str(arg)
				if err != nil {
					return "", err
				}
				s = so.String()
			} else if conv == 'a' || isBytes {
				so, err := t.Ascii(arg)
				if err != nil {
					return "", err
				}
				s = so.String()
			} else {
				so, err := t.repr(arg)
				if err != nil {
					return "", err
				}
				s = so
			}
			if sp.precision >= 0 {
				rs := []rune(s)
				if len(rs) > sp.precision {
					s = string(rs[:sp.precision])
				}
			}
			sp.zero = false
			body = s
			if sp.align == 0 {
				sp.align = '>'
			}
		case 'd', 'i', 'u', 'x', 'X', 'o':
			var n *Int
			if fv, ok := arg.(*Float); ok {
				bi, err := floatToInt(fv.V)
				if err != nil {
					return "", err
				}
				n = bi
			} else {
				var err error
				n, err = t.Index(arg)
				if err != nil {
					if conv == 'd' || conv == 'i' || conv == 'u' {
						if r, found, err2 := t.callMethod(arg, strInt); found && err2 == nil {
							n, _ = toIntObj(r)
						}
					}
					if n == nil {
						if conv == 'x' || conv == 'X' || conv == 'o' {
							return "", typeErr("%%%c format: an integer is required, not %s", conv, TypeName(arg))
						}
						return "", typeErr("%%%c format: a real number is required, not %s", conv, TypeName(arg))
					}
				}
			}
			var neg bool
			var text func(base int) string
			if v, ok := n.Int64(); ok && v != -1<<63 {
				neg = v < 0
				if neg {
					v = -v
				}
				text = func(base int) string { return strconv.FormatInt(v, base) }
			} else {
				bi := n.Big()
				neg = bi.Sign() < 0
				abs := new(bigInt).Abs(bi)
				text = abs.Text
			}
			var digits string
			prefix := ""
			switch conv {
			case 'x':
				digits = text(16)
				if sp.alt {
					prefix = "0x"
				}
			case 'X':
				digits = strings.ToUpper(text(16))
				if sp.alt {
					prefix = "0X"
				}
			case 'o':
				digits = text(8)
				if sp.alt {
					prefix = "0o"
				}
			default:
				digits = text(10)
			}
			if sp.precision > len(digits) {
				digits = strings.Repeat("0", sp.precision-len(digits)) + digits
			}
			sign := ""
			if neg {
				sign = "-"
			} else if sp.sign != 0 {
				sign = string(sp.sign)
			}
			body = sign + prefix + digits
			if sp.zero && sp.align == 0 {
				sp.fill, sp.align = '0', '='
			}
		case 'e', 'E', 'f', 'F', 'g', 'G':
			fv, err := t.toFloat(arg)
			if err != nil {
				return "", typeErr("must be real number, not %s", TypeName(arg))
			}
			if sp.precision < 0 {
				sp.precision = 6
			}
			sp2 := sp
			sp2.width = 0
			sp2.typ = conv
			body = formatFloatSpec(fv, &sp2)
			if sp.zero && sp.align == 0 {
				sp.fill, sp.align = '0', '='
			}
		case 'c':
			if n, ok := toIntObj(arg); ok {
				v, _ := n.Int64()
				if isBytes {
					body = string([]byte{byte(v)})
				} else {
					body = string(rune(v))
				}
			} else if s, ok := arg.(*Str); ok && s.Len() == 1 {
				body = s.String()
			} else {
				return "", typeErr("%%c requires int or char")
			}
		default:
			return "", valueErr("unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
		}
		if sp.align == 0 {
			sp.align = '>'
		}
		b.WriteString(sp.pad(body, '>'))
	}
	if idx < len(items) && !usedMapping && mapping == nil {
		return "", typeErr("not all arguments converted during %s formatting", map[bool]string{true: "bytes", false: "string"}[isBytes])
	}
	return b.String(), nil
}

// strFormat is str.format(*args, **kwargs).
func (t *Thread) strFormat(f string, args []Object, kw *Dict, depth int) (string, error) {
	st := &fmtState{}
	return t.strFormatState(f, args, kw, depth, st)
}

// fmtState is the automatic/manual field numbering shared by a format string and its nested specs.
type fmtState struct {
	auto             int
	manual, autoUsed bool
}

func (t *Thread) strFormatState(f string, args []Object, kw *Dict, depth int, st *fmtState) (string, error) {
	if depth > 2 {
		return "", valueErr("Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '}' {
			if i+1 < len(f) && f[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", valueErr("Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(f) && f[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		if i+1 >= len(f) {
			return "", valueErr("Single '{' encountered in format string")
		}
		// find matching }
		depthB := 1
		j := i + 1
		for j < len(f) && depthB > 0 {
			if f[j] == '{' {
				depthB++
			} else if f[j] == '}' {
				depthB--
			}
			if depthB > 0 {
				j++
			}
		}
		if j >= len(f) {
			return "", valueErr("expected '}' before end of string")
		}
		field := f[i+1 : j]
		i = j
		// split field: name[!conv][:spec]
		name, conv, spec := field, byte(0), ""
		if k := strings.IndexAny(field, "!:"); k >= 0 {
			name = field[:k]
			rest := field[k:]
			if rest[0] == '!' {
				if len(rest) < 2 {
					return "", valueErr("end of string while looking for conversion specifier")
				}
				conv = rest[1]
				rest = rest[2:]
				if len(rest) > 0 && rest[0] != ':' {
					return "", valueErr("expected ':' after conversion specifier")
				}
			}
			if len(rest) > 0 && rest[0] == ':' {
				spec = rest[1:]
			}
		}
		// first part of name
		k := strings.IndexAny(name, ".[")
		first, tail := name, ""
		if k >= 0 {
			first, tail = name[:k], name[k:]
		}
		var v Object
		if first == "" {
			if st.manual {
				return "", valueErr("cannot switch from manual field specification to automatic field numbering")
			}
			st.autoUsed = true
			if st.auto >= len(args) {
				return "", Errorf(IndexErrorType, "Replacement index %d out of range for positional args tuple", st.auto)
			}
			v = args[st.auto]
			st.auto++
		} else if n, err := strconv.Atoi(first); err == nil {
			if st.autoUsed {
				return "", valueErr("cannot switch from automatic field numbering to manual field specification")
			}
			st.manual = true
			if n >= len(args) {
				return "", Errorf(IndexErrorType, "Replacement index %d out of range for positional args tuple", n)
			}
			v = args[n]
		} else {
			if kw == nil {
				return "", NewException(KeyErrorType, NewStr(first))
			}
			x := kw.GetStr(NewStr(first))
			if x == nil {
				return "", NewException(KeyErrorType, NewStr(first))
			}
			v = x
		}
		for len(tail) > 0 {
			if tail[0] == '.' {
				e := strings.IndexAny(tail[1:], ".[")
				var attr string
				if e < 0 {
					attr, tail = tail[1:], ""
				} else {
					attr, tail = tail[1:1+e], tail[1+e:]
				}
				var err error
				v, err = t.GetAttr(v, NewStr(attr))
				if err != nil {
					return "", err
				}
			} else {
				e := strings.IndexByte(tail, ']')
				if e < 0 {
					return "", valueErr("Missing ']' in format string")
				}
				key := tail[1:e]
				tail = tail[e+1:]
				var ko Object = NewStr(key)
				if n, err := strconv.Atoi(key); err == nil {
					ko = NewInt(int64(n))
				}
				var err error
				v, err = t.GetItem(v, ko)
				if err != nil {
					return "", err
				}
			}
		}
		switch conv {
		case 'r':
			s, err := t.Repr(v)
			if err != nil {
				return "", err
			}
			v = s
		case 's':
			s, err := t.Str(v)
			if err != nil {
				return "", err
			}
			v = s
		case 'a':
			s, err := t.Ascii(v)
			if err != nil {
				return "", err
			}
			v = s
		case 0:
		default:
			return "", valueErr("Unknown conversion specifier %c", conv)
		}
		if strings.Contains(spec, "{") {
			s, err := t.strFormatState(spec, args, kw, depth+1, st)
			if err != nil {
				return "", err
			}
			spec = s
		}
		r, err := t.Format(v, NewStr(spec))
		if err != nil {
			return "", err
		}
		b.WriteString(r.(*Str).String())
	}
	return b.String(), nil
}
