package modules

import (
	"gopyc/vm"
)

// makeContextvars builds _contextvars: Context (an immutable mapping from ContextVar to value,
// copied on write), ContextVar with get/set/reset and Tokens, and copy_context. Each thread
// has its own current context, looked up by _thread.get_ident.
func makeContextvars(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_contextvars", contextvarsSrc, nil)
}

const contextvarsSrc = `
from _thread import get_ident as _ident

_MISSING = object()
_current = {}


def _ctx():
    c = _current.get(_ident())
    if c is None:
        c = _current[_ident()] = Context()
    return c


class Context:
    def __init__(self):
        self._data = {}
        self._entered = False
        self._prev = None

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError('cannot enter context: %r is already entered' % (self,))
        tid = _ident()
        self._prev = _current.get(tid)
        self._entered = True
        _current[tid] = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current[tid] = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        c = Context()
        c._data = dict(self._data)
        return c

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def copy_context():
    return _ctx().copy()


class Token:
    MISSING = _MISSING

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        return '<Token%s var=%r at %#x>' % (' used' if self._used else '', self._var, id(self))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class ContextVar:
    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        ctx = _ctx()
        try:
            return ctx._data[self]
        except KeyError:
            pass
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _ctx()
        old = ctx._data.get(self, _MISSING)
        data = dict(ctx._data)
        data[self] = value
        ctx._data = data
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError('expected an instance of Token, got %r' % (token,))
        if token._used:
            raise RuntimeError('%r has already been used once' % (token,))
        if token._var is not self:
            raise ValueError('%r was created by a different ContextVar' % (token,))
        ctx = _ctx()
        if token._context is not ctx:
            raise ValueError('%r was created in a different Context' % (token,))
        data = dict(ctx._data)
        if token._old_value is _MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old_value
        ctx._data = data
        token._used = True

    def __repr__(self):
        d = ''
        if self._default is not _MISSING:
            d = ' default=%r' % (self._default,)
        return '<ContextVar name=%r%s at %#x>' % (self._name, d, id(self))

    def __hash__(self):
        return object.__hash__(self)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


for _c in (Context, ContextVar, Token):
    _c.__module__ = '_contextvars'
del _c
`
