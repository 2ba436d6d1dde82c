package vm

import (
	. "gopyc/objects"
)

// typeCache is per-type state: an attribute cache valid for one Version of the type.
type typeCache struct {
	version uint64
	attrs   map[string]Object // name -> value found in the MRO (nil value = absent)
	// Special-method presence, recomputed with the cache.
	getattribute Object // user __getattribute__ or nil
	getattr      Object // __getattr__ or nil
	setattr      Object // user __setattr__ or nil
	delattr      Object
}

func cacheOf(tp *Type) *typeCache {
	c, _ := tp.Cache.(*typeCache)
	if c == nil || c.version != tp.Version {
		c = &typeCache{version: tp.Version, attrs: map[string]Object{}}
		tp.Cache = c
		if g := typeLookup(tp, strGetattribute); g != nil && g != objectGetattribute && g != typeGetattribute {
			c.getattribute = g
		}
		c.getattr = typeLookup(tp, strGetattr)
		if s := typeLookup(tp, strSetattr); s != nil && s != objectSetattr {
			c.setattr = s
		}
		if s := typeLookup(tp, strDelattr); s != nil && s != objectDelattr {
			c.delattr = s
		}
	}
	return c
}

// lookupCached is typeLookup through the per-type cache.
func lookupCached(tp *Type, name *Str) Object {
	c := cacheOf(tp)
	s := name.String()
	if v, ok := c.attrs[s]; ok {
		return v
	}
	v := typeLookup(tp, name)
	if len(c.attrs) < 4096 {
		c.attrs[s] = v
	}
	return v
}

var objectGetattribute, typeGetattribute, objectSetattr, objectDelattr Object

// isDataDescr reports whether d defines __set__ or __delete__.
func isDataDescr(d Object) bool {
	switch d.(type) {
	case *Property, *GetSet, *slotDescr:
		return true
	case *Function, *Builtin, *ClassMethod, *StaticMethod, *Str, *Int, nil:
		return false
	}
	tp := d.Type()
	if tp.Flags&TypeFlagHeap == 0 {
		return false
	}
	return lookupCached(tp, strSet) != nil || lookupCached(tp, strDelete) != nil
}

// bindDescr applies d.__get__(obj, tp) when d is a descriptor; obj nil means class access.
func (t *Thread) bindDescr(d Object, obj Object, tp *Type) (Object, error) {
	switch x := d.(type) {
	case *Function:
		if obj == nil {
			return x, nil
		}
		return &Method{Func: x, Self: obj}, nil
	case *Builtin:
		if x.Class {
			return &Method{Func: x, Self: tp}, nil
		}
		if x.Owner == nil || x.Static || obj == nil {
			return x, nil
		}
		return &Method{Func: x, Self: obj}, nil
	case *ClassMethod:
		return &Method{Func: x.F, Self: tp}, nil
	case *StaticMethod:
		return x.F, nil
	case *Property:
		if obj == nil {
			return x, nil
		}
		if x.Get == None || x.Get == nil {
			return nil, Errorf(AttributeErrorType, "property %s of '%s' object has no getter", x.nameRepr(t), tp.Name)
		}
		return t.call1(x.Get, obj)
	case *GetSet:
		if obj == nil {
			return x, nil
		}
		return x.Get(t, obj)
	case *slotDescr:
		if obj == nil {
			return x, nil
		}
		inst := obj.(*Instance)
		v := inst.Slots[x.index]
		if v == nil {
			return nil, Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", TypeName(obj), x.name)
		}
		return v, nil
	case *Str, *Int, *Float, *Tuple, *Dict, *List, *Bool, *Type:
		return d, nil
	}
	if d == None {
		return d, nil
	}
	dt := d.Type()
	if dt.Flags&TypeFlagHeap == 0 {
		return d, nil
	}
	get := lookupCached(dt, strGet)
	if get == nil {
		return d, nil
	}
	var o Object = None
	if obj != nil {
		o = obj
	}
	return t.Call(get, []Object{d, o, tp}, nil)
}

// GetAttr is getattr(o, name).
func (t *Thread) GetAttr(o Object, name *Str) (Object, error) {
	tp := o.Type()
	c := cacheOf(tp)
	if c.getattribute != nil {
		r, err := t.Call(c.getattribute, []Object{o, name}, nil)
		if err != nil && c.getattr != nil && isExc(err, AttributeErrorType) {
			return t.Call(c.getattr, []Object{o, name}, nil)
		}
		return r, err
	}
	r, err := t.genericGetAttr(o, name, tp)
	if err != nil && c.getattr != nil && isExc(err, AttributeErrorType) {
		return t.Call(c.getattr, []Object{o, name}, nil)
	}
	return r, err
}

func attrError(o Object, name *Str) error {
	e := Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", TypeName(o), name)
	return e
}

func (t *Thread) genericGetAttr(o Object, name *Str, tp *Type) (Object, error) {
	if ot, ok := o.(*Type); ok {
		return t.typeGetAttr(ot, name)
	}
	d := lookupCached(tp, name)
	if d != nil && isDataDescr(d) {
		return t.bindDescr(d, o, tp)
	}
	switch x := o.(type) {
	case *Instance:
		if x.Dict != nil {
			if v := x.Dict.GetStr(name); v != nil {
				return v, nil
			}
		}
		if name == strDict || name.String() == "__dict__" {
			if x.Dict != nil {
				return x.Dict, nil
			}
		}
		if name.String() == "__class__" {
			return tp, nil
		}
	case *Module:
		if v := x.Dict.GetStr(name); v != nil {
			return v, nil
		}
		if d == nil {
			if name.String() == "__dict__" {
				return x.Dict, nil
			}
			if ga := x.Dict.GetStr(strGetattr); ga != nil {
				return t.call1(ga, name)
			}
			return nil, Errorf(AttributeErrorType, "module '%s' has no attribute '%s'", x.Name, name)
		}
	default:
		if v, ok, err := t.builtinAttr(o, name); ok || err != nil {
			return v, err
		}
	}
	if d != nil {
		return t.bindDescr(d, o, tp)
	}
	if name.String() == "__class__" {
		return tp, nil
	}
	return nil, attrError(o, name)
}

func (t *Thread) typeGetAttr(ot *Type, name *Str) (Object, error) {
	meta := ot.Type()
	md := lookupCached(meta, name)
	if md != nil && isDataDescr(md) {
		return t.bindDescr(md, ot, meta)
	}
	if v := lookupCached(ot, name); v != nil {
		switch v.(type) {
		case *Function:
			return v, nil
		}
		return t.bindDescr(v, nil, ot)
	}
	if v, ok, err := t.typeSpecialAttr(ot, name); ok || err != nil {
		return v, err
	}
	if md != nil {
		return t.bindDescr(md, ot, meta)
	}
	return nil, Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", ot.Name, name)
}

// loadMethod implements LOAD_METHOD: for a plain function found on the type (and not shadowed
// by the instance dict) it returns the function and true, avoiding a bound-method allocation.
func (t *Thread) loadMethod(o Object, name *Str) (Object, bool, error) {
	tp := o.Type()
	c := cacheOf(tp)
	if c.getattribute == nil {
		switch o.(type) {
		case *Type, *Super, *Module:
		default:
			d := lookupCached(tp, name)
			switch f := d.(type) {
			case *Function:
				if inst, ok := o.(*Instance); ok && inst.Dict != nil {
					if v := inst.Dict.GetStr(name); v != nil {
						return v, false, nil
					}
				}
				if _, ok := o.(*Module); !ok {
					return f, true, nil
				}
			case *Builtin:
				if f.Owner != nil && !f.Static && !f.Class {
					if _, ok := o.(*Instance); ok {
						if inst := o.(*Instance); inst.Dict != nil {
							if v := inst.Dict.GetStr(name); v != nil {
								return v, false, nil
							}
						}
					}
					return f, true, nil
				}
			}
		}
	}
	v, err := t.GetAttr(o, name)
	return v, false, err
}

// SetAttr is setattr(o, name, v).
func (t *Thread) SetAttr(o Object, name *Str, v Object) error {
	tp := o.Type()
	c := cacheOf(tp)
	if c.setattr != nil {
		_, err := t.Call(c.setattr, []Object{o, name, v}, nil)
		return err
	}
	return t.genericSetAttr(o, name, v)
}

func (t *Thread) genericSetAttr(o Object, name *Str, v Object) error {
	tp := o.Type()
	if ot, ok := o.(*Type); ok {
		return t.typeSetAttr(ot, name, v)
	}
	d := lookupCached(tp, name)
	if d != nil {
		if err, ok := t.descrSet(d, o, v); ok {
			return err
		}
	}
	switch x := o.(type) {
	case *Traceback:
		// tb_next is writable, as in CPython (unittest trims its own frames this way).
		if name.String() == "tb_next" {
			switch nv := v.(type) {
			case *Traceback:
				for p := nv; p != nil; p = p.Next {
					if p == x {
						return valueErr("traceback loop detected")
					}
				}
				x.Next = nv
				return nil
			default:
				if v == None {
					x.Next = nil
					return nil
				}
				return typeErr("expected traceback object or None, got '%s'", TypeName(v))
			}
		}
	case *Instance:
		if x.Dict != nil {
			if name.String() == "__dict__" {
				nd, ok := v.(*Dict)
				if !ok {
					return typeErr("__dict__ must be set to a dictionary, not a '%s'", TypeName(v))
				}
				x.Dict = nd
				return nil
			}
			if name.String() == "__class__" {
				nt, ok := v.(*Type)
				if !ok {
					return typeErr("__class__ must be set to a class, not '%s' object", TypeName(v))
				}
				x.Class = nt
				return nil
			}
			x.Dict.SetStr(name, v)
			return nil
		}
	case *Module:
		x.Dict.SetStr(name, v)
		return nil
	case *Function:
		return t.setFunctionAttr(x, name, v)
	case *Exception:
		return t.setExceptionAttr(x, name, v)
	}
	if d != nil {
		return Errorf(AttributeErrorType, "'%s' object attribute '%s' is read-only", tp.Name, name)
	}
	return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", tp.Name, name)
}

// descrSet runs a data descriptor's setter; ok is false when d is not a data descriptor.
func (t *Thread) descrSet(d, o, v Object) (error, bool) {
	switch x := d.(type) {
	case *Property:
		if x.Set == None || x.Set == nil {
			if v == nil {
				return Errorf(AttributeErrorType, "property %s of '%s' object has no deleter", x.nameRepr(t), TypeName(o)), true
			}
			return Errorf(AttributeErrorType, "property %s of '%s' object has no setter", x.nameRepr(t), TypeName(o)), true
		}
		if v == nil {
			if x.Del == None || x.Del == nil {
				return Errorf(AttributeErrorType, "property %s of '%s' object has no deleter", x.nameRepr(t), TypeName(o)), true
			}
			_, err := t.call1(x.Del, o)
			return err, true
		}
		_, err := t.call2(x.Set, o, v)
		return err, true
	case *GetSet:
		if x.Set == nil {
			return Errorf(AttributeErrorType, "attribute '%s' of '%s' objects is not writable", x.Name, TypeName(o)), true
		}
		return x.Set(t, o, v), true
	case *slotDescr:
		inst := o.(*Instance)
		if v == nil && inst.Slots[x.index] == nil {
			return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", TypeName(o), x.name), true
		}
		inst.Slots[x.index] = v
		return nil, true
	case *Function, *Builtin, *ClassMethod, *StaticMethod, *Str, *Int:
		return nil, false
	}
	dt := d.Type()
	if dt.Flags&TypeFlagHeap == 0 {
		return nil, false
	}
	if v == nil {
		if del := lookupCached(dt, strDelete); del != nil {
			_, err := t.Call(del, []Object{d, o}, nil)
			return err, true
		}
		if lookupCached(dt, strSet) != nil {
			return Errorf(AttributeErrorType, "__delete__"), true
		}
		return nil, false
	}
	if set := lookupCached(dt, strSet); set != nil {
		_, err := t.Call(set, []Object{d, o, v}, nil)
		return err, true
	}
	if lookupCached(dt, strDelete) != nil {
		return Errorf(AttributeErrorType, "__set__"), true
	}
	return nil, false
}

func (t *Thread) typeSetAttr(ot *Type, name *Str, v Object) error {
	meta := ot.Type()
	if md := lookupCached(meta, name); md != nil {
		if err, ok := t.descrSet(md, ot, v); ok {
			return err
		}
	}
	if ot.Flags&TypeFlagHeap == 0 {
		return typeErr("cannot set '%s' attribute of immutable type '%s'", name, ot.Name)
	}
	switch name.String() {
	case "__name__":
		s, ok := v.(*Str)
		if !ok {
			return typeErr("can only assign string to %s.__name__, not '%s'", ot.Name, TypeName(v))
		}
		ot.Name = s.String()
		return nil
	case "__qualname__":
		s, ok := v.(*Str)
		if !ok {
			return typeErr("can only assign string to %s.__qualname__, not '%s'", ot.Name, TypeName(v))
		}
		ot.QualName = s.String()
		return nil
	case "__abstractmethods__":
		// abc (_py_abc) marks a class abstract by setting this; object.__new__ checks the flag.
		ot.Flags &^= TypeFlagAbstract
		if v != nil {
			if b, err := t.Truth(v); err != nil {
				return err
			} else if b {
				ot.Flags |= TypeFlagAbstract
			}
		}
	}
	if v == nil {
		if _, ok, _ := ot.Dict.Delete(name, name.Hash(), nil); !ok {
			return Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", ot.Name, name)
		}
	} else {
		ot.Dict.SetStr(name, v)
	}
	bumpVersion(ot)
	return nil
}

// DelAttr is delattr(o, name).
func (t *Thread) DelAttr(o Object, name *Str) error {
	tp := o.Type()
	c := cacheOf(tp)
	if c.delattr != nil {
		_, err := t.Call(c.delattr, []Object{o, name}, nil)
		return err
	}
	return t.genericDelAttr(o, name)
}

func (t *Thread) genericDelAttr(o Object, name *Str) error {
	if ot, ok := o.(*Type); ok {
		return t.typeSetAttr(ot, name, nil)
	}
	tp := o.Type()
	d := lookupCached(tp, name)
	if d != nil {
		if err, ok := t.descrSet(d, o, nil); ok {
			return err
		}
	}
	var dict *Dict
	switch x := o.(type) {
	case *Instance:
		dict = x.Dict
	case *Module:
		dict = x.Dict
	case *Function:
		dict = x.Dict
	case *Exception:
		dict = x.Dict
	}
	if dict != nil {
		if _, ok, _ := dict.Delete(name, name.Hash(), nil); ok {
			return nil
		}
	}
	return attrError(o, name)
}

// entryFor returns the way of e's cache that describes tp at its current version, filling the
// front way (and pushing the old front down a chain of at most three) on a miss. Hits in the chain
// are used where they are, so sites that alternate between a few classes never refill.
func (e *attrCacheEntry) entryFor(tp *Type, name *Str) *attrCacheEntry {
	if e.tp == tp && e.ver == tp.Version {
		return e
	}
	n := 0
	for a := e.alt; a != nil; a = a.alt {
		if a.tp == tp && a.ver == tp.Version {
			return a
		}
		n++
	}
	if e.tp != nil {
		a := &attrCacheEntry{tp: e.tp, ver: e.ver, d: e.d, data: e.data, special: e.special, alt: e.alt}
		if n >= 3 {
			p := a
			for i := 0; i < 2 && p.alt != nil; i++ {
				p = p.alt
			}
			p.alt = nil
		}
		e.alt = a
	}
	e.tp, e.ver = tp, tp.Version
	e.d = lookupCached(tp, name)
	c := cacheOf(tp)
	e.special = c.getattribute != nil || c.getattr != nil || c.setattr != nil
	if n := name.String(); n == "__dict__" || n == "__class__" {
		e.special = true
	}
	e.data = e.d != nil && isDataDescr(e.d)
	return e
}

// loadAttrCached is LOAD_ATTR with the instruction's inline cache.
func (t *Thread) loadAttrCached(o Object, name *Str, e *attrCacheEntry) (Object, error) {
	if m, ok := o.(*Module); ok && m.Type() == ModuleType {
		if v := m.Dict.GetStr(name); v != nil {
			return v, nil
		}
	}
	if inst, ok := o.(*Instance); ok {
		tp := inst.Class
		e := e.entryFor(tp, name)
		if !e.special {
			if e.data {
				return t.bindDescr(e.d, o, tp)
			}
			if inst.Dict != nil {
				if v := inst.Dict.GetStr(name); v != nil {
					return v, nil
				}
			}
			if e.d != nil {
				if f, ok := e.d.(*Function); ok {
					return &Method{Func: f, Self: o}, nil
				}
				return t.bindDescr(e.d, o, tp)
			}
		}
	}
	return t.GetAttr(o, name)
}

// loadMethodCached is LOAD_METHOD with the instruction's inline cache.
func (t *Thread) loadMethodCached(o Object, name *Str, e *attrCacheEntry) (Object, bool, error) {
	switch x := o.(type) {
	case *Module:
		if x.Type() == ModuleType {
			if v := x.Dict.GetStr(name); v != nil {
				return v, false, nil
			}
		}
		return t.loadMethod(o, name)
	case *List, *Dict, *Str, *Set, *Tuple, *Bytes, *ByteArray, *Int, *Float:
		// Builtin values have no instance dict: a cached method descriptor is the answer.
		tp := o.Type()
		e := e.entryFor(tp, name)
		if b, ok := e.d.(*Builtin); ok && b.Owner != nil && !b.Static && !b.Class {
			return b, true, nil
		}
		return t.loadMethod(o, name)
	}
	if inst, ok := o.(*Instance); ok {
		tp := inst.Class
		e := e.entryFor(tp, name)
		if !e.special && !e.data {
			switch f := e.d.(type) {
			case *Function:
				if inst.Dict != nil {
					if v := inst.Dict.GetStr(name); v != nil {
						return v, false, nil
					}
				}
				return f, true, nil
			case *Builtin:
				if f.Owner != nil && !f.Static && !f.Class {
					if inst.Dict != nil {
						if v := inst.Dict.GetStr(name); v != nil {
							return v, false, nil
						}
					}
					return f, true, nil
				}
			}
		}
	}
	return t.loadMethod(o, name)
}

// storeAttrCached is STORE_ATTR with the instruction's inline cache.
func (t *Thread) storeAttrCached(o Object, name *Str, v Object, e *attrCacheEntry) error {
	if inst, ok := o.(*Instance); ok && inst.Dict != nil {
		tp := inst.Class
		e := e.entryFor(tp, name)
		if !e.special && !e.data {
			s := name.String()
			if s != "__dict__" && s != "__class__" {
				inst.Dict.SetStr(name, v)
				return nil
			}
		}
	}
	return t.SetAttr(o, name, v)
}
