package modules

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeZlib builds zlib: compression over Go's compress/flate Writer (with gopyc's own zlib
// and gzip wrappers), decompression with gopyc's resumable inflater (inflate.go), checksums
// over hash/crc32 and a local Adler-32. Compress and Decompress are small Python classes
// around the Go state; argument checking and errors follow CPython 3.11's zlib module
// (linked against zlib 1.2.13). Compressed bytes differ from C zlib's (another encoder) but
// are valid streams; with a window smaller than 32 KiB (|wbits| < 15) the encoder uses
// Huffman coding only, as Go's matcher cannot be limited to a smaller window.
func makeZlib(t *vm.Thread) (*vm.Module, error) {
	var mod *vm.Module
	zerr := func(t *vm.Thread, format string, a ...any) error {
		cls := mod.Dict.GetStr(NewStr("error"))
		exc, err := t.Call(cls, []Object{NewStr(fmt.Sprintf(format, a...))}, nil)
		if err != nil {
			return err
		}
		if e, ok := exc.(*vm.Exception); ok {
			return e
		}
		return vm.ValueError(format, a...)
	}
	inflErr := func(t *vm.Thread, err error, while string) error {
		ie, ok := err.(*inflateError)
		if !ok {
			return err
		}
		switch {
		case ie.code == 2:
			return zerr(t, "Error 2 %s", while)
		case ie.msg == "zdict":
			return zerr(t, "Error -3 while setting zdict: invalid input data")
		}
		return zerr(t, "Error %d %s: %s", ie.code, while, ie.msg)
	}
	m, err := pyModule(t, "zlib", zlibSrc, func(m *vm.Module) {
		mod = m
		fn(m, "crc32", 1, 2, func(t *vm.Thread, a []Object) (Object, error) {
			b, err := zbuf(t, a[0])
			if err != nil {
				return nil, err
			}
			v, err := zcheckStart(t, a, 0)
			if err != nil {
				return nil, err
			}
			return NewInt(int64(crc32.Update(v, crc32.IEEETable, b))), nil
		})
		fn(m, "adler32", 1, 2, func(t *vm.Thread, a []Object) (Object, error) {
			b, err := zbuf(t, a[0])
			if err != nil {
				return nil, err
			}
			v, err := zcheckStart(t, a, 1)
			if err != nil {
				return nil, err
			}
			return NewInt(int64(adler32Update(v, b))), nil
		})
		// _compress(data, level, wbits): zlib.compress
		fn(m, "_compress", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			b, err := zbuf(t, a[0])
			if err != nil {
				return nil, err
			}
			iv, err := zints(t, a[1:])
			if err != nil {
				return nil, err
			}
			d, ok := newDeflater(iv[0], iv[1], 0, nil)
			if !ok {
				return nil, zerr(t, "Bad compression level")
			}
			d.write(b)
			return NewBytes(d.finish()), nil
		})
		// _cnew(level, method, wbits, memLevel, strategy, zdict or None)
		fn(m, "_cnew", 6, 6, func(t *vm.Thread, a []Object) (Object, error) {
			iv, err := zints(t, a[:5])
			if err != nil {
				return nil, err
			}
			var dict []byte
			if a[5] != None {
				if dict, err = zbuf(t, a[5]); err != nil {
					return nil, err
				}
				dict = append([]byte{}, dict...)
			}
			if iv[1] != 8 || iv[3] < 1 || iv[3] > 9 || iv[4] < 0 || iv[4] > 4 {
				return nil, vm.ValueError("Invalid initialization option")
			}
			d, ok := newDeflater(iv[0], iv[2], iv[4], dict)
			if !ok {
				return nil, vm.ValueError("Invalid initialization option")
			}
			return d, nil
		})
		fn(m, "_ccompress", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			d := a[0].(*deflater)
			b, err := zbuf(t, a[1])
			if err != nil {
				return nil, err
			}
			if d.done {
				return nil, zerr(t, "Error -2 while compressing data: inconsistent stream state")
			}
			d.write(b)
			return NewBytes(d.take()), nil
		})
		fn(m, "_cflush", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			d := a[0].(*deflater)
			iv, err := zints(t, a[1:])
			if err != nil {
				return nil, err
			}
			mode := iv[0]
			if mode == 0 {
				return NewBytes(nil), nil
			}
			if d.done || mode < 0 || mode > 5 {
				return nil, zerr(t, "Error -2 while flushing: inconsistent stream state")
			}
			switch mode {
			case 4:
				return NewBytes(d.finish()), nil
			case 3:
				d.fullFlush()
			default:
				d.w.Flush()
			}
			return NewBytes(d.take()), nil
		})
		fn(m, "_ccopy", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			d := a[0].(*deflater)
			if d.done {
				return nil, vm.ValueError("Inconsistent stream state")
			}
			return d.copyState(), nil
		})
		// _decompress(data, wbits, bufsize): zlib.decompress
		fn(m, "_decompress", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			b, err := zbuf(t, a[0])
			if err != nil {
				return nil, err
			}
			iv, err := zints(t, a[1:])
			if err != nil {
				return nil, err
			}
			if iv[1] < 0 {
				return nil, vm.ValueError("bufsize must be non-negative")
			}
			wrap, wb, ok := inflateWbits(iv[0])
			if !ok {
				return nil, zerr(t, "Error -2 while preparing to decompress data: inconsistent stream state")
			}
			z := newInflater(wrap, wb, nil)
			out, _, ierr := z.inflate(b, -1)
			if ierr != nil {
				return nil, inflErr(t, ierr, "while decompressing data")
			}
			if !z.eof() {
				return nil, zerr(t, "Error -5 while decompressing data: incomplete or truncated stream")
			}
			return NewBytes(out), nil
		})
		// _dnew(wbits, zdict or None)
		fn(m, "_dnew", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			iv, err := zints(t, a[:1])
			if err != nil {
				return nil, err
			}
			var dict []byte
			if a[1] != None {
				if dict, err = zbuf(t, a[1]); err != nil {
					return nil, vm.TypeError("zdict argument must support the buffer protocol")
				}
				dict = append([]byte{}, dict...)
			}
			wrap, wb, ok := inflateWbits(iv[0])
			if !ok {
				return nil, vm.ValueError("Invalid initialization option")
			}
			return &zInflater{z: newInflater(wrap, wb, dict)}, nil
		})
		// _ddecompress(state, data, max_length, flushing) -> (out, unconsumed_tail, unused, eof)
		fn(m, "_ddecompress", 4, 4, func(t *vm.Thread, a []Object) (Object, error) {
			zi := a[0].(*zInflater)
			b, err := zbuf(t, a[1])
			if err != nil {
				return nil, err
			}
			iv, err := zints(t, a[2:3])
			if err != nil {
				return nil, err
			}
			flushing := a[3] == True
			limit := iv[0]
			if flushing {
				if limit <= 0 {
					return nil, vm.ValueError("length must be greater than zero")
				}
				limit = -1
			} else if limit < 0 {
				return nil, vm.ValueError("max_length must be non-negative")
			} else if limit == 0 {
				limit = -1
			}
			while := "while decompressing data"
			if flushing {
				while = "while flushing"
			}
			if zi.err != nil {
				return nil, inflErr(t, zi.err, while)
			}
			z := zi.z
			empty := NewBytes(nil)
			if zi.ended {
				// flush() saw the end: CPython has released the zlib stream
				if flushing {
					return NewTuple([]Object{empty, NewBytes(append([]byte{}, b...)), empty, True}), nil
				}
				return nil, zerr(t, "Error -2 while decompressing data: inconsistent stream state")
			}
			if flushing && z.eof() {
				zi.ended = true
			}
			if z.eof() {
				rest := NewBytes(append([]byte{}, b...))
				return NewTuple([]Object{empty, rest, rest, True}), nil
			}
			out, used, ierr := z.inflate(b, limit)
			if ierr != nil {
				zi.err = ierr
				return nil, inflErr(t, ierr, while)
			}
			if z.eof() {
				zi.ended = flushing
				unused := append(z.leftover(), b[used:]...)
				return NewTuple([]Object{NewBytes(out), NewBytes(append([]byte{}, b[used:]...)), NewBytes(unused), True}), nil
			}
			return NewTuple([]Object{NewBytes(out), NewBytes(append([]byte{}, b[used:]...)), empty, False}), nil
		})
		fn(m, "_dcopy", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			zi := a[0].(*zInflater)
			if zi.ended {
				return nil, vm.ValueError("Inconsistent stream state")
			}
			return &zInflater{z: zi.z.copyState(), err: zi.err}, nil
		})
	})
	return m, err
}

// zbuf returns the bytes of a bytes-like argument.
func zbuf(t *vm.Thread, o Object) ([]byte, error) {
	switch v := vm.Unwrap(o).(type) {
	case *Bytes:
		return v.B, nil
	case *vm.ByteArray:
		return v.B, nil
	case *vm.MemoryView:
		r, err := t.Call(BytesType, []Object{v}, nil)
		if err != nil {
			return nil, err
		}
		return r.(*Bytes).B, nil
	}
	return nil, vm.TypeError("a bytes-like object is required, not '%s'", TypeName(o))
}

// zints converts integer arguments (TypeError for non-integers, as CPython's converters).
func zints(t *vm.Thread, a []Object) ([]int, error) {
	r := make([]int, len(a))
	for i, o := range a {
		v, err := t.Index(o)
		if err != nil {
			return nil, err
		}
		x, ok := v.Int64()
		if !ok || x > 1<<40 || x < -(1<<40) {
			if v.Sign() < 0 {
				x = -(1 << 40)
			} else {
				x = 1 << 40
			}
		}
		r[i] = int(x)
	}
	return r, nil
}

// zcheckStart is the starting value of crc32/adler32: a[1] modulo 2**32, or def.
func zcheckStart(t *vm.Thread, a []Object, def uint32) (uint32, error) {
	if len(a) < 2 {
		return def, nil
	}
	v, err := t.Index(a[1])
	if err != nil {
		return 0, err
	}
	var m big32
	return m.mod(v), nil
}

type big32 struct{}

func (big32) mod(v *Int) uint32 {
	if x, ok := v.Int64(); ok {
		return uint32(x)
	}
	b := v.Big()
	var w uint32
	words := b.Bits()
	if len(words) > 0 {
		w = uint32(words[0])
	}
	if b.Sign() < 0 {
		w = -w
	}
	return w
}

// inflateWbits maps decompression's wbits to a wrapper and window bits as zlib's
// inflateInit2 does (0 and 32: the window size from the zlib header).
func inflateWbits(wbits int) (wrap, wb int, ok bool) {
	switch {
	case wbits < 0:
		if wbits < -15 || wbits > -8 {
			return 0, 0, false
		}
		return wrapRaw, -wbits, true
	case wbits >= 48:
		return 0, 0, false
	}
	wrap = [3]int{wrapZlib, wrapGzip, wrapAuto}[wbits>>4]
	wb = wbits & 15
	if wb != 0 && wb < 8 {
		return 0, 0, false
	}
	return wrap, wb, true
}

// zInflater is a decompressobj's Go state.
type zInflater struct {
	z     *inflater
	err   error // a data error is final, as in zlib
	ended bool  // flush() reached the end of the stream
}

var zInflaterType = &Type{Name: "_zlib_inflater"}

func (*zInflater) Type() *Type { return zInflaterType }

// deflater is a compressobj's Go state: a flate.Writer writing into buf, and the wrapper.
type deflater struct {
	w      *flate.Writer
	buf    bytes.Buffer
	level  int // Go's level
	wrap   int
	check  uint32
	size   uint32
	recent []byte // the last 32 KiB of input, the dictionary of a copy's new writer
	done   bool
}

var deflaterType = &Type{Name: "_zlib_deflater"}

func (*deflater) Type() *Type { return deflaterType }

// newDeflater checks the parameters as zlib's deflateInit2 (ok false: Z_STREAM_ERROR) and
// writes the header.
func newDeflater(level, wbits, strategy int, dict []byte) (*deflater, bool) {
	if level == -1 {
		level = 6
	}
	wrap := wrapZlib
	switch {
	case wbits < 0:
		if wbits < -15 {
			return nil, false
		}
		wrap, wbits = wrapRaw, -wbits
	case wbits > 15:
		wrap, wbits = wrapGzip, wbits-16
	}
	if wbits < 8 || wbits > 15 || level < 0 || level > 9 || (wbits == 8 && wrap != wrapZlib) {
		return nil, false
	}
	if wbits == 8 {
		wbits = 9
	}
	d := &deflater{level: level, wrap: wrap}
	if level > 0 && (strategy == 2 || wbits < 15) {
		d.level = flate.HuffmanOnly
	}
	var flags byte
	switch {
	case strategy >= 2 || level < 2:
		flags = 0
	case level < 6:
		flags = 1
	case level == 6:
		flags = 2
	default:
		flags = 3
	}
	switch wrap {
	case wrapZlib:
		cmf := byte(wbits-8)<<4 | 8
		flg := flags << 6
		if dict != nil {
			flg |= 0x20
		}
		flg += byte(31 - (uint(cmf)<<8|uint(flg))%31)
		d.buf.Write([]byte{cmf, flg})
		if dict != nil {
			d.buf.Write(binary.BigEndian.AppendUint32(nil, adler32Update(1, dict)))
		}
		d.check = 1
	case wrapGzip:
		xfl := byte(0)
		if level == 9 {
			xfl = 2
		} else if strategy >= 2 || level < 2 {
			xfl = 4
		}
		d.buf.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
	}
	if len(dict) > windowSize {
		dict = dict[len(dict)-windowSize:]
	}
	d.newWriter(dict)
	return d, true
}

// newWriter starts a flate.Writer whose history holds dict. NewWriterDict is not used: its
// first stored block would repeat the dictionary; instead the dictionary is compressed into
// a discarded stream up to a sync flush, after which the writer's output starts afresh at a
// byte boundary with the dictionary in its window.
func (d *deflater) newWriter(dict []byte) {
	sink := &deflateSink{buf: &d.buf, discard: len(dict) > 0}
	w, err := flate.NewWriter(sink, d.level)
	if err != nil {
		panic(err) // levels are checked by newDeflater
	}
	if len(dict) > 0 {
		w.Write(dict)
		w.Flush()
		sink.discard = false
	}
	d.w = w
}

// deflateSink is the writer's destination: buf, or nowhere while a dictionary is primed.
type deflateSink struct {
	buf     *bytes.Buffer
	discard bool
}

func (s *deflateSink) Write(b []byte) (int, error) {
	if s.discard {
		return len(b), nil
	}
	return s.buf.Write(b)
}

func (d *deflater) write(b []byte) {
	if len(b) == 0 {
		return
	}
	d.w.Write(b)
	d.size += uint32(len(b))
	switch d.wrap {
	case wrapZlib:
		d.check = adler32Update(d.check, b)
	case wrapGzip:
		d.check = crc32.Update(d.check, crc32.IEEETable, b)
	}
	if len(b) >= windowSize {
		d.recent = append(d.recent[:0], b[len(b)-windowSize:]...)
		return
	}
	if len(d.recent)+len(b) > 2*windowSize {
		n := copy(d.recent, d.recent[len(d.recent)-windowSize:])
		d.recent = d.recent[:n]
	}
	d.recent = append(d.recent, b...)
}

// take returns the output produced so far and empties the buffer.
func (d *deflater) take() []byte {
	out := append([]byte{}, d.buf.Bytes()...)
	d.buf.Reset()
	return out
}

// fullFlush flushes and starts a new writer with an empty history (Z_FULL_FLUSH: decoding
// can restart from here).
func (d *deflater) fullFlush() {
	d.w.Flush()
	d.recent = d.recent[:0]
	d.newWriter(nil)
}

// finish ends the stream with the trailer and returns the remaining output.
func (d *deflater) finish() []byte {
	d.w.Close()
	switch d.wrap {
	case wrapZlib:
		d.buf.Write(binary.BigEndian.AppendUint32(nil, d.check))
	case wrapGzip:
		d.buf.Write(binary.LittleEndian.AppendUint32(nil, d.check))
		d.buf.Write(binary.LittleEndian.AppendUint32(nil, d.size))
	}
	d.done = true
	return d.take()
}

// copyState makes an independent compressor continuing the same stream: the original is
// flushed (a sync point, which both continue after) and the copy gets a new writer whose
// dictionary is the recent input, so that its matches stay within the decoder's window.
func (d *deflater) copyState() *deflater {
	d.w.Flush()
	c := &deflater{level: d.level, wrap: d.wrap, check: d.check, size: d.size}
	c.buf.Write(d.buf.Bytes())
	c.recent = append([]byte{}, d.recent...)
	c.newWriter(c.recent)
	return c
}

const zlibSrc = `
class error(Exception):
    pass

error.__module__ = 'zlib'

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_DEFAULT_STRATEGY = 0
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = '1.2.13'
ZLIB_RUNTIME_VERSION = '1.2.13'


class _Compress:
    __slots__ = ('_z',)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Compress' instances")

    def compress(self, data, /):
        return _ccompress(self._z, data)

    def flush(self, mode=4, /):
        return _cflush(self._z, mode)

    def copy(self):
        c = object.__new__(_Compress)
        c._z = _ccopy(self._z)
        return c

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo, /):
        return self.copy()


class _Decompress:
    __slots__ = ('_z', 'unused_data', 'unconsumed_tail', 'eof')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Decompress' instances")

    def decompress(self, data, /, max_length=0):
        out, tail, unused, self.eof = _ddecompress(self._z, data, max_length, False)
        self._after(tail, unused)
        return out

    def flush(self, length=16384, /):
        out, tail, unused, self.eof = _ddecompress(self._z, self.unconsumed_tail, length, True)
        self._after(tail, unused)
        return out

    def _after(self, tail, unused):
        # As CPython: input after the end of the stream goes to unused_data, and stays in
        # unconsumed_tail too when that was not empty before the call.
        if unused:
            self.unused_data += unused
        if not self.eof or self.unconsumed_tail:
            self.unconsumed_tail = tail

    def copy(self):
        c = object.__new__(_Decompress)
        c._z = _dcopy(self._z)
        c.unused_data = self.unused_data
        c.unconsumed_tail = self.unconsumed_tail
        c.eof = self.eof
        return c

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo, /):
        return self.copy()


for _c in (_Compress, _Decompress):
    _c.__module__ = 'zlib'
    _c.__name__ = _c.__qualname__ = _c.__name__[1:]
    for _f in _c.__dict__.values():
        if hasattr(_f, '__qualname__'):
            _f.__qualname__ = _c.__name__ + '.' + _f.__name__
del _c, _f


def compress(data, /, level=-1, wbits=15):
    return _compress(data, level, wbits)


def decompress(data, /, wbits=15, bufsize=16384):
    return _decompress(data, wbits, bufsize)


def compressobj(level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None):
    c = object.__new__(_Compress)
    c._z = _cnew(level, method, wbits, memLevel, strategy, zdict)
    return c


def decompressobj(wbits=15, zdict=None):
    d = object.__new__(_Decompress)
    d._z = _dnew(wbits, zdict)
    d.unused_data = b''
    d.unconsumed_tail = b''
    d.eof = False
    return d
`
