package vm

import (
	. "gopyc/objects"
)

func initListMethods() {
	L := ListType
	lst := func(args []Object) *List { return args[0].(*List) }
	addMethod(L, "append", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("append", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		l := lst(args)
		l.V = append(l.V, args[1])
		return None, nil
	})
	addMethod(L, "extend", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("extend", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		l := lst(args)
		items, err := t.ToSlice(args[1])
		if err != nil {
			return nil, err
		}
		l.V = append(l.V, items...)
		return None, nil
	})
	addMethod(L, "insert", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("insert", args[1:], kw, 2, 2); err != nil {
			return nil, err
		}
		l := lst(args)
		i, err := t.Index(args[1])
		if err != nil {
			return nil, err
		}
		n, _ := i.Int64()
		ln := int64(len(l.V))
		if n < 0 {
			n += ln
			if n < 0 {
				n = 0
			}
		}
		if n > ln {
			n = ln
		}
		l.V = append(l.V, nil)
		copy(l.V[n+1:], l.V[n:])
		l.V[n] = args[2]
		return None, nil
	})
	addMethod(L, "pop", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("pop", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		l := lst(args)
		if len(l.V) == 0 {
			return nil, Errorf(IndexErrorType, "pop from empty list")
		}
		i := len(l.V) - 1
		if len(args) > 1 {
			n, err := t.Index(args[1])
			if err != nil {
				return nil, err
			}
			v, _ := n.Int64()
			if v < 0 {
				v += int64(len(l.V))
			}
			if v < 0 || v >= int64(len(l.V)) {
				return nil, Errorf(IndexErrorType, "pop index out of range")
			}
			i = int(v)
		}
		v := l.V[i]
		copy(l.V[i:], l.V[i+1:])
		l.V[len(l.V)-1] = nil
		l.V = l.V[:len(l.V)-1]
		return v, nil
	})
	addMethod(L, "remove", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("remove", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		l := lst(args)
		for i := 0; i < len(l.V); i++ {
			eq, err := t.Eq(l.V[i], args[1])
			if err != nil {
				return nil, err
			}
			if eq {
				copy(l.V[i:], l.V[i+1:])
				l.V = l.V[:len(l.V)-1]
				return None, nil
			}
		}
		return nil, valueErr("list.remove(x): x not in list")
	})
	addMethod(L, "clear", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		lst(args).V = nil
		return None, nil
	})
	addMethod(L, "copy", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewList(append([]Object(nil), lst(args).V...)), nil
	})
	addMethod(L, "reverse", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		v := lst(args).V
		for i, j := 0, len(v)-1; i < j; i, j = i+1, j-1 {
			v[i], v[j] = v[j], v[i]
		}
		return None, nil
	})
	addMethod(L, "sort", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := parseArgs("sort", args[1:], kw, []string{"$key", "$reverse"}, 0)
		if err != nil {
			return nil, err
		}
		rev := false
		if a[1] != nil {
			rev, _ = t.Truth(a[1])
		}
		key := a[0]
		if key == None {
			key = nil
		}
		return None, t.sortList(lst(args), key, rev)
	})
	seqMethods := func(tp *Type, items func(o Object) []Object, name string) {
		addMethod(tp, "index", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs("index", args[1:], kw, 1, 3); err != nil {
				return nil, err
			}
			v := items(args[0])
			start, end, err := t.subIndices(args, len(v), 2)
			if err != nil {
				return nil, err
			}
			for i := start; i < end && i < len(v); i++ {
				eq, err := t.Eq(v[i], args[1])
				if err != nil {
					return nil, err
				}
				if eq {
					return NewInt(int64(i)), nil
				}
			}
			if name == "list" {
				r, _ := t.repr(args[1])
				return nil, valueErr("%s is not in list", r)
			}
			return nil, valueErr("tuple.index(x): x not in tuple")
		})
		addMethod(tp, "count", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			if err := checkArgs(name+".count", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			n := 0
			for _, x := range items(args[0]) {
				eq, err := t.Eq(x, args[1])
				if err != nil {
					return nil, err
				}
				if eq {
					n++
				}
			}
			return NewInt(int64(n)), nil
		})
	}
	seqMethods(L, func(o Object) []Object { return o.(*List).V }, "list")
	seqMethods(TupleType, func(o Object) []Object { return o.(*Tuple).V }, "tuple")
	addMethod(L, "__reversed__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Call(ReversedType, []Object{args[0]}, nil)
	})
	addMethod(TupleType, "__getnewargs__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewTuple([]Object{args[0]}), nil
	})
	addClassMethod(L, "__class_getitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &GenericAlias{Origin: args[0].(*Type), Args: args[1]}, nil
	})
}

func (t *Thread) dictInit(d *Dict, args []Object, kw *Tuple) error {
	pos, kwd := kwDict(args, kw)
	if len(pos) > 1 {
		return typeErr("dict expected at most 1 argument, got %d", len(pos))
	}
	if len(pos) == 1 {
		if err := t.dictUpdate(d, pos[0]); err != nil {
			return err
		}
	}
	if kwd != nil {
		for _, k := range kwd.Keys() {
			d.SetStr(k.(*Str), kwd.GetStr(k.(*Str)))
		}
	}
	return nil
}

// dictUpdate merges a mapping or an iterable of pairs into d.
func (t *Thread) dictUpdate(d *Dict, o Object) error {
	if src, ok := o.(*Dict); ok {
		for i := 0; ; i++ {
			k, v, h, ok := src.EntryAt(i)
			if !ok {
				return nil
			}
			if k == nil {
				continue
			}
			if err := d.Set(k, h, v, t.Eq); err != nil {
				return err
			}
		}
	}
	if inst, ok := o.(*Instance); ok {
		if src, ok := inst.Value.(*Dict); ok && lookupCached(inst.Class, strKeys) == lookupCached(DictType, strKeys) {
			return t.dictUpdate(d, src)
		}
	}
	if _, err := t.GetAttr(o, strKeys); err == nil {
		keysF, _ := t.GetAttr(o, strKeys)
		keys, err := t.Call(keysF, nil, nil)
		if err != nil {
			return err
		}
		return t.iterate(keys, func(k Object) error {
			v, err := t.GetItem(o, k)
			if err != nil {
				return err
			}
			return t.DictSet(d, k, v)
		})
	}
	i := 0
	return t.iterate(o, func(item Object) error {
		pair, err := t.ToSlice(item)
		if err != nil {
			return typeErr("cannot convert dictionary update sequence element #%d to a sequence", i)
		}
		if len(pair) != 2 {
			return valueErr("dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
		}
		i++
		return t.DictSet(d, pair[0], pair[1])
	})
}

func (t *Thread) dictMerge(d *Dict, o Object, fn Object) error {
	fname := "function"
	if fn != nil {
		if s, err := t.funcDesc(fn); err == nil {
			fname = s
		}
	}
	if _, ok := o.(*Dict); !ok {
		if _, err := t.GetAttr(o, strKeys); err != nil {
			return typeErr("%s argument after ** must be a mapping, not %s", fname, TypeName(o))
		}
	}
	tmp := NewDict(0)
	if err := t.dictUpdate(tmp, o); err != nil {
		return err
	}
	for _, k := range tmp.Keys() {
		ks, ok := k.(*Str)
		if !ok {
			return typeErr("keywords must be strings")
		}
		if d.GetStr(ks) != nil {
			return typeErr("%s got multiple values for keyword argument '%s'", fname, ks)
		}
		d.SetStr(ks, tmp.GetStr(ks))
	}
	return nil
}

func (t *Thread) funcDesc(fn Object) (string, error) {
	switch f := fn.(type) {
	case *Function:
		if m, ok := f.Module.(*Str); ok && m.String() != "builtins" {
			return m.String() + "." + f.QualName.String() + "()", nil
		}
		return f.QualName.String() + "()", nil
	case *Builtin:
		return f.Name + "()", nil
	case *Method:
		return t.funcDesc(f.Func)
	case *Type:
		return f.Name + "()", nil
	}
	return TypeName(fn) + " object", nil
}

// callEx implements CALL_FUNCTION_EX.
func (t *Thread) callEx(fn, callargs, kwargs Object) (Object, error) {
	var args []Object
	if tup, ok := callargs.(*Tuple); ok {
		args = tup.V
	} else {
		items, err := t.ToSlice(callargs)
		if err != nil {
			if isExc(err, TypeErrorType) {
				d, _ := t.funcDesc(fn)
				return nil, typeErr("%s argument after * must be an iterable, not %s", d, TypeName(callargs))
			}
			return nil, err
		}
		args = items
	}
	if kwargs == nil {
		return t.Call(fn, args, nil)
	}
	d, ok := kwargs.(*Dict)
	if !ok {
		d = NewDict(0)
		if err := t.dictMerge(d, kwargs, fn); err != nil {
			return nil, err
		}
	}
	if d.Len() == 0 {
		return t.Call(fn, args, nil)
	}
	all := make([]Object, 0, len(args)+d.Len())
	all = append(all, args...)
	names := make([]Object, 0, d.Len())
	for i := 0; ; i++ {
		k, v, _, ok := d.EntryAt(i)
		if !ok {
			break
		}
		if k == nil {
			continue
		}
		if _, ok := k.(*Str); !ok {
			return nil, typeErr("keywords must be strings")
		}
		names = append(names, k)
		all = append(all, v)
	}
	return t.Call(fn, all, NewTuple(names))
}

func initDictMethods() {
	D := DictType
	dct := func(args []Object) *Dict { return args[0].(*Dict) }
	addMethod(D, "keys", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &DictView{D: dct(args), Kind: 0}, nil
	})
	addMethod(D, "values", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &DictView{D: dct(args), Kind: 1}, nil
	})
	addMethod(D, "items", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &DictView{D: dct(args), Kind: 2}, nil
	})
	addMethod(D, "get", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("get", args[1:], kw, 1, 2); err != nil {
			return nil, err
		}
		v, err := t.DictGet(dct(args), args[1])
		if err != nil {
			return nil, err
		}
		if v == nil {
			if len(args) > 2 {
				return args[2], nil
			}
			return None, nil
		}
		return v, nil
	})
	addMethod(D, "setdefault", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("setdefault", args[1:], kw, 1, 2); err != nil {
			return nil, err
		}
		d := dct(args)
		v, err := t.DictGet(d, args[1])
		if err != nil {
			return nil, err
		}
		if v != nil {
			return v, nil
		}
		var def Object = None
		if len(args) > 2 {
			def = args[2]
		}
		return def, t.DictSet(d, args[1], def)
	})
	addMethod(D, "pop", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("pop", args[1:], kw, 1, 2); err != nil {
			return nil, err
		}
		d := dct(args)
		h, err := t.Hash(args[1])
		if err != nil {
			return nil, err
		}
		v, ok, err := d.Delete(args[1], h, t.Eq)
		if err != nil {
			return nil, err
		}
		if !ok {
			if len(args) > 2 {
				return args[2], nil
			}
			return nil, NewException(KeyErrorType, args[1])
		}
		return v, nil
	})
	addMethod(D, "popitem", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		k, v, ok := dct(args).PopLast()
		if !ok {
			return nil, Errorf(KeyErrorType, "popitem(): dictionary is empty")
		}
		return NewTuple2(k, v), nil
	})
	addMethod(D, "update", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return None, t.dictInit(dct(args), args[1:], kw)
	})
	addMethod(D, "clear", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		dct(args).Clear()
		return None, nil
	})
	addMethod(D, "copy", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return dct(args).Copy(), nil })
	addClassMethod(D, "fromkeys", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if err := checkArgs("fromkeys", args[1:], kw, 1, 2); err != nil {
			return nil, err
		}
		var v Object = None
		if len(args) > 2 {
			v = args[2]
		}
		res, err := t.Call(args[0], nil, nil)
		if err != nil {
			return nil, err
		}
		return res, t.iterate(args[1], func(k Object) error { return t.SetItem(res, k, v) })
	})
	addMethod(D, "__reversed__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Call(ReversedType, []Object{args[0]}, nil)
	})
	addClassMethod(D, "__class_getitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &GenericAlias{Origin: args[0].(*Type), Args: args[1]}, nil
	})
	for _, vt := range []*Type{DictKeysType, DictValuesType, DictItemsType} {
		addRawMethod(vt, "__len__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			return NewInt(int64(args[0].(*DictView).D.Len())), nil
		})
		addRawMethod(vt, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.Iter(args[0]) })
		addRawMethod(vt, "__reversed__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			v := args[0].(*DictView)
			items, _ := t.ToSlice(v)
			i := len(items)
			return &funcIter{tp: ReversedType, next: func() (Object, bool, error) {
				if i == 0 {
					return nil, false, nil
				}
				i--
				return items[i], true, nil
			}}, nil
		})
		addRawMethod(vt, "isdisjoint", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
			res := true
			err := t.iterate(args[1], func(x Object) error {
				ok, err := t.Contains(args[0], x)
				if err != nil {
					return err
				}
				if ok {
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
		addGetter(vt, "mapping", func(t *Thread, o Object) (Object, error) {
			return &MappingProxy{D: o.(*DictView).D}, nil
		})
	}
	MP := MappingProxyType
	addRawMethod(MP, "keys", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &DictView{D: args[0].(*MappingProxy).D}, nil
	})
	addRawMethod(MP, "values", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &DictView{D: args[0].(*MappingProxy).D, Kind: 1}, nil
	})
	addRawMethod(MP, "items", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return &DictView{D: args[0].(*MappingProxy).D, Kind: 2}, nil
	})
	addRawMethod(MP, "get", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		v, err := t.DictGet(args[0].(*MappingProxy).D, args[1])
		if v == nil && err == nil {
			if len(args) > 2 {
				return args[2], nil
			}
			return None, nil
		}
		return v, err
	})
	addRawMethod(MP, "copy", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return args[0].(*MappingProxy).D.Copy(), nil
	})
	addRawMethod(MP, "__getitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.GetItem(args[0].(*MappingProxy).D, args[1])
	})
	addRawMethod(MP, "__contains__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		b, err := t.Contains(args[0].(*MappingProxy).D, args[1])
		return NewBool(b), err
	})
	addRawMethod(MP, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) { return t.Iter(args[0]) })
	addRawMethod(MP, "__len__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(int64(args[0].(*MappingProxy).D.Len())), nil
	})
}
