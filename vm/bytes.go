package vm

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	. "gopyc/objects"
)

func normEncoding(enc string) string {
	e := strings.ToLower(strings.ReplaceAll(enc, "_", "-"))
	switch e {
	case "utf8", "utf-8", "u8":
		return "utf-8"
	case "ascii", "us-ascii", "646":
		return "ascii"
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return "latin-1"
	}
	return e
}

func encodeStr(s *Str, enc, errs string) (Object, error) {
	e := normEncoding(enc)
	str := s.String()
	var out []byte
	switch e {
	case "utf-8":
		for i := 0; i < len(str); {
			r, n := DecodeWTF8(str[i:])
			if r >= 0xD800 && r <= 0xDFFF {
				switch errs {
				case "surrogatepass":
					out = append(out, str[i:i+n]...)
				case "surrogateescape":
					if r >= 0xDC80 && r <= 0xDCFF {
						out = append(out, byte(r-0xDC00))
					} else {
						return nil, unicodeEncodeErr("utf-8", str, wtf8Index(str, i), "surrogates not allowed")
					}
				case "ignore":
				case "replace":
					out = append(out, '?')
				case "backslashreplace":
					out = append(out, fmt.Sprintf("\\u%04x", r)...)
				default:
					return nil, unicodeEncodeErr("utf-8", str, wtf8Index(str, i), "surrogates not allowed")
				}
			} else {
				out = append(out, str[i:i+n]...)
			}
			i += n
		}
	case "ascii", "latin-1":
		limit := rune(0x80)
		if e == "latin-1" {
			limit = 0x100
		}
		pos := 0
		for i := 0; i < len(str); {
			r, n := DecodeWTF8(str[i:])
			if r < limit {
				out = append(out, byte(r))
			} else {
				switch errs {
				case "ignore":
				case "replace":
					out = append(out, '?')
				case "backslashreplace":
					if r < 0x100 {
						out = append(out, fmt.Sprintf("\\x%02x", r)...)
					} else if r < 0x10000 {
						out = append(out, fmt.Sprintf("\\u%04x", r)...)
					} else {
						out = append(out, fmt.Sprintf("\\U%08x", r)...)
					}
				case "xmlcharrefreplace":
					out = append(out, fmt.Sprintf("&#%d;", r)...)
				default:
					end := pos + 1
					for j := i + n; j < len(str); {
						r2, n2 := DecodeWTF8(str[j:])
						if r2 < limit {
							break
						}
						end++
						j += n2
					}
					return nil, unicodeEncodeErrRange(e, str, pos, end, fmt.Sprintf("ordinal not in range(%d)", limit))
				}
			}
			i += n
			pos++
		}
	default:
		return nil, Errorf(LookupErrorType, "unknown encoding: %s", enc)
	}
	return NewBytes(out), nil
}

func unicodeEncodeErr(enc, s string, pos int, reason string) error {
	return unicodeEncodeErrRange(enc, s, pos, pos+1, reason)
}

func unicodeEncodeErrRange(enc, s string, start, end int, reason string) error {
	return newUnicodeEncodeError(codecName(enc), s, start, end, reason)
}

func codecName(e string) string {
	switch e {
	case "utf-8":
		return "utf-8"
	case "latin-1":
		return "latin-1"
	}
	return e
}

func decodeBytes(b []byte, enc, errs string) (Object, error) {
	e := normEncoding(enc)
	switch e {
	case "utf-8":
		if utf8.Valid(b) {
			return NewStr(string(b)), nil
		}
		var out []byte
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				// One error covers the longest prefix of a valid sequence (CPython's unit).
				end, reason := utf8ErrorAt(b, i)
				switch errs {
				case "ignore":
				case "replace":
					out = utf8.AppendRune(out, 0xFFFD)
				case "surrogateescape":
					for _, c := range b[i:end] {
						if c < 0x80 {
							return nil, newUnicodeDecodeError("utf-8", b, i, end, reason)
						}
						out = AppendWTF8(out, rune(0xDC00+int(c)))
					}
				case "backslashreplace":
					for _, c := range b[i:end] {
						out = append(out, fmt.Sprintf("\\x%02x", c)...)
					}
				default:
					return nil, newUnicodeDecodeError("utf-8", b, i, end, reason)
				}
				i = end
				continue
			}
			out = append(out, b[i:i+n]...)
			i += n
		}
		return NewStr(string(out)), nil
	case "ascii":
		var out []byte
		for i, c := range b {
			if c >= 0x80 {
				switch errs {
				case "ignore":
					continue
				case "replace":
					out = utf8.AppendRune(out, 0xFFFD)
					continue
				case "surrogateescape":
					out = AppendWTF8(out, rune(0xDC00+int(c)))
					continue
				}
				return nil, newUnicodeDecodeError("ascii", b, i, i+1, "ordinal not in range(128)")
			}
			out = append(out, c)
		}
		return NewStr(string(out)), nil
	case "latin-1":
		var out []byte
		for _, c := range b {
			out = utf8.AppendRune(out, rune(c))
		}
		return NewStr(string(out)), nil
	}
	return nil, Errorf(LookupErrorType, "unknown encoding: %s", enc)
}

func (t *Thread) bytesFromObject(o Object) ([]byte, error) {
	if b, ok := bytesLike(o); ok {
		return b, nil
	}
	if _, ok := o.(*Str); ok {
		return nil, typeErr("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	var out []byte
	err := t.iterate(o, func(x Object) error {
		i, err := t.Index(x)
		if err != nil {
			return err
		}
		v, _ := i.Int64()
		if v < 0 || v > 255 {
			return valueErr("bytes must be in range(0, 256)")
		}
		out = append(out, byte(v))
		return nil
	})
	return out, err
}

func (t *Thread) bytesCtorArg(src, enc, errs Object) ([]byte, error) {
	if s, ok := unwrap(src).(*Str); ok {
		if enc == nil {
			return nil, typeErr("string argument without an encoding")
		}
		es := "strict"
		if errs != nil {
			es = strOf(errs)
		}
		r, err := t.encodeT(s, strOf(enc), es)
		if err != nil {
			return nil, err
		}
		return r.(*Bytes).B, nil
	}
	if enc != nil {
		return nil, typeErr("encoding without a string argument")
	}
	if i, ok := src.(*Int); ok {
		n, _ := i.Int64()
		if n < 0 {
			return nil, valueErr("negative count")
		}
		return make([]byte, n), nil
	}
	if r, found, err := t.callMethod(src, strBytes); found {
		if err != nil {
			return nil, err
		}
		b, ok := r.(*Bytes)
		if !ok {
			return nil, typeErr("__bytes__ returned non-bytes (type %s)", TypeName(r))
		}
		return b.B, nil
	}
	if b, ok := bytesLike(src); ok {
		return append([]byte{}, b...), nil
	}
	b, err := t.bytesFromObject(src)
	if err != nil && isExc(err, TypeErrorType) {
		if _, e2 := t.Iter(src); e2 != nil {
			return nil, typeErr("cannot convert '%s' object to bytes", TypeName(src))
		}
	}
	return b, err
}

func initBytesMethods() {
	for _, tp := range []*Type{BytesType, ByteArrayType} {
		isBA := tp == ByteArrayType
		get := func(o Object) []byte { b, _ := bytesLike(o); return b }
		mk := func(b []byte) Object {
			if isBA {
				return &ByteArray{B: b}
			}
			return NewBytes(b)
		}
		addMethod(tp, "decode", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := parseArgs("decode", args[1:], kw, []string{"encoding", "errors"}, 0)
			if err != nil {
				return nil, err
			}
			enc, errs := "utf-8", "strict"
			if a[0] != nil {
				enc = strOf(a[0])
			}
			if a[1] != nil {
				errs = strOf(a[1])
			}
			return t.decodeT(get(args[0]), enc, errs)
		})
		addMethod(tp, "hex", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			h := hex.EncodeToString(get(args[0]))
			if len(args) > 1 {
				sep := strOf(args[1])
				var parts []string
				for i := 0; i < len(h); i += 2 {
					parts = append(parts, h[i:i+2])
				}
				h = strings.Join(parts, sep)
			}
			return NewStr(h), nil
		})
		addClassMethod(tp, "fromhex", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			s := strings.ReplaceAll(strOf(args[1]), " ", "")
			b, err := hex.DecodeString(s)
			if err != nil {
				return nil, valueErr("non-hexadecimal number found in fromhex() arg at position %d", 0)
			}
			return mk(b), nil
		})
		addMethod(tp, "join", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			sep := get(args[0])
			var out []byte
			i := 0
			err := t.iterate(args[1], func(x Object) error {
				b, ok := bytesLike(x)
				if !ok {
					return typeErr("sequence item %d: expected a bytes-like object, %s found", i, TypeName(x))
				}
				if i > 0 {
					out = append(out, sep...)
				}
				out = append(out, b...)
				i++
				return nil
			})
			if err != nil {
				return nil, err
			}
			return mk(out), nil
		})
		strip := func(name string, l, r bool) {
			addMethod(tp, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				b := get(args[0])
				cut := " \t\n\r\x0b\x0c"
				if len(args) > 1 && args[1] != None {
					cb, ok := bytesLike(args[1])
					if !ok {
						return nil, typeErr("a bytes-like object is required, not '%s'", TypeName(args[1]))
					}
					cut = string(cb)
				}
				if l {
					b = bytes.TrimLeft(b, cut)
				}
				if r {
					b = bytes.TrimRight(b, cut)
				}
				return mk(append([]byte{}, b...)), nil
			})
		}
		strip("strip", true, true)
		strip("lstrip", true, false)
		strip("rstrip", false, true)
		addMethod(tp, "split", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			a, err := parseArgs("split", args[1:], kw, []string{"sep", "maxsplit"}, 0)
			if err != nil {
				return nil, err
			}
			b := get(args[0])
			n := -1
			if a[1] != nil {
				i, _ := toIntObj(a[1])
				v, _ := i.Int64()
				n = int(v)
			}
			var parts [][]byte
			if a[0] == nil || a[0] == None {
				for _, p := range splitWhitespace(string(b), n, false) {
					parts = append(parts, []byte(p))
				}
			} else {
				sep, _ := bytesLike(a[0])
				if len(sep) == 0 {
					return nil, valueErr("empty separator")
				}
				if n < 0 {
					parts = bytes.Split(b, sep)
				} else {
					parts = bytes.SplitN(b, sep, n+1)
				}
			}
			out := make([]Object, len(parts))
			for i, p := range parts {
				out[i] = mk(append([]byte{}, p...))
			}
			return NewList(out), nil
		})
		addMethod(tp, "splitlines", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			s := string(get(args[0]))
			var out []Object
			for len(s) > 0 {
				i := strings.IndexAny(s, "\r\n")
				if i < 0 {
					out = append(out, mk([]byte(s)))
					break
				}
				out = append(out, mk([]byte(s[:i])))
				if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
				s = s[i+1:]
			}
			return NewList(out), nil
		})
		find := func(name string, right, raise bool) {
			addMethod(tp, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				b := get(args[0])
				var sub []byte
				if i, ok := args[1].(*Int); ok {
					v, _ := i.Int64()
					sub = []byte{byte(v)}
				} else {
					sub, _ = bytesLike(args[1])
				}
				start, end, err := t.subIndices(args, len(b), 2)
				if err != nil {
					return nil, err
				}
				idx := -1
				if start <= end {
					if right {
						idx = bytes.LastIndex(b[start:end], sub)
					} else {
						idx = bytes.Index(b[start:end], sub)
					}
					if idx >= 0 {
						idx += start
					}
				}
				if idx < 0 && raise {
					return nil, valueErr("subsection not found")
				}
				return NewInt(int64(idx)), nil
			})
		}
		find("find", false, false)
		find("rfind", true, false)
		find("index", false, true)
		find("rindex", true, true)
		addMethod(tp, "count", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			sub, _ := bytesLike(args[1])
			if i, ok := args[1].(*Int); ok {
				v, _ := i.Int64()
				sub = []byte{byte(v)}
			}
			return NewInt(int64(bytes.Count(get(args[0]), sub))), nil
		})
		addMethod(tp, "replace", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			old, _ := bytesLike(args[1])
			nw, _ := bytesLike(args[2])
			n := -1
			if len(args) > 3 {
				i, _ := toIntObj(args[3])
				v, _ := i.Int64()
				n = int(v)
			}
			return mk(bytes.Replace(get(args[0]), old, nw, n)), nil
		})
		affix := func(name string, suffix bool) {
			addMethod(tp, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				b := get(args[0])
				check := func(p Object) bool {
					pb, _ := bytesLike(p)
					if suffix {
						return bytes.HasSuffix(b, pb)
					}
					return bytes.HasPrefix(b, pb)
				}
				if tup, ok := args[1].(*Tuple); ok {
					for _, p := range tup.V {
						if check(p) {
							return True, nil
						}
					}
					return False, nil
				}
				return NewBool(check(args[1])), nil
			})
		}
		affix("startswith", false)
		affix("endswith", true)
		conv := func(name string, f func([]byte) []byte) {
			addMethod(tp, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				return mk(f(append([]byte{}, get(args[0])...))), nil
			})
		}
		// bytes case mapping is ASCII-only: other byte values are left alone.
		conv("upper", func(b []byte) []byte {
			for i, c := range b {
				b[i] = asciiUpper(c)
			}
			return b
		})
		conv("lower", func(b []byte) []byte {
			for i, c := range b {
				b[i] = asciiLower(c)
			}
			return b
		})
		conv("title", func(b []byte) []byte {
			// A cased letter is uppercased when the byte before it is not a cased letter and
			// lowercased when it is.
			prevCased := false
			for i, c := range b {
				if prevCased {
					b[i] = asciiLower(c)
				} else {
					b[i] = asciiUpper(c)
				}
				prevCased = asciiCased(c)
			}
			return b
		})
		conv("capitalize", func(b []byte) []byte {
			for i, c := range b {
				if i == 0 {
					b[i] = asciiUpper(c)
				} else {
					b[i] = asciiLower(c)
				}
			}
			return b
		})
		conv("swapcase", func(b []byte) []byte {
			for i, c := range b {
				if c >= 'a' && c <= 'z' {
					b[i] = c - 32
				} else if c >= 'A' && c <= 'Z' {
					b[i] = c + 32
				}
			}
			return b
		})
		bpred := func(name string, f func(c byte) bool) {
			addMethod(tp, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				b := get(args[0])
				if len(b) == 0 {
					return False, nil
				}
				for _, c := range b {
					if !f(c) {
						return False, nil
					}
				}
				return True, nil
			})
		}
		bpred("isdigit", func(c byte) bool { return c >= '0' && c <= '9' })
		bpred("isalpha", func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' })
		bpred("isalnum", func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' })
		bpred("isspace", func(c byte) bool { return strings.IndexByte(" \t\n\r\x0b\x0c", c) >= 0 })
		bpred("islower", func(c byte) bool { return !(c >= 'A' && c <= 'Z') })
		bpred("isupper", func(c byte) bool { return !(c >= 'a' && c <= 'z') })
		addMethod(tp, "isascii", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			for _, c := range get(args[0]) {
				if c >= 0x80 {
					return False, nil
				}
			}
			return True, nil
		})
		pad := func(name string, kind byte) {
			addMethod(tp, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				b := get(args[0])
				i, _ := toIntObj(args[1])
				w64, _ := i.Int64()
				w := int(w64)
				fill := []byte{' '}
				if len(args) > 2 {
					fill, _ = bytesLike(args[2])
				}
				if w <= len(b) {
					return mk(append([]byte{}, b...)), nil
				}
				p := w - len(b)
				switch kind {
				case 'l':
					return mk(append(append([]byte{}, b...), bytes.Repeat(fill, p)...)), nil
				case 'r':
					return mk(append(bytes.Repeat(fill, p), b...)), nil
				}
				left := p/2 + (p & w & 1)
				return mk(append(append(bytes.Repeat(fill, left), b...), bytes.Repeat(fill, p-left)...)), nil
			})
		}
		pad("ljust", 'l')
		pad("rjust", 'r')
		pad("center", 'c')
		addMethod(tp, "partition", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			b := get(args[0])
			sep, _ := bytesLike(args[1])
			if i := bytes.Index(b, sep); i >= 0 {
				return NewTuple([]Object{mk(b[:i]), mk(sep), mk(b[i+len(sep):])}), nil
			}
			return NewTuple([]Object{mk(b), mk(nil), mk(nil)}), nil
		})
		addMethod(tp, "__mod__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return t.bytesPercent(get(args[0]), args[1], isBA)
		})
		addStaticMethod(tp, "maketrans", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs("maketrans", args, kw, 2, 2); err != nil {
				return nil, err
			}
			from, ok1 := bytesLike(args[0])
			to, ok2 := bytesLike(args[1])
			if !ok1 || !ok2 {
				return nil, typeErr("a bytes-like object is required, not '%s'", TypeName(args[0]))
			}
			if len(from) != len(to) {
				return nil, valueErr("maketrans arguments must have same length")
			}
			table := make([]byte, 256)
			for i := range table {
				table[i] = byte(i)
			}
			for i, c := range from {
				table[c] = to[i]
			}
			return NewBytes(table), nil
		})
		addMethod(tp, "translate", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs("translate", args[1:], kw, 1, 2); err != nil {
				return nil, err
			}
			src := get(args[0])
			var table []byte
			if args[1] != None {
				tb, ok := bytesLike(args[1])
				if !ok || len(tb) != 256 {
					return nil, valueErr("translation table must be 256 characters long")
				}
				table = tb
			}
			var del []byte
			if len(args) > 2 {
				del, _ = bytesLike(args[2])
			}
			out := make([]byte, 0, len(src))
			for _, c := range src {
				if bytes.IndexByte(del, c) >= 0 {
					continue
				}
				if table != nil {
					c = table[c]
				}
				out = append(out, c)
			}
			return mk(out), nil
		})
	}
	BA := ByteArrayType
	ba := func(args []Object) *ByteArray { return args[0].(*ByteArray) }
	addMethod(BA, "append", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		i, err := t.Index(args[1])
		if err != nil {
			return nil, err
		}
		v, _ := i.Int64()
		if v < 0 || v > 255 {
			return nil, valueErr("byte must be in range(0, 256)")
		}
		b := ba(args)
		b.B = append(b.B, byte(v))
		return None, nil
	})
	addMethod(BA, "extend", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		nb, err := t.bytesFromObject(args[1])
		if err != nil {
			return nil, err
		}
		b := ba(args)
		b.B = append(b.B, nb...)
		return None, nil
	})
	addMethod(BA, "pop", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b := ba(args)
		if len(b.B) == 0 {
			return nil, Errorf(IndexErrorType, "pop from empty bytearray")
		}
		i := len(b.B) - 1
		if len(args) > 1 {
			n, _ := toIntObj(args[1])
			v, _ := n.Int64()
			if v < 0 {
				v += int64(len(b.B))
			}
			if v < 0 || v >= int64(len(b.B)) {
				return nil, Errorf(IndexErrorType, "pop index out of range")
			}
			i = int(v)
		}
		c := b.B[i]
		b.B = append(b.B[:i], b.B[i+1:]...)
		return NewInt(int64(c)), nil
	})
	addMethod(BA, "insert", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b := ba(args)
		n, _ := toIntObj(args[1])
		i, _ := n.Int64()
		v, _ := toIntObj(args[2])
		c, _ := v.Int64()
		if i < 0 {
			i += int64(len(b.B))
			if i < 0 {
				i = 0
			}
		}
		if i > int64(len(b.B)) {
			i = int64(len(b.B))
		}
		b.B = append(b.B[:i], append([]byte{byte(c)}, b.B[i:]...)...)
		return None, nil
	})
	addMethod(BA, "reverse", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b := ba(args).B
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
		return None, nil
	})
	addMethod(BA, "clear", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		ba(args).B = nil
		return None, nil
	})
	addMethod(BA, "copy", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &ByteArray{B: append([]byte{}, ba(args).B...)}, nil
	})
	addMethod(BA, "remove", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b := ba(args)
		n, _ := toIntObj(args[1])
		v, _ := n.Int64()
		i := bytes.IndexByte(b.B, byte(v))
		if i < 0 {
			return nil, valueErr("value not found in bytearray")
		}
		b.B = append(b.B[:i], b.B[i+1:]...)
		return None, nil
	})
	MV := MemoryViewType
	addRawMethod(MV, "tobytes", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewBytes(append([]byte{}, args[0].(*MemoryView).bytes()...)), nil
	})
	addRawMethod(MV, "tolist", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		var out []Object
		for _, c := range args[0].(*MemoryView).bytes() {
			out = append(out, NewInt(int64(c)))
		}
		return NewList(out), nil
	})
	addRawMethod(MV, "release", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		args[0].(*MemoryView).Released = true
		return None, nil
	})
	addRawMethod(MV, "__len__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(int64(len(args[0].(*MemoryView).bytes()))), nil
	})
	addRawMethod(MV, "__enter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
	addRawMethod(MV, "__exit__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		args[0].(*MemoryView).Released = true
		return None, nil
	})
	addRawMethod(MV, "__eq__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b, ok := bytesLike(args[1])
		if !ok {
			return NotImplemented, nil
		}
		return NewBool(bytes.Equal(args[0].(*MemoryView).bytes(), b)), nil
	})
	addRawMethod(MV, "__setitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		m := args[0].(*MemoryView)
		ba, ok := m.Obj.(*ByteArray)
		if !ok {
			return nil, typeErr("cannot modify read-only memory")
		}
		i, err := t.seqIndex(args[1], len(m.bytes()), "index")
		if err != nil {
			return nil, err
		}
		v, _ := toIntObj(args[2])
		c, _ := v.Int64()
		ba.B[m.Start+i] = byte(c)
		return None, nil
	})
	addGetter(MV, "readonly", func(t *Thread, o Object) (Object, error) {
		_, ok := o.(*MemoryView).Obj.(*Bytes)
		return NewBool(ok), nil
	})
	addGetter(MV, "nbytes", func(t *Thread, o Object) (Object, error) { return NewInt(int64(len(o.(*MemoryView).bytes()))), nil })
	addGetter(MV, "obj", func(t *Thread, o Object) (Object, error) { return o.(*MemoryView).Obj, nil })
	addGetter(MV, "format", func(t *Thread, o Object) (Object, error) { return NewStr("B"), nil })
	addGetter(MV, "itemsize", func(t *Thread, o Object) (Object, error) { return NewInt(1), nil })
	addGetter(MV, "ndim", func(t *Thread, o Object) (Object, error) { return NewInt(1), nil })
}

func asciiCased(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func asciiUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// utf8ErrorAt describes the invalid UTF-8 at b[i] as CPython's decoder does: the error covers
// the lead byte and the continuation bytes that are valid after it (end is past them), and the
// reason says whether the sequence is cut short by the end of the data.
func utf8ErrorAt(b []byte, i int) (int, string) {
	lead := b[i]
	var need int
	lo, hi := byte(0x80), byte(0xBF) // the second byte's range
	switch {
	case lead >= 0xC2 && lead <= 0xDF:
		need = 1
	case lead == 0xE0:
		need, lo = 2, 0xA0
	case lead == 0xED:
		need, hi = 2, 0x9F
	case lead >= 0xE1 && lead <= 0xEF:
		need = 2
	case lead == 0xF0:
		need, lo = 3, 0x90
	case lead == 0xF4:
		need, hi = 3, 0x8F
	case lead >= 0xF1 && lead <= 0xF3:
		need = 3
	default:
		return i + 1, "invalid start byte"
	}
	k := 1
	for ; k <= need; k++ {
		if i+k >= len(b) {
			return len(b), "unexpected end of data"
		}
		c := b[i+k]
		if k > 1 {
			lo, hi = 0x80, 0xBF
		}
		if c < lo || c > hi {
			break
		}
	}
	return i + k, "invalid continuation byte"
}
