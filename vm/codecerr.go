package vm

import (
	"strings"

	. "gopyc/objects"
)

// Codec error handlers registered with codecs.register_error. The VM's own codecs (utf-8, ascii,
// latin-1) know the standard handlers by name; for any other name, decodeT and encodeT run the
// codec strictly piece by piece and call the registered handler for each error, as CPython's
// codecs do: the handler gets the UnicodeError (the whole input as its object) and returns the
// replacement and the position to resume at.

// standardHandler reports whether errs names an error handler the VM's codecs implement.
func standardHandler(errs string) bool {
	switch errs {
	case "strict", "ignore", "replace", "surrogateescape", "backslashreplace", "xmlcharrefreplace",
		"namereplace", "surrogatepass":
		return true
	}
	return false
}

// errorHandler looks name up in the codecs registry (LookupError when it is not registered).
func (t *Thread) errorHandler(name string) (Object, error) {
	m, err := t.importFull("_codecs")
	if err != nil {
		return nil, err
	}
	lookup, err := t.GetAttr(m, NewStr("lookup_error"))
	if err != nil {
		return nil, err
	}
	return t.Call(lookup, []Object{NewStr(name)}, nil)
}

// callHandler calls handler with exc and returns the replacement and the resume position, made
// absolute and checked against n (the input's length).
func (t *Thread) callHandler(handler Object, exc *Exception, n int, decoding bool) (Object, int, error) {
	r, err := t.Call(handler, []Object{exc}, nil)
	if err != nil {
		return nil, 0, err
	}
	tup, ok := r.(*Tuple)
	okRep := false
	if ok && len(tup.V) == 2 {
		switch tup.V[0].(type) {
		case *Str:
			okRep = true
		case *Bytes:
			okRep = !decoding
		}
	}
	var pos *Int
	if okRep {
		pos, okRep = tup.V[1].(*Int)
	}
	if !okRep {
		if decoding {
			return nil, 0, typeErr("decoding error handler must return (str, int) tuple")
		}
		return nil, 0, typeErr("encoding error handler must return (str/bytes, int) tuple")
	}
	p, _ := pos.Int64()
	if p < 0 {
		p += int64(n)
	}
	if p < 0 || p > int64(n) {
		return nil, 0, Errorf(IndexErrorType, "position %d from error handler out of bounds", p)
	}
	return tup.V[0], int(p), nil
}

// decodeT is decodeBytes with registered error handlers.
func (t *Thread) decodeT(b []byte, enc, errs string) (Object, error) {
	if standardHandler(errs) {
		return decodeBytes(b, enc, errs)
	}
	var out strings.Builder
	var handler Object
	for pos := 0; ; {
		r, err := decodeBytes(b[pos:], enc, "strict")
		if err == nil {
			out.WriteString(r.(*Str).String())
			return NewStr(out.String()), nil
		}
		e, ok := err.(*Exception)
		if !ok || e.Unicode == nil {
			return nil, err
		}
		start, end := pos+int(e.Unicode.start), pos+int(e.Unicode.end)
		if prefix, err := decodeBytes(b[pos:start], enc, "strict"); err == nil {
			out.WriteString(prefix.(*Str).String())
		}
		if handler == nil {
			if handler, err = t.errorHandler(errs); err != nil {
				return nil, err
			}
		}
		reason, _ := e.Unicode.reason.(*Str)
		full := newUnicodeDecodeError(strOf(e.Unicode.encoding), b, start, end, reason.String())
		rep, next, err := t.callHandler(handler, full, len(b), true)
		if err != nil {
			return nil, err
		}
		out.WriteString(rep.(*Str).String())
		pos = next
	}
}

// encodeT is encodeStr with registered error handlers.
func (t *Thread) encodeT(s *Str, enc, errs string) (Object, error) {
	if standardHandler(errs) {
		return encodeStr(s, enc, errs)
	}
	str := s.String()
	offsets := []int{} // byte offset of each code point, and the end
	for i := 0; i < len(str); {
		offsets = append(offsets, i)
		_, n := DecodeWTF8(str[i:])
		i += n
	}
	offsets = append(offsets, len(str))
	n := len(offsets) - 1
	var out []byte
	var handler Object
	for pos := 0; ; {
		r, err := encodeStr(NewStr(str[offsets[pos]:]), enc, "strict")
		if err == nil {
			return NewBytes(append(out, r.(*Bytes).B...)), nil
		}
		e, ok := err.(*Exception)
		if !ok || e.Unicode == nil {
			return nil, err
		}
		start, end := pos+int(e.Unicode.start), pos+int(e.Unicode.end)
		if prefix, err := encodeStr(NewStr(str[offsets[pos]:offsets[start]]), enc, "strict"); err == nil {
			out = append(out, prefix.(*Bytes).B...)
		}
		if handler == nil {
			if handler, err = t.errorHandler(errs); err != nil {
				return nil, err
			}
		}
		reason, _ := e.Unicode.reason.(*Str)
		full := newUnicodeEncodeError(strOf(e.Unicode.encoding), str, start, end, reason.String())
		rep, next, err := t.callHandler(handler, full, n, false)
		if err != nil {
			return nil, err
		}
		switch r := rep.(type) {
		case *Bytes:
			out = append(out, r.B...)
		case *Str:
			rb, err := encodeStr(r, enc, "strict")
			if err != nil {
				return nil, full
			}
			out = append(out, rb.(*Bytes).B...)
		}
		pos = next
	}
}
