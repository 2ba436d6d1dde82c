package modules

import (
	"gopyc/vm"
)

// makeCollections builds _collections: deque (a ring of Python list slots, written in Python
// with CPython's semantics: maxlen, rotate, index/insert/remove, mutation during iteration
// detected), defaultdict (a dict subclass with __missing__), _tuplegetter (namedtuple's field
// descriptors, with a writable __doc__) and _count_elements.
// OrderedDict comes from collections/__init__.py's pure-Python class.
func makeCollections(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_collections", collectionsSrc, nil)
}

const collectionsSrc = `
import sys as _sys


class deque:
    __slots__ = ('_items', '_maxlen', '_state', '__weakref__')

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._items = []
        self._maxlen = None
        self._state = 0
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = maxlen.__index__()
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._items = []
        self._state += 1
        if iterable is not self:
            self.extend(iterable)
        else:
            self.extend(list(iterable))

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        m = self._maxlen
        if m is not None and len(self._items) > m:
            del self._items[:len(self._items) - m]

    def append(self, x):
        self._state += 1
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._state += 1
        self._items.insert(0, x)
        m = self._maxlen
        if m is not None and len(self._items) > m:
            del self._items[m:]

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        self._state += 1
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        self._state += 1
        return self._items.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._state += 1
        self._items.clear()

    def copy(self):
        return type(self)(self, self._maxlen) if type(self) is deque else self.__class__(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        n = 0
        state = self._state
        for y in self._items:
            if y is x or y == x:
                n += 1
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return n

    def index(self, x, start=0, stop=_sys.maxsize):
        n = len(self._items)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        stop = min(stop, n)
        state = self._state
        for i in range(start, stop):
            y = self._items[i]
            if y is x or y == x:
                return i
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError('%r is not in deque' % (x,))

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._state += 1
        self._items.insert(i, x)

    def remove(self, value):
        for i, y in enumerate(self._items):
            if y is value or y == value:
                self._state += 1
                del self._items[i]
                return
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        self._state += 1
        self._items.reverse()

    def rotate(self, n=1):
        items = self._items
        if len(items) > 1:
            self._state += 1
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return _deque_iterator(self, False)

    def __reversed__(self):
        return _deque_iterator(self, True)

    def __contains__(self, x):
        state = self._state
        for y in self._items:
            if y is x or y == x:
                return True
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return False

    def _norm(self, i):
        i = i.__index__()
        n = len(self._items)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('deque index out of range')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        return self._items[self._norm(i)]

    def __setitem__(self, i, x):
        self._items[self._norm(i)] = x

    def __delitem__(self, i):
        self._state += 1
        del self._items[self._norm(i)]

    def __repr__(self):
        if _repr_running(self):
            return '[...]'
        try:
            body = repr(self._items)
        finally:
            _repr_done(self)
        if self._maxlen is None:
            return '%s(%s)' % (type(self).__name__, body)
        return '%s(%s, maxlen=%d)' % (type(self).__name__, body, self._maxlen)

    def _cmp_items(self, other):
        if not isinstance(other, deque):
            return None
        return self._items, other._items

    def __eq__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] >= p[1]

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        r = self.copy()
        r.extend(other)
        return r

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        r = self.copy()
        r *= n
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        self._state += 1
        items = self._items * n if n > 0 else []
        self._items = []
        self.extend(items)
        return self

    def __reduce__(self):
        return (type(self), ((), self._maxlen), None, iter(self._items))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

deque.__module__ = 'collections'

_repr_active = set()

def _repr_running(d):
    if id(d) in _repr_active:
        return True
    _repr_active.add(id(d))
    return False

def _repr_done(d):
    _repr_active.discard(id(d))


class _deque_iterator:
    def __init__(self, d, rev):
        self._d = d
        self._state = d._state
        self._n = len(d._items)
        self._i = 0
        self._rev = rev

    def __iter__(self):
        return self

    def __next__(self):
        d = self._d
        if d._state != self._state:
            self._i = self._n
            raise RuntimeError('deque mutated during iteration')
        if self._i >= self._n:
            raise StopIteration
        i = self._i
        self._i += 1
        if self._rev:
            return d._items[self._n - 1 - i]
        return d._items[i]

    def __length_hint__(self):
        return self._n - self._i

_deque_reverse_iterator = _deque_iterator


class defaultdict(dict):
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        v = self.default_factory()
        self[key] = v
        return v

    def __repr__(self):
        f = self.default_factory
        if f is None:
            fr = 'None'
        elif _repr_running(self):
            fr = '...'
        else:
            try:
                fr = repr(f)
            finally:
                _repr_done(self)
        return '%s(%s, %s)' % (type(self).__name__, fr, dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory is not None else ()
        return (type(self), args, None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        r = self.copy()
        r.update(other)
        return r

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        r = type(self)(self.default_factory, other)
        r.update(self)
        return r

    def __ior__(self, other):
        self.update(other)
        return self

defaultdict.__module__ = 'collections'


class _tuplegetter:
    __slots__ = ('_index', '__doc__')

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        try:
            return instance[self._index]
        except IndexError:
            raise IndexError('tuple index out of range')

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __reduce__(self):
        return (type(self), (self._index, self.__doc__))

_tuplegetter.__module__ = 'collections'


def _count_elements(mapping, iterable):
    get = mapping.get
    for elem in iterable:
        mapping[elem] = get(elem, 0) + 1
`
