package vm

// _NamespacePath: the __path__ of a namespace package (PEP 420). It is recomputed whenever the
// parent path (sys.path, or the parent package's __path__) has changed since it was last
// computed, so portions added to sys.path later become part of the package.

import (
	"strings"
	"sync"

	"gopyc/imports"
	. "gopyc/objects"
)

type nsPath struct {
	name string
	list *List
	last []string // the parent path the list was computed from
}

var (
	nsPathOnce sync.Once
	nsPathType *Type
)

func (*nsPath) Type() *Type { return nsPathType }

func (t *Thread) newNSPath(name string, portions []string) *nsPath {
	nsPathOnce.Do(initNSPathType)
	p := &nsPath{name: name, list: strList(portions)}
	p.last = t.nsParentPath(name)
	return p
}

func (t *Thread) nsParentPath(name string) []string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		if pm := t.interp.Modules.GetStr(NewStr(name[:i])); pm != nil {
			if pp, err := t.GetAttr(pm, strPath); err == nil {
				return t.pathList(pp)
			}
		}
		return nil
	}
	return t.pathList(t.sysAttr("path"))
}

// recalc refreshes the list when the parent path changed.
func (p *nsPath) recalc(t *Thread) *List {
	parent := t.nsParentPath(p.name)
	if equalStrings(parent, p.last) {
		return p.list
	}
	p.last = parent
	if s := t.finder().Find(p.name, parent); s != nil && s.Kind == imports.KindNamespace {
		p.list = strList(s.Locations)
	}
	return p.list
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func initNSPathType() {
	tp := &Type{Name: "_NamespacePath", QualName: "_NamespacePath", Module: "_frozen_importlib_external"}
	setupBuiltinType(tp, ObjectType)
	tp.Module = "_frozen_importlib_external"
	nsPathType = tp
	self := func(args []Object) *nsPath { return args[0].(*nsPath) }
	addRawMethod(tp, "__iter__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return t.Iter(self(args).recalc(t))
	})
	addRawMethod(tp, "__len__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		return NewInt(int64(len(self(args).recalc(t).V))), nil
	})
	addRawMethod(tp, "__getitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("__getitem__ expected 1 argument")
		}
		f, err := t.GetAttr(self(args).recalc(t), strGetitem)
		if err != nil {
			return nil, err
		}
		return t.Call(f, args[1:], nil)
	})
	addRawMethod(tp, "__setitem__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 3 {
			return nil, typeErr("__setitem__ expected 2 arguments")
		}
		f, err := t.GetAttr(self(args).list, NewStr("__setitem__"))
		if err != nil {
			return nil, err
		}
		return t.Call(f, args[1:], nil)
	})
	addRawMethod(tp, "__contains__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("__contains__ expected 1 argument")
		}
		for _, x := range self(args).recalc(t).V {
			eq, err := t.RichCompare(x, args[1], 2)
			if err != nil {
				return nil, err
			}
			if b, _ := t.Truth(eq); b {
				return True, nil
			}
		}
		return False, nil
	})
	addRawMethod(tp, "append", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) != 2 {
			return nil, typeErr("append() takes exactly one argument")
		}
		p := self(args)
		p.list.V = append(p.list.V, args[1])
		return None, nil
	})
	addRawMethod(tp, "__repr__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		r, err := t.repr(self(args).recalc(t))
		if err != nil {
			return nil, err
		}
		return NewStr("_NamespacePath(" + r + ")"), nil
	})
}
