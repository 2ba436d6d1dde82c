package modules

import (
	. "gopyc/objects"
	"gopyc/vm"
)

// installReduceEx gives object.__reduce_ex__ CPython's behaviour (the VM refuses to pickle
// any object): a class's own __reduce__ wins; protocols 0 and 1 go through
// copyreg._reduce_ex; protocol 2 and later return copyreg.__newobj__ (or __newobj_ex__)
// with __getnewargs(_ex)__ arguments and the state from __getstate__, else the instance
// dict and slot values, plus list and dict items for subclasses of list and dict. It also
// adds object.__getstate__ (new in 3.11) when the VM lacks it. The Python part lives in
// _gopyc_reduce.
func installReduceEx(in *vm.Interp) {
	b, ok := ObjectType.Dict.GetStr(NewStr("__reduce_ex__")).(*vm.Builtin)
	if !ok {
		return
	}
	orig := b.Fn
	b.Fn = func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if in.Compile == nil || len(args) != 2 {
			return orig(t, args, kw)
		}
		imp := in.Builtins.GetStr(NewStr("__import__"))
		m, err := t.Call(imp, []Object{NewStr("_gopyc_reduce")}, nil)
		if err != nil {
			return nil, err
		}
		f, err := t.GetAttr(m, NewStr("reduce_ex"))
		if err != nil {
			return nil, err
		}
		return t.Call(f, args, nil)
	}
	if ObjectType.Dict.GetStr(NewStr("__getstate__")) == nil {
		vm.AddTypeMethod(ObjectType, "__getstate__", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			if len(args) != 1 || in.Compile == nil {
				return None, nil
			}
			imp := in.Builtins.GetStr(NewStr("__import__"))
			m, err := t.Call(imp, []Object{NewStr("_gopyc_reduce")}, nil)
			if err != nil {
				return nil, err
			}
			f, err := t.GetAttr(m, NewStr("getstate"))
			if err != nil {
				return nil, err
			}
			return t.Call(f, args, nil)
		})
	}
	in.NativeModules["_gopyc_reduce"] = func(t *vm.Thread) (*vm.Module, error) {
		return pyModule(t, "_gopyc_reduce", reduceSrc, nil)
	}
}

const reduceSrc = `
def _own(cls, name):
    for c in cls.__mro__:
        if name in c.__dict__:
            return c
    return None


def getstate(obj):
    import copyreg
    state = getattr(obj, '__dict__', None) or None
    names = copyreg._slotnames(type(obj))
    if names:
        slots = {}
        for n in names:
            try:
                slots[n] = getattr(obj, n)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def reduce_ex(obj, protocol):
    cls = type(obj)
    owner = _own(cls, '__reduce__')
    if owner is not None and owner is not object:
        return obj.__reduce__()
    import copyreg
    if protocol < 2:
        return copyreg._reduce_ex(obj, protocol)
    if cls.__module__ == 'builtins' and not hasattr(obj, '__dict__') and cls not in (list, dict) \
            and not isinstance(obj, (list, dict)):
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    kwargs = None
    if _own(cls, '__getnewargs_ex__') is not None:
        args, kwargs = obj.__getnewargs_ex__()
    elif _own(cls, '__getnewargs__') is not None:
        args = obj.__getnewargs__()
    else:
        args = ()
    owner = _own(cls, '__getstate__')
    if owner is not None and owner is not object:
        state = obj.__getstate__()
    else:
        state = getstate(obj)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (copyreg.__newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems)
    return (copyreg.__newobj__, (cls,) + tuple(args), state, listitems, dictitems)
`
