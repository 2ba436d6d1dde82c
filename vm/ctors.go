package vm

import (
	"math"
	"strings"

	. "gopyc/objects"
)

// wrapCtor registers a builtin type's constructor and a __new__ that supports subclasses.
func wrapCtor(tp *Type, c ctorFn) {
	ctors[tp] = c
	tp.Dict.SetStr(strNew, &Builtin{Name: "__new__", Owner: tp, Static: true, Fn: func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) == 0 {
			return nil, typeErr("%s.__new__(): not enough arguments", tp.Name)
		}
		sub, ok := args[0].(*Type)
		if !ok {
			return nil, typeErr("%s.__new__(X): X is not a type object (%s)", tp.Name, TypeName(args[0]))
		}
		if !isSubtype(sub, tp) {
			return nil, typeErr("%s.__new__(%s): %s is not a subtype of %s", tp.Name, sub.Name, sub.Name, tp.Name)
		}
		cargs := args[1:]
		ckw := kw
		// list/dict/set fill in __init__; their __new__ ignores the arguments.
		if sub != tp && (tp == ListType || tp == DictType || tp == SetType) {
			cargs, ckw = nil, nil
		}
		v, err := c(t, tp, cargs, ckw)
		if err != nil {
			return nil, err
		}
		if sub == tp {
			return v, nil
		}
		inst := t.newInstance(sub)
		if in, ok := inst.(*Instance); ok {
			in.Value = v
		}
		return inst, nil
	}})
}

func initCtors() {
	for _, single := range []struct {
		tp *Type
		v  Object
	}{{NoneType, None}, {EllipsisType, Ellipsis}, {NotImplementedType, NotImplemented}} {
		v, tp := single.v, single.tp
		wrapCtor(tp, func(t *Thread, _ *Type, args []Object, kw *Tuple) (Object, error) {
			if len(args) > 0 || kwCount(kw) > 0 {
				return nil, typeErr("%s takes no arguments", tp.Name)
			}
			return v, nil
		})
	}
	wrapCtor(ObjectType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if len(args) > 0 || kwCount(kw) > 0 {
			return nil, typeErr("object() takes no arguments")
		}
		return &Instance{Class: ObjectType}, nil
	})
	ObjectType.Dict.SetStr(strNew, objectNew)
	wrapCtor(IntType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("int", args, kw, []string{"/x", "base"}, 0)
		if err != nil {
			return nil, err
		}
		if a[0] == nil {
			if a[1] != nil {
				return nil, typeErr("int() missing string argument")
			}
			return NewInt(0), nil
		}
		if a[1] != nil {
			bi, err := t.Index(a[1])
			if err != nil {
				return nil, err
			}
			base, _ := bi.Int64()
			if base != 0 && (base < 2 || base > 36) {
				return nil, valueErr("int() base must be >= 2 and <= 36, or 0")
			}
			switch s := unwrap(a[0]).(type) {
			case *Str:
				return t.parseIntLiteral(s.String(), int(base))
			case *Bytes:
				return t.parseIntLiteral(string(s.B), int(base))
			case *ByteArray:
				return t.parseIntLiteral(string(s.B), int(base))
			}
			return nil, typeErr("int() can't convert non-string with explicit base")
		}
		switch s := unwrap(a[0]).(type) {
		case *Str:
			return t.parseIntLiteral(s.String(), 10)
		case *Bytes:
			return t.parseIntLiteral(string(s.B), 10)
		case *ByteArray:
			return t.parseIntLiteral(string(s.B), 10)
		}
		return t.toInt(a[0])
	})
	wrapCtor(BoolType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("bool", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return False, nil
		}
		b, err := t.Truth(args[0])
		return NewBool(b), err
	})
	wrapCtor(FloatType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("float", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return NewFloat(0), nil
		}
		switch s := unwrap(args[0]).(type) {
		case *Str:
			f, ok := parseFloatLiteral(s.String())
			if !ok {
				return nil, valueErr("could not convert string to float: %s", ReprStr(s.String()))
			}
			return NewFloat(f), nil
		case *Bytes:
			f, ok := parseFloatLiteral(string(s.B))
			if !ok {
				return nil, valueErr("could not convert string to float: %s", ReprBytes(s.B))
			}
			return NewFloat(f), nil
		case *Float:
			return s, nil
		}
		f, err := t.toFloat(args[0])
		if err != nil && isExc(err, TypeErrorType) && !strings.Contains(err.Error(), "__float__") {
			return nil, typeErr("float() argument must be a string or a real number, not '%s'", TypeName(args[0]))
		}
		return NewFloat(f), err
	})
	wrapCtor(ComplexType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("complex", args, kw, []string{"real", "imag"}, 0)
		if err != nil {
			return nil, err
		}
		if a[0] == nil {
			return NewComplex(0), nil
		}
		if s, ok := a[0].(*Str); ok {
			if a[1] != nil {
				return nil, typeErr("complex() can't take second arg if first is a string")
			}
			c, ok := parseComplex(s.String())
			if !ok {
				return nil, valueErr("complex() arg is a malformed string")
			}
			return NewComplex(c), nil
		}
		toC := func(o Object) (complex128, error) {
			if c, ok := o.(*Complex); ok {
				return c.V, nil
			}
			if r, found, err := t.callMethod(o, strComplex); found {
				if err != nil {
					return 0, err
				}
				if c, ok := r.(*Complex); ok {
					return c.V, nil
				}
				return 0, typeErr("__complex__ returned non-complex (type %s)", TypeName(r))
			}
			f, err := t.toFloat(o)
			if err != nil {
				return 0, typeErr("complex() first argument must be a string or a number, not '%s'", TypeName(o))
			}
			return complex(f, 0), nil
		}
		re, err := toC(a[0])
		if err != nil {
			return nil, err
		}
		if a[1] == nil {
			return NewComplex(re), nil
		}
		im, err := toC(a[1])
		if err != nil {
			return nil, err
		}
		_, reIsC := a[0].(*Complex)
		_, imIsC := a[1].(*Complex)
		r, i := real(re), real(im)
		if imIsC {
			r -= imag(im)
		}
		if reIsC {
			i += imag(re)
		}
		return NewComplex(complex(r, i)), nil
	})
	wrapCtor(StrType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("str", args, kw, []string{"object", "encoding", "errors"}, 0)
		if err != nil {
			return nil, err
		}
		if a[0] == nil {
			return emptyStr, nil
		}
		if a[1] != nil || a[2] != nil {
			b, ok := bytesLike(a[0])
			if !ok {
				return nil, typeErr("decoding str is not supported")
			}
			enc := "utf-8"
			if a[1] != nil {
				enc = strOf(a[1])
			}
			errs := "strict"
			if a[2] != nil {
				errs = strOf(a[2])
			}
			r, err := t.decodeT(b, enc, errs)
			if err != nil && isExc(err, LookupErrorType) {
				// Codecs the VM lacks: bytes.decode, which embedders may extend (modules
				// falls back to the codec registry there).
				if m, ok := BytesType.Dict.GetStr(InternStr("decode")).(*Builtin); ok {
					return m.Fn(t, []Object{NewBytes(b), NewStr(enc), NewStr(errs)}, nil)
				}
			}
			return r, err
		}
		return t.Str(a[0])
	})
	wrapCtor(TupleType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("tuple", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return EmptyTuple, nil
		}
		if tu, ok := args[0].(*Tuple); ok {
			return tu, nil
		}
		if _, ok := args[0].(*DictView); ok {
			items, err := t.ToSlice(args[0])
			return NewTuple(items), err
		}
		items, err := t.ToSlice(args[0])
		if err != nil {
			return nil, err
		}
		return NewTuple(items), nil
	})
	wrapCtor(ListType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("list", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return NewList(nil), nil
		}
		items, err := t.ToSlice(args[0])
		if err != nil {
			return nil, err
		}
		return NewList(items), nil
	})
	addMethod(ListType, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		l := args[0].(*List)
		if err := checkArgs("list", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		l.V = nil
		if len(args) > 1 {
			items, err := t.ToSlice(args[1])
			if err != nil {
				return nil, err
			}
			l.V = items
		}
		return None, nil
	})
	wrapCtor(DictType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		d := NewDict(0)
		return d, t.dictInit(d, args, kw)
	})
	addMethod(DictType, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return None, t.dictInit(args[0].(*Dict), args[1:], kw)
	})
	wrapCtor(SetType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("set", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return &Set{}, nil
		}
		return t.newSetFrom(args[0], false)
	})
	addMethod(SetType, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		s := args[0].(*Set)
		*s = Set{}
		if len(args) > 1 {
			return None, t.iterate(args[1], func(x Object) error { return t.setAdd(s, x) })
		}
		return None, nil
	})
	wrapCtor(FrozenSetType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("frozenset", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return t.newSetFrom(EmptyTuple, true)
		}
		if fs, ok := args[0].(*FrozenSet); ok {
			return fs, nil
		}
		return t.newSetFrom(args[0], true)
	})
	wrapCtor(BytesType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("bytes", args, kw, []string{"source", "encoding", "errors"}, 0)
		if err != nil {
			return nil, err
		}
		if a[0] == nil {
			return NewBytes(nil), nil
		}
		b, err := t.bytesCtorArg(a[0], a[1], a[2])
		if err != nil {
			return nil, err
		}
		return NewBytes(b), nil
	})
	wrapCtor(ByteArrayType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("bytearray", args, kw, []string{"source", "encoding", "errors"}, 0)
		if err != nil {
			return nil, err
		}
		if a[0] == nil {
			return &ByteArray{}, nil
		}
		b, err := t.bytesCtorArg(a[0], a[1], a[2])
		if err != nil {
			return nil, err
		}
		return &ByteArray{B: append([]byte{}, b...)}, nil
	})
	wrapCtor(RangeType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := noKw("range", kw); err != nil {
			return nil, err
		}
		if len(args) == 0 || len(args) > 3 {
			if len(args) == 0 {
				return nil, typeErr("range expected at least 1 argument, got 0")
			}
			return nil, typeErr("range expected at most 3 arguments, got %d", len(args))
		}
		vals := make([]int64, len(args))
		for i, a := range args {
			n, err := t.Index(a)
			if err != nil {
				return nil, err
			}
			v, ok := n.Int64()
			if !ok {
				// Ranges are int64; a bound past that is clamped (range(1 << 1000), as
				// _collections_abc builds to find longrange_iterator, then still works).
				v = math.MaxInt64
				if n.Sign() < 0 {
					v = math.MinInt64
				}
			}
			vals[i] = v
		}
		switch len(vals) {
		case 1:
			return &Range{0, vals[0], 1}, nil
		case 2:
			return &Range{vals[0], vals[1], 1}, nil
		}
		if vals[2] == 0 {
			return nil, valueErr("range() arg 3 must not be zero")
		}
		return &Range{vals[0], vals[1], vals[2]}, nil
	})
	wrapCtor(ModuleType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("module", args, kw, []string{"name", "doc"}, 1)
		if err != nil {
			return nil, err
		}
		name, ok := a[0].(*Str)
		if !ok {
			return nil, typeErr("module.__init__() argument 'name' must be str, not %s", TypeName(a[0]))
		}
		m := NewModule(name.String())
		if a[1] != nil {
			m.Dict.SetStr(strDoc, a[1])
		}
		return m, nil
	})
	wrapCtor(SliceType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("slice", args, kw, 1, 3); err != nil {
			return nil, err
		}
		switch len(args) {
		case 1:
			return &Slice{None, args[0], None}, nil
		case 2:
			return &Slice{args[0], args[1], None}, nil
		}
		return &Slice{args[0], args[1], args[2]}, nil
	})
	wrapCtor(PropertyType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("property", args, kw, []string{"fget", "fset", "fdel", "doc"}, 0)
		if err != nil {
			return nil, err
		}
		p := &Property{Get: None, Set: None, Del: None, Doc: None}
		if a[0] != nil {
			p.Get = a[0]
		}
		if a[1] != nil {
			p.Set = a[1]
		}
		if a[2] != nil {
			p.Del = a[2]
		}
		if a[3] != nil {
			p.Doc = a[3]
		}
		return p, nil
	})
	wrapCtor(ClassMethodType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("classmethod", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return &ClassMethod{F: args[0]}, nil
	})
	wrapCtor(StaticMethodType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("staticmethod", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return &StaticMethod{F: args[0]}, nil
	})
	wrapCtor(SuperType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("super", args, kw, 0, 2); err != nil {
			return nil, err
		}
		return t.newSuper(args)
	})
	wrapCtor(EnumerateType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("enumerate", args, kw, []string{"iterable", "start"}, 1)
		if err != nil {
			return nil, err
		}
		it, err := t.Iter(a[0])
		if err != nil {
			return nil, err
		}
		var n Object = NewInt(0)
		if a[1] != nil {
			i, err := t.Index(a[1])
			if err != nil {
				return nil, err
			}
			n = i
		}
		next2 := func() (Object, Object, bool, error) {
			v, ok, err := t.Next(it)
			if !ok || err != nil {
				return nil, nil, false, err
			}
			i := n
			n, _ = t.binaryOp(0, n, NewInt(1))
			return i, v, true, nil
		}
		return &funcIter{tp: EnumerateType, next2: next2, next: func() (Object, bool, error) {
			a, b, ok, err := next2()
			if !ok || err != nil {
				return nil, false, err
			}
			return NewTuple2(a, b), true, nil
		}}, nil
	})
	wrapCtor(ZipType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		pos, kwd := kwDict(args, kw)
		strict := false
		if kwd != nil {
			for _, k := range kwd.Keys() {
				if k.(*Str).String() != "strict" {
					return nil, typeErr("zip() got an unexpected keyword argument '%s'", k.(*Str))
				}
				b, err := t.Truth(kwd.GetStr(k.(*Str)))
				if err != nil {
					return nil, err
				}
				strict = b
			}
		}
		its := make([]Object, len(pos))
		for i, a := range pos {
			it, err := t.Iter(a)
			if err != nil {
				return nil, err
			}
			its[i] = it
		}
		done := false
		var next2 func() (Object, Object, bool, error)
		if len(its) == 2 && !strict {
			next2 = func() (Object, Object, bool, error) {
				if done {
					return nil, nil, false, nil
				}
				a, ok, err := t.Next(its[0])
				if err != nil || !ok {
					done = true
					return nil, nil, false, err
				}
				b, ok, err := t.Next(its[1])
				if err != nil || !ok {
					done = true
					return nil, nil, false, err
				}
				return a, b, true, nil
			}
		}
		return &funcIter{tp: ZipType, next2: next2, next: func() (Object, bool, error) {
			if done || len(its) == 0 {
				return nil, false, nil
			}
			if len(its) == 2 && !strict {
				a, ok, err := t.Next(its[0])
				if err != nil || !ok {
					done = true
					return nil, false, err
				}
				b, ok, err := t.Next(its[1])
				if err != nil || !ok {
					done = true
					return nil, false, err
				}
				return NewTuple2(a, b), true, nil
			}
			items := make([]Object, len(its))
			for i, it := range its {
				v, ok, err := t.Next(it)
				if err != nil {
					return nil, false, err
				}
				if !ok {
					done = true
					if strict {
						if i > 0 {
							plural := "s"
							if i == 1 {
								plural = ""
							}
							return nil, false, valueErr("zip() argument %d is shorter than argument%s%s", i+1, plural, argRange(i))
						}
						for j := 1; j < len(its); j++ {
							_, ok, err := t.Next(its[j])
							if err != nil {
								return nil, false, err
							}
							if ok {
								plural := "s"
								if j == 1 {
									plural = ""
								}
								return nil, false, valueErr("zip() argument %d is longer than argument%s%s", j+1, plural, argRange(j))
							}
						}
					}
					return nil, false, nil
				}
				items[i] = v
			}
			return NewTuple(items), true, nil
		}}, nil
	})
	wrapCtor(MapType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := noKw("map", kw); err != nil {
			return nil, err
		}
		if len(args) < 2 {
			return nil, typeErr("map() must have at least two arguments.")
		}
		fn := args[0]
		its := make([]Object, len(args)-1)
		for i, a := range args[1:] {
			it, err := t.Iter(a)
			if err != nil {
				return nil, err
			}
			its[i] = it
		}
		return &funcIter{tp: MapType, next: func() (Object, bool, error) {
			items := make([]Object, len(its))
			for i, it := range its {
				v, ok, err := t.Next(it)
				if !ok || err != nil {
					return nil, false, err
				}
				items[i] = v
			}
			r, err := t.Call(fn, items, nil)
			if err != nil {
				return nil, false, err
			}
			return r, true, nil
		}}, nil
	})
	wrapCtor(FilterType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("filter", args, kw, 2, 2); err != nil {
			return nil, err
		}
		fn := args[0]
		it, err := t.Iter(args[1])
		if err != nil {
			return nil, err
		}
		return &funcIter{tp: FilterType, next: func() (Object, bool, error) {
			for {
				v, ok, err := t.Next(it)
				if !ok || err != nil {
					return nil, false, err
				}
				var keep bool
				if fn == None {
					keep, err = t.Truth(v)
				} else {
					var r Object
					r, err = t.call1(fn, v)
					if err == nil {
						keep, err = t.Truth(r)
					}
				}
				if err != nil {
					return nil, false, err
				}
				if keep {
					return v, true, nil
				}
			}
		}}, nil
	})
	wrapCtor(ReversedType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("reversed", args, kw, 1, 1); err != nil {
			return nil, err
		}
		o := args[0]
		if f := lookupCached(o.Type(), strReversed); f != nil && o.Type().Flags&TypeFlagHeap != 0 {
			return t.call1(f, o)
		}
		switch x := unwrap(o).(type) {
		case *DictView:
			f := lookupCached(x.Type(), strReversed)
			return t.call1(f, x)
		case *Range:
			n := x.Len()
			return &rangeIter{cur: x.Start + (n-1)*x.Step, step: -x.Step, n: n}, nil
		case *Dict:
			keys := x.Keys()
			i := len(keys)
			return &funcIter{tp: ReversedType, next: func() (Object, bool, error) {
				if i == 0 {
					return nil, false, nil
				}
				i--
				return keys[i], true, nil
			}}, nil
		case *List:
			i := len(x.V)
			return &funcIter{tp: ReversedType, next: func() (Object, bool, error) {
				if i > len(x.V) {
					i = len(x.V)
				}
				if i <= 0 {
					return nil, false, nil
				}
				i--
				return x.V[i], true, nil
			}}, nil
		}
		n, err := t.Len(o)
		if err != nil || lookupCached(o.Type(), strGetitem) == nil {
			return nil, typeErr("'%s' object is not reversible", TypeName(o))
		}
		i := n
		return &funcIter{tp: ReversedType, next: func() (Object, bool, error) {
			if i <= 0 {
				return nil, false, nil
			}
			i--
			v, err := t.GetItem(o, NewInt(int64(i)))
			if err != nil {
				return nil, false, err
			}
			return v, true, nil
		}}, nil
	})
	wrapCtor(MemoryViewType, func(t *Thread, tp *Type, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("memoryview", args, kw, 1, 1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case *Bytes:
			return &MemoryView{Obj: x, Stop: len(x.B)}, nil
		case *ByteArray:
			return &MemoryView{Obj: x, Stop: len(x.B)}, nil
		case *MemoryView:
			return &MemoryView{Obj: x.Obj, Start: x.Start, Stop: x.Stop}, nil
		}
		return nil, typeErr("memoryview: a bytes-like object is required, not '%s'", TypeName(args[0]))
	})
}

func argRange(i int) string {
	if i == 1 {
		return " 1"
	}
	return " 1-" + fmtInt(i)
}

func parseComplex(s string) (complex128, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" {
		return 0, false
	}
	if !strings.HasSuffix(s, "j") && !strings.HasSuffix(s, "J") {
		f, ok := parseFloatLiteral(s)
		return complex(f, 0), ok
	}
	body := s[:len(s)-1]
	// find split point: last + or - not at start and not after e
	split := -1
	for i := len(body) - 1; i > 0; i-- {
		if (body[i] == '+' || body[i] == '-') && body[i-1] != 'e' && body[i-1] != 'E' {
			split = i
			break
		}
	}
	parseIm := func(x string) (float64, bool) {
		switch x {
		case "", "+":
			return 1, true
		case "-":
			return -1, true
		}
		return parseFloatLiteral(x)
	}
	if split < 0 {
		im, ok := parseIm(body)
		return complex(0, im), ok
	}
	re, ok1 := parseFloatLiteral(body[:split])
	im, ok2 := parseIm(body[split:])
	return complex(re, im), ok1 && ok2
}

var _ = math.Inf
