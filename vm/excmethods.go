package vm

import (
	. "gopyc/objects"
)

func initExceptionMethods() {
	initUnicodeErrorMethods()
	B := BaseExceptionType
	B.Dict.SetStr(strNew, &Builtin{Name: "__new__", Owner: B, Static: true, Fn: func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		tp, ok := args[0].(*Type)
		if !ok || !isSubtype(tp, B) {
			return nil, typeErr("BaseException.__new__(X): X is not a subtype of BaseException")
		}
		pos, _ := kwDict(args[1:], kw)
		if tp == OSErrorType && len(pos) >= 2 {
			if sub := osErrorSubclass(pos[0]); sub != nil {
				tp = sub
			}
		}
		e := &Exception{Class: tp, Args: NewTuple(append([]Object(nil), pos...)), Dict: NewDict(0)}
		if isSubtype(tp, OSErrorType) && len(pos) >= 3 && len(pos) <= 5 {
			e.Dict.SetStr(NewStr("filename"), pos[2])
			if len(pos) >= 5 {
				e.Dict.SetStr(NewStr("filename2"), pos[4])
			}
			e.Args = NewTuple([]Object{pos[0], pos[1]})
		}
		if isSubtype(tp, BaseExceptionGroupType) {
			return t.newExceptionGroup(tp, pos)
		}
		if isSubtype(tp, SyntaxErrorType) {
			e.Syntax = &syntaxAttrs{} // set by SyntaxError.__init__, None until then
		}
		return e, nil
	}})
	addRawMethod(B, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e, ok := args[0].(*Exception)
		if !ok {
			return None, nil
		}
		pos, kwd := kwDict(args[1:], kw)
		if kwd != nil && kwd.Len() > 0 && lookupCached(e.Class, strInit) == lookupCached(B, strInit) {
			return nil, typeErr("%s() takes no keyword arguments", e.Class.Name)
		}
		if isSubtype(e.Class, BaseExceptionGroupType) {
			return None, nil
		}
		if isSubtype(e.Class, OSErrorType) && len(pos) >= 3 && len(pos) <= 5 {
			return None, nil
		}
		e.Args = NewTuple(append([]Object(nil), pos...))
		return None, nil
	})
	excRepr = addRawMethod(B, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e := args[0].(*Exception)
		s, err := t.repr(&Exception{Class: e.Class, Args: e.Args})
		return NewStr(s), err
	})
	excStr = addRawMethod(B, "__str__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e := args[0].(*Exception)
		return NewStr(t.excStr(e)), nil
	})
	addRawMethod(B, "with_traceback", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e := args[0].(*Exception)
		if tb, ok := args[1].(*Traceback); ok {
			e.Traceback = tb
		} else {
			e.Traceback = nil
		}
		return e, nil
	})
	addRawMethod(B, "add_note", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e := args[0].(*Exception)
		if _, ok := args[1].(*Str); !ok {
			return nil, typeErr("note must be a str, not '%s'", TypeName(args[1]))
		}
		if e.Dict == nil {
			e.Dict = NewDict(0)
		}
		notes := e.Dict.GetStr(strNotes)
		if notes == nil {
			notes = NewList(nil)
			e.Dict.SetStr(strNotes, notes)
		}
		l, ok := notes.(*List)
		if !ok {
			return nil, typeErr("Cannot add note: __notes__ is not a list")
		}
		l.V = append(l.V, args[1])
		return None, nil
	})
	addRawMethod(B, "__reduce__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e, ok := args[0].(*Exception)
		if !ok {
			return nil, typeErr("descriptor '__reduce__' requires a 'BaseException' object")
		}
		return excReduce(e), nil
	})
	addRawMethod(B, "__setstate__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("BaseException.__setstate__() takes exactly one argument (%d given)", len(args)-1)
		}
		if args[1] == None {
			return None, nil
		}
		d, ok := args[1].(*Dict)
		if !ok {
			return nil, typeErr("state is not a dictionary")
		}
		var err error
		d.Range(func(k, v Object) bool {
			ks, ok := k.(*Str)
			if !ok {
				err = typeErr("attribute name must be string, not '%s'", TypeName(k))
				return false
			}
			err = t.SetAttr(args[0], ks, v)
			return err == nil
		})
		if err != nil {
			return nil, err
		}
		return None, nil
	})
	// ImportError(*args, name=None, path=None): the two keywords are its attributes.
	addRawMethod(ImportErrorType, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e, ok := args[0].(*Exception)
		if !ok {
			return None, nil
		}
		pos, kwd := kwDict(args[1:], kw)
		e.Args = NewTuple(append([]Object(nil), pos...))
		if kwd == nil {
			return None, nil
		}
		for _, k := range kwd.Keys() {
			name := strOf(k)
			if name != "name" && name != "path" {
				return nil, typeErr("'%s' is an invalid keyword argument for %s()", name, e.Class.Name)
			}
		}
		if e.Dict == nil {
			e.Dict = NewDict(2)
		}
		for _, name := range []string{"name", "path"} {
			if v := kwd.GetStr(NewStr(name)); v != nil {
				e.Dict.SetStr(NewStr(name), v)
			}
		}
		return None, nil
	})
	// Exception groups.
	EG := BaseExceptionGroupType
	addRawMethod(EG, "derive", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e := args[0].(*Exception)
		return t.newExceptionGroup(BaseExceptionGroupType, []Object{e.Args.V[0], args[1]})
	})
	addRawMethod(EG, "subgroup", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		m, _, err := t.splitGroup(args[0].(*Exception), args[1])
		if m == nil {
			return None, err
		}
		return m, err
	})
	addRawMethod(EG, "split", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		m, r, err := t.splitGroup(args[0].(*Exception), args[1])
		if err != nil {
			return nil, err
		}
		var mo, ro Object = None, None
		if m != nil {
			mo = m
		}
		if r != nil {
			ro = r
		}
		return NewTuple([]Object{mo, ro}), nil
	})
	addRawMethod(EG, "__str__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e := args[0].(*Exception)
		msg := strOf(e.Args.V[0])
		n := len(e.Group.V)
		s := "s"
		if n == 1 {
			s = ""
		}
		return NewStr(msg + " (" + fmtInt(n) + " sub-exception" + s + ")"), nil
	})
	initSyntaxErrorMethods()
}

func (t *Thread) newExceptionGroup(tp *Type, args []Object) (Object, error) {
	if len(args) != 2 {
		return nil, typeErr("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	if _, ok := args[0].(*Str); !ok {
		return nil, typeErr("argument 1 must be str, not %s", TypeName(args[0]))
	}
	excs, err := t.ToSlice(args[1])
	if err != nil {
		return nil, typeErr("second argument (exceptions) must be a sequence")
	}
	if len(excs) == 0 {
		return nil, valueErr("second argument (exceptions) must be a non-empty sequence")
	}
	allExc := true
	for i, x := range excs {
		e, ok := x.(*Exception)
		if !ok {
			return nil, valueErr("Item %d of second argument (exceptions) is not an exception", i)
		}
		if !isSubtype(e.Class, ExceptionType) {
			allExc = false
		}
	}
	if tp == BaseExceptionGroupType && allExc {
		tp = ExceptionGroupType
	}
	if tp == ExceptionGroupType && !allExc {
		return nil, typeErr("Cannot nest BaseExceptions in an ExceptionGroup")
	}
	return &Exception{Class: tp, Args: NewTuple([]Object{args[0], args[1]}), Dict: NewDict(0), Group: NewTuple(excs)}, nil
}

// splitGroup splits an exception group by a matcher (type, tuple or predicate).
func (t *Thread) splitGroup(e *Exception, cond Object) (match, rest *Exception, err error) {
	matches := func(x *Exception) (bool, error) {
		switch c := cond.(type) {
		case *Type, *Tuple:
			return excMatches(x.Class, c), nil
		}
		r, err := t.call1(cond, x)
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	ok, err := matches(e)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return e, nil, nil
	}
	if !isSubtype(e.Class, BaseExceptionGroupType) {
		return nil, e, nil
	}
	var ms, rs []Object
	for _, x := range e.Group.V {
		m, r, err := t.splitGroup(x.(*Exception), cond)
		if err != nil {
			return nil, nil, err
		}
		if m != nil {
			ms = append(ms, m)
		}
		if r != nil {
			rs = append(rs, r)
		}
	}
	derive := func(items []Object) (*Exception, error) {
		if len(items) == 0 {
			return nil, nil
		}
		r, err := t.newExceptionGroup(e.Class, []Object{e.Args.V[0], NewList(items)})
		if err != nil {
			return nil, err
		}
		ne := r.(*Exception)
		ne.Traceback, ne.Cause, ne.Context = e.Traceback, e.Cause, e.Context
		if e.Dict != nil {
			if n := e.Dict.GetStr(strNotes); n != nil {
				ne.Dict.SetStr(strNotes, n)
			}
		}
		return ne, nil
	}
	match, err = derive(ms)
	if err != nil {
		return nil, nil, err
	}
	rest, err = derive(rs)
	return match, rest, err
}

// checkEGMatch implements CHECK_EG_MATCH: returns (rest, match) for the stack.
func (t *Thread) checkEGMatch(exc, spec Object) (Object, Object, error) {
	if err := checkExcSpec(spec); err != nil {
		return nil, nil, err
	}
	if tp, ok := spec.(*Type); ok && isSubtype(tp, BaseExceptionGroupType) {
		return nil, nil, typeErr("catching ExceptionGroup with except* is not allowed. Use except instead.")
	}
	e := exc.(*Exception)
	if excMatches(e.Class, spec) {
		if !isSubtype(e.Class, BaseExceptionGroupType) {
			g, err := t.newExceptionGroup(BaseExceptionGroupType, []Object{emptyStr, NewTuple([]Object{e})})
			if err != nil {
				return nil, nil, err
			}
			g.(*Exception).Traceback = e.Traceback
			return None, g, nil
		}
		return None, e, nil
	}
	if !isSubtype(e.Class, BaseExceptionGroupType) {
		return exc, None, nil
	}
	m, r, err := t.splitGroup(e, spec)
	if err != nil {
		return nil, nil, err
	}
	if m == nil {
		return exc, None, nil
	}
	var ro Object = None
	if r != nil {
		ro = r
	}
	return ro, m, nil
}

// prepReraiseStar implements PREP_RERAISE_STAR: orig is the original exception, excs the list of
// exceptions raised or re-raised by the except* clauses.
func (t *Thread) prepReraiseStar(orig, excs Object) (Object, error) {
	list := excs.(*List).V
	var raised, reraised []Object
	oe, _ := orig.(*Exception)
	for _, x := range list {
		if x == None {
			continue
		}
		e := x.(*Exception)
		if oe != nil && t.isSameLeafSet(e, oe) {
			reraised = append(reraised, e)
		} else {
			raised = append(raised, e)
		}
	}
	if len(raised) == 0 && len(reraised) == 0 {
		return None, nil
	}
	var keep Object = None
	if len(reraised) > 0 && oe != nil {
		// Keep the leaves of orig that were re-raised.
		leaves := map[Object]bool{}
		for _, r := range reraised {
			collectLeaves(r.(*Exception), leaves)
		}
		m, _, err := t.splitGroup(oe, &Builtin{Name: "leafmatch", Fn: func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return NewBool(leaves[args[0]]), nil
		}})
		if err != nil {
			return nil, err
		}
		if m != nil {
			keep = m
		}
	}
	if len(raised) == 0 {
		return keep, nil
	}
	all := raised
	if keep != None {
		all = append([]Object{keep}, raised...)
	}
	if len(all) == 1 {
		return all[0], nil
	}
	return t.newExceptionGroup(BaseExceptionGroupType, []Object{emptyStr, NewList(all)})
}

func collectLeaves(e *Exception, m map[Object]bool) {
	if isSubtype(e.Class, BaseExceptionGroupType) {
		for _, x := range e.Group.V {
			collectLeaves(x.(*Exception), m)
		}
		return
	}
	m[e] = true
}

func (t *Thread) isSameLeafSet(e, orig *Exception) bool {
	a := map[Object]bool{}
	collectLeaves(e, a)
	b := map[Object]bool{}
	collectLeaves(orig, b)
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func (t *Thread) setExceptionAttr(e *Exception, name *Str, v Object) error {
	switch name.String() {
	case "args":
		items, err := t.ToSlice(v)
		if err != nil {
			return err
		}
		e.Args = NewTuple(items)
		return nil
	case "__cause__":
		if v == None {
			e.Cause = nil
		} else if _, ok := v.(*Exception); ok {
			e.Cause = v
		} else {
			return typeErr("exception cause must be None or derive from BaseException")
		}
		e.SuppressContext = true
		return nil
	case "__context__":
		if v == None {
			e.Context = nil
		} else if _, ok := v.(*Exception); ok {
			e.Context = v
		} else {
			return typeErr("exception context must be None or derive from BaseException")
		}
		return nil
	case "__suppress_context__":
		b, err := t.Truth(v)
		e.SuppressContext = b
		return err
	case "__traceback__":
		if tb, ok := v.(*Traceback); ok {
			e.Traceback = tb
		} else if v == None {
			e.Traceback = nil
		} else {
			return typeErr("__traceback__ must be a traceback or None")
		}
		return nil
	}
	if isSubtype(e.Class, SyntaxErrorType) && t.syntaxSetAttr(e, name.String(), v) {
		return nil
	}
	if handled, err := t.unicodeSetAttr(e, name.String(), v); handled {
		return err
	}
	if e.Dict == nil {
		e.Dict = NewDict(0)
	}
	e.Dict.SetStr(name, v)
	return nil
}

func (t *Thread) excAttr(e *Exception, name string) (Object, bool) {
	if e.Dict != nil {
		if v := e.Dict.GetStr(NewStr(name)); v != nil {
			return v, true
		}
	}
	switch name {
	case "args":
		return e.Args, true
	case "__cause__":
		if e.Cause == nil {
			return None, true
		}
		return e.Cause, true
	case "__context__":
		if e.Context == nil {
			return None, true
		}
		return e.Context, true
	case "__suppress_context__":
		return NewBool(e.SuppressContext), true
	case "__traceback__":
		if e.Traceback == nil {
			return None, true
		}
		return e.Traceback, true
	case "__dict__":
		if e.Dict == nil {
			e.Dict = NewDict(0)
		}
		return e.Dict, true
	}
	arg := func(i int) Object {
		if e.Args != nil && len(e.Args.V) > i {
			return e.Args.V[i]
		}
		return None
	}
	switch {
	case name == "value" && isSubtype(e.Class, StopIterationType):
		return arg(0), true
	case name == "code" && isSubtype(e.Class, SystemExitType):
		if e.Args != nil && len(e.Args.V) > 1 {
			return e.Args, true
		}
		return arg(0), true
	case (name == "message") && isSubtype(e.Class, BaseExceptionGroupType):
		return arg(0), true
	case (name == "exceptions") && isSubtype(e.Class, BaseExceptionGroupType):
		if e.Group != nil {
			return e.Group, true
		}
		return EmptyTuple, true
	case isSubtype(e.Class, OSErrorType):
		switch name {
		case "errno":
			if e.Args != nil && len(e.Args.V) >= 2 {
				return arg(0), true
			}
			return None, true
		case "strerror":
			if e.Args != nil && len(e.Args.V) >= 2 {
				return arg(1), true
			}
			return None, true
		case "filename", "filename2":
			if e.Dict != nil {
				if v := e.Dict.GetStr(NewStr(name)); v != nil {
					return v, true
				}
			}
			return None, true
		}
	case (name == "name" || name == "obj") && (isSubtype(e.Class, NameErrorType) || isSubtype(e.Class, AttributeErrorType) || isSubtype(e.Class, ImportErrorType)):
		return None, true
	case (name == "msg") && isSubtype(e.Class, ImportErrorType):
		if e.Args != nil && len(e.Args.V) == 1 {
			return arg(0), true
		}
		return None, true
	case (name == "path") && isSubtype(e.Class, ImportErrorType):
		return None, true
	case isSubtype(e.Class, UnicodeErrorType) && e.Class != UnicodeErrorType && (name == "encoding" || name == "reason" || name == "object" || name == "start" || name == "end"):
		// The three subclasses' attributes (None until __init__ sets them; a subclass of
		// UnicodeError itself has none of them, as in CPython).
		if v, ok := unicodeGetAttr(e, name); ok {
			return v, true
		}
		if isSubtype(e.Class, UnicodeDecodeErrorType) || isSubtype(e.Class, UnicodeEncodeErrorType) || e.Class.Name == "UnicodeTranslateError" {
			return None, true
		}
	case isSubtype(e.Class, SyntaxErrorType):
		return t.syntaxGetAttr(e, name)
	}
	return nil, false
}

// excReduce is BaseException.__reduce__: (type, args) or (type, args, state) with the instance
// dict as the state. OSError's filenames, kept in the dict here but slots in CPython, go back
// into the arguments as its constructor takes them; ImportError's name and path, also slots in
// CPython, come last in the state as CPython puts them there.
func excReduce(e *Exception) Object {
	args := e.Args
	if args == nil {
		args = EmptyTuple
	}
	state := NewDict(0)
	var name, path Object
	if e.Dict != nil {
		e.Dict.Range(func(k, v Object) bool {
			ks, _ := k.(*Str)
			switch {
			case ks != nil && isSubtype(e.Class, OSErrorType) && (ks.String() == "filename" || ks.String() == "filename2"):
				return true
			case ks != nil && isSubtype(e.Class, ImportErrorType) && ks.String() == "name":
				name = v
				return true
			case ks != nil && isSubtype(e.Class, ImportErrorType) && ks.String() == "path":
				path = v
				return true
			}
			_ = state.SetItemConst(k, v) // the keys come from a dict: already hashable
			return true
		})
	}
	if isSubtype(e.Class, OSErrorType) && e.Dict != nil && len(args.V) == 2 {
		if fn := e.Dict.GetStr(NewStr("filename")); fn != nil && fn != None {
			v := []Object{args.V[0], args.V[1], fn}
			if fn2 := e.Dict.GetStr(NewStr("filename2")); fn2 != nil && fn2 != None {
				v = append(v, None, fn2)
			}
			args = NewTuple(v)
		}
	}
	if name != nil {
		state.SetStr(NewStr("name"), name)
	}
	if path != nil {
		state.SetStr(NewStr("path"), path)
	}
	if state.Len() == 0 {
		return NewTuple([]Object{e.Class, args})
	}
	return NewTuple([]Object{e.Class, args, state})
}
