package modules

import (
	"gopyc/vm"
)

// makeItertools builds itertools. Each of CPython's iterator types is a class here too
// (isinstance checks and chain.from_iterable work), written in Python over the VM's
// iteration protocol; the results, argument checks and reprs follow CPython's.
func makeItertools(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "itertools", itertoolsSrc, nil)
}

const itertoolsSrc = `
class _Base:
    def __iter__(self):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class count(_Base):
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(v, '__add__'):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)

    def __reduce__(self):
        return (type(self), (self._n, self._step))


class cycle(_Base):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._i = -1

    def __next__(self):
        if self._it is not None:
            try:
                x = next(self._it)
            except StopIteration:
                self._it = None
            else:
                self._saved.append(x)
                return x
        if not self._saved:
            raise StopIteration
        self._i = (self._i + 1) % len(self._saved)
        return self._saved[self._i]


class repeat(_Base):
    def __init__(self, object, times=None):
        self._ob = object
        if times is not None:
            times = times.__index__()
            if times < 0:
                times = 0
        self._times = times

    def __next__(self):
        if self._times is None:
            return self._ob
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._ob

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._ob,)
        return 'repeat(%r, %d)' % (self._ob, self._times)


class accumulate(_Base):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._first = initial is not None
        self._started = False

    def __next__(self):
        if self._first:
            self._first = False
            self._started = True
            return self._total
        x = next(self._it)
        if not self._started:
            self._started = True
            self._total = x
        elif self._func is None:
            self._total = self._total + x
        else:
            self._total = self._func(self._total, x)
        return self._total


class chain(_Base):
    def __init__(self, *iterables):
        self._src = iter(iterables)
        self._cur = None

    @classmethod
    def from_iterable(cls, iterable):
        self = cls.__new__(cls)
        self._src = iter(iterable)
        self._cur = None
        return self

    def __next__(self):
        while True:
            if self._cur is None:
                self._cur = iter(next(self._src))
            try:
                return next(self._cur)
            except StopIteration:
                self._cur = None


class compress(_Base):
    def __init__(self, data, selectors):
        self._d = iter(data)
        self._s = iter(selectors)

    def __next__(self):
        while True:
            d = next(self._d)
            if next(self._s):
                return d


class dropwhile(_Base):
    def __init__(self, predicate, iterable):
        self._p = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            return next(self._it)
        for x in self._it:
            if not self._p(x):
                self._done = True
                return x
        raise StopIteration


class takewhile(_Base):
    def __init__(self, predicate, iterable):
        self._p = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._p(x):
            return x
        self._done = True
        raise StopIteration


class filterfalse(_Base):
    def __init__(self, function, iterable):
        self._f = function
        self._it = iter(iterable)

    def __next__(self):
        f = self._f
        for x in self._it:
            if not (bool(x) if f is None else f(x)):
                return x
        raise StopIteration


class _Grouper(_Base):
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        p = self._parent
        if p._cur is not self:
            raise StopIteration
        if p._pending:
            p._pending = False
            return p._val
        try:
            v = next(p._it)
        except StopIteration:
            p._cur = None
            p._exhausted = True
            raise
        k = v if p._keyfunc is None else p._keyfunc(v)
        if k == self._key:
            return v
        p._cur = None
        p._tgtval, p._tgtkey, p._havetgt = v, k, True
        raise StopIteration


class groupby(_Base):
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._cur = None
        self._pending = False
        self._havetgt = False
        self._exhausted = False

    def __next__(self):
        if self._cur is not None:
            g = self._cur
            self._cur = None
            while True:
                self._cur = g
                try:
                    next(g)
                except StopIteration:
                    break
            self._cur = None
        if not self._havetgt:
            if self._exhausted:
                raise StopIteration
            v = next(self._it)
            k = v if self._keyfunc is None else self._keyfunc(v)
        else:
            v, k = self._tgtval, self._tgtkey
            self._havetgt = False
        g = _Grouper(self, k)
        self._cur = g
        self._pending = True
        self._val = v
        return (k, g)


class islice(_Base):
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        else:
            raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
        def conv(v, what, dflt):
            if v is None:
                return dflt
            try:
                v = v.__index__()
            except AttributeError:
                v = -1
            if v < 0 and what:
                raise ValueError(what)
            return v
        msg = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
        self._stop = conv(stop, msg, None)
        self._start = conv(start, 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.', 0)
        self._step = conv(step, 'Step for islice() must be a positive integer or None.', 1)
        if self._step == 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = self._start
        self._i = 0

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        while self._i < self._next:
            if self._stop is not None and self._i >= self._stop:
                self._it = None
                raise StopIteration
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._i += 1
        if self._stop is not None and self._i >= self._stop:
            self._it = None
            raise StopIteration
        try:
            x = next(it)
        except StopIteration:
            self._it = None
            raise
        self._i += 1
        self._next += self._step
        return x


class pairwise(_Base):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._started = False

    def __next__(self):
        if not self._started:
            self._last = next(self._it)
            self._started = True
        x = next(self._it)
        r = (self._last, x)
        self._last = x
        return r


class starmap(_Base):
    def __init__(self, function, iterable):
        self._f = function
        self._it = iter(iterable)

    def __next__(self):
        return self._f(*next(self._it))


class _TeeData:
    def __init__(self, it):
        self.it = it
        self.buf = []
        self.base = 0
        self.positions = {}


class _tee(_Base):
    def __init__(self, data, pos):
        self._data = data
        self._pos = pos

    def __next__(self):
        d = self._data
        i = self._pos - d.base
        if i < len(d.buf):
            x = d.buf[i]
        else:
            x = next(d.it)
            d.buf.append(x)
        self._pos += 1
        return x

    def __copy__(self):
        return _tee(self._data, self._pos)

_tee.__name__ = _tee.__qualname__ = '_tee'


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(_TeeData(it), 0)
    return tuple([first] + [first.__copy__() for _ in range(n - 1)])


class zip_longest(_Base):
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(x) for x in iterables]
        self._fill = fillvalue
        self._active = len(self._its)

    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        out = []
        for i, it in enumerate(self._its):
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._active -= 1
                if self._active == 0:
                    raise
                self._its[i] = None
                out.append(self._fill)
        return tuple(out)


class product(_Base):
    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(p) for p in iterables] * repeat
        self._pools = pools
        self._idx = None

    def __next__(self):
        pools = self._pools
        if self._idx is None:
            if any(len(p) == 0 for p in pools):
                self._pools = None
                raise StopIteration
            self._idx = [0] * len(pools)
            return tuple(p[0] for p in pools)
        if pools is None:
            raise StopIteration
        idx = self._idx
        i = len(pools) - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            self._pools = None
            raise StopIteration
        return tuple(p[j] for p, j in zip(pools, idx))


class permutations(_Base):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool, self._n, self._r = pool, n, r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, n, r, indices, cycles = self._pool, self._n, self._r, self._indices, self._cycles
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices[:r])
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[i] for i in indices[:r])
        self._done = True
        raise StopIteration


class combinations(_Base):
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool, self._r = pool, r
        self._indices = list(range(r))
        self._first = True
        self._done = r > len(pool)

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[i] for i in indices)


class combinations_with_replacement(_Base):
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool, self._r = pool, r
        self._indices = [0] * r
        self._first = True
        self._done = not pool and r > 0

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[i] for i in indices)


for _c in (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse,
           groupby, islice, pairwise, starmap, zip_longest, product, permutations, combinations,
           combinations_with_replacement, _tee, _Grouper):
    _c.__module__ = 'itertools'
del _c
`
