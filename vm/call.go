package vm

import (
	. "gopyc/objects"
)

// Function is a Python function object.
type Function struct {
	Code        *Code
	Globals     *Dict
	Builtins    *Dict
	Name        *Str
	QualName    *Str
	Defaults    *Tuple // nil = None
	KwDefaults  *Dict  // nil = None
	Closure     *Tuple // of *Cell
	Annotations Object
	Doc         Object
	Module      Object
	Dict        *Dict
	code        *codeInfo
}

// Type implements Object.
func (*Function) Type() *Type { return FunctionType }

// Cell holds a variable shared by closures; V nil means empty.
type Cell struct{ V Object }

// Type implements Object.
func (*Cell) Type() *Type { return CellType }

// BuiltinFn is the signature of Go-implemented callables: positional args followed by keyword
// values named by kwnames (nil when there are none). Methods get self as args[0].
type BuiltinFn func(t *Thread, args []Object, kwnames *Tuple) (Object, error)

// Builtin is a Go-implemented function (or an unbound method of a builtin type when Owner is set).
type Builtin struct {
	Name  string
	Fn    BuiltinFn
	Owner *Type  // set for methods of builtin types (method_descriptor)
	Self  Object // module for module functions (__self__)
	Doc   string
	// Static means the callable is a staticmethod-like entry (e.g. str.maketrans).
	Static bool
	// Class means the first argument is the class (classmethod like dict.fromkeys).
	Class bool
}

// Type implements Object.
func (b *Builtin) Type() *Type {
	if b.Owner != nil && !b.Class && !b.Static {
		return MethodDescrType
	}
	return BuiltinFunctionType
}

// Method is a bound method.
type Method struct {
	Func Object
	Self Object
}

// Type implements Object: a builtin bound to its object is a builtin_function_or_method.
func (m *Method) Type() *Type {
	if _, ok := m.Func.(*Builtin); ok {
		return BuiltinFunctionType
	}
	return MethodType
}

// KwArgs pairs keyword names with values.
func kwCount(kwnames *Tuple) int {
	if kwnames == nil {
		return 0
	}
	return len(kwnames.V)
}

// Call calls callable with positional args then keyword values named by kwnames.
func (t *Thread) Call(callable Object, args []Object, kwnames *Tuple) (Object, error) {
	switch f := callable.(type) {
	case *Function:
		return t.callFunction(f, args, kwnames, nil)
	case *Builtin:
		if t.depth >= t.interp.RecursionLimit {
			return nil, Errorf(RecursionErrorType, "maximum recursion depth exceeded while calling a Python object")
		}
		t.depth++
		r, err := f.Fn(t, args, kwnames)
		t.depth--
		return r, err
	case *Method:
		n := len(args) + 1
		if t.argTop+n <= len(t.argStack) || (t.argStack == nil && n <= 64) {
			if t.argStack == nil {
				t.argStack = make([]Object, 256)
			}
			if t.argTop+n <= len(t.argStack) {
				na := t.argStack[t.argTop : t.argTop+n : t.argTop+n]
				na[0] = f.Self
				copy(na[1:], args)
				t.argTop += n
				var r Object
				var err error
				if fn, ok := f.Func.(*Function); ok {
					r, err = t.callFunction(fn, na, kwnames, nil)
				} else {
					r, err = t.Call(f.Func, na, kwnames)
				}
				t.argTop -= n
				clear(na)
				return r, err
			}
		}
		na := make([]Object, len(args)+1)
		na[0] = f.Self
		copy(na[1:], args)
		if fn, ok := f.Func.(*Function); ok {
			return t.callFunction(fn, na, kwnames, nil)
		}
		return t.Call(f.Func, na, kwnames)
	case *Type:
		return t.callType(f, args, kwnames)
	}
	call := typeLookup(callable.Type(), strCall)
	if call == nil {
		return nil, typeErr("'%s' object is not callable", TypeName(callable))
	}
	na := make([]Object, len(args)+1)
	na[0] = callable
	copy(na[1:], args)
	return t.Call(call, na, kwnames)
}

// Call0..: helpers.
func (t *Thread) call1(f, a Object) (Object, error)    { return t.Call(f, []Object{a}, nil) }
func (t *Thread) call2(f, a, b Object) (Object, error) { return t.Call(f, []Object{a, b}, nil) }

// callMethod calls the special method name on self's type with args (self prepended); found is
// false when the type has no such attribute.
func (t *Thread) callMethod(self Object, name *Str, args ...Object) (Object, bool, error) {
	m := typeLookup(self.Type(), name)
	if m == nil {
		return nil, false, nil
	}
	switch f := m.(type) {
	case *Function:
		na := make([]Object, len(args)+1)
		na[0] = self
		copy(na[1:], args)
		r, err := t.callFunction(f, na, nil, nil)
		return r, true, err
	case *Builtin:
		if f.Owner != nil && !f.Static && !f.Class {
			na := make([]Object, len(args)+1)
			na[0] = self
			copy(na[1:], args)
			r, err := f.Fn(t, na, nil)
			return r, true, err
		}
	}
	bound, err := t.bindDescr(m, self, self.Type())
	if err != nil {
		return nil, true, err
	}
	r, err := t.Call(bound, args, nil)
	return r, true, err
}

// callFunction binds arguments and runs f. locals is used by class bodies.
func (t *Thread) callFunction(f *Function, args []Object, kwnames *Tuple, locals *Dict) (Object, error) {
	return t.callFunctionNS(f, args, kwnames, locals, nil)
}

// callFunctionNS runs f with locals (a dict) or localsMap (any mapping) as its local namespace.
func (t *Thread) callFunctionNS(f *Function, args []Object, kwnames *Tuple, locals *Dict, localsMap Object) (Object, error) {
	ci := f.code
	if ci == nil {
		ci = decode(f.Code)
		f.code = ci
	}
	fr := t.newFrame(ci, f.Globals, f.Builtins, locals)
	fr.localsMap = localsMap
	fr.fn = f
	co := f.Code
	if kwnames == nil && len(args) == co.ArgCount && ci.simpleArgs {
		copy(fr.fast, args)
	} else if err := t.bindArgs(f, fr.fast, args, kwnames); err != nil {
		t.freeFrame(fr)
		return nil, err
	}
	if f.Closure != nil {
		copy(fr.fast[len(fr.fast)-len(f.Closure.V):], f.Closure.V)
	}
	if co.Flags&(CoGenerator|CoCoroutine|CoAsyncGenerator) != 0 {
		return t.makeGenerator(fr, f)
	}
	r, err := t.runFrame(fr)
	t.freeFrame(fr)
	return r, err
}

func (t *Thread) bindArgs(f *Function, fast []Object, args []Object, kwnames *Tuple) error {
	co := f.Code
	nk := kwCount(kwnames)
	npos := len(args) - nk
	nargs := co.ArgCount
	total := nargs + co.KwOnlyArgCount
	varargsIdx, varkwIdx := -1, -1
	next := total
	if co.Flags&CoVarArgs != 0 {
		varargsIdx = next
		next++
	}
	if co.Flags&CoVarKeywords != 0 {
		varkwIdx = next
	}
	var kwdict *Dict
	if varkwIdx >= 0 {
		kwdict = NewDict(0)
		fast[varkwIdx] = kwdict
	}
	n := min(npos, nargs)
	copy(fast, args[:n])
	if varargsIdx >= 0 {
		if npos > nargs {
			fast[varargsIdx] = NewTuple(append([]Object(nil), args[nargs:npos]...))
		} else {
			fast[varargsIdx] = EmptyTuple
		}
	} else if npos > nargs {
		return t.tooManyPositional(f, npos, nk, kwnames, args)
	}
	names := co.LocalsPlusNames
	for i := 0; i < nk; i++ {
		kn := kwnames.V[i].(*Str)
		v := args[npos+i]
		idx := -1
		for j := co.PosOnlyArgCount; j < total; j++ {
			if names[j] == kn || names[j].String() == kn.String() {
				idx = j
				break
			}
		}
		if idx < 0 {
			if kwdict == nil {
				for j := 0; j < co.PosOnlyArgCount; j++ {
					if names[j].String() == kn.String() {
						return typeErr("%s() got some positional-only arguments passed as keyword arguments: '%s'", f.QualName, kn)
					}
				}
				return typeErr("%s() got an unexpected keyword argument '%s'", f.QualName, kn)
			}
			kwdict.SetStr(kn, v)
			continue
		}
		if fast[idx] != nil {
			return typeErr("%s() got multiple values for argument '%s'", f.QualName, kn)
		}
		fast[idx] = v
	}
	// Defaults.
	if npos < nargs {
		ndef := 0
		if f.Defaults != nil {
			ndef = len(f.Defaults.V)
		}
		var missing []string
		for i := npos; i < nargs; i++ {
			if fast[i] != nil {
				continue
			}
			if d := i - (nargs - ndef); d >= 0 {
				fast[i] = f.Defaults.V[d]
			} else {
				missing = append(missing, names[i].String())
			}
		}
		if len(missing) > 0 {
			return missingArgs(f.QualName.String(), "positional", missing)
		}
	}
	if co.KwOnlyArgCount > 0 {
		var missing []string
		for i := nargs; i < total; i++ {
			if fast[i] != nil {
				continue
			}
			if f.KwDefaults != nil {
				if v := f.KwDefaults.GetStr(names[i]); v != nil {
					fast[i] = v
					continue
				}
			}
			missing = append(missing, names[i].String())
		}
		if len(missing) > 0 {
			return missingArgs(f.QualName.String(), "keyword-only", missing)
		}
	}
	return nil
}

func missingArgs(fname, kind string, missing []string) error {
	s := ""
	for i, m := range missing {
		if i > 0 {
			if len(missing) == 2 {
				s += " and "
			} else if i == len(missing)-1 {
				s += ", and "
			} else {
				s += ", "
			}
		}
		s += "'" + m + "'"
	}
	plural := "argument"
	if len(missing) > 1 {
		plural = "arguments"
	}
	return typeErr("%s() missing %d required %s %s: %s", fname, len(missing), kind, plural, s)
}

func (t *Thread) tooManyPositional(f *Function, npos, nk int, kwnames *Tuple, args []Object) error {
	co := f.Code
	ndef := 0
	if f.Defaults != nil {
		ndef = len(f.Defaults.V)
	}
	var takes string
	if ndef > 0 {
		takes = fmtInt(co.ArgCount-ndef) + " to " + fmtInt(co.ArgCount)
	} else {
		takes = fmtInt(co.ArgCount)
	}
	plural := "s"
	if co.ArgCount == 1 && ndef == 0 {
		plural = ""
	}
	kwonlyGiven := 0
	for i := 0; i < nk; i++ {
		kn := kwnames.V[i].(*Str).String()
		for j := co.ArgCount; j < co.ArgCount+co.KwOnlyArgCount; j++ {
			if co.LocalsPlusNames[j].String() == kn {
				kwonlyGiven++
			}
		}
	}
	was := "were"
	if npos == 1 {
		was = "was"
	}
	if kwonlyGiven > 0 {
		kp := "s"
		if kwonlyGiven == 1 {
			kp = ""
		}
		return typeErr("%s() takes %s positional argument%s but %d positional argument%s (and %d keyword-only argument%s) were given",
			f.QualName, takes, plural, npos, pluralS(npos), kwonlyGiven, kp)
	}
	return typeErr("%s() takes %s positional argument%s but %d %s given", f.QualName, takes, plural, npos, was)
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func fmtInt(n int) string { return NewInt(int64(n)).String() }
