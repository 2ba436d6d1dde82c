package vm

import (
	"math"
	"math/big"
	"sort"
	"strings"

	"gopyc/bytecode"
	"gopyc/internal/pymath"
	. "gopyc/objects"
)

func makeBuiltins(t *Thread) *Module {
	initTypeMethods()
	m := NewModule("builtins")
	d := m.Dict
	set := func(name string, v Object) { d.SetStr(InternStr(name), v) }
	fn := func(name string, f BuiltinFn) {
		b := &Builtin{Name: name, Fn: f, Self: m}
		set(name, b)
	}
	for _, tp := range []*Type{ObjectType, TypeType, IntType, BoolType, FloatType, ComplexType, StrType,
		BytesType, ByteArrayType, TupleType, ListType, DictType, SetType, FrozenSetType, RangeType,
		SliceType, PropertyType, ClassMethodType, StaticMethodType, SuperType, EnumerateType, ZipType,
		MapType, FilterType, ReversedType, MemoryViewType} {
		set(tp.Name, tp)
	}
	for _, tp := range allExcTypes {
		set(tp.Name, tp)
	}
	set("None", None)
	set("Ellipsis", Ellipsis)
	set("NotImplemented", NotImplemented)
	set("True", True)
	set("False", False)
	set("__debug__", True)
	set("__name__", NewStr("builtins"))
	fn("__build_class__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.buildClass(args, kw) })
	fn("__import__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("__import__", args, kw, []string{"name", "globals", "locals", "fromlist", "level"}, 1)
		if err != nil {
			return nil, err
		}
		name, ok := a[0].(*Str)
		if !ok {
			return nil, typeErr("__import__() argument 1 must be str, not %s", TypeName(a[0]))
		}
		level := int64(0)
		if a[4] != nil {
			l, _ := toIntObj(a[4])
			level, _ = l.Int64()
		}
		var globals *Dict
		if g, ok := a[1].(*Dict); ok {
			globals = g
		}
		fromlist := a[3]
		if fromlist == nil {
			fromlist = None
		}
		return t.importModuleLevel(name.String(), globals, fromlist, int(level))
	})
	fn("abs", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("abs", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return t.Abs(args[0])
	})
	fn("all", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("all", args, kw, 1, 1); err != nil {
			return nil, err
		}
		res := true
		err := t.iterate(args[0], func(v Object) error {
			b, err := t.Truth(v)
			if err != nil {
				return err
			}
			if !b {
				res = false
				return errStopIter
			}
			return nil
		})
		if err != nil && err != errStopIter {
			return nil, err
		}
		return NewBool(res), nil
	})
	fn("any", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("any", args, kw, 1, 1); err != nil {
			return nil, err
		}
		res := false
		err := t.iterate(args[0], func(v Object) error {
			b, err := t.Truth(v)
			if err != nil {
				return err
			}
			if b {
				res = true
				return errStopIter
			}
			return nil
		})
		if err != nil && err != errStopIter {
			return nil, err
		}
		return NewBool(res), nil
	})
	fn("ascii", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("ascii", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return t.Ascii(args[0])
	})
	radix := func(name string, base int, prefix string) {
		fn(name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			i, err := t.Index(args[0])
			if err != nil {
				return nil, err
			}
			b := i.Big()
			s := new(big.Int).Abs(b).Text(base)
			if b.Sign() < 0 {
				return NewStr("-" + prefix + s), nil
			}
			return NewStr(prefix + s), nil
		})
	}
	radix("bin", 2, "0b")
	radix("oct", 8, "0o")
	radix("hex", 16, "0x")
	fn("callable", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("callable", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return NewBool(isCallable(args[0])), nil
	})
	fn("chr", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("chr", args, kw, 1, 1); err != nil {
			return nil, err
		}
		i, err := t.Index(args[0])
		if err != nil {
			return nil, err
		}
		v, ok := i.Int64()
		if !ok || v < 0 || v > 0x10ffff {
			if !ok {
				return nil, Errorf(OverflowErrorType, "Python int too large to convert to C int")
			}
			return nil, valueErr("chr() arg not in range(0x110000)")
		}
		return charStr(rune(v)), nil
	})
	fn("ord", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("ord", args, kw, 1, 1); err != nil {
			return nil, err
		}
		switch x := unwrap(args[0]).(type) {
		case *Str:
			if x.Len() != 1 {
				return nil, typeErr("ord() expected a character, but string of length %d found", x.Len())
			}
			r, _ := DecodeWTF8(x.String())
			return NewInt(int64(r)), nil
		case *Bytes:
			if len(x.B) != 1 {
				return nil, typeErr("ord() expected a character, but string of length %d found", len(x.B))
			}
			return NewInt(int64(x.B[0])), nil
		case *ByteArray:
			if len(x.B) != 1 {
				return nil, typeErr("ord() expected a character, but string of length %d found", len(x.B))
			}
			return NewInt(int64(x.B[0])), nil
		}
		return nil, typeErr("ord() expected string of length 1, but %s found", TypeName(args[0]))
	})
	fn("delattr", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("delattr", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(*Str)
		if !ok {
			return nil, typeErr("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return None, t.DelAttr(args[0], name)
	})
	fn("getattr", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("getattr", args, kw, 2, 3); err != nil {
			return nil, err
		}
		name, ok := unwrap(args[1]).(*Str)
		if !ok {
			return nil, typeErr("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		v, err := t.GetAttr(args[0], name)
		if err != nil && len(args) == 3 && isExc(err, AttributeErrorType) {
			return args[2], nil
		}
		return v, err
	})
	fn("setattr", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("setattr", args, kw, 3, 3); err != nil {
			return nil, err
		}
		name, ok := unwrap(args[1]).(*Str)
		if !ok {
			return nil, typeErr("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return None, t.SetAttr(args[0], name, args[2])
	})
	fn("hasattr", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("hasattr", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, ok := unwrap(args[1]).(*Str)
		if !ok {
			return nil, typeErr("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		_, err := t.GetAttr(args[0], name)
		if err != nil {
			if isExc(err, AttributeErrorType) {
				return False, nil
			}
			return nil, err
		}
		return True, nil
	})
	fn("dir", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("dir", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			var keys []Object
			if f := t.frame; f != nil {
				if f.locals != nil {
					keys = f.locals.Keys()
				} else {
					keys = t.frameLocals(f).Keys()
				}
			}
			l := NewList(keys)
			return l, t.sortList(l, nil, false)
		}
		return t.dir(args[0])
	})
	fn("divmod", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("divmod", args, kw, 2, 2); err != nil {
			return nil, err
		}
		return t.divmod(args[0], args[1])
	})
	fn("eval", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.evalExec("eval", args, kw)
	})
	fn("exec", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		_, err := t.evalExec("exec", args, kw)
		if err != nil {
			return nil, err
		}
		return None, nil
	})
	fn("compile", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("compile", args, kw, []string{"source", "filename", "mode", "flags", "dont_inherit", "optimize", "$_feature_version"}, 3)
		if err != nil {
			return nil, err
		}
		fnm, err := t.fspath(a[1])
		if err != nil {
			return nil, err
		}
		opt := t.interp.Optimize
		if a[5] != nil {
			o, ok := toIntObj(a[5])
			if !ok {
				return nil, typeErr("'%s' object cannot be interpreted as an integer", TypeName(a[5]))
			}
			v, _ := o.Int64()
			if v < -1 || v > 2 {
				return nil, valueErr("compile(): invalid optimize value")
			}
			if v >= 0 {
				opt = int(v)
			}
		}
		mode := strOf(a[2])
		// (func_type comes from the ast module's compile(..., PyCF_ONLY_AST), which re-runs a
		// failed parse here for its SyntaxError.)
		if mode != "exec" && mode != "eval" && mode != "single" && mode != "func_type" {
			return nil, valueErr("compile() mode must be 'exec', 'eval' or 'single'")
		}
		if c, ok := a[0].(*Code); ok {
			return c, nil
		}
		var src []byte
		switch s := a[0].(type) {
		case *Str:
			src = []byte(s.String())
		case *Bytes:
			src = s.B
		default:
			if b, ok := bytesLike(a[0]); ok {
				src = b
				break
			}
			return nil, typeErr("compile() arg 1 must be a string, bytes or AST object")
		}
		_, isText := a[0].(*Str)
		return t.CompileSource(src, fnm, mode, opt, isText)
	})
	fn("format", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("format", args, kw, 1, 2); err != nil {
			return nil, err
		}
		spec := emptyStr
		if len(args) == 2 {
			s, ok := args[1].(*Str)
			if !ok {
				return nil, typeErr("format() argument 2 must be str, not %s", TypeName(args[1]))
			}
			spec = s
		}
		return t.Format(args[0], spec)
	})
	fn("globals", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if t.frame == nil {
			return NewDict(0), nil
		}
		return t.frame.globals, nil
	})
	fn("locals", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if t.frame == nil {
			return NewDict(0), nil
		}
		return t.frameLocals(t.frame), nil
	})
	fn("vars", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("vars", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return t.frameLocals(t.frame), nil
		}
		v, err := t.GetAttr(args[0], strDict)
		if err != nil {
			return nil, typeErr("vars() argument must have __dict__ attribute")
		}
		return v, nil
	})
	fn("hash", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("hash", args, kw, 1, 1); err != nil {
			return nil, err
		}
		h, err := t.Hash(args[0])
		if err != nil {
			return nil, err
		}
		return NewInt(h), nil
	})
	fn("id", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("id", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return NewInt(int64(uint64(IdentityHash(args[0])) << 4 & 0xffffffffffff)), nil
	})
	fn("input", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("input", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 1 {
			s, err := t.Str(args[0])
			if err != nil {
				return nil, err
			}
			if err := t.writeTo(t.sysAttr("stdout"), s.String()); err != nil {
				return nil, err
			}
			t.flushStd()
		}
		t.flushStd()
		line, err := t.readLineFrom(t.sysAttr("stdin"))
		if err != nil {
			return nil, err
		}
		if line == "" {
			return nil, NewException(EOFErrorType, NewStr("EOF when reading a line"))
		}
		return NewStr(strings.TrimSuffix(line, "\n")), nil
	})
	fn("isinstance", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("isinstance", args, kw, 2, 2); err != nil {
			return nil, err
		}
		r, err := t.isInstance(args[0], args[1])
		return NewBool(r), err
	})
	fn("issubclass", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("issubclass", args, kw, 2, 2); err != nil {
			return nil, err
		}
		r, err := t.isSubclass(args[0], args[1])
		return NewBool(r), err
	})
	fn("iter", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("iter", args, kw, 1, 2); err != nil {
			return nil, err
		}
		if len(args) == 2 {
			if !isCallable(args[0]) {
				return nil, typeErr("iter(v, w): v must be callable")
			}
			return &callIter{f: args[0], sentinel: args[1]}, nil
		}
		return t.Iter(args[0])
	})
	fn("aiter", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("aiter", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return t.getAiter(args[0])
	})
	fn("anext", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("anext", args, kw, 1, 2); err != nil {
			return nil, err
		}
		return t.getAnext(args[0])
	})
	fn("len", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("len", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := t.Len(args[0])
		if err != nil {
			return nil, err
		}
		return NewInt(int64(n)), nil
	})
	fn("max", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.minmax("max", args, kw, 4) })
	fn("min", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.minmax("min", args, kw, 0) })
	fn("next", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("next", args, kw, 1, 2); err != nil {
			return nil, err
		}
		if !t.isIterator(args[0]) {
			return nil, typeErr("'%s' object is not an iterator", TypeName(args[0]))
		}
		if g, ok := args[0].(*Generator); ok {
			r, done, err := t.resume(g, None, nil)
			if err != nil {
				return nil, err
			}
			if done {
				if len(args) == 2 {
					return args[1], nil
				}
				return nil, stopIteration(r)
			}
			return r, nil
		}
		v, ok, err := t.Next(args[0])
		if err != nil {
			return nil, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, NewException(StopIterationType)
		}
		return v, nil
	})
	fn("pow", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("pow", args, kw, []string{"base", "exp", "mod"}, 2)
		if err != nil {
			return nil, err
		}
		if a[2] != nil && a[2] != None {
			x, ok1 := toIntObj(a[0])
			y, ok2 := toIntObj(a[1])
			m, ok3 := toIntObj(a[2])
			if !ok1 || !ok2 || !ok3 {
				return nil, typeErr("pow() 3rd argument not allowed unless all arguments are integers")
			}
			return t.intPow(x, y, m)
		}
		return t.binaryOp(8, a[0], a[1])
	})
	fn("print", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.print(args, kw) })
	fn("repr", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("repr", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return t.Repr(args[0])
	})
	fn("round", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("round", args, kw, []string{"number", "ndigits"}, 1)
		if err != nil {
			return nil, err
		}
		return t.round(a[0], a[1])
	})
	fn("sorted", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("sorted", args, kw, []string{"/iterable", "$key", "$reverse"}, 1)
		if err != nil {
			return nil, err
		}
		items, err := t.ToSlice(a[0])
		if err != nil {
			return nil, err
		}
		l := NewList(items)
		rev := false
		if a[2] != nil {
			rev, err = t.Truth(a[2])
			if err != nil {
				return nil, err
			}
		}
		key := a[1]
		if key == None {
			key = nil
		}
		return l, t.sortList(l, key, rev)
	})
	fn("sum", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("sum", args, kw, []string{"/iterable", "start"}, 1)
		if err != nil {
			return nil, err
		}
		var acc Object = NewInt(0)
		if a[1] != nil {
			acc = a[1]
			switch acc.(type) {
			case *Str:
				return nil, typeErr("sum() can't sum strings [use ''.join(seq) instead]")
			case *Bytes:
				return nil, typeErr("sum() can't sum bytes [use b''.join(seq) instead]")
			case *ByteArray:
				return nil, typeErr("sum() can't sum bytearray [use b''.join(seq) instead]")
			}
		}
		// While the running total is a small int (or a float) and the items are too, it stays
		// unboxed in n (f): one object for the result instead of one per item. acc is then
		// stale until boxed; the sums are the ones int + int and float + float give.
		const (
			boxed = iota
			inInt
			inFloat
		)
		mode := boxed
		var n int64
		var f float64
		box := func() {
			switch mode {
			case inInt:
				acc = NewInt(n)
			case inFloat:
				acc = NewFloat(f)
			}
			mode = boxed
		}
		err = t.iterate(a[0], func(v Object) error {
			switch mode {
			case inInt:
				if y, ok := v.(*Int); ok {
					if yv, ok := y.Int64(); ok {
						if r, ok := fastInt64(bytecode.NB_ADD, n, yv); ok {
							n = r
							return nil
						}
					}
				}
				box()
			case inFloat:
				if y, ok := v.(*Float); ok {
					f += y.V
					return nil
				}
				box()
			}
			switch x := acc.(type) {
			case *Int:
				if y, ok := v.(*Int); ok {
					xv, ok1 := x.Int64()
					yv, ok2 := y.Int64()
					if ok1 && ok2 {
						if r, ok := fastInt64(bytecode.NB_ADD, xv, yv); ok {
							n, mode = r, inInt
							return nil
						}
					}
				}
			case *Float:
				if y, ok := v.(*Float); ok {
					f, mode = x.V+y.V, inFloat
					return nil
				}
			}
			r, err := t.binaryOp(0, acc, v)
			if err != nil {
				return err
			}
			acc = r
			return nil
		})
		if err != nil {
			return nil, err
		}
		box()
		return acc, nil
	})
	fn("open", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.open(args, kw) })
	fn("breakpoint", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return None, nil })
	return m
}

var errStopIter = &Exception{Class: StopIterationType}

func isCallable(o Object) bool {
	switch o.(type) {
	case *Function, *Builtin, *Method, *Type:
		return true
	}
	return lookupCached(o.Type(), strCall) != nil
}

func charStr(r rune) *Str {
	if r < 128 {
		return asciiChars[r]
	}
	return NewStr(string(AppendWTF8(nil, r)))
}

var asciiChars = func() [128]*Str {
	var a [128]*Str
	for i := range a {
		a[i] = InternStr(string(rune(i)))
	}
	return a
}()

func (t *Thread) minmax(name string, args []Object, kw *Tuple, op int) (Object, error) {
	pos, kwd := kwDict(args, kw)
	var key, def Object
	if kwd != nil {
		for _, k := range kwd.Keys() {
			switch k.(*Str).String() {
			case "key":
				key = kwd.GetStr(k.(*Str))
			case "default":
				def = kwd.GetStr(k.(*Str))
			default:
				return nil, typeErr("%s() got an unexpected keyword argument '%s'", name, k.(*Str))
			}
		}
	}
	if key == None {
		key = nil
	}
	var items []Object
	if len(pos) == 0 {
		return nil, typeErr("%s expected at least 1 argument, got 0", name)
	}
	if len(pos) == 1 {
		var err error
		items, err = t.ToSlice(pos[0])
		if err != nil {
			return nil, err
		}
		if len(items) == 0 {
			if def != nil {
				return def, nil
			}
			return nil, valueErr("%s() arg is an empty sequence", name)
		}
	} else {
		if def != nil {
			return nil, typeErr("Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = pos
	}
	best := items[0]
	bestKey := best
	if key != nil {
		k, err := t.call1(key, best)
		if err != nil {
			return nil, err
		}
		bestKey = k
	}
	for _, it := range items[1:] {
		k := it
		if key != nil {
			var err error
			k, err = t.call1(key, it)
			if err != nil {
				return nil, err
			}
		}
		r, err := t.RichCompare(k, bestKey, op)
		if err != nil {
			return nil, err
		}
		b, err := t.Truth(r)
		if err != nil {
			return nil, err
		}
		if b {
			best, bestKey = it, k
		}
	}
	return best, nil
}

// sortList sorts l in place, stably, with an optional key function.
func (t *Thread) sortList(l *List, key Object, reverse bool) error {
	items := l.V
	keys := items
	if key != nil {
		keys = make([]Object, len(items))
		for i, it := range items {
			k, err := t.call1(key, it)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	l.V = nil
	var err error
	less := func(a, b Object) bool {
		if err != nil {
			return false
		}
		r, e := t.Less(a, b)
		if e != nil {
			err = e
		}
		return r
	}
	if reverse {
		// As CPython: reverse, sort stably ascending, reverse again.
		for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
			idx[i], idx[j] = idx[j], idx[i]
		}
	}
	sort.SliceStable(idx, func(i, j int) bool {
		return less(keys[idx[i]], keys[idx[j]])
	})
	if reverse {
		for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
			idx[i], idx[j] = idx[j], idx[i]
		}
	}
	if l.V != nil {
		err = valueErr("list modified during sort")
	}
	out := make([]Object, len(items))
	for i, k := range idx {
		out[i] = items[k]
	}
	if err != nil {
		l.V = items
		return err
	}
	l.V = out
	return nil
}

func (t *Thread) divmod(a, b Object) (Object, error) {
	r, err := t.divmodBuiltin(a, b)
	if err != nil || r != NotImplemented {
		return r, err
	}
	r, err = t.binaryDispatch2(a, b, InternStr("__divmod__"), InternStr("__rdivmod__"))
	if err != nil {
		return nil, err
	}
	if r == NotImplemented {
		return nil, typeErr("unsupported operand type(s) for divmod(): '%s' and '%s'", TypeName(a), TypeName(b))
	}
	return r, nil
}

// divmodBuiltin handles builtin numbers; NotImplemented otherwise.
func (t *Thread) divmodBuiltin(a, b Object) (Object, error) {
	a, b = unwrap(a), unwrap(b)
	if _, ok := a.(*Instance); !ok {
		if _, ok := b.(*Instance); !ok {
			ka, ia, fa, _ := numKind(a)
			kb, ib, fb, _ := numKind(b)
			if ka == 1 && kb == 1 {
				q, err := t.intOp(2, ia, ib)
				if err != nil {
					return nil, err
				}
				m, err := t.intOp(6, ia, ib)
				if err != nil {
					return nil, err
				}
				return NewTuple2(q, m), nil
			}
			if ka > 0 && kb > 0 && ka < 3 && kb < 3 {
				if ka == 1 {
					fa, _ = ia.Float()
				}
				if kb == 1 {
					fb, _ = ib.Float()
				}
				if fb == 0 {
					return nil, Errorf(ZeroDivisionErrorType, "float divmod()")
				}
				q, m := floatDivmod(fa, fb)
				return NewTuple([]Object{NewFloat(q), NewFloat(m)}), nil
			}
		}
	}
	return NotImplemented, nil
}

func (t *Thread) binaryDispatch2(a, b Object, lname, rname *Str) (Object, error) {
	if f := lookupCached(a.Type(), lname); f != nil {
		r, err := t.Call(f, []Object{a, b}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if a.Type() != b.Type() {
		if f := lookupCached(b.Type(), rname); f != nil {
			r, err := t.Call(f, []Object{b, a}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	return NotImplemented, nil
}

// Abs is abs(o).
func (t *Thread) Abs(o Object) (Object, error) {
	switch x := o.(type) {
	case *Int, *Bool:
		i, _ := toIntObj(x)
		if i.Sign() < 0 {
			return t.unaryOp(11, i)
		}
		return i, nil
	case *Float:
		return NewFloat(math.Abs(x.V)), nil
	case *Complex:
		return NewFloat(pymath.CHypot(real(x.V), imag(x.V))), nil
	}
	r, found, err := t.callMethod(o, strAbs)
	if !found {
		return nil, typeErr("bad operand type for abs(): '%s'", TypeName(o))
	}
	return r, err
}

func (t *Thread) round(x, nd Object) (Object, error) {
	switch v := x.(type) {
	case *Float:
		if nd == nil || nd == None {
			r := math.RoundToEven(v.V)
			if math.IsInf(r, 0) {
				return nil, Errorf(OverflowErrorType, "cannot convert float infinity to integer")
			}
			if math.IsNaN(r) {
				return nil, valueErr("cannot convert float NaN to integer")
			}
			return floatToInt(r)
		}
		n, err := t.Index(nd)
		if err != nil {
			return nil, err
		}
		digits, _ := n.Int64()
		return NewFloat(roundFloat(v.V, int(digits))), nil
	case *Int, *Bool:
		i, _ := toIntObj(v)
		if nd == nil || nd == None {
			return i, nil
		}
		n, err := t.Index(nd)
		if err != nil {
			return nil, err
		}
		digits, _ := n.Int64()
		if digits >= 0 {
			return i, nil
		}
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-digits), nil)
		q, m := floorDivMod(i.Big(), p)
		// round half to even
		twice := new(big.Int).Mul(m, big.NewInt(2))
		c := twice.Cmp(p)
		if c > 0 || (c == 0 && q.Bit(0) == 1) {
			q.Add(q, big.NewInt(1))
		}
		return NewIntBig(q.Mul(q, p)), nil
	}
	var args []Object
	if nd != nil {
		args = []Object{nd}
	}
	r, found, err := t.callMethod(x, strRound, args...)
	if !found {
		return nil, typeErr("type %s doesn't define __round__ method", TypeName(x))
	}
	return r, err
}

func roundFloat(x float64, nd int) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return x
	}
	if nd > 22 {
		return x
	}
	// Use exact decimal conversion: format with nd digits, round-half-even on the exact value.
	s := new(big.Float).SetPrec(2000).SetFloat64(x).Text('f', 400)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	dot := strings.IndexByte(s, '.')
	intPart, frac := s[:dot], s[dot+1:]
	digits := intPart + frac
	pos := len(intPart) + nd // number of digits kept
	if pos < 0 {
		return math.Copysign(0, x)
	}
	if pos >= len(digits) {
		return x
	}
	kept := digits[:pos]
	rest := digits[pos:]
	roundUp := false
	if rest[0] > '5' {
		roundUp = true
	} else if rest[0] == '5' {
		if strings.TrimRight(rest[1:], "0") != "" {
			roundUp = true
		} else {
			last := byte('0')
			if len(kept) > 0 {
				last = kept[len(kept)-1]
			}
			roundUp = (last-'0')%2 == 1
		}
	}
	ki := new(big.Int)
	if kept == "" {
		kept = "0"
	}
	ki.SetString(kept, 10)
	if roundUp {
		ki.Add(ki, big.NewInt(1))
	}
	// value = ki * 10^-nd
	var r float64
	if nd >= 0 {
		rat := new(big.Rat).SetFrac(ki, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(nd)), nil))
		r, _ = rat.Float64()
	} else {
		ki.Mul(ki, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-nd)), nil))
		r, _ = new(big.Float).SetInt(ki).Float64()
	}
	if neg {
		r = -r
	}
	return r
}

func floatToInt(f float64) (*Int, error) {
	if math.IsInf(f, 0) {
		return nil, Errorf(OverflowErrorType, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return nil, valueErr("cannot convert float NaN to integer")
	}
	f = math.Trunc(f)
	if f > -9e18 && f < 9e18 {
		return NewInt(int64(f)), nil
	}
	bf := new(big.Float).SetFloat64(f)
	bi, _ := bf.Int(nil)
	return NewIntBig(bi), nil
}

func (t *Thread) dir(o Object) (Object, error) {
	if f := lookupCached(o.Type(), strDir); f != nil && f != objectDir && f != typeDir {
		r, err := t.Call(f, []Object{o}, nil)
		if err != nil {
			return nil, err
		}
		items, err := t.ToSlice(r)
		if err != nil {
			return nil, err
		}
		l := NewList(items)
		return l, t.sortList(l, nil, false)
	}
	seen := NewDict(0)
	add := func(d *Dict) {
		if d == nil {
			return
		}
		for _, k := range d.Keys() {
			seen.SetStr(k.(*Str), None)
		}
	}
	switch x := o.(type) {
	case *Module:
		add(x.Dict)
	case *Type:
		for _, c := range x.MRO {
			add(c.Dict)
		}
	default:
		if inst, ok := o.(*Instance); ok {
			add(inst.Dict)
		}
		if e, ok := o.(*Exception); ok {
			add(e.Dict)
		}
		if f, ok := o.(*Function); ok {
			add(f.Dict)
		}
		for _, c := range o.Type().MRO {
			add(c.Dict)
		}
	}
	l := NewList(seen.Keys())
	return l, t.sortList(l, nil, false)
}

var objectDir Object

// typeDir is type.__dir__, which dir() computes itself (calling it would recurse).
var typeDir Object

// frameLocals returns a dict snapshot of a frame's locals (locals()).
func (t *Thread) frameLocals(f *Frame) *Dict {
	if f == nil {
		return NewDict(0)
	}
	if f.locals != nil {
		return f.locals
	}
	d := NewDict(0)
	co := f.ci.code
	for i, n := range co.LocalsPlusNames {
		v := f.fast[i]
		if c, ok := v.(*Cell); ok && co.LocalsPlusKinds[i]&(FastCell|FastFree) != 0 {
			v = c.V
		}
		if v != nil {
			d.SetStr(n, v)
		}
	}
	return d
}

func (t *Thread) evalExec(name string, args []Object, kw *Tuple) (Object, error) {
	a, err := parseArgs(name, args, kw, []string{"source", "globals", "locals", "$closure"}, 1)
	if err != nil {
		return nil, err
	}
	var globals, locals *Dict
	if a[1] != nil && a[1] != None {
		g, ok := a[1].(*Dict)
		if !ok {
			return nil, typeErr("%s() globals must be a dict, not %s", name, TypeName(a[1]))
		}
		globals = g
	}
	if a[2] != nil && a[2] != None {
		l, ok := a[2].(*Dict)
		if !ok {
			return nil, typeErr("locals must be a mapping")
		}
		locals = l
	}
	if globals == nil {
		if t.frame == nil {
			globals = NewDict(0)
		} else {
			globals = t.frame.globals
			if locals == nil {
				locals = t.frameLocals(t.frame)
			}
		}
	}
	if locals == nil {
		locals = globals
	}
	var code *Code
	switch s := a[0].(type) {
	case *Code:
		code = s
	case *Str, *Bytes:
		var src []byte
		if ss, ok := s.(*Str); ok {
			src = []byte(ss.String())
		} else {
			src = s.(*Bytes).B
		}
		mode := "exec"
		if name == "eval" {
			mode = "eval"
			src = []byte(strings.TrimLeft(string(src), " \t"))
		}
		_, isText := s.(*Str)
		code, err = t.CompileSource(src, "<string>", mode, t.interp.Optimize, isText)
		if err != nil {
			return nil, err
		}
	default:
		return nil, typeErr("%s() arg 1 must be a string, bytes or code object", name)
	}
	return t.RunCode(code, globals, locals)
}

func (t *Thread) print(args []Object, kw *Tuple) (Object, error) {
	pos, kwd := kwDict(args, kw)
	sep, end := " ", "\n"
	var file Object
	flush := false
	if kwd != nil {
		for _, k := range kwd.Keys() {
			v := kwd.GetStr(k.(*Str))
			switch k.(*Str).String() {
			case "sep":
				if v != None {
					s, ok := v.(*Str)
					if !ok {
						return nil, typeErr("sep must be None or a string, not %s", TypeName(v))
					}
					sep = s.String()
				}
			case "end":
				if v != None {
					s, ok := v.(*Str)
					if !ok {
						return nil, typeErr("end must be None or a string, not %s", TypeName(v))
					}
					end = s.String()
				}
			case "file":
				if v != None {
					file = v
				}
			case "flush":
				b, err := t.Truth(v)
				if err != nil {
					return nil, err
				}
				flush = b
			default:
				return nil, typeErr("'%s' is an invalid keyword argument for print()", k.(*Str))
			}
		}
	}
	if file == nil {
		file = t.sysAttr("stdout")
		if file == nil || file == None {
			return None, nil
		}
	}
	if _, ok := file.(*File); !ok {
		for i, a := range pos {
			if i > 0 {
				if err := t.writeTo(file, sep); err != nil {
					return nil, err
				}
			}
			s, err := t.Str(a)
			if err != nil {
				return nil, err
			}
			if err := t.writeTo(file, s.String()); err != nil {
				return nil, err
			}
		}
		if err := t.writeTo(file, end); err != nil {
			return nil, err
		}
		if flush {
			if m, err := t.GetAttr(file, NewStr("flush")); err == nil {
				if _, err := t.Call(m, nil, nil); err != nil {
					return nil, err
				}
			}
		}
		return None, nil
	}
	var b strings.Builder
	for i, a := range pos {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := t.Str(a)
		if err != nil {
			return nil, err
		}
		b.WriteString(s.String())
	}
	b.WriteString(end)
	if f, ok := file.(*File); ok {
		if err := f.write(t, b.String()); err != nil {
			return nil, err
		}
		if flush {
			f.flush()
		}
		return None, nil
	}
	if err := t.writeTo(file, b.String()); err != nil {
		return nil, err
	}
	if flush {
		if m, err := t.GetAttr(file, NewStr("flush")); err == nil {
			if _, err := t.Call(m, nil, nil); err != nil {
				return nil, err
			}
		}
	}
	return None, nil
}

func (t *Thread) sysAttr(name string) Object {
	return t.interp.Sys.Dict.GetStr(NewStr(name))
}

func (t *Thread) writeTo(file Object, s string) error {
	if f, ok := file.(*File); ok {
		return f.write(t, s)
	}
	m, err := t.GetAttr(file, NewStr("write"))
	if err != nil {
		return err
	}
	_, err = t.Call(m, []Object{NewStr(s)}, nil)
	return err
}

func (t *Thread) flushStd() {
	t.interp.Stdout.flush()
	t.interp.Stderr.flush()
}
