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

// newSetFrom builds a set (or frozenset) from an iterable, in CPython's insertion order.
func (t *Thread) newSetFrom(o Object, frozen bool) (Object, error) {
	s := &Set{}
	if err := t.setUpdate(s, o); err != nil {
		return nil, err
	}
	if frozen {
		return s.Freeze(), nil
	}
	return s, nil
}

// setUpdate is set_update_internal: merge a set, add a dict's keys, or add items one by one.
func (t *Thread) setUpdate(s *Set, o Object) error {
	switch x := o.(type) {
	case *Set, *FrozenSet:
		return s.Merge(x, t.Eq)
	case *Dict:
		s.Reserve(x.Len())
		for i := 0; ; i++ {
			k, _, h, ok := x.EntryAt(i)
			if !ok {
				return nil
			}
			if k == nil {
				continue
			}
			if _, err := s.Add(k, h, t.Eq); err != nil {
				return err
			}
		}
	}
	return t.iterate(o, func(x Object) error { return t.setAdd(s, x) })
}

func (t *Thread) setCopy(o Object) *Set {
	s := &Set{}
	_ = s.Merge(o, t.Eq)
	return s
}

func (t *Thread) setHas(s Object, k Object, h int64) (bool, error) {
	switch v := s.(type) {
	case *Set:
		return v.Contains(k, h, t.Eq)
	case *FrozenSet:
		return v.Contains(k, h, t.Eq)
	}
	return false, nil
}

func isAnySet(o Object) bool {
	switch o.(type) {
	case *Set, *FrozenSet:
		return true
	}
	return false
}

// entriesOf lists a set's members with their hashes (slot order), or hashes an iterable's items.
func (t *Thread) entriesOf(o Object) ([]Object, []int64, error) {
	var ks []Object
	var hs []int64
	if setEntries(o, func(k Object, h int64) { ks = append(ks, k); hs = append(hs, h) }) {
		return ks, hs, nil
	}
	err := t.iterate(o, func(x Object) error {
		h, err := t.Hash(x)
		if err != nil {
			return err
		}
		ks = append(ks, x)
		hs = append(hs, h)
		return nil
	})
	return ks, hs, err
}

// setOp computes a op b with CPython's algorithms (which fix the result's iteration order):
// kind 'u','i','d','x'. frozen picks the result type.
func (t *Thread) setOp(kind byte, a, b Object, frozen bool) (Object, error) {
	var out *Set
	switch kind {
	case 'u':
		out = t.setCopy(a)
		if err := t.setUpdate(out, b); err != nil {
			return nil, err
		}
	case 'i':
		out = &Set{}
		small, large := b, a
		if isAnySet(b) && setLen(b) > setLen(a) {
			small, large = a, b
		}
		ks, hs, err := t.entriesOf(small)
		if err != nil {
			return nil, err
		}
		for i, k := range ks {
			ok, err := t.setHas(large, k, hs[i])
			if err != nil {
				return nil, err
			}
			if ok {
				if _, err := out.Add(k, hs[i], t.Eq); err != nil {
					return nil, err
				}
			}
		}
	case 'd':
		if isAnySet(b) && (setLen(a)>>2) <= setLen(b) {
			out = &Set{}
			ks, hs, _ := t.entriesOf(a)
			for i, k := range ks {
				ok, err := t.setHas(b, k, hs[i])
				if err != nil {
					return nil, err
				}
				if !ok {
					if _, err := out.Add(k, hs[i], t.Eq); err != nil {
						return nil, err
					}
				}
			}
		} else {
			out = t.setCopy(a)
			ks, hs, err := t.entriesOf(b)
			if err != nil {
				return nil, err
			}
			for i, k := range ks {
				if _, err := out.Discard(k, hs[i], t.Eq); err != nil {
					return nil, err
				}
			}
		}
	case 'x':
		out = &Set{}
		if err := t.setUpdate(out, b); err != nil {
			return nil, err
		}
		if err := t.symDiffUpdate(out, a); err != nil {
			return nil, err
		}
	}
	if frozen {
		return out.Freeze(), nil
	}
	return out, nil
}

func (t *Thread) symDiffUpdate(s *Set, other Object) error {
	src := other
	if !isAnySet(other) {
		src = &Set{}
		if err := t.setUpdate(src.(*Set), other); err != nil {
			return err
		}
	} else if other == Object(s) {
		s.Clear()
		return nil
	}
	ks, hs, _ := t.entriesOf(src)
	for i, k := range ks {
		ok, err := s.Discard(k, hs[i], t.Eq)
		if err != nil {
			return err
		}
		if !ok {
			if _, err := s.Add(k, hs[i], t.Eq); err != nil {
				return err
			}
		}
	}
	return nil
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

func (t *Thread) setBinary(base int, a, b Object, inplace bool) (Object, error) {
	if !isSetLike(b) {
		return NotImplemented, nil
	}
	if dv, ok := b.(*DictView); ok {
		s, err := t.newSetFrom(dv, false)
		if err != nil {
			return nil, err
		}
		b = s
	}
	bb := b
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
	if inplace {
		if s, ok := a.(*Set); ok {
			switch kind {
			case 'u':
				return s, t.setUpdate(s, bb)
			case 'x':
				return s, t.symDiffUpdate(s, bb)
			case 'd':
				if bb == Object(s) {
					s.Clear()
					return s, nil
				}
				ks, hs, _ := t.entriesOf(bb)
				for i, k := range ks {
					if _, err := s.Discard(k, hs[i], t.Eq); err != nil {
						return nil, err
					}
				}
				return s, nil
			}
			r, err := t.setOp(kind, a, bb, false)
			if err != nil {
				return nil, err
			}
			*s = *r.(*Set)
			return s, nil
		}
	}
	return t.setOp(kind, a, bb, frozen)
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
