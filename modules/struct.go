package modules

import (
	"encoding/binary"
	"math"
	"math/big"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeStruct builds _struct: format strings are parsed in Go (byte order and alignment as
// CPython: '@' native sizes and alignment, '=<>!' standard sizes, no alignment), and packing
// and unpacking are Go; Struct, iter_unpack and the error class are a thin Python layer.
func makeStruct(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_struct", structSrc, func(m *vm.Module) {
		fn(m, "_calcsize", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			items, size, err := parseStructFormat(t, a[0])
			if err != nil {
				return nil, err
			}
			_ = items
			return NewInt(int64(size)), nil
		})
		fn(m, "_pack", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			items, size, err := parseStructFormat(t, a[0])
			if err != nil {
				return nil, err
			}
			vals, err := t.ToSlice(a[1])
			if err != nil {
				return nil, err
			}
			buf := make([]byte, size)
			if err := structPack(t, items, buf, vals); err != nil {
				return nil, err
			}
			return NewBytes(buf), nil
		})
		fn(m, "_unpack", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			items, size, err := parseStructFormat(t, a[0])
			if err != nil {
				return nil, err
			}
			data, err := bytesArg(t, a[1])
			if err != nil {
				return nil, err
			}
			off, err := intArg(t, a[2])
			if err != nil {
				return nil, err
			}
			if off < 0 {
				off += int64(len(data))
			}
			if off < 0 || int(off)+size > len(data) {
				return nil, structError(t, "unpack requires a buffer of %d bytes", size)
			}
			return structUnpack(items, data[off:int(off)+size])
		})
	})
}

type structItem struct {
	code   byte
	count  int // repeat count, or the length for 's' and 'p'
	offset int
	size   int
	order  binary.ByteOrder
	native bool
}

func structError(t *vm.Thread, format string, a ...any) error {
	mods := t.Interp().Modules
	if m, ok := mods.GetStr(NewStr("_struct")).(*vm.Module); ok {
		if cls, ok := m.Dict.GetStr(NewStr("error")).(*Type); ok {
			return vm.Errorf(cls, format, a...)
		}
	}
	return vm.Errorf(vm.ValueErrorType, format, a...)
}

func nativeSize(c byte) int {
	switch c {
	case 'x', 'c', 'b', 'B', '?', 's', 'p':
		return 1
	case 'h', 'H', 'e':
		return 2
	case 'i', 'I', 'f':
		return 4
	case 'l', 'L', 'q', 'Q', 'n', 'N', 'd', 'P':
		return 8
	}
	return 0
}

func stdSize(c byte) int {
	switch c {
	case 'x', 'c', 'b', 'B', '?', 's', 'p':
		return 1
	case 'h', 'H', 'e':
		return 2
	case 'i', 'I', 'l', 'L', 'f':
		return 4
	case 'q', 'Q', 'd':
		return 8
	}
	return 0
}

func parseStructFormat(t *vm.Thread, f Object) ([]structItem, int, error) {
	var s string
	switch v := vm.Unwrap(f).(type) {
	case *Str:
		s = v.String()
	case *Bytes:
		s = string(v.B)
	default:
		return nil, 0, vm.TypeError("Struct() argument 1 must be a str or bytes object, not %s", f.Type().Name)
	}
	var order binary.ByteOrder = binary.LittleEndian
	native := true
	if len(s) > 0 {
		switch s[0] {
		case '@':
			s = s[1:]
		case '=', '<':
			native = false
			s = s[1:]
		case '>', '!':
			native = false
			order = binary.BigEndian
			s = s[1:]
		}
	}
	var items []structItem
	size := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		count, hasCount := 0, false
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			count = count*10 + int(s[i]-'0')
			hasCount = true
			i++
			if count > math.MaxInt32 {
				return nil, 0, structError(t, "total struct size too long")
			}
		}
		if i >= len(s) {
			return nil, 0, structError(t, "repeat count given without format specifier")
		}
		c = s[i]
		i++
		if !hasCount {
			count = 1
		}
		var sz int
		if native {
			sz = nativeSize(c)
		} else {
			sz = stdSize(c)
		}
		if sz == 0 || !native && (c == 'n' || c == 'N' || c == 'P') {
			return nil, 0, structError(t, "bad char in struct format")
		}
		if native && c != 's' && c != 'p' && c != 'x' && c != 'c' && c != 'b' && c != 'B' && c != '?' {
			if r := size % sz; r != 0 {
				size += sz - r
			}
		}
		if c == 's' || c == 'p' {
			items = append(items, structItem{code: c, count: count, offset: size, size: count, order: order, native: native})
			size += count
			continue
		}
		if c == 'x' {
			size += count
			continue
		}
		for k := 0; k < count; k++ {
			items = append(items, structItem{code: c, count: 1, offset: size, size: sz, order: order, native: native})
			size += sz
		}
	}
	return items, size, nil
}

func structPack(t *vm.Thread, items []structItem, buf []byte, vals []Object) error {
	if len(vals) != len(items) {
		return structError(t, "pack expected %d items for packing (got %d)", len(items), len(vals))
	}
	for i, it := range items {
		v := vals[i]
		b := buf[it.offset : it.offset+it.size]
		switch it.code {
		case 's', 'p':
			var data []byte
			switch x := vm.Unwrap(v).(type) {
			case *Bytes:
				data = x.B
			case *vm.ByteArray:
				data = x.B
			default:
				return structError(t, "argument for '%c' must be a bytes object", it.code)
			}
			if it.code == 'p' {
				if it.size == 0 {
					continue
				}
				n := len(data)
				if n > it.size-1 {
					n = it.size - 1
				}
				if n > 255 {
					n = 255
				}
				copy(b[1:], data[:n])
				b[0] = byte(n)
				continue
			}
			copy(b, data)
		case 'c':
			x, ok := vm.Unwrap(v).(*Bytes)
			if !ok || len(x.B) != 1 {
				return structError(t, "char format requires a bytes object of length 1")
			}
			b[0] = x.B[0]
		case '?':
			tr, err := t.IsTrue(v)
			if err != nil {
				return err
			}
			if tr {
				b[0] = 1
			}
		case 'e', 'f', 'd':
			f, err := t.ToFloat(v)
			if err != nil {
				return structError(t, "required argument is not a float")
			}
			switch it.code {
			case 'd':
				it.order.PutUint64(b, math.Float64bits(f))
			case 'f':
				f32 := float32(f)
				if math.IsInf(float64(f32), 0) && !math.IsInf(f, 0) {
					return vm.Errorf(vm.OverflowErrorType, "float too large to pack with f format")
				}
				it.order.PutUint32(b, math.Float32bits(f32))
			case 'e':
				h, ok := float16bits(f)
				if !ok {
					return vm.Errorf(vm.OverflowErrorType, "float too large to pack with e format")
				}
				it.order.PutUint16(b, h)
			}
		default:
			iv, ok := vm.AsInt(v)
			if !ok {
				idx, err := t.Index(v)
				if err != nil {
					return structError(t, "required argument is not an integer")
				}
				iv = idx
			}
			bi := iv.Big()
			signed := it.code == 'b' || it.code == 'h' || it.code == 'i' || it.code == 'l' || it.code == 'q' || it.code == 'n'
			bits := uint(it.size * 8)
			var lo, hi *big.Int
			if signed {
				lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
				hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
			} else {
				lo = big.NewInt(0)
				hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
			}
			if bi.Cmp(lo) < 0 || bi.Cmp(hi) > 0 {
				if it.code == 'b' || it.code == 'B' {
					if signed {
						return structError(t, "byte format requires -128 <= number <= 127")
					}
					return structError(t, "ubyte format requires 0 <= number <= 255")
				}
				if !signed && bi.Sign() < 0 && !it.native {
					return structError(t, "argument out of range")
				}
				if it.code == 'h' {
					return structError(t, "short format requires -32768 <= number <= 32767")
				}
				if it.code == 'H' {
					return structError(t, "ushort format requires 0 <= number <= 65535")
				}
				if it.native {
					return structError(t, "argument out of range")
				}
				if signed {
					return structError(t, "'%c' format requires %s <= number <= %s", it.code, lo.String(), hi.String())
				}
				return structError(t, "'%c' format requires 0 <= number <= %s", it.code, hi.String())
			}
			u := new(big.Int).Set(bi)
			if u.Sign() < 0 {
				u.Add(u, new(big.Int).Lsh(big.NewInt(1), bits))
			}
			x := u.Uint64()
			switch it.size {
			case 1:
				b[0] = byte(x)
			case 2:
				it.order.PutUint16(b, uint16(x))
			case 4:
				it.order.PutUint32(b, uint32(x))
			case 8:
				it.order.PutUint64(b, x)
			}
		}
	}
	return nil
}

func structUnpack(items []structItem, data []byte) (Object, error) {
	out := make([]Object, len(items))
	for i, it := range items {
		b := data[it.offset : it.offset+it.size]
		switch it.code {
		case 's':
			out[i] = NewBytes(append([]byte(nil), b...))
		case 'p':
			if it.size == 0 {
				out[i] = NewBytes(nil)
				continue
			}
			n := int(b[0])
			if n > it.size-1 {
				n = it.size - 1
			}
			out[i] = NewBytes(append([]byte(nil), b[1:1+n]...))
		case 'c':
			out[i] = NewBytes([]byte{b[0]})
		case '?':
			out[i] = NewBool(b[0] != 0)
		case 'd':
			out[i] = NewFloat(math.Float64frombits(it.order.Uint64(b)))
		case 'f':
			out[i] = NewFloat(float64(math.Float32frombits(it.order.Uint32(b))))
		case 'e':
			out[i] = NewFloat(float16toFloat(it.order.Uint16(b)))
		default:
			var x uint64
			switch it.size {
			case 1:
				x = uint64(b[0])
			case 2:
				x = uint64(it.order.Uint16(b))
			case 4:
				x = uint64(it.order.Uint32(b))
			case 8:
				x = it.order.Uint64(b)
			}
			signed := it.code == 'b' || it.code == 'h' || it.code == 'i' || it.code == 'l' || it.code == 'q' || it.code == 'n'
			if signed {
				shift := uint(64 - it.size*8)
				out[i] = NewInt(int64(x<<shift) >> shift)
			} else if x > math.MaxInt64 {
				out[i] = NewIntBig(new(big.Int).SetUint64(x))
			} else {
				out[i] = NewInt(int64(x))
			}
		}
	}
	return NewTuple(out), nil
}

// float16bits rounds f to IEEE 754 half precision (round half to even).
func float16bits(f float64) (uint16, bool) {
	bits := math.Float64bits(f)
	sign := uint16(bits>>48) & 0x8000
	if math.IsNaN(f) {
		return sign | 0x7e00, true
	}
	a := math.Abs(f)
	if math.IsInf(f, 0) {
		return sign | 0x7c00, true
	}
	if a == 0 {
		return sign, true
	}
	// Scale to units of the smallest subnormal (2^-24) or of the exponent's ulp.
	e := math.Ilogb(a)
	if e < -14 {
		m := math.RoundToEven(a * (1 << 24))
		if m >= 1024 {
			return sign | 0x0400, true
		}
		return sign | uint16(m), true
	}
	m := math.RoundToEven(math.Ldexp(a, 10-e))
	if m >= 2048 {
		m /= 2
		e++
	}
	if e > 15 {
		return 0, false
	}
	return sign | uint16(e+15)<<10 | (uint16(m) & 0x3ff), true
}

func float16toFloat(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	switch e {
	case 0:
		return sign * math.Ldexp(m, -24)
	case 31:
		if m == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1+m/1024, e-15)
}

const structSrc = `
class error(Exception):
    pass

error.__module__ = 'struct'

_cache = {}


class Struct:
    def __init__(self, format):
        if isinstance(format, str):
            pass
        elif isinstance(format, bytes):
            pass
        else:
            raise TypeError('Struct() argument 1 must be a str or bytes object, not %s' % type(format).__name__)
        self._fmt = format
        self.size = _calcsize(format)

    @property
    def format(self):
        f = self._fmt
        return f.decode('latin-1') if isinstance(f, bytes) else f

    def pack(self, *args):
        return _pack(self._fmt, args)

    def pack_into(self, buffer, offset, *args):
        data = _pack(self._fmt, args)
        if offset < 0:
            offset += len(buffer)
            if offset < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset - len(buffer), len(buffer)))
        if len(buffer) - offset < len(data):
            raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)'
                        % (len(data) + offset, len(data), offset, len(buffer)))
        buffer[offset:offset + len(data)] = data

    def unpack(self, buffer):
        if len(buffer) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return _unpack(self._fmt, buffer, 0)

    def unpack_from(self, buffer, offset=0):
        if offset >= 0 and len(buffer) - offset < self.size:
            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)'
                        % (self.size + offset, self.size, offset, len(buffer)))
        return _unpack(self._fmt, buffer, offset)

    def iter_unpack(self, buffer):
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(buffer) % self.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % self.size)
        return (_unpack(self._fmt, buffer, i) for i in range(0, len(buffer), self.size))

    def __repr__(self):
        return 'Struct(%r)' % (self._fmt,)

Struct.__module__ = '_struct'


def _get(fmt):
    s = _cache.get(fmt)
    if s is None:
        if len(_cache) > 100:
            _cache.clear()
        s = _cache[fmt] = Struct(fmt)
    return s


def _clearcache():
    _cache.clear()


def calcsize(format):
    return _get(format).size


def pack(format, *args):
    return _get(format).pack(*args)


def pack_into(format, buffer, offset, *args):
    return _get(format).pack_into(buffer, offset, *args)


def unpack(format, buffer):
    return _get(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _get(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _get(format).iter_unpack(buffer)
`
