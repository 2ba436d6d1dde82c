package vm

import (
	. "gopyc/objects"
)

// parseArgs matches positional and keyword arguments of a builtin against names; the first nreq
// are required. Missing optional arguments are nil. A name starting with '$' is keyword-only
// (the '$' is not part of the name); a name starting with '/' is positional-only.
func parseArgs(fname string, args []Object, kwnames *Tuple, names []string, nreq int) ([]Object, error) {
	nk := kwCount(kwnames)
	npos := len(args) - nk
	out := make([]Object, len(names))
	maxPos := 0
	for _, n := range names {
		if len(n) > 0 && n[0] == '$' {
			break
		}
		maxPos++
	}
	if npos > maxPos {
		if maxPos == 0 {
			return nil, typeErr("%s() takes no positional arguments", fname)
		}
		if nreq == maxPos {
			if maxPos == 1 {
				return nil, typeErr("%s() takes exactly one argument (%d given)", fname, npos)
			}
			return nil, typeErr("%s() takes exactly %d arguments (%d given)", fname, maxPos, npos)
		}
		return nil, typeErr("%s() takes at most %d arguments (%d given)", fname, maxPos, npos)
	}
	copy(out, args[:npos])
	for i := 0; i < nk; i++ {
		kn := kwnames.V[i].(*Str).String()
		found := false
		for j, n := range names {
			pn := n
			if len(n) > 0 && (n[0] == '$' || n[0] == '/') {
				pn = n[1:]
				if n[0] == '/' {
					continue
				}
			}
			if pn == kn {
				if out[j] != nil {
					return nil, typeErr("argument for %s() given by name ('%s') and position (%d)", fname, kn, j+1)
				}
				out[j] = args[npos+i]
				found = true
				break
			}
		}
		if !found {
			return nil, typeErr("%s() got an unexpected keyword argument '%s'", fname, kn)
		}
	}
	for j := 0; j < nreq; j++ {
		if out[j] == nil {
			n := names[j]
			if len(n) > 0 && (n[0] == '$' || n[0] == '/') {
				n = n[1:]
			}
			if npos == 0 && nk == 0 && nreq == 1 {
				return nil, typeErr("%s() takes exactly one argument (0 given)", fname)
			}
			return nil, typeErr("%s() missing required argument '%s' (pos %d)", fname, n, j+1)
		}
	}
	return out, nil
}

// noKw rejects keyword arguments.
func noKw(fname string, kwnames *Tuple) error {
	if kwCount(kwnames) > 0 {
		return typeErr("%s() takes no keyword arguments", fname)
	}
	return nil
}

// exactArgs checks a positional-only builtin's argument count (between lo and hi).
func checkArgs(fname string, args []Object, kwnames *Tuple, lo, hi int) error {
	if err := noKw(fname, kwnames); err != nil {
		return err
	}
	n := len(args)
	if n < lo || n > hi {
		if lo == hi {
			if lo == 0 {
				return typeErr("%s() takes no arguments (%d given)", fname, n)
			}
			if lo == 1 {
				return typeErr("%s() takes exactly one argument (%d given)", fname, n)
			}
			return typeErr("%s expected %d arguments, got %d", fname, lo, n)
		}
		if n < lo {
			return typeErr("%s expected at least %d argument%s, got %d", fname, lo, pluralS(lo), n)
		}
		return typeErr("%s expected at most %d argument%s, got %d", fname, hi, pluralS(hi), n)
	}
	return nil
}

// kwDict builds a dict from trailing keyword arguments.
func kwDict(args []Object, kwnames *Tuple) ([]Object, *Dict) {
	nk := kwCount(kwnames)
	if nk == 0 {
		return args, nil
	}
	d := NewDict(nk)
	pos := args[:len(args)-nk]
	for i := 0; i < nk; i++ {
		d.SetStr(kwnames.V[i].(*Str), args[len(pos)+i])
	}
	return pos, d
}

// addMethod registers a method of a builtin type; self is unwrapped from subclass instances.
func addMethod(tp *Type, name string, fn BuiltinFn) *Builtin {
	b := &Builtin{Name: name, Owner: tp, Fn: func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) == 0 {
			return nil, typeErr("descriptor '%s' of '%s' object needs an argument", name, tp.Name)
		}
		self := args[0]
		if inst, ok := self.(*Instance); ok && inst.Value != nil {
			na := make([]Object, len(args))
			copy(na, args)
			na[0] = inst.Value
			args = na
			self = inst.Value
		}
		if !isSubtype(self.Type(), tp) && tp != ObjectType {
			if !(tp == IntType && self.Type() == BoolType) {
				return nil, typeErr("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, tp.Name, TypeName(self))
			}
		}
		return fn(t, args, kw)
	}}
	tp.Dict.SetStr(InternStr(name), b)
	return b
}

// addRawMethod registers a method without unwrapping self.
func addRawMethod(tp *Type, name string, fn BuiltinFn) *Builtin {
	b := &Builtin{Name: name, Owner: tp, Fn: fn}
	tp.Dict.SetStr(InternStr(name), b)
	return b
}

func addClassMethod(tp *Type, name string, fn BuiltinFn) {
	tp.Dict.SetStr(InternStr(name), &Builtin{Name: name, Owner: tp, Class: true, Fn: fn})
}

func addStaticMethod(tp *Type, name string, fn BuiltinFn) {
	tp.Dict.SetStr(InternStr(name), &Builtin{Name: name, Owner: tp, Static: true, Fn: fn})
}

func addGetter(tp *Type, name string, get func(t *Thread, o Object) (Object, error)) {
	tp.Dict.SetStr(InternStr(name), &GetSet{Name: name, Get: func(t *Thread, o Object) (Object, error) {
		if inst, ok := o.(*Instance); ok && inst.Value != nil {
			o = inst.Value
		}
		return get(t, o)
	}})
}

func unwrap(o Object) Object {
	if inst, ok := o.(*Instance); ok && inst.Value != nil {
		return inst.Value
	}
	return o
}
