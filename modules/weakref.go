package modules

import (
	"gopyc/vm"
)

// makeWeakref builds _weakref. gopyc's objects live in Go's garbage-collected heap, which gives
// Python no finalisation hook in time to clear a reference, so a weak reference here holds a
// strong pointer: the referent lives at least as long as any reference to it, ref() never
// returns None for a live ref, and callbacks never fire. getweakrefcount and getweakrefs count
// nothing (0 and []), since no registry is kept (a registry would keep every referent alive
// forever). Everything else (hashing and equality by referent, __callback__, subclassing with
// extra arguments as weakref.KeyedRef and WeakMethod do, proxies) behaves as CPython's.
func makeWeakref(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_weakref", weakrefSrc, nil)
}

const weakrefSrc = `
class ReferenceType:
    __slots__ = ('_gopyc_ob', '__callback__', '__dict__')

    def __new__(cls, ob, callback=None, *args, **kwargs):
        self = object.__new__(cls)
        object.__setattr__(self, '_gopyc_ob', ob)
        object.__setattr__(self, '__callback__', callback)
        return self

    def __init__(self, ob, callback=None, *args, **kwargs):
        pass

    def __call__(self):
        return self._gopyc_ob

    def __hash__(self):
        return hash(self._gopyc_ob)

    def __eq__(self, other):
        if isinstance(other, ReferenceType):
            return self._gopyc_ob == other._gopyc_ob
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, ReferenceType):
            return self._gopyc_ob != other._gopyc_ob
        return NotImplemented

    def __repr__(self):
        ob = self._gopyc_ob
        return '<weakref at %#x; to %r at %#x>' % (id(self), type(ob).__name__, id(ob))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

ReferenceType.__name__ = 'ReferenceType'
ReferenceType.__qualname__ = 'weakref'
ReferenceType.__module__ = 'builtins'
ref = ReferenceType


def _fwd(name):
    def method(self, *args):
        return getattr(object.__getattribute__(self, '_gopyc_ob'), name)(*args)
    method.__name__ = name
    return method


class ProxyType:
    __slots__ = ('_gopyc_ob', '__callback__')

    def __init__(self, ob, callback=None):
        object.__setattr__(self, '_gopyc_ob', ob)
        object.__setattr__(self, '__callback__', callback)

    def __getattribute__(self, name):
        return getattr(object.__getattribute__(self, '_gopyc_ob'), name)

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, '_gopyc_ob'), name, value)

    def __delattr__(self, name):
        delattr(object.__getattribute__(self, '_gopyc_ob'), name)

    def __repr__(self):
        ob = object.__getattribute__(self, '_gopyc_ob')
        return '<weakproxy at %#x; to %r at %#x>' % (id(self), type(ob).__name__, id(ob))

    def __str__(self):
        return str(object.__getattribute__(self, '_gopyc_ob'))

    def __bool__(self):
        return bool(object.__getattribute__(self, '_gopyc_ob'))

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.ProxyType'")

    for _n in ('__len__', '__iter__', '__next__', '__contains__', '__getitem__', '__setitem__',
               '__delitem__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__',
               '__add__', '__sub__', '__mul__', '__truediv__', '__floordiv__', '__mod__',
               '__pow__', '__and__', '__or__', '__xor__', '__lshift__', '__rshift__',
               '__neg__', '__pos__', '__abs__', '__invert__', '__int__', '__float__',
               '__index__', '__bytes__', '__reversed__', '__enter__', '__exit__',
               '__radd__', '__rsub__', '__rmul__', '__iadd__', '__imul__'):
        locals()[_n] = _fwd(_n)
    del _n

ProxyType.__name__ = 'ProxyType'
ProxyType.__module__ = 'weakref'


class CallableProxyType(ProxyType):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return object.__getattribute__(self, '_gopyc_ob')(*args, **kwargs)

CallableProxyType.__module__ = 'weakref'


def proxy(ob, callback=None):
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


def getweakrefcount(ob):
    return 0


def getweakrefs(ob):
    return []


def _remove_dead_weakref(d, key):
    try:
        wr = d[key]
    except KeyError:
        return
    if wr() is None:
        del d[key]

del _fwd
`

// makeAtexit builds atexit. Registered functions are kept in registration order;
// _run_exitfuncs runs them last-in first-out as CPython does at shutdown.
func makeAtexit(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "atexit", atexitSrc, nil)
}

const atexitSrc = `
_funcs = []

def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _funcs.append((func, args, kwargs))
    return func

def unregister(func):
    _funcs[:] = [f for f in _funcs if f[0] != func]

def _clear():
    del _funcs[:]

def _ncallbacks():
    return len(_funcs)

def _run_exitfuncs():
    import sys
    while _funcs:
        func, args, kwargs = _funcs.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            # As CPython's unraisable hook reports it (SystemExit included); the traceback starts
            # at the callback, not at this frame.
            print(f'Exception ignored in atexit callback: {func!r}', file=sys.stderr)
            tb = e.__traceback__.tb_next if e.__traceback__ is not None else None
            sys.__excepthook__(type(e), e.with_traceback(tb), tb)
`
