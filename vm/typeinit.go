package vm

import (
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	. "gopyc/objects"
)

type ctorFn func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error)

var ctors = map[*Type]ctorFn{}

func builtinCtor(tp *Type) ctorFn { return ctors[tp] }

var typeMethodsReady bool

func initTypeMethods() {
	if typeMethodsReady {
		return
	}
	typeMethodsReady = true
	initObjectMethods()
	initNumberMethods()
	initStrMethods()
	initListMethods()
	initDictMethods()
	initSetMethods()
	initBytesMethods()
	initMiscMethods()
	initExceptionMethods()
	initGenMethods()
	initFileMethods()
	initCtors()
	// Protocol dunders for builtin types, so subclasses and explicit calls (int.__add__) work.
	for _, tp := range []*Type{IntType, FloatType, ComplexType, BoolType} {
		addNumberDunders(tp)
	}
	for _, tp := range []*Type{StrType, ListType, TupleType, DictType, SetType, FrozenSetType, BytesType, ByteArrayType, RangeType} {
		addContainerDunders(tp)
	}
	for _, tp := range []*Type{IntType, FloatType, ComplexType, StrType, ListType, TupleType, DictType, SetType, FrozenSetType, BytesType, ByteArrayType, RangeType, BoolType} {
		addCompareDunders(tp)
		addReprDunders(tp)
	}
}

func addReprDunders(tp *Type) {
	addMethod(tp, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.Repr(args[0]) })
	addMethod(tp, "__hash__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		h, err := t.Hash(args[0])
		return NewInt(h), err
	})
	switch tp {
	case ListType, DictType, SetType, ByteArrayType:
		tp.Dict.SetStr(strHash, None)
	}
	switch tp {
	case IntType, FloatType, ComplexType, StrType, BoolType:
	default:
		return
	}
	addRawMethod(tp, "__format__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("__format__() takes exactly one argument")
		}
		s, ok := args[1].(*Str)
		if !ok {
			return nil, typeErr("__format__() argument must be str, not %s", TypeName(args[1]))
		}
		if s.String() == "" {
			return t.Str(args[0]) // an empty spec formats as str(self), subclass __str__ included
		}
		return t.Format(unwrap(args[0]), s)
	})
}

func addCompareDunders(tp *Type) {
	for i, n := range cmpNames {
		op := i
		addMethod(tp, n.String(), func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if len(args) != 2 {
				return nil, typeErr("expected 1 argument, got %d", len(args)-1)
			}
			return t.builtinCompare(args[0], unwrap(args[1]), op)
		})
	}
}

func addNumberDunders(tp *Type) {
	for i := 0; i < 13; i++ {
		op := i
		addMethod(tp, binopNames[i][0].String(), func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if len(args) != 2 {
				return nil, typeErr("expected 1 argument, got %d", len(args)-1)
			}
			return t.numOp(op, args[0], unwrap(args[1]))
		})
		addMethod(tp, binopNames[i][1].String(), func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if len(args) != 2 {
				return nil, typeErr("expected 1 argument, got %d", len(args)-1)
			}
			return t.numOp(op, unwrap(args[1]), args[0])
		})
	}
	addMethod(tp, "__neg__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.unaryOp(11, args[0]) })
	addMethod(tp, "__pos__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.unaryOp(10, args[0]) })
	addMethod(tp, "__abs__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.Abs(args[0]) })
	addMethod(tp, "__bool__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b, err := t.Truth(args[0])
		return NewBool(b), err
	})
	if tp != ComplexType {
		addMethod(tp, "__int__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.toInt(args[0]) })
		addMethod(tp, "__float__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			f, err := t.toFloat(args[0])
			return NewFloat(f), err
		})
		addMethod(tp, "__round__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			var nd Object
			if len(args) > 1 {
				nd = args[1]
			}
			return t.round(args[0], nd)
		})
		addMethod(tp, "__divmod__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.divmodBuiltin(args[0], args[1]) })
		addMethod(tp, "__rdivmod__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.divmodBuiltin(args[1], args[0]) })
	}
	if tp == IntType || tp == BoolType {
		addMethod(tp, "__invert__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.unaryOp(15, args[0]) })
		addMethod(tp, "__index__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			i, _ := toIntObj(args[0])
			return i, nil
		})
	}
}

func addContainerDunders(tp *Type) {
	addMethod(tp, "__len__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		n, err := t.Len(args[0])
		return NewInt(int64(n)), err
	})
	addMethod(tp, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.Iter(args[0]) })
	addMethod(tp, "__contains__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b, err := t.Contains(args[0], args[1])
		return NewBool(b), err
	})
	if tp != SetType && tp != FrozenSetType {
		getitem := addMethod(tp, "__getitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if len(args) != 2 {
				return nil, typeErr("expected 1 argument, got %d", len(args)-1)
			}
			return t.GetItem(args[0], args[1])
		})
		if tp == DictType {
			// dict.__getitem__ on a dict subclass calls its __missing__ (collections' _Quoter).
			inner := getitem.Fn
			getitem.Fn = func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				v, err := inner(t, args, kw)
				if err != nil && len(args) == 2 && isExc(err, KeyErrorType) {
					if inst, ok := args[0].(*Instance); ok {
						if m := lookupCached(inst.Class, strMissing); m != nil {
							return t.Call(m, []Object{inst, args[1]}, nil)
						}
					}
				}
				return v, err
			}
		}
	}
	switch tp {
	case ListType, DictType, ByteArrayType:
		addMethod(tp, "__setitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return None, t.SetItem(args[0], args[1], args[2])
		})
		addMethod(tp, "__delitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return None, t.DelItem(args[0], args[1])
		})
	}
	switch tp {
	case StrType, ListType, TupleType, BytesType, ByteArrayType, SetType, FrozenSetType, DictType:
		for _, op := range []int{0, 5, 6, 1, 7, 12, 10} {
			o := op
			if o == 6 && tp.Dict.GetStr(InternStr("__mod__")) != nil {
				continue // str/bytes % has its own method, which must see the original argument
			}
			addMethod(tp, binopNames[o][0].String(), func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				return t.builtinBinary(o, args[0], unwrap(args[1]), false)
			})
			if o == 5 {
				addMethod(tp, "__rmul__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
					return t.builtinBinary(o, args[0], unwrap(args[1]), false)
				})
			}
		}
		if tp == ListType || tp == SetType || tp == DictType || tp == ByteArrayType {
			for _, op := range []int{0, 5, 1, 7, 12, 10} {
				o := op
				addMethod(tp, binopNames[o][2].String(), func(t *Thread, args []Object, kw *Tuple) (Object, error) {
					return t.builtinBinary(o, args[0], unwrap(args[1]), true)
				})
			}
		}
	}
}

func initObjectMethods() {
	ot := ObjectType
	objectInit = addRawMethod(ot, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) > 1 || kwCount(kw) > 0 {
			self := args[0]
			tp := self.Type()
			if lookupCached(tp, strNew) == objectNew {
				return nil, typeErr("%s.__init__() takes exactly one argument (the instance to initialize)", tp.Name)
			}
		}
		return None, nil
	})
	objectNew = &Builtin{Name: "__new__", Owner: ot, Static: true, Fn: func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) == 0 {
			return nil, typeErr("object.__new__(): not enough arguments")
		}
		tp, ok := args[0].(*Type)
		if !ok {
			return nil, typeErr("object.__new__(X): X is not a type object (%s)", TypeName(args[0]))
		}
		if (len(args) > 1 || kwCount(kw) > 0) && lookupCached(tp, strInit) == objectInit {
			return nil, typeErr("%s() takes no arguments", tp.Name)
		}
		if tp.Flags&TypeFlagHeap == 0 && tp != ObjectType {
			if c := ctors[tp]; c != nil {
				return c(t, tp, nil, nil)
			}
			return nil, typeErr("object.__new__(%s) is not safe, use %s.__new__()", tp.Name, tp.Name)
		}
		if tp.Flags&TypeFlagAbstract != 0 {
			var names []string
			if am := tp.Dict.GetStr(InternStr("__abstractmethods__")); am != nil {
				_ = t.iterate(am, func(x Object) error {
					if s, ok := x.(*Str); ok {
						names = append(names, s.String())
					}
					return nil
				})
			}
			sort.Strings(names)
			if len(names) == 1 {
				return nil, typeErr("Can't instantiate abstract class %s with abstract method %s", tp.Name, names[0])
			}
			return nil, typeErr("Can't instantiate abstract class %s with abstract methods %s", tp.Name, strings.Join(names, ", "))
		}
		if tp.Layout != nil && tp.Layout != ObjectType && tp.Layout != tp {
			if c := ctors[tp.Layout]; c != nil && tp.Layout != BaseExceptionType {
				v, err := c(t, tp.Layout, nil, nil)
				if err != nil {
					return nil, err
				}
				inst := t.newInstance(tp).(*Instance)
				inst.Value = v
				return inst, nil
			}
		}
		return t.newInstance(tp), nil
	}}
	ot.Dict.SetStr(strNew, objectNew)
	objectRepr = addRawMethod(ot, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewStr(defaultRepr(args[0])), nil
	})
	objectStr = addRawMethod(ot, "__str__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Repr(args[0])
	})
	objectHash = addRawMethod(ot, "__hash__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(IdentityHash(args[0])), nil
	})
	objectFormat = addRawMethod(ot, "__format__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("__format__() takes exactly one argument")
		}
		if s, ok := args[1].(*Str); !ok || s.String() != "" {
			return nil, typeErr("unsupported format string passed to %s.__format__", TypeName(args[0]))
		}
		return t.Str(args[0])
	})
	eq := addRawMethod(ot, "__eq__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if args[0] == args[1] {
			return True, nil
		}
		return NotImplemented, nil
	})
	ne := addRawMethod(ot, "__ne__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r, err := t.RichCompare(args[0], args[1], 2)
		if err != nil {
			return nil, err
		}
		if r == NotImplemented {
			return r, nil
		}
		b, err := t.Truth(r)
		return NewBool(!b), err
	})
	defaultCmps[eq] = true
	defaultCmps[ne] = true
	for _, n := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		b := addRawMethod(ot, n, func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NotImplemented, nil })
		defaultCmps[b] = true
	}
	objectGetattribute = addRawMethod(ot, "__getattribute__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("expected 1 argument, got %d", len(args)-1)
		}
		name, ok := args[1].(*Str)
		if !ok {
			return nil, typeErr("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return t.genericGetAttr(args[0], name, args[0].Type())
	})
	objectSetattr = addRawMethod(ot, "__setattr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 3 {
			return nil, typeErr("expected 2 arguments, got %d", len(args)-1)
		}
		name, ok := args[1].(*Str)
		if !ok {
			return nil, typeErr("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return None, t.genericSetAttr(args[0], name, args[2])
	})
	objectDelattr = addRawMethod(ot, "__delattr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		name, ok := args[1].(*Str)
		if !ok {
			return nil, typeErr("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return None, t.genericDelAttr(args[0], name)
	})
	objectDir = addRawMethod(ot, "__dir__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		d := NewDict(0)
		if inst, ok := args[0].(*Instance); ok && inst.Dict != nil {
			for _, k := range inst.Dict.Keys() {
				d.SetStr(k.(*Str), None)
			}
		}
		for _, c := range args[0].Type().MRO {
			for _, k := range c.Dict.Keys() {
				d.SetStr(k.(*Str), None)
			}
		}
		return NewList(d.Keys()), nil
	})
	addClassMethod(ot, "__init_subclass__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) > 1 || kwCount(kw) > 0 {
			return nil, typeErr("%s.__init_subclass__() takes no keyword arguments", args[0].(*Type).Name)
		}
		return None, nil
	})
	addClassMethod(ot, "__subclasshook__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NotImplemented, nil })
	addRawMethod(ot, "__reduce_ex__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return nil, typeErr("cannot pickle '%s' object", TypeName(args[0]))
	})
	addRawMethod(ot, "__sizeof__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewInt(16), nil })
	ot.Dict.SetStr(strDoc, NewStr("The base class of the class hierarchy."))

	// type
	tt := TypeType
	typeCall = addRawMethod(tt, "__call__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		tp, ok := args[0].(*Type)
		if !ok {
			return nil, typeErr("descriptor '__call__' requires a 'type' object")
		}
		return t.typeCallDefault(tp, args[1:], kw)
	})
	tt.Dict.SetStr(strNew, &Builtin{Name: "__new__", Owner: tt, Static: true, Fn: func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		pos, kwd := kwDict(args, kw)
		if len(pos) == 2 && pos[0] == Object(TypeType) {
			return pos[1].Type(), nil
		}
		if len(pos) != 4 {
			return nil, typeErr("type() takes 1 or 3 arguments")
		}
		meta, ok := pos[0].(*Type)
		if !ok {
			return nil, typeErr("type.__new__(X): X is not a type object (%s)", TypeName(pos[0]))
		}
		name, ok := pos[1].(*Str)
		if !ok {
			return nil, typeErr("type.__new__() argument 1 must be str, not %s", TypeName(pos[1]))
		}
		bases, ok := pos[2].(*Tuple)
		if !ok {
			return nil, typeErr("type.__new__() argument 2 must be tuple, not %s", TypeName(pos[2]))
		}
		ns, ok := pos[3].(*Dict)
		if !ok {
			if inst, ok2 := pos[3].(*Instance); ok2 {
				ns, ok = inst.Value.(*Dict)
			}
			if !ok {
				return nil, typeErr("type.__new__() argument 3 must be dict, not %s", TypeName(pos[3]))
			}
		}
		// The metaclass actually used is the most derived one.
		w, err := t.calculateMeta(meta, bases.V)
		if err != nil {
			return nil, err
		}
		if w != meta {
			if nf := lookupCached(w, strNew); nf != nil && nf != lookupCached(TypeType, strNew) {
				return t.Call(w, args[1:], kw)
			}
			meta = w
		}
		var kn, kv []Object
		if kwd != nil {
			for _, k := range kwd.Keys() {
				kn = append(kn, k)
				kv = append(kv, kwd.GetStr(k.(*Str)))
			}
		}
		return t.typeNew(meta, name.String(), bases.V, ns, kn, kv)
	}})
	addRawMethod(tt, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	typeRepr = addRawMethod(tt, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		tp := args[0].(*Type)
		if tp.Module == "builtins" || tp.Module == "" {
			return NewStr("<class '" + tp.QualName + "'>"), nil
		}
		return NewStr("<class '" + tp.Module + "." + tp.QualName + "'>"), nil
	})
	typeGetattribute = addRawMethod(tt, "__getattribute__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.typeGetAttr(args[0].(*Type), args[1].(*Str))
	})
	addRawMethod(tt, "mro", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		tp := args[0].(*Type)
		out := make([]Object, len(tp.MRO))
		for i, c := range tp.MRO {
			out[i] = c
		}
		return NewList(out), nil
	})
	addRawMethod(tt, "__subclasses__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		tp := args[0].(*Type)
		out := []Object{}
		for _, c := range tp.Subclasses {
			out = append(out, c)
		}
		return NewList(out), nil
	})
	addRawMethod(tt, "__instancecheck__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewBool(isSubtype(args[1].Type(), args[0].(*Type))), nil
	})
	addRawMethod(tt, "__subclasscheck__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		sub, ok := args[1].(*Type)
		if !ok {
			return nil, typeErr("issubclass() arg 1 must be a class")
		}
		return NewBool(isSubtype(sub, args[0].(*Type))), nil
	})
	addRawMethod(tt, "__or__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &UnionType{Args: []Object{args[0], args[1]}}, nil
	})
	addRawMethod(tt, "__ror__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &UnionType{Args: []Object{args[1], args[0]}}, nil
	})
	addClassMethod(tt, "__prepare__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewDict(0), nil })
	typeDir = addRawMethod(tt, "__dir__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.dir(args[0]) })
}

// typeSpecialAttr returns the computed attributes of type objects.
func (t *Thread) typeSpecialAttr(tp *Type, name *Str) (Object, bool, error) {
	switch name.String() {
	case "__name__":
		return NewStr(tp.Name), true, nil
	case "__qualname__":
		return NewStr(tp.QualName), true, nil
	case "__module__":
		if v := tp.Dict.GetStr(strModule); v != nil {
			return v, true, nil
		}
		return NewStr(tp.Module), true, nil
	case "__dict__":
		return &MappingProxy{D: tp.Dict}, true, nil
	case "__mro__":
		out := make([]Object, len(tp.MRO))
		for i, c := range tp.MRO {
			out[i] = c
		}
		return NewTuple(out), true, nil
	case "__bases__":
		out := make([]Object, len(tp.Bases))
		for i, c := range tp.Bases {
			out[i] = c
		}
		return NewTuple(out), true, nil
	case "__base__":
		if tp.Base == nil {
			return None, true, nil
		}
		return tp.Base, true, nil
	case "__class__":
		return tp.Type(), true, nil
	case "__doc__":
		return None, true, nil
	case "__annotations__":
		d := NewDict(0)
		tp.Dict.SetStr(strAnnotations, d)
		return d, true, nil
	case "__abstractmethods__":
		return nil, true, Errorf(AttributeErrorType, "__abstractmethods__")
	}
	return nil, false, nil
}

func (t *Thread) toInt(o Object) (Object, error) {
	switch x := o.(type) {
	case *Int:
		return x, nil
	case *Bool:
		i, _ := toIntObj(x)
		return i, nil
	case *Float:
		return floatToInt(x.V)
	}
	if r, found, err := t.callMethod(o, strInt); found {
		if err != nil {
			return nil, err
		}
		if i, ok := toIntObj(r); ok {
			return i, nil
		}
		return nil, typeErr("__int__ returned non-int (type %s)", TypeName(r))
	}
	if r, found, err := t.callMethod(o, strIndex); found {
		if err != nil {
			return nil, err
		}
		return r, nil
	}
	if r, found, err := t.callMethod(o, strTrunc); found {
		if err != nil {
			return nil, err
		}
		return r, nil
	}
	return nil, typeErr("int() argument must be a string, a bytes-like object or a real number, not '%s'", TypeName(o))
}

func (t *Thread) toFloat(o Object) (float64, error) {
	switch x := o.(type) {
	case *Float:
		return x.V, nil
	case *Int, *Bool:
		i, _ := toIntObj(x)
		f, ok := i.Float()
		if !ok {
			return 0, Errorf(OverflowErrorType, "int too large to convert to float")
		}
		return f, nil
	}
	if r, found, err := t.callMethod(o, strFloat); found {
		if err != nil {
			return 0, err
		}
		f, ok := r.(*Float)
		if !ok {
			return 0, typeErr("%s.__float__ returned non-float (type %s)", TypeName(o), TypeName(r))
		}
		return f.V, nil
	}
	if r, found, err := t.callMethod(o, strIndex); found {
		if err != nil {
			return 0, err
		}
		return t.toFloat(r)
	}
	if inst, ok := o.(*Instance); ok && inst.Value != nil {
		return t.toFloat(inst.Value)
	}
	return 0, typeErr("must be real number, not %s", TypeName(o))
}

// parseIntLiteral is int(str, base).
func (t *Thread) parseIntLiteral(s string, base int) (Object, error) {
	orig := s
	origBase := base
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	ls := strings.ToLower(s)
	if base == 0 {
		switch {
		case strings.HasPrefix(ls, "0x"):
			base, s = 16, s[2:]
		case strings.HasPrefix(ls, "0o"):
			base, s = 8, s[2:]
		case strings.HasPrefix(ls, "0b"):
			base, s = 2, s[2:]
		default:
			base = 10
			if len(s) > 1 && s[0] == '0' && strings.Trim(s, "0_") != "" {
				return nil, valueErr("invalid literal for int() with base 0: %s", ReprStr(orig))
			}
		}
		s = strings.TrimPrefix(s, "_")
	} else if (base == 16 && strings.HasPrefix(ls, "0x")) || (base == 8 && strings.HasPrefix(ls, "0o")) || (base == 2 && strings.HasPrefix(ls, "0b")) {
		s = s[2:]
		s = strings.TrimPrefix(s, "_")
	}
	if s == "" || strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || strings.Contains(s, "__") {
		return nil, valueErr("invalid literal for int() with base %d: %s", origBase, ReprStr(orig))
	}
	clean := strings.ReplaceAll(s, "_", "")
	// Unicode digits.
	var digits []byte
	for _, r := range clean {
		if r >= 0x80 {
			if d := unicodeDigit(r); d >= 0 {
				digits = append(digits, byte('0'+d))
				continue
			}
			return nil, valueErr("invalid literal for int() with base %d: %s", origBase, ReprStr(orig))
		}
		digits = append(digits, byte(r))
	}
	clean = string(digits)
	if base == 10 && t.interp.IntMaxStrDigits > 0 && len(clean) > t.interp.IntMaxStrDigits {
		return nil, valueErr("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", t.interp.IntMaxStrDigits, len(clean))
	}
	if v, err := strconv.ParseInt(clean, base, 64); err == nil {
		if neg {
			v = -v
		}
		return NewInt(v), nil
	}
	b, ok := new(big.Int).SetString(clean, base)
	if !ok {
		return nil, valueErr("invalid literal for int() with base %d: %s", origBase, ReprStr(orig))
	}
	if neg {
		b.Neg(b)
	}
	return NewIntBig(b), nil
}

func unicodeDigit(r rune) int {
	// Common decimal digit blocks: each block of 10 starts at a multiple-of-16 offset + 0.
	blocks := []rune{0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0xff10}
	for _, b := range blocks {
		if r >= b && r < b+10 {
			return int(r - b)
		}
	}
	return -1
}

func parseFloatLiteral(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	ls := strings.ToLower(s)
	switch strings.TrimLeft(ls, "+-") {
	case "inf", "infinity":
		if strings.HasPrefix(ls, "-") {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	if strings.Contains(ls, "_") {
		if strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || strings.Contains(s, "__") || strings.Contains(ls, "_.") || strings.Contains(ls, "._") || strings.Contains(ls, "_e") || strings.Contains(ls, "e_") {
			return 0, false
		}
		s = strings.ReplaceAll(s, "_", "")
	}
	if strings.ContainsAny(ls, "xp") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}
