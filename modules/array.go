package modules

import (
	"gopyc/vm"
)

// makeArray builds array: array objects keep their items in a Python list and are checked
// and converted by typecode (sizes and ranges as CPython's on x86-64 Linux); tobytes and
// frombytes go through struct.
func makeArray(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "array", arraySrc, nil)
}

const arraySrc = `
typecodes = 'bBuhHiIlLqQfd'
_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8,
          'f': 4, 'd': 8}
_NAMES = {'b': 'signed char', 'B': 'unsigned char', 'h': 'signed short', 'H': 'unsigned short',
          'i': 'signed int', 'I': 'unsigned int', 'l': 'signed long', 'L': 'unsigned long',
          'q': 'signed long long', 'Q': 'unsigned long long'}


def _check(tc, v):
    if tc in 'fd':
        if not isinstance(v, (int, float)) and not hasattr(v, '__float__'):
            raise TypeError('must be real number, not %s' % type(v).__name__)
        return float(v)
    if tc == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError('array item must be unicode character')
        return v
    if not isinstance(v, int):
        if isinstance(v, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        v = v.__index__()
    bits = _SIZES[tc] * 8
    if tc.isupper():
        lo, hi = 0, (1 << bits) - 1
    else:
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    if not lo <= v <= hi:
        if tc == 'b':
            raise OverflowError('signed char is greater than maximum' if v > hi else 'signed char is less than minimum')
        if tc == 'B':
            raise OverflowError('unsigned byte integer is greater than maximum' if v > hi else 'unsigned byte integer is less than minimum')
        if tc.isupper() and v < 0:
            raise OverflowError('unsigned %s is less than minimum' % _NAMES[tc].split()[1])
        raise OverflowError('%s is greater than maximum' % _NAMES[tc] if v > hi else '%s is less than minimum' % _NAMES[tc])
    return v


class array:
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in typecodes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self._tc = typecode
        self._v = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r' % typecode)
            self._v = list(initializer)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def _fmt(self, n):
        if self._tc == 'u':
            return '<%dI' % n
        tc = {'l': 'q', 'L': 'Q'}.get(self._tc, self._tc)
        return '<%d%s' % (n, tc)

    def append(self, v):
        self._v.append(_check(self._tc, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError('can only extend with array of same kind')
            self._v.extend(iterable._v)
            return
        for v in iterable:
            self.append(v)

    def insert(self, i, v):
        self._v.insert(i, _check(self._tc, v))

    def pop(self, i=-1):
        if not self._v:
            raise IndexError('pop from empty array')
        return self._v.pop(i)

    def remove(self, v):
        try:
            self._v.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        try:
            return self._v.index(v, start, len(self._v) if stop is None else stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v):
        return self._v.count(v)

    def reverse(self):
        self._v.reverse()

    def byteswap(self):
        import struct
        n = self.itemsize
        data = self.tobytes()
        swapped = b''.join(data[i:i + n][::-1] for i in range(0, len(data), n))
        self._v = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self), len(self._v))

    def tobytes(self):
        import struct
        if self._tc == 'u':
            return struct.pack(self._fmt(len(self._v)), *map(ord, self._v))
        return struct.pack(self._fmt(len(self._v)), *self._v)

    def frombytes(self, data):
        import struct
        data = bytes(data)
        if len(data) % self.itemsize:
            raise ValueError('bytes length not a multiple of item size')
        vals = struct.unpack(self._fmt(len(data) // self.itemsize), data)
        if self._tc == 'u':
            vals = map(chr, vals)
        self._v.extend(vals)

    def tolist(self):
        return list(self._v)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        new = [_check(self._tc, v) for v in items]
        self._v.extend(new)

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._v)

    def fromunicode(self, s):
        if self._tc != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._v.extend(s)

    def tofile(self, f):
        f.write(self.tobytes())

    def fromfile(self, f, n):
        data = f.read(n * self.itemsize)
        self.frombytes(data[:len(data) - len(data) % self.itemsize])
        if len(data) < n * self.itemsize:
            raise EOFError("read() didn't return enough bytes")

    def __len__(self):
        return len(self._v)

    def __iter__(self):
        return iter(self._v)

    def __contains__(self, v):
        return v in self._v

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = array(self._tc)
            r._v = self._v[i]
            return r
        try:
            return self._v[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            self._v[i] = v._v
            return
        self._v[i] = _check(self._tc, v)

    def __delitem__(self, i):
        del self._v[i]

    def __add__(self, other):
        if not isinstance(other, array) or other._tc != self._tc:
            return NotImplemented
        r = array(self._tc)
        r._v = self._v + other._v
        return r

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        r = array(self._tc)
        r._v = self._v * n
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        self._v *= n
        return self

    def _cmp(self, other):
        if not isinstance(other, array):
            return None
        return self._v, other._v

    def __eq__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp(other)
        return NotImplemented if p is None else p[0] >= p[1]

    __hash__ = None

    def __copy__(self):
        return self[:]

    def __deepcopy__(self, memo):
        return self[:]

    def __reduce_ex__(self, protocol):
        return (array, (self._tc, self.tolist() if self._tc != 'u' else self.tounicode()))

    def __repr__(self):
        if not self._v:
            return "array('%s')" % self._tc
        if self._tc == 'u':
            return "array('u', %r)" % (''.join(self._v),)
        return "array('%s', %r)" % (self._tc, self._v)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

ArrayType = array
array.__module__ = 'array'
`
