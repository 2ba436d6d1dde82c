package vm

import (
	"fmt"
	"strings"

	. "gopyc/objects"
)

// Repr is repr(o).
func (t *Thread) Repr(o Object) (*Str, error) {
	s, err := t.repr(o)
	if err != nil {
		return nil, err
	}
	return NewStr(s), nil
}

func (t *Thread) reprEnter(o Object) (bool, error) {
	for _, x := range t.reprStack {
		if x == o {
			return true, nil
		}
	}
	if err := t.enterRecursive(" while getting the repr of an object"); err != nil {
		return false, err
	}
	t.reprStack = append(t.reprStack, o)
	return false, nil
}

func (t *Thread) reprLeave() {
	t.reprStack = t.reprStack[:len(t.reprStack)-1]
	t.leaveRecursive()
}

func (t *Thread) reprItems(b *strings.Builder, items []Object) error {
	for i, x := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := t.repr(x)
		if err != nil {
			return err
		}
		b.WriteString(s)
	}
	return nil
}

func (t *Thread) repr(o Object) (string, error) {
	switch x := o.(type) {
	case *Str:
		return ReprStr(x.String()), nil
	case *Int:
		if x.IsBig() {
			return t.intToDecimal(x)
		}
		return x.String(), nil
	case *Bool, *Float, *Complex, *Bytes, *Code:
		return ReprConst(o), nil
	case *List:
		if len(x.V) == 0 {
			return "[]", nil
		}
		if rec, err := t.reprEnter(o); rec || err != nil {
			return "[...]", err
		}
		defer t.reprLeave()
		var b strings.Builder
		b.WriteByte('[')
		if err := t.reprItems(&b, x.V); err != nil {
			return "", err
		}
		b.WriteByte(']')
		return b.String(), nil
	case *Tuple:
		if len(x.V) == 0 {
			return "()", nil
		}
		if rec, err := t.reprEnter(o); rec || err != nil {
			return "(...)", err
		}
		defer t.reprLeave()
		var b strings.Builder
		b.WriteByte('(')
		if err := t.reprItems(&b, x.V); err != nil {
			return "", err
		}
		if len(x.V) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
		return b.String(), nil
	case *Dict:
		if x.Len() == 0 {
			return "{}", nil
		}
		if rec, err := t.reprEnter(o); rec || err != nil {
			return "{...}", err
		}
		defer t.reprLeave()
		var b strings.Builder
		b.WriteByte('{')
		first := true
		for i := 0; ; i++ {
			k, v, _, ok := x.EntryAt(i)
			if !ok {
				break
			}
			if k == nil {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			ks, err := t.repr(k)
			if err != nil {
				return "", err
			}
			vs, err := t.repr(v)
			if err != nil {
				return "", err
			}
			b.WriteString(ks)
			b.WriteString(": ")
			b.WriteString(vs)
		}
		b.WriteByte('}')
		return b.String(), nil
	case *Set, *FrozenSet:
		var items []Object
		name := "set"
		if s, ok := x.(*Set); ok {
			items = s.Items()
		} else {
			items = x.(*FrozenSet).Items()
			name = "frozenset"
		}
		if len(items) == 0 {
			return name + "()", nil
		}
		if rec, err := t.reprEnter(o); rec || err != nil {
			return name + "(...)", err
		}
		defer t.reprLeave()
		var b strings.Builder
		if name != "set" {
			b.WriteString(name + "(")
		}
		b.WriteByte('{')
		if err := t.reprItems(&b, items); err != nil {
			return "", err
		}
		b.WriteByte('}')
		if name != "set" {
			b.WriteByte(')')
		}
		return b.String(), nil
	case *Type:
		if x.Meta != nil {
			if f := lookupCached(x.Meta, strRepr); f != nil && f != typeRepr {
				break
			}
		}
		if x.Module == "builtins" || x.Module == "" {
			return "<class '" + x.QualName + "'>", nil
		}
		return "<class '" + x.Module + "." + x.QualName + "'>", nil
	case *Function:
		return fmt.Sprintf("<function %s at %s>", x.QualName, addr(o)), nil
	case *Builtin:
		if x.Owner != nil && !x.Class && !x.Static {
			return fmt.Sprintf("<method '%s' of '%s' objects>", x.Name, x.Owner.Name), nil
		}
		if x.Self != nil {
			if m, ok := x.Self.(*Module); ok && m.Name.String() != "builtins" {
				return fmt.Sprintf("<built-in function %s>", x.Name), nil
			}
		}
		return fmt.Sprintf("<built-in function %s>", x.Name), nil
	case *Method:
		if b, ok := x.Func.(*Builtin); ok {
			return fmt.Sprintf("<built-in method %s of %s object at %s>", b.Name, TypeName(x.Self), addr(x.Self)), nil
		}
		qn := "?"
		if f, ok := x.Func.(*Function); ok {
			qn = f.QualName.String()
		}
		sr, err := t.repr(x.Self)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("<bound method %s of %s>", qn, sr), nil
	case *Module:
		if f := x.Dict.GetStr(strFile); f != nil {
			return fmt.Sprintf("<module '%s' from '%s'>", x.Name, strOf(f)), nil
		}
		if l := x.Dict.GetStr(InternStr("__loader__")); l == nil || l == None {
			if n := x.Name.String(); n != "sys" && n != "builtins" && n != "__main__" {
				return fmt.Sprintf("<module '%s'>", x.Name), nil // types.ModuleType("m")
			}
		}
		return fmt.Sprintf("<module '%s' (built-in)>", x.Name), nil
	case *Range:
		if x.Step == 1 {
			return fmt.Sprintf("range(%d, %d)", x.Start, x.Stop), nil
		}
		return fmt.Sprintf("range(%d, %d, %d)", x.Start, x.Stop, x.Step), nil
	case *Slice:
		a, err := t.repr(x.Start)
		if err != nil {
			return "", err
		}
		b, err := t.repr(x.Stop)
		if err != nil {
			return "", err
		}
		c, err := t.repr(x.Step)
		if err != nil {
			return "", err
		}
		return "slice(" + a + ", " + b + ", " + c + ")", nil
	case *Exception:
		if f := lookupCached(x.Class, strRepr); f != nil && f != excRepr {
			break
		}
		args := ""
		if x.Args != nil && len(x.Args.V) == 1 {
			s, err := t.repr(x.Args.V[0])
			if err != nil {
				return "", err
			}
			args = s
		} else if x.Args != nil && len(x.Args.V) > 1 {
			s, err := t.repr(x.Args)
			if err != nil {
				return "", err
			}
			args = s[1 : len(s)-1]
		}
		return x.Class.Name + "(" + args + ")", nil
	case *ByteArray:
		return "bytearray(" + reprByteArrayBody(x.B) + ")", nil
	case *DictView:
		name := []string{"dict_keys", "dict_values", "dict_items"}[x.Kind]
		var items []Object
		switch x.Kind {
		case 0:
			items = x.D.Keys()
		case 1:
			items = x.D.Values()
		default:
			for i := 0; ; i++ {
				k, v, _, ok := x.D.EntryAt(i)
				if !ok {
					break
				}
				if k != nil {
					items = append(items, NewTuple([]Object{k, v}))
				}
			}
		}
		s, err := t.repr(NewList(items))
		if err != nil {
			return "", err
		}
		return name + "(" + s + ")", nil
	case *Cell:
		if x.V == nil {
			return fmt.Sprintf("<cell at %s: empty>", addr(o)), nil
		}
		return fmt.Sprintf("<cell at %s: %s object at %s>", addr(o), TypeName(x.V), addr(x.V)), nil
	case *Generator:
		kind := "generator"
		switch x.kind {
		case genCoroutine:
			kind = "coroutine"
		case genAsyncGenerator:
			kind = "async_generator"
		}
		return fmt.Sprintf("<%s object %s at %s>", kind, x.qualname, addr(o)), nil
	case *Property:
		return fmt.Sprintf("<property object at %s>", addr(o)), nil
	case *GenericAlias:
		a := ""
		if tup, ok := x.Args.(*Tuple); ok {
			parts := []string{}
			for _, it := range tup.V {
				s, err := t.typeReprShort(it)
				if err != nil {
					return "", err
				}
				parts = append(parts, s)
			}
			a = strings.Join(parts, ", ")
		} else {
			s, err := t.typeReprShort(x.Args)
			if err != nil {
				return "", err
			}
			a = s
		}
		return x.Origin.Name + "[" + a + "]", nil
	case *MappingProxy:
		s, err := t.repr(x.D)
		return "mappingproxy(" + s + ")", err
	case *MemoryView:
		return fmt.Sprintf("<memory at %s>", addr(o)), nil
	case *Super:
		return fmt.Sprintf("<super: <class '%s'>, <%s object>>", x.ThisType.Name, TypeName(x.Obj)), nil
	case *File:
		return fmt.Sprintf("<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", x.name, x.mode), nil
	}
	if o == None || o == Ellipsis {
		return ReprConst(o), nil
	}
	if o == NotImplemented {
		return "NotImplemented", nil
	}
	tp := o.Type()
	if f := lookupCached(tp, strRepr); f != nil && f != objectRepr {
		if err := t.enterRecursive(" while getting the repr of an object"); err != nil {
			return "", err
		}
		r, err := t.Call(f, []Object{o}, nil)
		t.leaveRecursive()
		if err != nil {
			return "", err
		}
		s, ok := r.(*Str)
		if !ok {
			if inst, ok2 := r.(*Instance); ok2 {
				if s2, ok3 := inst.Value.(*Str); ok3 {
					return s2.String(), nil
				}
			}
			return "", typeErr("__repr__ returned non-string (type %s)", TypeName(r))
		}
		return s.String(), nil
	}
	if inst, ok := o.(*Instance); ok && inst.Value != nil {
		return t.repr(inst.Value)
	}
	return defaultRepr(o), nil
}

func (t *Thread) typeReprShort(o Object) (string, error) {
	if tp, ok := o.(*Type); ok {
		if tp.Module == "builtins" {
			return tp.QualName, nil
		}
		return tp.Module + "." + tp.QualName, nil
	}
	return t.repr(o)
}

func defaultRepr(o Object) string {
	tp := o.Type()
	name := tp.QualName
	if tp.Module != "builtins" && tp.Module != "" {
		name = tp.Module + "." + name
	}
	return fmt.Sprintf("<%s object at %s>", name, addr(o))
}

func addr(o Object) string {
	return fmt.Sprintf("%#x", uint64(IdentityHash(o))<<4&0xffffffffffff)
}

var objectRepr, typeRepr, excRepr, objectStr Object

func strOf(o Object) string {
	if s, ok := o.(*Str); ok {
		return s.String()
	}
	return ReprConst(o)
}

// Str is str(o).
func (t *Thread) Str(o Object) (*Str, error) {
	switch x := o.(type) {
	case *Str:
		return x, nil
	case *Int:
		if x.IsBig() {
			s, err := t.intToDecimal(x)
			if err != nil {
				return nil, err
			}
			return NewStr(s), nil
		}
		return NewStr(x.String()), nil
	case *Float:
		return NewStr(FormatFloatRepr(x.V)), nil
	case *Exception:
		if f := lookupCached(x.Class, strStr); f != nil && f != excStr {
			break
		}
		return NewStr(t.excStr(x)), nil
	}
	tp := o.Type()
	if f := lookupCached(tp, strStr); f != nil && f != objectStr {
		r, err := t.Call(f, []Object{o}, nil)
		if err != nil {
			return nil, err
		}
		s, ok := r.(*Str)
		if !ok {
			if inst, ok2 := r.(*Instance); ok2 {
				if s2, ok3 := inst.Value.(*Str); ok3 {
					return s2, nil
				}
			}
			return nil, typeErr("__str__ returned non-string (type %s)", TypeName(r))
		}
		return s, nil
	}
	if inst, ok := o.(*Instance); ok && inst.Value != nil && lookupCached(tp, strRepr) == objectRepr {
		return t.Str(inst.Value)
	}
	return t.Repr(o)
}

var excStr Object

func (t *Thread) excStr(x *Exception) string {
	if x.Unicode != nil {
		return t.unicodeErrorStr(x)
	}
	if isSubtype(x.Class, OSErrorType) && x.Args != nil && len(x.Args.V) == 2 {
		es, _ := t.Str(x.Args.V[0])
		ss, _ := t.Str(x.Args.V[1])
		s := "[Errno " + es.String() + "] " + ss.String()
		if x.Dict != nil {
			if fn := x.Dict.GetStr(NewStr("filename")); fn != nil && fn != None {
				r, _ := t.repr(fn)
				s += ": " + r
			}
		}
		return s
	}
	if isSubtype(x.Class, KeyErrorType) && x.Args != nil && len(x.Args.V) == 1 {
		s, err := t.repr(x.Args.V[0])
		if err == nil {
			return s
		}
	}
	if x.Args == nil || len(x.Args.V) == 0 {
		return ""
	}
	if len(x.Args.V) == 1 {
		s, err := t.Str(x.Args.V[0])
		if err != nil {
			return "<exception str() failed>"
		}
		return s.String()
	}
	s, _ := t.repr(x.Args)
	return s
}

// Ascii is ascii(o).
func (t *Thread) Ascii(o Object) (*Str, error) {
	s, err := t.repr(o)
	if err != nil {
		return nil, err
	}
	return NewStr(asciiEscape(s)), nil
}

func asciiEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := DecodeWTF8(s[i:])
		i += n
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	return b.String()
}

// reprByteArrayBody is CPython's bytearray repr of the bytes: the quote is chosen like bytes', but
// a single quote is always escaped.
func reprByteArrayBody(s []byte) string {
	quote := byte('\'')
	for _, c := range s {
		if c == '"' {
			quote = '\''
			break
		}
		if c == '\'' {
			quote = '"'
		}
	}
	b := []byte{'b', quote}
	for _, c := range s {
		switch {
		case c == '\'' || c == '\\':
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
	return string(append(b, quote))
}
