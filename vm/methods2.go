package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	. "gopyc/objects"
)

func initNumberMethods() {
	I := IntType
	intSelf := func(args []Object) *Int { i, _ := toIntObj(args[0]); return i }
	addMethod(I, "bit_length", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(int64(new(big.Int).Abs(intSelf(args).Big()).BitLen())), nil
	})
	addMethod(I, "bit_count", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b := new(big.Int).Abs(intSelf(args).Big())
		n := 0
		for _, w := range b.Bits() {
			for x := uint64(w); x != 0; x &= x - 1 {
				n++
			}
		}
		return NewInt(int64(n)), nil
	})
	addMethod(I, "conjugate", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return intSelf(args), nil })
	addMethod(I, "as_integer_ratio", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewTuple([]Object{intSelf(args), NewInt(1)}), nil
	})
	addMethod(I, "__trunc__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return intSelf(args), nil })
	addMethod(I, "__floor__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return intSelf(args), nil })
	addMethod(I, "__ceil__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return intSelf(args), nil })
	addMethod(I, "__getnewargs__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewTuple([]Object{intSelf(args)}), nil
	})
	addGetter(I, "real", func(t *Thread, o Object) (Object, error) { i, _ := toIntObj(o); return i, nil })
	addGetter(I, "imag", func(t *Thread, o Object) (Object, error) { return NewInt(0), nil })
	addGetter(I, "numerator", func(t *Thread, o Object) (Object, error) { i, _ := toIntObj(o); return i, nil })
	addGetter(I, "denominator", func(t *Thread, o Object) (Object, error) { return NewInt(1), nil })
	addMethod(I, "to_bytes", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("to_bytes", args[1:], kw, []string{"length", "byteorder", "$signed"}, 0)
		if err != nil {
			return nil, err
		}
		length := int64(1)
		if a[0] != nil {
			l, _ := toIntObj(a[0])
			length, _ = l.Int64()
		}
		order := "big"
		if a[1] != nil {
			order = strOf(a[1])
		}
		signed := false
		if a[2] != nil {
			signed, _ = t.Truth(a[2])
		}
		v := intSelf(args).Big()
		if v.Sign() < 0 && !signed {
			return nil, Errorf(OverflowErrorType, "can't convert negative int to unsigned")
		}
		x := new(big.Int).Set(v)
		if v.Sign() < 0 {
			x.Add(x, new(big.Int).Lsh(big.NewInt(1), uint(length*8)))
		}
		b := x.Bytes()
		limitBits := length * 8
		if signed {
			limitBits--
		}
		if int64(new(big.Int).Abs(v).BitLen()) > limitBits && !(v.Sign() < 0 && new(big.Int).Neg(v).Cmp(new(big.Int).Lsh(big.NewInt(1), uint(limitBits))) == 0) || int64(len(b)) > length {
			return nil, Errorf(OverflowErrorType, "int too big to convert")
		}
		out := make([]byte, length)
		copy(out[int(length)-len(b):], b)
		if order == "little" {
			for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
		} else if order != "big" {
			return nil, valueErr("byteorder must be either 'little' or 'big'")
		}
		return NewBytes(out), nil
	})
	addClassMethod(I, "from_bytes", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("from_bytes", args[1:], kw, []string{"bytes", "byteorder", "$signed"}, 1)
		if err != nil {
			return nil, err
		}
		b, err := t.bytesFromObject(a[0])
		if err != nil {
			return nil, err
		}
		b = append([]byte{}, b...)
		order := "big"
		if a[1] != nil {
			order = strOf(a[1])
		}
		if order == "little" {
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
		}
		x := new(big.Int).SetBytes(b)
		if a[2] != nil {
			if s, _ := t.Truth(a[2]); s && len(b) > 0 && b[0]&0x80 != 0 {
				x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(len(b)*8)))
			}
		}
		r := NewIntBig(x)
		if args[0] != Object(IntType) {
			return t.call1(args[0], r)
		}
		return r, nil
	})
	F := FloatType
	fself := func(args []Object) float64 { f, _ := toFloatObj(args[0]); return f }
	addMethod(F, "is_integer", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		f := fself(args)
		return NewBool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
	})
	addMethod(F, "conjugate", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return NewFloat(fself(args)), nil })
	addMethod(F, "__trunc__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return floatToInt(fself(args)) })
	addMethod(F, "__floor__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return floatToInt(math.Floor(fself(args))) })
	addMethod(F, "__ceil__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return floatToInt(math.Ceil(fself(args))) })
	addMethod(F, "as_integer_ratio", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		f := fself(args)
		if math.IsInf(f, 0) {
			return nil, Errorf(OverflowErrorType, "cannot convert Infinity to integer ratio")
		}
		if math.IsNaN(f) {
			return nil, valueErr("cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return NewTuple([]Object{NewIntBig(new(big.Int).Set(r.Num())), NewIntBig(new(big.Int).Set(r.Denom()))}), nil
	})
	addMethod(F, "hex", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewStr(floatHex(fself(args))), nil
	})
	addClassMethod(F, "__getformat__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("float.__getformat__() takes exactly one argument (%d given)", len(args)-1)
		}
		s, ok := args[1].(*Str)
		if !ok {
			return nil, typeErr("__getformat__() argument must be str, not %s", TypeName(args[1]))
		}
		if s.String() != "double" && s.String() != "float" {
			return nil, valueErr("__getformat__() argument 1 must be 'double' or 'float'")
		}
		return NewStr("IEEE, little-endian"), nil
	})
	addClassMethod(F, "fromhex", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		s := strings.TrimSpace(strOf(args[1]))
		if !strings.Contains(strings.ToLower(s), "p") {
			s += "p0"
		}
		if !strings.Contains(strings.ToLower(s), "0x") {
			neg := strings.HasPrefix(s, "-")
			s = strings.TrimLeft(s, "+-")
			s = "0x" + s
			if neg {
				s = "-" + s
			}
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, valueErr("invalid hexadecimal floating-point string")
		}
		return NewFloat(f), nil
	})
	addGetter(F, "real", func(t *Thread, o Object) (Object, error) { f, _ := toFloatObj(o); return NewFloat(f), nil })
	addGetter(F, "imag", func(t *Thread, o Object) (Object, error) { return NewFloat(0), nil })
	C := ComplexType
	addMethod(C, "conjugate", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		c := args[0].(*Complex).V
		return NewComplex(complex(real(c), -imag(c))), nil
	})
	addGetter(C, "real", func(t *Thread, o Object) (Object, error) { return NewFloat(real(o.(*Complex).V)), nil })
	addGetter(C, "imag", func(t *Thread, o Object) (Object, error) { return NewFloat(imag(o.(*Complex).V)), nil })
}

func floatHex(f float64) string {
	if math.IsInf(f, 1) {
		return "inf"
	}
	if math.IsInf(f, -1) {
		return "-inf"
	}
	if math.IsNaN(f) {
		return "nan"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0x0.0p+0"
		}
		return "0x0.0p+0"
	}
	sign := ""
	if f < 0 {
		sign = "-"
		f = -f
	}
	m, e := math.Frexp(f) // f = m * 2^e, m in [0.5,1)
	m *= 2
	e--
	if e < -1022 {
		m = math.Ldexp(m, e+1022)
		e = -1022
	}
	ip := int(m)
	frac := m - float64(ip)
	digits := ""
	for i := 0; i < 13; i++ {
		frac *= 16
		d := int(frac)
		digits += strconv.FormatInt(int64(d), 16)
		frac -= float64(d)
	}
	es := "+"
	if e < 0 {
		es = "-"
		e = -e
	}
	return sign + "0x" + strconv.Itoa(ip) + "." + digits + "p" + es + strconv.Itoa(e)
}

func initMiscMethods() {
	P := PropertyType
	copyProp := func(p *Property) *Property { c := *p; return &c }
	addRawMethod(P, "getter", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		c := copyProp(args[0].(*Property))
		c.Get = args[1]
		return c, nil
	})
	addRawMethod(P, "setter", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		c := copyProp(args[0].(*Property))
		c.Set = args[1]
		return c, nil
	})
	addRawMethod(P, "deleter", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		c := copyProp(args[0].(*Property))
		c.Del = args[1]
		return c, nil
	})
	addRawMethod(P, "__get__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) < 2 || args[1] == None {
			return args[0], nil
		}
		var tp *Type
		if len(args) > 2 {
			tp, _ = args[2].(*Type)
		}
		return t.bindDescr(args[0], args[1], tp)
	})
	addRawMethod(P, "__set__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		err, _ := t.descrSet(args[0], args[1], args[2])
		return None, err
	})
	addRawMethod(P, "__delete__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		err, _ := t.descrSet(args[0], args[1], nil)
		return None, err
	})
	addRawMethod(P, "__set_name__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		args[0].(*Property).Name = args[2]
		return None, nil
	})
	addGetter(P, "fget", func(t *Thread, o Object) (Object, error) { return o.(*Property).Get, nil })
	addGetter(P, "fset", func(t *Thread, o Object) (Object, error) { return o.(*Property).Set, nil })
	addGetter(P, "fdel", func(t *Thread, o Object) (Object, error) { return o.(*Property).Del, nil })
	P.Dict.SetStr(strDoc, &GetSet{Name: "__doc__", Get: func(t *Thread, o Object) (Object, error) {
		p := o.(*Property)
		if p.Doc != None && p.Doc != nil {
			return p.Doc, nil
		}
		if p.Get != None {
			return t.GetAttr(p.Get, strDoc)
		}
		return None, nil
	}})
	for _, tp := range []*Type{ClassMethodType, StaticMethodType} {
		addGetter(tp, "__func__", func(t *Thread, o Object) (Object, error) {
			if c, ok := o.(*ClassMethod); ok {
				return c.F, nil
			}
			return o.(*StaticMethod).F, nil
		})
		addGetter(tp, "__wrapped__", func(t *Thread, o Object) (Object, error) {
			if c, ok := o.(*ClassMethod); ok {
				return c.F, nil
			}
			return o.(*StaticMethod).F, nil
		})
		addRawMethod(tp, "__get__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			var obj Object
			if len(args) > 1 && args[1] != None {
				obj = args[1]
			}
			var tp *Type
			if len(args) > 2 {
				tp, _ = args[2].(*Type)
			} else if obj != nil {
				tp = obj.Type()
			}
			return t.bindDescr(args[0], obj, tp)
		})
		addGetter(tp, "__isabstractmethod__", func(t *Thread, o Object) (Object, error) { return False, nil })
	}
	addRawMethod(StaticMethodType, "__call__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Call(args[0].(*StaticMethod).F, args[1:], kw)
	})
	addRawMethod(FunctionType, "__get__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) < 2 || args[1] == None {
			return args[0], nil
		}
		return &Method{Func: args[0], Self: args[1]}, nil
	})
	addRawMethod(FunctionType, "__call__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Call(args[0], args[1:], kw)
	})
	addRawMethod(MethodType, "__call__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Call(args[0], args[1:], kw)
	})
	addRawMethod(BuiltinFunctionType, "__call__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Call(args[0], args[1:], kw)
	})
	R := RangeType
	addGetter(R, "start", func(t *Thread, o Object) (Object, error) { return NewInt(o.(*Range).Start), nil })
	addGetter(R, "stop", func(t *Thread, o Object) (Object, error) { return NewInt(o.(*Range).Stop), nil })
	addGetter(R, "step", func(t *Thread, o Object) (Object, error) { return NewInt(o.(*Range).Step), nil })
	addMethod(R, "index", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r := args[0].(*Range)
		ok, err := t.Contains(r, args[1])
		if err != nil {
			return nil, err
		}
		if !ok {
			s, _ := t.repr(args[1])
			return nil, valueErr("%s is not in range", s)
		}
		v, _ := args[1].(*Int).Int64()
		return NewInt((v - r.Start) / r.Step), nil
	})
	addMethod(R, "count", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		ok, err := t.Contains(args[0], args[1])
		if ok {
			return NewInt(1), err
		}
		return NewInt(0), err
	})
	addMethod(R, "__reversed__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Call(ReversedType, []Object{args[0]}, nil)
	})
	SL := SliceType
	addGetter(SL, "start", func(t *Thread, o Object) (Object, error) { return o.(*Slice).Start, nil })
	addGetter(SL, "stop", func(t *Thread, o Object) (Object, error) { return o.(*Slice).Stop, nil })
	addGetter(SL, "step", func(t *Thread, o Object) (Object, error) { return o.(*Slice).Step, nil })
	addMethod(SL, "indices", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		n, err := t.Index(args[1])
		if err != nil {
			return nil, err
		}
		nv, _ := n.Int64()
		if nv < 0 {
			return nil, valueErr("length should not be negative")
		}
		start, stop, step, _, err := t.sliceIndices(args[0].(*Slice), int(nv))
		if err != nil {
			return nil, err
		}
		return NewTuple([]Object{NewInt(int64(start)), NewInt(int64(stop)), NewInt(int64(step))}), nil
	})
	SL.Dict.SetStr(strHash, None)
	// iterator types
	for _, tp := range iterTypes {
		if tp.MRO == nil {
			setupBuiltinType(tp, ObjectType)
			tp.Flags &^= TypeFlagBaseType
		}
	}
	for _, tp := range append([]*Type{IteratorType, EnumerateType, ZipType, MapType, FilterType, ReversedType, CallIterType}, iterTypes...) {
		addRawMethod(tp, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
		addRawMethod(tp, "__next__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			v, ok, err := t.Next(args[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, NewException(StopIterationType)
			}
			return v, nil
		})
		addRawMethod(tp, "__length_hint__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			switch x := args[0].(type) {
			case *seqIter:
				if x.list != nil {
					return NewInt(int64(len(x.list.V) - x.i)), nil
				}
				return NewInt(int64(len(x.tuple.V) - x.i)), nil
			case *rangeIter:
				return NewInt(x.n), nil
			}
			return NewInt(0), nil
		})
	}
	addRawMethod(GenericAliasTypeInit(), "__call__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Call(args[0].(*GenericAlias).Origin, args[1:], kw)
	})
	addRawMethod(unionTypeTypeInit(), "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		var parts []string
		for _, a := range args[0].(*UnionType).Args {
			s, err := t.typeReprShort(a)
			if err != nil {
				return nil, err
			}
			if a == None {
				s = "None"
			}
			parts = append(parts, s)
		}
		return NewStr(strings.Join(parts, " | ")), nil
	})
	addRawMethod(unionTypeType, "__or__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		u := args[0].(*UnionType)
		return &UnionType{Args: append(append([]Object{}, u.Args...), args[1])}, nil
	})
	addGetter(genericAliasType, "__origin__", func(t *Thread, o Object) (Object, error) { return o.(*GenericAlias).Origin, nil })
	addGetter(genericAliasType, "__args__", func(t *Thread, o Object) (Object, error) {
		a := o.(*GenericAlias).Args
		if tup, ok := a.(*Tuple); ok {
			return tup, nil
		}
		return NewTuple([]Object{a}), nil
	})
	simpleNamespaceInit()
}

// GenericAliasTypeInit prepares types.GenericAlias.
func GenericAliasTypeInit() *Type {
	if genericAliasType.MRO == nil {
		setupBuiltinType(genericAliasType, ObjectType)
		genericAliasType.Module = "types"
	}
	return genericAliasType
}

func unionTypeTypeInit() *Type {
	if unionTypeType.MRO == nil {
		setupBuiltinType(unionTypeType, ObjectType)
		unionTypeType.Module = "types"
	}
	return unionTypeType
}

func simpleNamespaceInit() {
	tp := simpleNamespaceType
	if tp.MRO == nil {
		setupBuiltinType(tp, ObjectType)
		tp.Module = "types"
		tp.Flags |= TypeFlagHasDict
	}
	addRawMethod(tp, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		inst := args[0].(*Instance)
		_, d := kwDict(args[1:], kw)
		if d != nil {
			for _, k := range d.Keys() {
				inst.Dict.SetStr(k.(*Str), d.GetStr(k.(*Str)))
			}
		}
		return None, nil
	})
	addRawMethod(tp, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		inst := args[0].(*Instance)
		var parts []string
		for _, k := range inst.Dict.Keys() {
			s, err := t.repr(inst.Dict.GetStr(k.(*Str)))
			if err != nil {
				return nil, err
			}
			parts = append(parts, k.(*Str).String()+"="+s)
		}
		name := "namespace"
		if inst.Class != tp {
			name = inst.Class.Name
		}
		return NewStr(name + "(" + strings.Join(parts, ", ") + ")"), nil
	})
	addRawMethod(tp, "__eq__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, ok1 := args[0].(*Instance)
		b, ok2 := args[1].(*Instance)
		if !ok1 || !ok2 || !isSubtype(b.Class, tp) {
			return NotImplemented, nil
		}
		eq, err := t.dictEqual(a.Dict, b.Dict)
		return NewBool(eq), err
	})
}

// SimpleNamespaceType is types.SimpleNamespace.
func SimpleNamespaceType() *Type { return simpleNamespaceType }
