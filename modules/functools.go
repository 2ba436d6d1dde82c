package modules

import (
	. "gopyc/objects"
	"gopyc/vm"
)

// makeFunctools builds a Go-native subset of functools: reduce, partial, wraps,
// update_wrapper, cmp_to_key, lru_cache and cache.
func makeFunctools(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("functools")
	m.AddFunc("reduce", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("reduce", args, kw, 2, 3); err != nil {
			return nil, err
		}
		var acc Object
		if len(args) == 3 {
			acc = args[2]
		}
		err := t.Iterate(args[1], func(x Object) error {
			if acc == nil {
				acc = x
				return nil
			}
			r, err := t.Call(args[0], []Object{acc, x}, nil)
			acc = r
			return err
		})
		if err != nil {
			return nil, err
		}
		if acc == nil {
			return nil, vm.TypeError("reduce() of empty iterable with no initial value")
		}
		return acc, nil
	})
	m.AddFunc("partial", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) == 0 {
			return nil, vm.TypeError("type 'partial' takes at least one argument")
		}
		nk := 0
		if kw != nil {
			nk = len(kw.V)
		}
		fn := args[0]
		pos := append([]Object(nil), args[1:len(args)-nk]...)
		kwNames := []Object{}
		kwVals := []Object{}
		if kw != nil {
			kwNames = append(kwNames, kw.V...)
			kwVals = append(kwVals, args[len(args)-nk:]...)
		}
		return &vm.Builtin{Name: "partial", Fn: func(t *vm.Thread, a []Object, k *Tuple) (Object, error) {
			all := append(append([]Object(nil), pos...), a[:len(a)-kwLen(k)]...)
			names := append([]Object(nil), kwNames...)
			vals := append([]Object(nil), kwVals...)
			if k != nil {
				for i, n := range k.V {
					v := a[len(a)-len(k.V)+i]
					replaced := false
					for j, on := range names {
						if on.(*Str).String() == n.(*Str).String() {
							vals[j] = v
							replaced = true
						}
					}
					if !replaced {
						names = append(names, n)
						vals = append(vals, v)
					}
				}
			}
			var kt *Tuple
			if len(names) > 0 {
				kt = NewTuple(names)
				all = append(all, vals...)
			}
			return t.Call(fn, all, kt)
		}}, nil
	})
	update := func(t *vm.Thread, wrapper, wrapped Object) error {
		for _, a := range []string{"__module__", "__name__", "__qualname__", "__doc__"} {
			if v, err := t.GetAttr(wrapped, NewStr(a)); err == nil {
				if err := t.SetAttr(wrapper, NewStr(a), v); err != nil {
					return err
				}
			}
		}
		if d, err := t.GetAttr(wrapped, NewStr("__dict__")); err == nil {
			if wd, err := t.GetAttr(wrapper, NewStr("__dict__")); err == nil {
				if src, ok := d.(*Dict); ok {
					if dst, ok := wd.(*Dict); ok {
						for _, k := range src.Keys() {
							dst.SetStr(k.(*Str), src.GetStr(k.(*Str)))
						}
					}
				}
			}
		}
		return t.SetAttr(wrapper, NewStr("__wrapped__"), wrapped)
	}
	m.AddFunc("update_wrapper", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) < 2 {
			return nil, vm.TypeError("update_wrapper() missing arguments")
		}
		return args[0], update(t, args[0], args[1])
	})
	m.AddFunc("wraps", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) < 1 {
			return nil, vm.TypeError("wraps() missing required argument 'wrapped'")
		}
		wrapped := args[0]
		return &vm.Builtin{Name: "wraps", Fn: func(t *vm.Thread, a []Object, k *Tuple) (Object, error) {
			if len(a) != 1 {
				return nil, vm.TypeError("decorator takes one argument")
			}
			return a[0], update(t, a[0], wrapped)
		}}, nil
	})
	m.AddFunc("cmp_to_key", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("cmp_to_key", args, kw, 1, 1); err != nil {
			return nil, err
		}
		cmp := args[0]
		return &vm.Builtin{Name: "K", Fn: func(t *vm.Thread, a []Object, k *Tuple) (Object, error) {
			return &cmpKey{cmp: cmp, obj: a[0]}, nil
		}}, nil
	})
	lru := func(t *vm.Thread, fn Object) Object {
		cache := NewDict(0)
		return &vm.Builtin{Name: "lru_cache_wrapper", Fn: func(t *vm.Thread, a []Object, k *Tuple) (Object, error) {
			key := NewTuple(append([]Object(nil), a...))
			if v, err := t.DictGet(cache, key); err != nil || v != nil {
				return v, err
			}
			r, err := t.Call(fn, a, k)
			if err != nil {
				return nil, err
			}
			if kwLen(k) == 0 {
				if err := t.DictSet(cache, key, r); err != nil {
					return nil, err
				}
			}
			return r, nil
		}}
	}
	m.AddFunc("cache", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("cache", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return lru(t, args[0]), nil
	})
	m.AddFunc("lru_cache", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) == 1 && kwLen(kw) == 0 && vm.IsCallable(args[0]) {
			return lru(t, args[0]), nil
		}
		return &vm.Builtin{Name: "decorating_function", Fn: func(t *vm.Thread, a []Object, k *Tuple) (Object, error) {
			return lru(t, a[0]), nil
		}}, nil
	})
	return m, nil
}

func kwLen(k *Tuple) int {
	if k == nil {
		return 0
	}
	return len(k.V)
}

// cmpKey wraps an object with a comparison function (functools.cmp_to_key).
type cmpKey struct {
	cmp, obj Object
}

var cmpKeyType = &Type{Name: "functools.KeyWrapper"}

func (*cmpKey) Type() *Type { return cmpKeyType }

func init() {
	vm.SetupType(cmpKeyType)
	ops := []struct {
		name string
		test func(int64) bool
	}{
		{"__lt__", func(c int64) bool { return c < 0 }},
		{"__le__", func(c int64) bool { return c <= 0 }},
		{"__gt__", func(c int64) bool { return c > 0 }},
		{"__ge__", func(c int64) bool { return c >= 0 }},
		{"__eq__", func(c int64) bool { return c == 0 }},
	}
	for _, op := range ops {
		test := op.test
		vm.AddTypeMethod(cmpKeyType, op.name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			a := args[0].(*cmpKey)
			b, ok := args[1].(*cmpKey)
			if !ok {
				return nil, vm.TypeError("other argument must be K instance")
			}
			r, err := t.Call(a.cmp, []Object{a.obj, b.obj}, nil)
			if err != nil {
				return nil, err
			}
			i, ok := vm.AsInt(r)
			if !ok {
				return nil, vm.TypeError("comparison function must return int")
			}
			v, _ := i.Int64()
			if i.IsBig() {
				v = int64(i.Sign())
			}
			return NewBool(test(v)), nil
		})
	}
}
