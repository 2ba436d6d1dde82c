package modules

import (
	"encoding/binary"
	"math/bits"

	"crypto/sha3"

	. "gopyc/objects"
	"gopyc/vm"
)

// BLAKE2b and BLAKE2s (RFC 7693), written from the RFC for _blake2 (Go's standard library
// has no BLAKE2), with digest size, key, salt and personalisation; the tree-hashing
// parameters keep their sequential-mode defaults. Also SHAKE-128/256 for _sha3.

var blake2bIV = [8]uint64{
	0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
	0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
}

var blake2sIV = [8]uint32{
	0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
}

var blake2Sigma = [10][16]byte{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

// blake2 is the state of either variant (wide = BLAKE2b).
type blake2 struct {
	wide   bool
	h      [8]uint64
	t      [2]uint64
	buf    []byte
	outlen int
}

var blake2Type = &Type{Name: "_blake2_state"}

func (*blake2) Type() *Type { return blake2Type }

func newBlake2(wide bool, outlen int, key, salt, person []byte) *blake2 {
	s := &blake2{wide: wide, outlen: outlen}
	if wide {
		var p [64]byte
		p[0], p[1], p[2], p[3] = byte(outlen), byte(len(key)), 1, 1
		copy(p[32:48], salt)
		copy(p[48:64], person)
		for i := range s.h {
			s.h[i] = blake2bIV[i] ^ binary.LittleEndian.Uint64(p[i*8:])
		}
	} else {
		var p [32]byte
		p[0], p[1], p[2], p[3] = byte(outlen), byte(len(key)), 1, 1
		copy(p[16:24], salt)
		copy(p[24:32], person)
		for i := range s.h {
			s.h[i] = uint64(blake2sIV[i] ^ binary.LittleEndian.Uint32(p[i*4:]))
		}
	}
	if len(key) > 0 {
		block := make([]byte, s.blockSize())
		copy(block, key)
		s.buf = block
	}
	return s
}

func (s *blake2) blockSize() int {
	if s.wide {
		return 128
	}
	return 64
}

func (s *blake2) clone() *blake2 {
	c := *s
	c.buf = append([]byte(nil), s.buf...)
	return &c
}

func (s *blake2) write(p []byte) {
	bs := s.blockSize()
	for len(p) > 0 {
		if len(s.buf) == bs {
			s.addCount(uint64(bs))
			s.compress(s.buf, false)
			s.buf = s.buf[:0]
		}
		n := bs - len(s.buf)
		if n > len(p) {
			n = len(p)
		}
		s.buf = append(s.buf, p[:n]...)
		p = p[n:]
	}
}

func (s *blake2) addCount(n uint64) {
	if s.wide {
		s.t[0] += n
		if s.t[0] < n {
			s.t[1]++
		}
		return
	}
	lo := uint32(s.t[0]) + uint32(n)
	if lo < uint32(n) {
		s.t[1] = uint64(uint32(s.t[1]) + 1)
	}
	s.t[0] = uint64(lo)
}

func (s *blake2) sum() []byte {
	c := s.clone()
	c.addCount(uint64(len(c.buf)))
	block := make([]byte, c.blockSize())
	copy(block, c.buf)
	c.compress(block, true)
	out := make([]byte, 0, 64)
	for i := range c.h {
		if c.wide {
			out = binary.LittleEndian.AppendUint64(out, c.h[i])
		} else {
			out = binary.LittleEndian.AppendUint32(out, uint32(c.h[i]))
		}
	}
	return out[:c.outlen]
}

func (s *blake2) compress(block []byte, last bool) {
	if s.wide {
		var m [16]uint64
		for i := range m {
			m[i] = binary.LittleEndian.Uint64(block[i*8:])
		}
		var v [16]uint64
		copy(v[:8], s.h[:])
		copy(v[8:], blake2bIV[:])
		v[12] ^= s.t[0]
		v[13] ^= s.t[1]
		if last {
			v[14] = ^v[14]
		}
		g := func(a, b, c, d int, x, y uint64) {
			v[a] = v[a] + v[b] + x
			v[d] = bits.RotateLeft64(v[d]^v[a], -32)
			v[c] = v[c] + v[d]
			v[b] = bits.RotateLeft64(v[b]^v[c], -24)
			v[a] = v[a] + v[b] + y
			v[d] = bits.RotateLeft64(v[d]^v[a], -16)
			v[c] = v[c] + v[d]
			v[b] = bits.RotateLeft64(v[b]^v[c], -63)
		}
		for r := 0; r < 12; r++ {
			sg := &blake2Sigma[r%10]
			g(0, 4, 8, 12, m[sg[0]], m[sg[1]])
			g(1, 5, 9, 13, m[sg[2]], m[sg[3]])
			g(2, 6, 10, 14, m[sg[4]], m[sg[5]])
			g(3, 7, 11, 15, m[sg[6]], m[sg[7]])
			g(0, 5, 10, 15, m[sg[8]], m[sg[9]])
			g(1, 6, 11, 12, m[sg[10]], m[sg[11]])
			g(2, 7, 8, 13, m[sg[12]], m[sg[13]])
			g(3, 4, 9, 14, m[sg[14]], m[sg[15]])
		}
		for i := 0; i < 8; i++ {
			s.h[i] ^= v[i] ^ v[i+8]
		}
		return
	}
	var m [16]uint32
	for i := range m {
		m[i] = binary.LittleEndian.Uint32(block[i*4:])
	}
	var v [16]uint32
	for i := 0; i < 8; i++ {
		v[i] = uint32(s.h[i])
		v[i+8] = blake2sIV[i]
	}
	v[12] ^= uint32(s.t[0])
	v[13] ^= uint32(s.t[1])
	if last {
		v[14] = ^v[14]
	}
	g := func(a, b, c, d int, x, y uint32) {
		v[a] = v[a] + v[b] + x
		v[d] = bits.RotateLeft32(v[d]^v[a], -16)
		v[c] = v[c] + v[d]
		v[b] = bits.RotateLeft32(v[b]^v[c], -12)
		v[a] = v[a] + v[b] + y
		v[d] = bits.RotateLeft32(v[d]^v[a], -8)
		v[c] = v[c] + v[d]
		v[b] = bits.RotateLeft32(v[b]^v[c], -7)
	}
	for r := 0; r < 10; r++ {
		sg := &blake2Sigma[r]
		g(0, 4, 8, 12, m[sg[0]], m[sg[1]])
		g(1, 5, 9, 13, m[sg[2]], m[sg[3]])
		g(2, 6, 10, 14, m[sg[4]], m[sg[5]])
		g(3, 7, 11, 15, m[sg[6]], m[sg[7]])
		g(0, 5, 10, 15, m[sg[8]], m[sg[9]])
		g(1, 6, 11, 12, m[sg[10]], m[sg[11]])
		g(2, 7, 8, 13, m[sg[12]], m[sg[13]])
		g(3, 4, 9, 14, m[sg[14]], m[sg[15]])
	}
	for i := 0; i < 8; i++ {
		s.h[i] = uint64(uint32(s.h[i]) ^ v[i] ^ v[i+8])
	}
}

type shakeState struct{ s *sha3.SHAKE }

var shakeType = &Type{Name: "_shake_state"}

func (*shakeState) Type() *Type { return shakeType }

func makeBlake2(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_blake2", blake2Src, func(m *vm.Module) {
		m.Set("BLAKE2B_SALT_SIZE", NewInt(16))
		m.Set("BLAKE2B_PERSON_SIZE", NewInt(16))
		m.Set("BLAKE2B_MAX_KEY_SIZE", NewInt(64))
		m.Set("BLAKE2B_MAX_DIGEST_SIZE", NewInt(64))
		m.Set("BLAKE2S_SALT_SIZE", NewInt(8))
		m.Set("BLAKE2S_PERSON_SIZE", NewInt(8))
		m.Set("BLAKE2S_MAX_KEY_SIZE", NewInt(32))
		m.Set("BLAKE2S_MAX_DIGEST_SIZE", NewInt(32))
		fn(m, "_new", 5, 5, func(t *vm.Thread, a []Object) (Object, error) {
			wide, _ := t.IsTrue(a[0])
			n, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			var parts [3][]byte
			for i := range parts {
				if parts[i], err = bytesArg(t, a[2+i]); err != nil {
					return nil, err
				}
			}
			return newBlake2(wide, int(n), parts[0], parts[1], parts[2]), nil
		})
		fn(m, "_update", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			b, err := bytesArg(t, a[1])
			if err != nil {
				return nil, err
			}
			a[0].(*blake2).write(b)
			return None, nil
		})
		fn(m, "_digest", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			return NewBytes(a[0].(*blake2).sum()), nil
		})
		fn(m, "_copy", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			return a[0].(*blake2).clone(), nil
		})
	})
}

const blake2Src = `
class _Blake2:
    _wide = True
    SALT_SIZE = 16
    PERSON_SIZE = 16
    MAX_KEY_SIZE = 64
    MAX_DIGEST_SIZE = 64

    def __init__(self, data=b'', *, digest_size=None, key=b'', salt=b'', person=b'', fanout=1,
                 depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
                 last_node=False, usedforsecurity=True):
        if digest_size is None:
            digest_size = self.MAX_DIGEST_SIZE
        if not 1 <= digest_size <= self.MAX_DIGEST_SIZE:
            raise ValueError('digest_size must be between 1 and %d bytes' % self.MAX_DIGEST_SIZE)
        if len(key) > self.MAX_KEY_SIZE:
            raise ValueError('maximum key length is %d bytes' % self.MAX_KEY_SIZE)
        if len(salt) > self.SALT_SIZE:
            raise ValueError('maximum salt length is %d bytes' % self.SALT_SIZE)
        if len(person) > self.PERSON_SIZE:
            raise ValueError('maximum person length is %d bytes' % self.PERSON_SIZE)
        if (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node) != (1, 1, 0, 0, 0, 0, False):
            raise ValueError('gopyc: BLAKE2 tree hashing parameters are not supported')
        self.digest_size = digest_size
        self._h = _new(self._wide, digest_size, key, salt, person)
        if isinstance(data, str):
            raise TypeError('Strings must be encoded before hashing')
        if data:
            _update(self._h, data)

    @property
    def block_size(self):
        return 128 if self._wide else 64

    def update(self, data):
        if isinstance(data, str):
            raise TypeError('Strings must be encoded before hashing')
        _update(self._h, data)

    def digest(self):
        return _digest(self._h)

    def hexdigest(self):
        return _digest(self._h).hex()

    def copy(self):
        c = object.__new__(type(self))
        c.digest_size = self.digest_size
        c._h = _copy(self._h)
        return c


class blake2b(_Blake2):
    name = 'blake2b'


class blake2s(_Blake2):
    name = 'blake2s'
    _wide = False
    SALT_SIZE = 8
    PERSON_SIZE = 8
    MAX_KEY_SIZE = 32
    MAX_DIGEST_SIZE = 32

blake2b.__module__ = blake2s.__module__ = '_blake2'
`

// shakeFuncs adds SHAKE-128/256 to the _sha3 module.
func shakeFuncs(m *vm.Module) {
	fn(m, "_shake_new", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
		n, err := intArg(t, a[0])
		if err != nil {
			return nil, err
		}
		if n == 128 {
			return &shakeState{sha3.NewSHAKE128()}, nil
		}
		return &shakeState{sha3.NewSHAKE256()}, nil
	})
	fn(m, "_shake_update", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
		b, err := bytesArg(t, a[1])
		if err != nil {
			return nil, err
		}
		a[0].(*shakeState).s.Write(b)
		return None, nil
	})
	fn(m, "_shake_digest", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
		st := a[0].(*shakeState)
		n, err := intArg(t, a[1])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, vm.ValueError("length must be non-negative")
		}
		size, _ := intArg(t, a[2])
		c := sha3.NewSHAKE256()
		if size == 128 {
			c = sha3.NewSHAKE128()
		}
		state, _ := st.s.MarshalBinary()
		if err := c.UnmarshalBinary(state); err != nil {
			return nil, vm.ValueError("cannot copy SHAKE state")
		}
		out := make([]byte, n)
		c.Read(out)
		return NewBytes(out), nil
	})
	fn(m, "_shake_copy", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
		st := a[0].(*shakeState)
		size, _ := intArg(t, a[1])
		c := sha3.NewSHAKE256()
		if size == 128 {
			c = sha3.NewSHAKE128()
		}
		state, _ := st.s.MarshalBinary()
		if err := c.UnmarshalBinary(state); err != nil {
			return nil, vm.ValueError("cannot copy SHAKE state")
		}
		return &shakeState{c}, nil
	})
}

const shakeSrc = `
class _Shake:
    def __init__(self, data=b'', *, usedforsecurity=True):
        if isinstance(data, str):
            raise TypeError('Strings must be encoded before hashing')
        self._h = _shake_new(self._size)
        if data:
            _shake_update(self._h, data)

    @property
    def block_size(self):
        return 168 if self._size == 128 else 136

    digest_size = 0

    def update(self, data):
        _shake_update(self._h, data)

    def digest(self, length):
        return _shake_digest(self._h, length, self._size)

    def hexdigest(self, length):
        return self.digest(length).hex()

    def copy(self):
        c = object.__new__(type(self))
        c._h = _shake_copy(self._h, self._size)
        return c


class shake_128(_Shake):
    name = 'shake_128'
    _size = 128


class shake_256(_Shake):
    name = 'shake_256'
    _size = 256
`
