package vm

import (
	"gopyc/bytecode"
	. "gopyc/objects"
)

func (t *Thread) setAdd(s *Set, x Object) error {
	h, err := t.Hash(x)
	if err != nil {
		return err
	}
	_, err = s.Add(x, h, t.Eq)
	return err
}

// newSetFrom builds a set (or frozenset) from an iterable.
func (t *Thread) newSetFrom(o Object, frozen bool) (Object, error) {
	if frozen {
		fs := &FrozenSet{}
		err := t.iterate(o, func(x Object) error {
			h, err := t.Hash(x)
			if err != nil {
				return err
			}
			_, err = fs.Add(x, h, t.Eq)
			return err
		})
		return fs, err
	}
	s := &Set{}
	switch x := o.(type) {
	case *Set:
		x.Entries(func(k Object, h int64) { _, _ = s.Add(k, h, nil) })
		return s, nil
	case *FrozenSet:
		x.Entries(func(k Object, h int64) { _, _ = s.Add(k, h, nil) })
		return s, nil
	}
	err := t.iterate(o, func(x Object) error { return t.setAdd(s, x) })
	return s, err
}

func setEntries(o Object, f func(k Object, h int64)) bool {
	switch x := o.(type) {
	case *Set:
		x.Entries(f)
		return true
	case *FrozenSet:
		x.Entries(f)
		return true
	}
	return false
}

func setLen(o Object) int {
	switch x := o.(type) {
	case *Set:
		return x.Len()
	case *FrozenSet:
		return x.Len()
	}
	return 0
}

func (t *Thread) setContains(s Object, x Object) (bool, error) {
	h, err := t.Hash(x)
	if err != nil {
		if _, ok := x.(*Set); ok && isExc(err, TypeErrorType) {
			fs, err2 := t.newSetFrom(x, true)
			if err2 != nil {
				return false, err2
			}
			x = fs
			h = fs.(*FrozenSet).Hash()
		} else {
			return false, err
		}
	}
	switch v := s.(type) {
	case *Set:
		return v.Contains(x, h, t.Eq)
	case *FrozenSet:
		return v.Contains(x, h, t.Eq)
	}
	return false, nil
}

func (t *Thread) asSetOperand(o Object) (Object, error) {
	switch o.(type) {
	case *Set, *FrozenSet:
		return o, nil
	}
	return t.newSetFrom(o, false)
}

// setOp computes a op b for sets: kind 'u','i','d','x'. frozen picks the result type.
func (t *Thread) setOp(kind byte, a, b Object, frozen bool) (Object, error) {
	out := &Set{}
	var err error
	add := func(k Object, h int64) {
		if err == nil {
			_, err = out.Add(k, h, t.Eq)
		}
	}
	contains := func(s Object, k Object, h int64) bool {
		if err != nil {
			return false
		}
		var ok bool
		switch v := s.(type) {
		case *Set:
			ok, err = v.Contains(k, h, t.Eq)
		case *FrozenSet:
			ok, err = v.Contains(k, h, t.Eq)
		}
		return ok
	}
	switch kind {
	case 'u':
		setEntries(a, add)
		setEntries(b, add)
	case 'i':
		setEntries(a, func(k Object, h int64) {
			if contains(b, k, h) {
				add(k, h)
			}
		})
	case 'd':
		setEntries(a, func(k Object, h int64) {
			if !contains(b, k, h) {
				add(k, h)
			}
		})
	case 'x':
		setEntries(a, func(k Object, h int64) {
			if !contains(b, k, h) {
				add(k, h)
			}
		})
		setEntries(b, func(k Object, h int64) {
			if !contains(a, k, h) {
				add(k, h)
			}
		})
	}
	if err != nil {
		return nil, err
	}
	if frozen {
		fs := &FrozenSet{}
		out.Entries(func(k Object, h int64) { _, _ = fs.Add(k, h, nil) })
		return fs, nil
	}
	return out, nil
}

func (t *Thread) setBinary(base int, a, b Object, inplace bool) (Object, error) {
	if !isSetLike(b) {
		return NotImplemented, nil
	}
	bb, err := t.asSetOperand(b)
	if err != nil {
		return nil, err
	}
	var kind byte
	switch base {
	case bytecode.NB_OR:
		kind = 'u'
	case bytecode.NB_AND:
		kind = 'i'
	case bytecode.NB_SUBTRACT:
		kind = 'd'
	case bytecode.NB_XOR:
		kind = 'x'
	default:
		return NotImplemented, nil
	}
	_, frozen := a.(*FrozenSet)
	r, err := t.setOp(kind, a, bb, frozen)
	if err != nil {
		return nil, err
	}
	if inplace {
		if s, ok := a.(*Set); ok {
			*s = *r.(*Set)
			return s, nil
		}
	}
	return r, nil
}

func (t *Thread) isSubset(a, b Object) (bool, error) {
	if setLen(a) > setLen(b) {
		return false, nil
	}
	res := true
	var err error
	setEntries(a, func(k Object, h int64) {
		if !res || err != nil {
			return
		}
		var ok bool
		switch v := b.(type) {
		case *Set:
			ok, err = v.Contains(k, h, t.Eq)
		case *FrozenSet:
			ok, err = v.Contains(k, h, t.Eq)
		}
		if !ok {
			res = false
		}
	})
	return res, err
}

func (t *Thread) setCompare(a, b Object, op int) (Object, error) {
	if _, ok := b.(*DictView); ok {
		s, err := t.newSetFrom(b, false)
		if err != nil {
			return nil, err
		}
		b = s
	}
	switch b.(type) {
	case *Set, *FrozenSet:
	default:
		return NotImplemented, nil
	}
	la, lb := setLen(a), setLen(b)
	switch op {
	case 2, 3:
		eq := la == lb
		if eq {
			var err error
			eq, err = t.isSubset(a, b)
			if err != nil {
				return nil, err
			}
		}
		return NewBool(eq == (op == 2)), nil
	case 1:
		r, err := t.isSubset(a, b)
		return NewBool(r), err
	case 0:
		r, err := t.isSubset(a, b)
		return NewBool(r && la < lb), err
	case 5:
		r, err := t.isSubset(b, a)
		return NewBool(r), err
	case 4:
		r, err := t.isSubset(b, a)
		return NewBool(r && la > lb), err
	}
	return NotImplemented, nil
}

func initSetMethods() {
	for _, tp := range []*Type{SetType, FrozenSetType} {
		frozen := tp == FrozenSetType
		named := func(name string, kind byte) {
			addMethod(tp, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
				if err := noKw(name, kw); err != nil {
					return nil, err
				}
				var res Object = args[0]
				if len(args) == 1 {
					return t.setOp('u', args[0], &Set{}, frozen)
				}
				for _, o := range args[1:] {
					b, err := t.asSetOperand(o)
					if err != nil {
						return nil, err
					}
					res, err = t.setOp(kind, res, b, frozen)
					if err != nil {
						return nil, err
					}
				}
				return res, nil
			})
		}
		named("union", 'u')
		named("intersection", 'i')
		named("difference", 'd')
		named("symmetric_difference", 'x')
		addMethod(tp, "issubset", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			b, err := t.asSetOperand(args[1])
			if err != nil {
				return nil, err
			}
			r, err := t.isSubset(args[0], b)
			return NewBool(r), err
		})
		addMethod(tp, "issuperset", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			b, err := t.asSetOperand(args[1])
			if err != nil {
				return nil, err
			}
			r, err := t.isSubset(b, args[0])
			return NewBool(r), err
		})
		addMethod(tp, "isdisjoint", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			b, err := t.asSetOperand(args[1])
			if err != nil {
				return nil, err
			}
			r, err := t.setOp('i', args[0], b, false)
			if err != nil {
				return nil, err
			}
			return NewBool(setLen(r) == 0), nil
		})
		addMethod(tp, "copy", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if frozen {
				return args[0], nil
			}
			return t.setOp('u', args[0], &Set{}, false)
		})
	}
	S := SetType
	set := func(args []Object) *Set { return args[0].(*Set) }
	addMethod(S, "add", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("add", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		return None, t.setAdd(set(args), args[1])
	})
	addMethod(S, "discard", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		h, err := t.Hash(args[1])
		if err != nil {
			return nil, err
		}
		_, err = set(args).Discard(args[1], h, t.Eq)
		return None, err
	})
	addMethod(S, "remove", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		h, err := t.Hash(args[1])
		if err != nil {
			return nil, err
		}
		ok, err := set(args).Discard(args[1], h, t.Eq)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, NewException(KeyErrorType, args[1])
		}
		return None, nil
	})
	addMethod(S, "pop", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		v, ok := set(args).Pop()
		if !ok {
			return nil, Errorf(KeyErrorType, "pop from an empty set")
		}
		return v, nil
	})
	addMethod(S, "clear", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		set(args).Clear()
		return None, nil
	})
	addMethod(S, "update", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		s := set(args)
		for _, o := range args[1:] {
			if err := t.iterate(o, func(x Object) error { return t.setAdd(s, x) }); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	inplace := func(name string, kind byte) {
		addMethod(S, name, func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			s := set(args)
			var cur Object = s
			for _, o := range args[1:] {
				b, err := t.asSetOperand(o)
				if err != nil {
					return nil, err
				}
				cur, err = t.setOp(kind, cur, b, false)
				if err != nil {
					return nil, err
				}
			}
			*s = *cur.(*Set)
			return None, nil
		})
	}
	inplace("intersection_update", 'i')
	inplace("difference_update", 'd')
	inplace("symmetric_difference_update", 'x')
}
