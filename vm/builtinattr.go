package vm

import (
	. "gopyc/objects"
)

// builtinAttr returns computed attributes of builtin objects that are not in a type dict.
func (t *Thread) builtinAttr(o Object, name *Str) (Object, bool, error) {
	n := name.String()
	switch x := o.(type) {
	case *Function:
		switch n {
		case "__name__":
			return x.Name, true, nil
		case "__qualname__":
			return x.QualName, true, nil
		case "__code__":
			return x.Code, true, nil
		case "__defaults__":
			if x.Defaults == nil {
				return None, true, nil
			}
			return x.Defaults, true, nil
		case "__kwdefaults__":
			if x.KwDefaults == nil {
				return None, true, nil
			}
			return x.KwDefaults, true, nil
		case "__globals__":
			return x.Globals, true, nil
		case "__builtins__":
			return x.Builtins, true, nil
		case "__closure__":
			if x.Closure == nil {
				return None, true, nil
			}
			return x.Closure, true, nil
		case "__doc__":
			return x.Doc, true, nil
		case "__module__":
			if x.Module == nil {
				return None, true, nil
			}
			return x.Module, true, nil
		case "__annotations__":
			if x.Annotations == nil || x.Annotations == None {
				x.Annotations = NewDict(0)
			}
			if tup, ok := x.Annotations.(*Tuple); ok {
				d := NewDict(len(tup.V) / 2)
				for i := 0; i+1 < len(tup.V); i += 2 {
					_ = t.DictSet(d, tup.V[i], tup.V[i+1])
				}
				x.Annotations = d
			}
			return x.Annotations, true, nil
		case "__dict__":
			if x.Dict == nil {
				x.Dict = NewDict(0)
			}
			return x.Dict, true, nil
		}
		if x.Dict != nil {
			if v := x.Dict.GetStr(name); v != nil {
				return v, true, nil
			}
		}
	case *Method:
		switch n {
		case "__self__":
			return x.Self, true, nil
		case "__func__":
			return x.Func, true, nil
		case "__name__", "__qualname__", "__doc__", "__module__", "__code__", "__defaults__", "__annotations__", "__kwdefaults__", "__dict__":
			v, err := t.GetAttr(x.Func, name)
			return v, true, err
		}
		if f, ok := x.Func.(*Function); ok && f.Dict != nil {
			if v := f.Dict.GetStr(name); v != nil {
				return v, true, nil
			}
		}
	case *Builtin:
		switch n {
		case "__name__":
			return NewStr(x.Name), true, nil
		case "__qualname__":
			if x.Owner != nil {
				return NewStr(x.Owner.Name + "." + x.Name), true, nil
			}
			return NewStr(x.Name), true, nil
		case "__self__":
			if x.Self != nil {
				return x.Self, true, nil
			}
			return None, true, nil
		case "__doc__":
			if x.Doc == "" {
				return None, true, nil
			}
			return NewStr(x.Doc), true, nil
		case "__module__":
			if x.Owner == nil {
				if m, ok := x.Self.(*Module); ok {
					return m.Name, true, nil
				}
				return NewStr("builtins"), true, nil
			}
			return None, true, nil
		case "__objclass__":
			if x.Owner != nil {
				return x.Owner, true, nil
			}
		}
	case *Code:
		switch n {
		case "co_name":
			return x.Name, true, nil
		case "co_qualname":
			return x.QualName, true, nil
		case "co_filename":
			return x.Filename, true, nil
		case "co_firstlineno":
			return NewInt(int64(x.FirstLineNo)), true, nil
		case "co_argcount":
			return NewInt(int64(x.ArgCount)), true, nil
		case "co_posonlyargcount":
			return NewInt(int64(x.PosOnlyArgCount)), true, nil
		case "co_kwonlyargcount":
			return NewInt(int64(x.KwOnlyArgCount)), true, nil
		case "co_nlocals":
			return NewInt(int64(x.NLocals())), true, nil
		case "co_stacksize":
			return NewInt(int64(x.StackSize)), true, nil
		case "co_flags":
			return NewInt(int64(x.Flags)), true, nil
		case "co_code", "_co_code_adaptive":
			return NewBytes(x.Code), true, nil
		case "co_consts":
			return NewTuple(append([]Object(nil), x.Consts...)), true, nil
		case "co_names":
			return strTuple(x.Names), true, nil
		case "co_varnames":
			return strTuple(x.VarNames()), true, nil
		case "co_cellvars":
			return strTuple(x.CellVars()), true, nil
		case "co_freevars":
			return strTuple(x.FreeVars()), true, nil
		case "co_linetable":
			return NewBytes(x.LineTable), true, nil
		case "co_exceptiontable":
			return NewBytes(x.ExceptionTable), true, nil
		}
	case *Generator:
		prefix := "gi_"
		if x.kind == genCoroutine {
			prefix = "cr_"
		} else if x.kind == genAsyncGenerator {
			prefix = "ag_"
		}
		switch n {
		case "__name__":
			return x.name, true, nil
		case "__qualname__":
			return x.qualname, true, nil
		case prefix + "running":
			return NewBool(x.running), true, nil
		case prefix + "frame":
			if x.finished || x.frame == nil {
				return None, true, nil
			}
			x.frame.escaped = true
			return x.frame, true, nil
		case prefix + "code":
			return x.code, true, nil
		case "gi_yieldfrom", "cr_await":
			if yf := x.yieldFrom(); yf != nil {
				return yf, true, nil
			}
			return None, true, nil
		case "gi_suspended", "cr_suspended":
			return NewBool(x.started && !x.finished && !x.running), true, nil
		}
	case *Frame:
		switch n {
		case "f_lineno":
			return NewInt(int64(x.ci.lineAt(x.lasti))), true, nil
		case "f_code":
			return x.ci.code, true, nil
		case "f_globals":
			return x.globals, true, nil
		case "f_locals":
			return t.frameLocals(x), true, nil
		case "f_builtins":
			return x.builtins, true, nil
		case "f_back":
			if x.back == nil {
				return None, true, nil
			}
			return x.back, true, nil
		case "f_lasti":
			return NewInt(int64(x.lasti * 2)), true, nil
		}
	case *Traceback:
		switch n {
		case "tb_next":
			if x.Next == nil {
				return None, true, nil
			}
			return x.Next, true, nil
		case "tb_lineno":
			return NewInt(int64(decode(x.Code).lineAt(x.PC))), true, nil
		case "tb_frame":
			return x.Frame, true, nil
		case "tb_lasti":
			return NewInt(int64(x.PC * 2)), true, nil
		}
	case *Cell:
		if n == "cell_contents" {
			if x.V == nil {
				return nil, true, valueErr("Cell is empty")
			}
			return x.V, true, nil
		}
	case *Exception:
		if v, ok := t.excAttr(x, n); ok {
			return v, true, nil
		}
	case *Super:
		v, err := t.superGetAttr(x, name)
		if err != nil && isExc(err, AttributeErrorType) {
			return nil, true, Errorf(AttributeErrorType, "'super' object has no attribute '%s'", name)
		}
		return v, true, err
	case *ClassMethod:
		if n == "__dict__" {
			if x.Dict == nil {
				x.Dict = NewDict(0)
			}
			return x.Dict, true, nil
		}
	}
	return nil, false, nil
}

func strTuple(s []*Str) *Tuple {
	out := make([]Object, len(s))
	for i, x := range s {
		out[i] = x
	}
	return NewTuple(out)
}

func (t *Thread) setFunctionAttr(f *Function, name *Str, v Object) error {
	switch name.String() {
	case "__name__":
		s, ok := v.(*Str)
		if !ok {
			return typeErr("__name__ must be set to a string object")
		}
		f.Name = s
	case "__qualname__":
		s, ok := v.(*Str)
		if !ok {
			return typeErr("__qualname__ must be set to a string object")
		}
		f.QualName = s
	case "__defaults__":
		if v == None {
			f.Defaults = nil
		} else if tup, ok := v.(*Tuple); ok {
			f.Defaults = tup
		} else {
			return typeErr("__defaults__ must be set to a tuple object")
		}
	case "__kwdefaults__":
		if v == None {
			f.KwDefaults = nil
		} else if d, ok := v.(*Dict); ok {
			f.KwDefaults = d
		} else {
			return typeErr("__kwdefaults__ must be set to a dict object")
		}
	case "__doc__":
		f.Doc = v
	case "__module__":
		f.Module = v
	case "__annotations__":
		f.Annotations = v
	case "__code__":
		c, ok := v.(*Code)
		if !ok {
			return typeErr("__code__ must be set to a code object")
		}
		f.Code = c
		f.code = nil
	case "__dict__":
		d, ok := v.(*Dict)
		if !ok {
			return typeErr("__dict__ must be set to a dictionary, not a '%s'", TypeName(v))
		}
		f.Dict = d
	default:
		if f.Dict == nil {
			f.Dict = NewDict(0)
		}
		f.Dict.SetStr(name, v)
	}
	return nil
}

func initGenMethods() {
	// frame.clear(): drop the frame's local variables (traceback.clear_frames calls it, and so
	// unittest's assertRaises in 3.11.7); a suspended generator's frame closes the generator
	// first; an executing frame refuses.
	addRawMethod(FrameType, "clear", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		f, ok := args[0].(*Frame)
		if !ok || len(args) != 1 {
			return nil, typeErr("frame.clear() takes no arguments")
		}
		for c := t.frame; c != nil; c = c.back {
			if c == f {
				return nil, Errorf(RuntimeErrorType, "cannot clear an executing frame")
			}
		}
		if g := f.gen; g != nil {
			if g.running {
				return nil, Errorf(RuntimeErrorType, "cannot clear an executing frame")
			}
			if err := t.closeGen(g); err != nil {
				return nil, err
			}
		}
		clear(f.fast)
		return None, nil
	})
	for _, tp := range []*Type{GeneratorType, CoroutineType, AsyncGeneratorType} {
		kind := tp
		addRawMethod(tp, "send", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if len(args) != 2 {
				return nil, typeErr("send() takes exactly one argument (%d given)", len(args)-1)
			}
			if kind == AsyncGeneratorType {
				return &asyncAwaitable{gen: args[0].(*Generator), value: args[1]}, nil
			}
			g := args[0].(*Generator)
			r, done, err := t.resume(g, args[1], nil)
			if err != nil {
				return nil, err
			}
			if done {
				return nil, stopIteration(r)
			}
			return r, nil
		})
		addRawMethod(tp, "throw", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			g := args[0].(*Generator)
			if len(args) < 2 {
				return nil, typeErr("throw expected at least 1 argument, got 0")
			}
			exc, err := t.makeThrowExc(args[1:])
			if err != nil {
				return nil, err
			}
			if kind == AsyncGeneratorType {
				return &asyncAwaitable{gen: g, kind: 1, exc: exc}, nil
			}
			r, done, err := t.throwGen(g, exc)
			if err != nil {
				return nil, err
			}
			if done {
				return nil, stopIteration(r)
			}
			return r, nil
		})
		addRawMethod(tp, "close", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if kind == AsyncGeneratorType {
				return None, nil
			}
			return None, t.closeGen(args[0].(*Generator))
		})
	}
	G := GeneratorType
	addRawMethod(G, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
	addRawMethod(G, "__next__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r, done, err := t.resume(args[0].(*Generator), None, nil)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, stopIteration(r)
		}
		return r, nil
	})
	addRawMethod(CoroutineType, "__await__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &coroWrapper{g: args[0].(*Generator)}, nil
	})
	CW := CoroWrapperType
	addRawMethod(CW, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
	addRawMethod(CW, "__next__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r, done, err := t.resume(args[0].(*coroWrapper).g, None, nil)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, stopIteration(r)
		}
		return r, nil
	})
	addRawMethod(CW, "send", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r, done, err := t.resume(args[0].(*coroWrapper).g, args[1], nil)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, stopIteration(r)
		}
		return r, nil
	})
	addRawMethod(CW, "throw", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		exc, err := t.makeThrowExc(args[1:])
		if err != nil {
			return nil, err
		}
		r, done, err := t.throwGen(args[0].(*coroWrapper).g, exc)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, stopIteration(r)
		}
		return r, nil
	})
	AG := AsyncGeneratorType
	addRawMethod(AG, "__aiter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
	addRawMethod(AG, "__anext__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &asyncAwaitable{gen: args[0].(*Generator), value: None}, nil
	})
	addRawMethod(AG, "asend", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &asyncAwaitable{gen: args[0].(*Generator), value: args[1]}, nil
	})
	addRawMethod(AG, "athrow", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		exc, err := t.makeThrowExc(args[1:])
		if err != nil {
			return nil, err
		}
		return &asyncAwaitable{gen: args[0].(*Generator), kind: 1, exc: exc}, nil
	})
	addRawMethod(AG, "aclose", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &asyncAwaitable{gen: args[0].(*Generator), kind: 2}, nil
	})
	AS := AsyncGenASendType
	addRawMethod(AS, "__await__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
	addRawMethod(AS, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return args[0], nil })
	addRawMethod(AS, "__next__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r, ok, err := t.awaitableSend(args[0].(*asyncAwaitable), None, nil)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, stopIteration(r)
		}
		return r, nil
	})
	addRawMethod(AS, "send", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r, ok, err := t.awaitableSend(args[0].(*asyncAwaitable), args[1], nil)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, stopIteration(r)
		}
		return r, nil
	})
	addRawMethod(AS, "throw", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		exc, err := t.makeThrowExc(args[1:])
		if err != nil {
			return nil, err
		}
		r, ok, err := t.awaitableSend(args[0].(*asyncAwaitable), nil, exc)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, stopIteration(r)
		}
		return r, nil
	})
	addRawMethod(AS, "close", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		args[0].(*asyncAwaitable).state = 2
		return None, nil
	})
}

func (t *Thread) makeThrowExc(args []Object) (*Exception, error) {
	typ := args[0]
	var val Object = None
	if len(args) > 1 {
		val = args[1]
	}
	switch x := typ.(type) {
	case *Exception:
		if val != None {
			return nil, typeErr("instance exception may not have a separate value")
		}
		return x, nil
	case *Type:
		if !isSubtype(x, BaseExceptionType) {
			break
		}
		if e, ok := val.(*Exception); ok && isSubtype(e.Class, x) {
			return e, nil
		}
		var cargs []Object
		if val != None {
			if tup, ok := val.(*Tuple); ok {
				cargs = tup.V
			} else {
				cargs = []Object{val}
			}
		}
		r, err := t.Call(x, cargs, nil)
		if err != nil {
			return nil, err
		}
		return r.(*Exception), nil
	}
	return nil, typeErr("exceptions must be classes or instances deriving from BaseException, not %s", TypeName(typ))
}

// withMethods looks up __enter__/__exit__ (or the async pair) on the type.
func (t *Thread) withMethods(mgr Object, enterName, exitName *Str, async bool) (Object, Object, error) {
	tp := mgr.Type()
	enter := lookupCached(tp, enterName)
	exit := lookupCached(tp, exitName)
	if enter == nil || exit == nil {
		if async {
			if enter == nil {
				return nil, nil, typeErr("'%s' object does not support the asynchronous context manager protocol", tp.Name)
			}
			return nil, nil, typeErr("'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)", tp.Name)
		}
		if enter == nil {
			return nil, nil, typeErr("'%s' object does not support the context manager protocol", tp.Name)
		}
		return nil, nil, typeErr("'%s' object does not support the context manager protocol (missed __exit__ method)", tp.Name)
	}
	be, err := t.bindDescr(enter, mgr, tp)
	if err != nil {
		return nil, nil, err
	}
	bx, err := t.bindDescr(exit, mgr, tp)
	if err != nil {
		return nil, nil, err
	}
	return be, bx, nil
}

func isMapping(o Object) bool {
	switch o.(type) {
	case *Dict, *MappingProxy:
		return true
	}
	if inst, ok := o.(*Instance); ok {
		if _, ok := inst.Value.(*Dict); ok {
			return true
		}
		for _, c := range inst.Class.MRO {
			if c.Name == "Mapping" || c.Name == "MutableMapping" {
				return true
			}
		}
	}
	return false
}

func isSequence(o Object) bool {
	switch o.(type) {
	case *List, *Tuple, *Range, *MemoryView:
		return true
	case *Str, *Bytes, *ByteArray:
		return false
	}
	if inst, ok := o.(*Instance); ok {
		switch inst.Value.(type) {
		case *List, *Tuple:
			return true
		case *Str, *Bytes, *ByteArray:
			return false
		}
		for _, c := range inst.Class.MRO {
			if c.Name == "Sequence" || c.Name == "MutableSequence" {
				return true
			}
		}
	}
	return false
}

// matchKeys implements MATCH_KEYS.
func (t *Thread) matchKeys(subject, keys Object) (Object, error) {
	kt := keys.(*Tuple)
	if len(kt.V) == 0 {
		return EmptyTuple, nil
	}
	get, err := t.GetAttr(subject, NewStr("get"))
	if err != nil {
		return nil, err
	}
	dummy := &Instance{Class: ObjectType}
	vals := make([]Object, len(kt.V))
	seen := NewDict(0)
	for i, k := range kt.V {
		if ok, _ := t.Contains(seen, k); ok {
			r, _ := t.repr(k)
			return nil, valueErr("mapping pattern checks duplicate key (%s)", r)
		}
		_ = t.DictSet(seen, k, None)
		v, err := t.Call(get, []Object{k, dummy}, nil)
		if err != nil {
			return nil, err
		}
		if v == Object(dummy) {
			return None, nil
		}
		vals[i] = v
	}
	return NewTuple(vals), nil
}

var selfMatchTypes = map[*Type]bool{}

// matchClass implements MATCH_CLASS.
func (t *Thread) matchClass(subject, cls Object, nargs int, kwnames *Tuple) (Object, error) {
	tp, ok := cls.(*Type)
	if !ok {
		return nil, typeErr("called match pattern must be a class")
	}
	ok, err := t.isInstance(subject, tp)
	if err != nil {
		return nil, err
	}
	if !ok {
		return None, nil
	}
	if len(selfMatchTypes) == 0 {
		for _, x := range []*Type{BoolType, ByteArrayType, BytesType, DictType, FloatType, FrozenSetType, IntType, ListType, SetType, StrType, TupleType} {
			selfMatchTypes[x] = true
		}
	}
	var attrs []Object
	var seen []string
	getAttr := func(name *Str) (Object, bool, error) {
		for _, s := range seen {
			if s == name.String() {
				return nil, false, typeErr("%s() got multiple sub-patterns for attribute '%s'", tp.Name, name)
			}
		}
		seen = append(seen, name.String())
		v, err := t.GetAttr(subject, name)
		if err != nil {
			if isExc(err, AttributeErrorType) {
				return nil, false, nil
			}
			return nil, false, err
		}
		return v, true, nil
	}
	if nargs > 0 {
		ma, err := t.GetAttr(tp, strMatchArgs)
		var matchArgs []Object
		if err != nil {
			if !isExc(err, AttributeErrorType) {
				return nil, err
			}
			if !selfMatchTypes[tp] && !selfMatchTypes[tp.Layout] {
				return nil, typeErr("%s() accepts 0 positional sub-patterns (%d given)", tp.Name, nargs)
			}
			if nargs > 1 {
				return nil, typeErr("%s() accepts 1 positional sub-pattern (%d given)", tp.Name, nargs)
			}
			attrs = append(attrs, subject)
		} else {
			tup, ok := ma.(*Tuple)
			if !ok {
				return nil, typeErr("%s.__match_args__ must be a tuple (got %s)", tp.Name, TypeName(ma))
			}
			matchArgs = tup.V
			if nargs > len(matchArgs) {
				s := "s"
				if len(matchArgs) == 1 {
					s = ""
				}
				return nil, typeErr("%s() accepts %d positional sub-pattern%s (%d given)", tp.Name, len(matchArgs), s, nargs)
			}
			for i := 0; i < nargs; i++ {
				name, ok := matchArgs[i].(*Str)
				if !ok {
					return nil, typeErr("__match_args__ elements must be strings (got %s)", TypeName(matchArgs[i]))
				}
				v, ok, err := getAttr(name)
				if err != nil {
					return nil, err
				}
				if !ok {
					return None, nil
				}
				attrs = append(attrs, v)
			}
		}
	}
	for _, k := range kwnames.V {
		v, ok, err := getAttr(k.(*Str))
		if err != nil {
			return nil, err
		}
		if !ok {
			return None, nil
		}
		attrs = append(attrs, v)
	}
	return NewTuple(attrs), nil
}
