package vm

import (
	"strings"

	. "gopyc/objects"
)

// callType is calling a type object: type(x), or construction via __new__ and __init__.
func (t *Thread) callType(tp *Type, args []Object, kwnames *Tuple) (Object, error) {
	meta := tp.Type()
	if meta != TypeType {
		if f := lookupCached(meta, strCall); f != nil && f != typeCall {
			if _, ok := f.(*Type); ok {
				// A class as __call__ is no descriptor: it is called without the type
				// (typing's _TypedDictMeta has __call__ = dict).
				return t.Call(f, args, kwnames)
			}
			na := append([]Object{tp}, args...)
			return t.Call(f, na, kwnames)
		}
	}
	return t.typeCallDefault(tp, args, kwnames)
}

var typeCall Object

func (t *Thread) typeCallDefault(tp *Type, args []Object, kwnames *Tuple) (Object, error) {
	if tp == TypeType && len(args) == 1 && kwnames == nil {
		return args[0].Type(), nil
	}
	if c := builtinCtor(tp); c != nil && tp.Flags&TypeFlagHeap == 0 {
		return c(t, tp, args, kwnames)
	}
	newf := lookupCached(tp, strNew)
	var obj Object
	var err error
	switch nf := newf.(type) {
	case *StaticMethod:
		obj, err = t.Call(nf.F, append([]Object{tp}, args...), kwnames)
	case *Builtin:
		obj, err = nf.Fn(t, append([]Object{tp}, args...), kwnames)
	default:
		if newf == nil {
			return nil, typeErr("cannot create '%s' instances", tp.Name)
		}
		obj, err = t.Call(newf, append([]Object{tp}, args...), kwnames)
	}
	if err != nil {
		return nil, err
	}
	if !isSubtype(obj.Type(), tp) {
		return obj, nil
	}
	init := lookupCached(obj.Type(), strInit)
	if init != nil && init != objectInit {
		r, err := t.callMethodObj(init, obj, args, kwnames)
		if err != nil {
			return nil, err
		}
		if r != None {
			return nil, typeErr("__init__() should return None, not '%s'", TypeName(r))
		}
	} else if init == objectInit && (len(args) > 0) {
		if newf == objectNew {
			return nil, typeErr("%s() takes no arguments", tp.Name)
		}
	}
	return obj, nil
}

// callMethodObj calls an unbound method found on a type with self prepended.
func (t *Thread) callMethodObj(m Object, self Object, args []Object, kwnames *Tuple) (Object, error) {
	switch f := m.(type) {
	case *Function:
		na := make([]Object, len(args)+1)
		na[0] = self
		copy(na[1:], args)
		return t.callFunction(f, na, kwnames, nil)
	case *Builtin:
		if f.Owner != nil && !f.Static && !f.Class {
			na := make([]Object, len(args)+1)
			na[0] = self
			copy(na[1:], args)
			return f.Fn(t, na, kwnames)
		}
	}
	b, err := t.bindDescr(m, self, self.Type())
	if err != nil {
		return nil, err
	}
	return t.Call(b, args, kwnames)
}

var objectInit, objectNew Object

// newInstance allocates an instance of tp with its layout's Go representation.
func (t *Thread) newInstance(tp *Type) Object {
	if isSubtype(tp, BaseExceptionType) {
		return &Exception{Class: tp, Args: EmptyTuple, Dict: NewDict(0)}
	}
	inst := &Instance{Class: tp}
	if tp.Flags&TypeFlagHasDict != 0 {
		inst.Dict = NewDict(0)
	}
	if n := countSlots(tp); n > 0 {
		inst.Slots = make([]Object, n)
	}
	return inst
}

func countSlots(tp *Type) int {
	n := 0
	for _, c := range tp.MRO {
		n += len(c.Slots)
	}
	return n
}

// buildClass is builtins.__build_class__(func, name, *bases, metaclass=None, **kwds).
func (t *Thread) buildClass(args []Object, kwnames *Tuple) (Object, error) {
	nk := kwCount(kwnames)
	pos := args[:len(args)-nk]
	if len(pos) < 2 {
		return nil, typeErr("__build_class__: not enough arguments")
	}
	body, ok := pos[0].(*Function)
	if !ok {
		return nil, typeErr("__build_class__: func must be a function")
	}
	name, ok := pos[1].(*Str)
	if !ok {
		return nil, typeErr("__build_class__: name is not a string")
	}
	origBases := pos[2:]
	bases := origBases
	// __mro_entries__
	changed := false
	var nb []Object
	for _, b := range origBases {
		if _, ok := b.(*Type); !ok {
			if me, err := t.GetAttr(b, NewStr("__mro_entries__")); err == nil {
				r, err := t.call1(me, NewTuple(origBases))
				if err != nil {
					return nil, err
				}
				nb = append(nb, r.(*Tuple).V...)
				changed = true
				continue
			}
		}
		nb = append(nb, b)
	}
	if changed {
		bases = nb
	}
	var meta Object
	var kwNames []Object
	var kwVals []Object
	for i := 0; i < nk; i++ {
		kn := kwnames.V[i].(*Str)
		if kn.String() == "metaclass" {
			meta = args[len(pos)+i]
			continue
		}
		kwNames = append(kwNames, kn)
		kwVals = append(kwVals, args[len(pos)+i])
	}
	isClass := false
	if meta == nil {
		if len(bases) > 0 {
			meta = bases[0].Type()
		} else {
			meta = TypeType
		}
		isClass = true
	} else if _, ok := meta.(*Type); ok {
		isClass = true
	}
	if isClass {
		w, err := t.calculateMeta(meta.(*Type), bases)
		if err != nil {
			return nil, err
		}
		meta = w
	}
	var kwt *Tuple
	if len(kwNames) > 0 {
		kwt = NewTuple(kwNames)
	}
	basesT := NewTuple(append([]Object(nil), bases...))
	var ns Object
	if prep, err := t.GetAttr(meta, strPrepare); err == nil {
		r, err := t.Call(prep, append([]Object{name, basesT}, kwVals...), kwt)
		if err != nil {
			return nil, err
		}
		ns = r
	} else {
		ns = NewDict(0)
	}
	nsd, ok := ns.(*Dict)
	var nsMap Object
	if !ok {
		if inst, ok2 := ns.(*Instance); ok2 {
			if d, ok3 := inst.Value.(*Dict); ok3 {
				nsd = d
				nsMap = ns
			}
		}
		if nsd == nil {
			if lookupCached(ns.Type(), strGetitem) == nil {
				return nil, typeErr("%s.__prepare__() must return a mapping, not %s", TypeName(meta), TypeName(ns))
			}
			nsMap = ns
			nsd = NewDict(0)
		}
	}
	cell, err := t.callFunctionNS(body, nil, nil, nsd, nsMap)
	if err != nil {
		return nil, err
	}
	if changed {
		nsd.SetStr(NewStr("__orig_bases__"), NewTuple(origBases))
	}
	cls, err := t.Call(meta, append([]Object{name, basesT, ns}, kwVals...), kwt)
	if err != nil {
		return nil, err
	}
	if c, ok := cell.(*Cell); ok {
		if c.V == nil {
			c.V = cls
		}
	}
	return cls, nil
}

func (t *Thread) calculateMeta(meta *Type, bases []Object) (*Type, error) {
	winner := meta
	for _, b := range bases {
		bt := b.Type()
		if isSubtype(winner, bt) {
			continue
		}
		if isSubtype(bt, winner) {
			winner = bt
			continue
		}
		return nil, typeErr("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
	}
	return winner, nil
}

// typeNew is type.__new__(meta, name, bases, ns, **kw).
func (t *Thread) typeNew(meta *Type, name string, bases []Object, ns *Dict, kwnames []Object, kwvals []Object) (*Type, error) {
	var bt []*Type
	for _, b := range bases {
		x, ok := b.(*Type)
		if !ok {
			return nil, typeErr("bases must be types")
		}
		if x.Flags&TypeFlagBaseType == 0 {
			return nil, typeErr("type '%s' is not an acceptable base type", x.Name)
		}
		bt = append(bt, x)
	}
	if len(bt) == 0 {
		bt = []*Type{ObjectType}
	}
	for i, a := range bt {
		for _, b := range bt[i+1:] {
			if a == b {
				return nil, typeErr("duplicate base class %s", a.Name)
			}
		}
	}
	tp := &Type{Name: name, QualName: name, Flags: TypeFlagHeap | TypeFlagBaseType, Bases: bt, Dict: ns.Copy()}
	if meta != TypeType {
		tp.Meta = meta
	}
	// Solid base / layout.
	tp.Base = bt[0]
	layout := ObjectType
	for _, b := range bt {
		l := b.Layout
		if l == nil {
			l = ObjectType
		}
		if l != ObjectType {
			if layout != ObjectType && layout != l && !isSubtype(l, layout) && !isSubtype(layout, l) {
				return nil, typeErr("multiple bases have instance lay-out conflict")
			}
			if layout == ObjectType || isSubtype(l, layout) {
				layout = l
			}
		}
	}
	tp.Layout = layout
	mro, err := computeMRO(tp, bt)
	if err != nil {
		return nil, err
	}
	tp.MRO = mro
	if isSubtype(tp, BaseExceptionType) {
		tp.Flags |= TypeFlagException
	}
	if m := ns.GetStr(strModule); m != nil {
		if s, ok := m.(*Str); ok {
			tp.Module = s.String()
		}
	} else if g := t.frame; g != nil {
		if m := g.globals.GetStr(strName); m != nil {
			tp.Module = strOf(m)
			tp.Dict.SetStr(strModule, m)
		}
	}
	if q := ns.GetStr(strQualname); q != nil {
		s, ok := q.(*Str)
		if !ok {
			return nil, typeErr("type __qualname__ must be a str, not %s", TypeName(q))
		}
		tp.QualName = s.String()
		_, _, _ = tp.Dict.Delete(strQualname, strQualname.Hash(), nil)
	}
	// __slots__
	hasDict := false
	for _, b := range bt {
		if b.Flags&TypeFlagHasDict != 0 {
			hasDict = true
		}
	}
	if sl := ns.GetStr(strSlots); sl != nil {
		var names []Object
		if s, ok := sl.(*Str); ok {
			names = []Object{s}
		} else {
			names, err = t.ToSlice(sl)
			if err != nil {
				return nil, err
			}
		}
		base := countSlots(tp.Base)
		for _, b := range bt[1:] {
			base += len(b.Slots)
		}
		for _, n := range names {
			s, ok := n.(*Str)
			if !ok {
				return nil, typeErr("__slots__ items must be strings, not '%s'", TypeName(n))
			}
			if s.String() == "__dict__" {
				hasDict = true
				continue
			}
			if s.String() == "__weakref__" {
				continue
			}
			if v := tp.Dict.GetStr(s); v != nil {
				// A name listed twice (datetime's date.__slots__ + time.__slots__) is not a
				// class variable: CPython checks the class body only.
				if sd, ok := v.(*slotDescr); !ok || sd.owner != tp {
					return nil, valueErr("'%s' in __slots__ conflicts with class variable", s)
				}
			}
			mangled := mangle(tp.Name, s.String())
			tp.Dict.SetStr(NewStr(mangled), &slotDescr{name: NewStr(mangled), index: base + len(tp.Slots), owner: tp})
			tp.Slots = append(tp.Slots, NewStr(mangled))
		}
	} else {
		hasDict = true
	}
	if hasDict {
		tp.Flags |= TypeFlagHasDict
	}
	// __eq__ without __hash__ makes instances unhashable.
	if ns.GetStr(strEq) != nil && ns.GetStr(strHash) == nil {
		tp.Dict.SetStr(strHash, None)
	}
	// Wrap __new__, __init_subclass__, __class_getitem__ implicitly.
	if f, ok := tp.Dict.GetStr(strNew).(*Function); ok {
		tp.Dict.SetStr(strNew, &StaticMethod{F: f})
	}
	for _, n := range []*Str{strInitSubclass, strClassGetitem} {
		if f, ok := tp.Dict.GetStr(n).(*Function); ok {
			tp.Dict.SetStr(n, &ClassMethod{F: f})
		}
	}
	if tp.Dict.GetStr(strDoc) == nil {
		tp.Dict.SetStr(strDoc, None)
	}
	for _, b := range bt {
		b.Subclasses = append(b.Subclasses, tp)
	}
	// __classcell__
	if c := tp.Dict.GetStr(strClasscell); c != nil {
		if cell, ok := c.(*Cell); ok {
			cell.V = tp
		}
		_, _, _ = tp.Dict.Delete(strClasscell, strClasscell.Hash(), nil)
	}
	// __set_name__
	for _, k := range tp.Dict.Keys() {
		v := tp.Dict.GetStr(k.(*Str))
		if v == nil {
			continue
		}
		if _, ok := v.(*Instance); !ok {
			continue
		}
		if sn := lookupCached(v.Type(), strSetName); sn != nil {
			if _, err := t.Call(sn, []Object{v, tp, k}, nil); err != nil {
				return nil, err
			}
		}
	}
	// __init_subclass__ of the parent.
	sup := &Super{ThisType: tp, Obj: tp, ObjType: tp}
	isub, err := t.superGetAttr(sup, strInitSubclass)
	if err != nil {
		return nil, err
	}
	var kwt *Tuple
	if len(kwnames) > 0 {
		kwt = NewTuple(kwnames)
	}
	if _, err := t.Call(isub, kwvals, kwt); err != nil {
		return nil, err
	}
	return tp, nil
}

func mangle(cls, name string) string {
	if !strings.HasPrefix(name, "__") || strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	c := strings.TrimLeft(cls, "_")
	if c == "" {
		return name
	}
	return "_" + c + name
}

// superGetAttr looks name up along obj's MRO after ThisType.
func (t *Thread) superGetAttr(s *Super, name *Str) (Object, error) {
	if name.String() != "__class__" {
		mro := s.ObjType.MRO
		i := 0
		for i < len(mro) && mro[i] != s.ThisType {
			i++
		}
		for i++; i < len(mro); i++ {
			if v := mro[i].Dict.GetStr(name); v != nil {
				var obj Object = s.Obj
				if s.Obj == Object(s.ObjType) {
					obj = nil
				}
				if _, isCM := v.(*ClassMethod); isCM {
					return t.bindDescr(v, obj, s.ObjType)
				}
				if b, ok := v.(*Builtin); ok && b.Class {
					return &Method{Func: b, Self: s.ObjType}, nil
				}
				if obj == nil {
					if _, ok := v.(*StaticMethod); ok {
						return v.(*StaticMethod).F, nil
					}
					return t.bindDescr(v, nil, s.ObjType)
				}
				return t.bindDescr(v, obj, s.ObjType)
			}
		}
	}
	return t.genericGetAttr(s, name, SuperType)
}

// newSuper implements super() and super(type, obj).
func (t *Thread) newSuper(args []Object) (Object, error) {
	var tp *Type
	var obj Object
	if len(args) == 0 {
		f := t.frame
		if f == nil || f.fn == nil {
			return nil, Errorf(RuntimeErrorType, "super(): no arguments")
		}
		co := f.ci.code
		if co.ArgCount == 0 && co.Flags&CoVarArgs == 0 {
			return nil, Errorf(RuntimeErrorType, "super(): no arguments")
		}
		obj = f.fast[0]
		if c, ok := obj.(*Cell); ok && co.LocalsPlusKinds[0]&FastCell != 0 {
			obj = c.V
		}
		if obj == nil {
			return nil, Errorf(RuntimeErrorType, "super(): arg[0] deleted")
		}
		for i, n := range co.LocalsPlusNames {
			if n.String() == "__class__" && co.LocalsPlusKinds[i]&FastFree != 0 {
				c, _ := f.fast[i].(*Cell)
				if c == nil || c.V == nil {
					return nil, Errorf(RuntimeErrorType, "super(): empty __class__ cell")
				}
				tp, _ = c.V.(*Type)
				if tp == nil {
					return nil, Errorf(RuntimeErrorType, "super(): __class__ is not a type (%s)", TypeName(c.V))
				}
			}
		}
		if tp == nil {
			return nil, Errorf(RuntimeErrorType, "super(): __class__ cell not found")
		}
	} else {
		var ok bool
		tp, ok = args[0].(*Type)
		if !ok {
			return nil, typeErr("super() argument 1 must be a type, not %s", TypeName(args[0]))
		}
		if len(args) > 1 {
			obj = args[1]
		} else {
			return &Super{ThisType: tp, Obj: None, ObjType: tp}, nil
		}
	}
	var objType *Type
	if ot, ok := obj.(*Type); ok && isSubtype(ot, tp) {
		objType = ot
	} else if isSubtype(obj.Type(), tp) {
		objType = obj.Type()
	} else {
		return nil, typeErr("super(type, obj): obj must be an instance or subtype of type")
	}
	return &Super{ThisType: tp, Obj: obj, ObjType: objType}, nil
}

// isInstance is isinstance(o, cls) with __instancecheck__.
func (t *Thread) isInstance(o Object, cls Object) (bool, error) {
	switch c := cls.(type) {
	case *Type:
		if isSubtype(o.Type(), c) {
			return true, nil
		}
		if c.Meta != nil {
			if f := lookupCached(c.Meta, strInstancecheck); f != nil {
				r, err := t.Call(f, []Object{c, o}, nil)
				if err != nil {
					return false, err
				}
				return t.Truth(r)
			}
		}
		if inst, ok := o.(*Instance); ok {
			if cv := inst.Dict; cv != nil {
				_ = cv
			}
		}
		return false, nil
	case *Tuple:
		for _, x := range c.V {
			ok, err := t.isInstance(o, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *UnionType:
		for _, x := range c.Args {
			ok, err := t.isInstance(o, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	if f := lookupCached(cls.Type(), strInstancecheck); f != nil {
		r, err := t.Call(f, []Object{cls, o}, nil)
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	return false, typeErr("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

func (t *Thread) isSubclass(o Object, cls Object) (bool, error) {
	switch c := cls.(type) {
	case *Type:
		if c.Meta != nil {
			if f := lookupCached(c.Meta, strSubclasscheck); f != nil {
				r, err := t.Call(f, []Object{c, o}, nil)
				if err != nil {
					return false, err
				}
				return t.Truth(r)
			}
		}
		ot, ok := o.(*Type)
		if !ok {
			return false, typeErr("issubclass() arg 1 must be a class")
		}
		return isSubtype(ot, c), nil
	case *Tuple:
		for _, x := range c.V {
			ok, err := t.isSubclass(o, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *UnionType:
		for _, x := range c.Args {
			ok, err := t.isSubclass(o, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	if f := lookupCached(cls.Type(), strSubclasscheck); f != nil {
		r, err := t.Call(f, []Object{cls, o}, nil)
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	return false, typeErr("issubclass() arg 2 must be a class, a tuple of classes, or a union")
}

// UnionType is int | str.
type UnionType struct{ Args []Object }

// Type implements Object.
func (*UnionType) Type() *Type { return unionTypeType }

var unionTypeType = &Type{Name: "types.UnionType"}
