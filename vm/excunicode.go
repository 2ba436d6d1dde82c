package vm

import (
	"fmt"
	"syscall"

	"gopyc/internal/pyerrno"
	. "gopyc/objects"
)

// unicodeAttrs are the attributes of UnicodeDecodeError, UnicodeEncodeError and
// UnicodeTranslateError (slots in CPython: they are not in the instance dict). The message is
// made from them when the exception is printed, as CPython's __str__ does.
type unicodeAttrs struct {
	encoding, object, reason Object // encoding is nil for UnicodeTranslateError
	start, end               int64
}

// excTypeNamed returns the builtin exception type called name (nil if there is none).
func excTypeNamed(name string) *Type {
	for _, tp := range allExcTypes {
		if tp.Name == name {
			return tp
		}
	}
	return nil
}

// newUnicodeDecodeError is the error a decoder raises: the five attributes set, as CPython's
// codecs set them, so that error handlers and callers can read them.
func newUnicodeDecodeError(enc string, obj []byte, start, end int, reason string) *Exception {
	o := NewBytes(append([]byte(nil), obj...))
	args := []Object{NewStr(enc), o, NewInt(int64(start)), NewInt(int64(end)), NewStr(reason)}
	return &Exception{Class: UnicodeDecodeErrorType, Args: NewTuple(args), Unicode: &unicodeAttrs{
		encoding: args[0], object: o, start: int64(start), end: int64(end), reason: args[4]}}
}

// newUnicodeEncodeError is the error an encoder raises for s[start:end] (code point indexes).
func newUnicodeEncodeError(enc, s string, start, end int, reason string) *Exception {
	args := []Object{NewStr(enc), NewStr(s), NewInt(int64(start)), NewInt(int64(end)), NewStr(reason)}
	return &Exception{Class: UnicodeEncodeErrorType, Args: NewTuple(args), Unicode: &unicodeAttrs{
		encoding: args[0], object: args[1], start: int64(start), end: int64(end), reason: args[4]}}
}

func initUnicodeErrorMethods() {
	init := func(tp *Type, translate bool) {
		addRawMethod(tp, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			e, ok := args[0].(*Exception)
			if !ok {
				return None, nil
			}
			pos, _ := kwDict(args[1:], kw)
			e.Args = NewTuple(append([]Object(nil), pos...))
			want := 5
			if translate {
				want = 4
			}
			if len(pos) != want {
				return nil, typeErr("function takes exactly %d arguments (%d given)", want, len(pos))
			}
			a := &unicodeAttrs{}
			i := 0
			if !translate {
				if _, ok := pos[0].(*Str); !ok {
					return nil, typeErr("argument 1 must be str, not %s", TypeName(pos[0]))
				}
				a.encoding = pos[0]
				i = 1
			}
			obj := pos[i]
			if tp == UnicodeDecodeErrorType {
				b, ok := bytesLike(obj)
				if !ok {
					return nil, typeErr("a bytes-like object is required, not '%s'", TypeName(obj))
				}
				if _, isBytes := obj.(*Bytes); !isBytes {
					obj = NewBytes(append([]byte(nil), b...))
				}
			} else if _, ok := obj.(*Str); !ok {
				return nil, typeErr("argument %d must be str, not %s", i+1, TypeName(obj))
			}
			a.object = obj
			for k, p := range []*int64{&a.start, &a.end} {
				n, err := t.Index(pos[i+1+k])
				if err != nil {
					return nil, err
				}
				v, ok := n.Int64()
				if !ok {
					return nil, Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
				}
				*p = v
			}
			if _, ok := pos[i+3].(*Str); !ok {
				return nil, typeErr("argument %d must be str, not %s", i+4, TypeName(pos[i+3]))
			}
			a.reason = pos[i+3]
			e.Unicode = a
			return None, nil
		})
	}
	init(UnicodeDecodeErrorType, false)
	init(UnicodeEncodeErrorType, false)
	if tp := excTypeNamed("UnicodeTranslateError"); tp != nil {
		init(tp, true)
	}
}

// unicodeGetAttr reads encoding, object, start, end or reason (ok false for other names).
func unicodeGetAttr(e *Exception, name string) (Object, bool) {
	a := e.Unicode
	if a == nil {
		return nil, false
	}
	var v Object
	switch name {
	case "encoding":
		v = a.encoding
	case "object":
		v = a.object
	case "reason":
		v = a.reason
	case "start":
		return NewInt(a.start), true
	case "end":
		return NewInt(a.end), true
	default:
		return nil, false
	}
	if v == nil {
		return None, true
	}
	return v, true
}

// unicodeSetAttr sets one of the five attributes (handled false for other names).
func (t *Thread) unicodeSetAttr(e *Exception, name string, v Object) (bool, error) {
	a := e.Unicode
	if a == nil {
		return false, nil
	}
	switch name {
	case "encoding":
		a.encoding = v
	case "object":
		a.object = v
	case "reason":
		a.reason = v
	case "start", "end":
		n, ok := v.(*Int)
		if !ok {
			return true, typeErr("an integer is required")
		}
		x, _ := n.Int64()
		if name == "start" {
			a.start = x
		} else {
			a.end = x
		}
	default:
		return false, nil
	}
	return true, nil
}

// unicodeErrorStr is the three classes' __str__, CPython's wording.
func (t *Thread) unicodeErrorStr(e *Exception) string {
	a := e.Unicode
	reason, _ := t.Str(orNone(a.reason))
	prefix := ""
	if a.encoding != nil {
		enc, _ := t.Str(a.encoding)
		prefix = "'" + enc.String() + "' codec "
	}
	var n int64
	var b []byte
	var runes []rune
	if e.Class == UnicodeDecodeErrorType || isSubtype(e.Class, UnicodeDecodeErrorType) {
		b, _ = bytesLike(a.object)
		n = int64(len(b))
	} else if s, ok := a.object.(*Str); ok {
		runes = runesOf(s)
		n = int64(len(runes))
	}
	start, end := a.start, a.end
	verb := "decode"
	switch {
	case isSubtype(e.Class, UnicodeEncodeErrorType):
		verb = "encode"
	case a.encoding == nil:
		verb = "translate"
	}
	if start >= 0 && start < n && end == start+1 {
		if verb == "decode" {
			return fmt.Sprintf("%scan't decode byte 0x%02x in position %d: %s", prefix, b[start], start, reason)
		}
		r := runes[start]
		var ch string
		switch {
		case r < 0x100:
			ch = fmt.Sprintf("\\x%02x", r)
		case r < 0x10000:
			ch = fmt.Sprintf("\\u%04x", r)
		default:
			ch = fmt.Sprintf("\\U%08x", r)
		}
		return fmt.Sprintf("%scan't %s character '%s' in position %d: %s", prefix, verb, ch, start, reason)
	}
	what := "characters"
	if verb == "decode" {
		what = "bytes"
	}
	return fmt.Sprintf("%scan't %s %s in position %d-%d: %s", prefix, verb, what, start, end-1, reason)
}

func orNone(o Object) Object {
	if o == nil {
		return None
	}
	return o
}

// osErrorSubclass is OSError(errno, strerror, ...)'s class when errno names one of the OSError
// subclasses (CPython's errno map), else nil.
func osErrorSubclass(errno Object) *Type {
	n, ok := errno.(*Int)
	if !ok {
		return nil
	}
	v, ok := n.Int64()
	if !ok {
		return nil
	}
	name := pyerrno.Class(syscall.Errno(v))
	if name == "" {
		return nil
	}
	return excTypeNamed(name)
}

// wtf8Index returns the code point index of byte offset i in a str's WTF-8 text.
func wtf8Index(s string, i int) int {
	k := 0
	for j := 0; j < i && j < len(s); k++ {
		_, n := DecodeWTF8(s[j:])
		j += n
	}
	return k
}
