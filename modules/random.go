package modules

import (
	"crypto/rand"
	"encoding/binary"
	"math/big"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeRandom builds _random: Random is a Python class (so random.Random can subclass it)
// holding a Go Mersenne Twister (MT19937, seeded by init_by_array from the 32-bit words of
// abs(seed), least significant first, as CPython does), so that random.seed(N) gives
// CPython's sequences: random() takes 27 and 26 bits of two outputs, getrandbits(k) fills
// 32-bit words from the least significant end.
func makeRandom(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_random", randomSrc, func(m *vm.Module) {
		fn(m, "_new", 0, 0, func(t *vm.Thread, a []Object) (Object, error) {
			return &mtState{}, nil
		})
		fn(m, "_seed", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			st, ok := a[0].(*mtState)
			if !ok {
				return nil, vm.TypeError("bad state")
			}
			var n *big.Int
			if a[1] == None {
				var b [32]byte
				rand.Read(b[:])
				n = new(big.Int).SetBytes(b[:])
			} else if i, ok := vm.AsInt(a[1]); ok {
				n = new(big.Int).Abs(i.Big())
			} else {
				h, err := t.Hash(a[1])
				if err != nil {
					return nil, err
				}
				n = new(big.Int).Abs(big.NewInt(h))
			}
			var key []uint32
			words := n.Bits()
			for _, w := range words {
				key = append(key, uint32(uint64(w)))
				if bitsPerWord == 64 {
					key = append(key, uint32(uint64(w)>>32))
				}
			}
			for len(key) > 1 && key[len(key)-1] == 0 {
				key = key[:len(key)-1]
			}
			if len(key) == 0 {
				key = []uint32{0}
			}
			st.initByArray(key)
			return None, nil
		})
		fn(m, "_random", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			st, ok := a[0].(*mtState)
			if !ok {
				return nil, vm.TypeError("bad state")
			}
			x, y := st.next()>>5, st.next()>>6
			return NewFloat((float64(x)*67108864.0 + float64(y)) * (1.0 / 9007199254740992.0)), nil
		})
		fn(m, "_getrandbits", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			st, ok := a[0].(*mtState)
			if !ok {
				return nil, vm.TypeError("bad state")
			}
			k, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			if k < 0 {
				return nil, vm.ValueError("number of bits must be non-negative")
			}
			if k == 0 {
				return NewInt(0), nil
			}
			if k <= 32 {
				return NewInt(int64(st.next() >> uint(32-k))), nil
			}
			nw := (k-1)/32 + 1
			buf := make([]byte, nw*4)
			for i := int64(0); i < nw; i++ {
				r := st.next()
				if k < 32 {
					r >>= uint(32 - k)
				}
				binary.BigEndian.PutUint32(buf[(nw-1-i)*4:], r)
				k -= 32
			}
			return NewIntBig(new(big.Int).SetBytes(buf)), nil
		})
		fn(m, "_getstate", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			st, ok := a[0].(*mtState)
			if !ok {
				return nil, vm.TypeError("bad state")
			}
			items := make([]Object, mtN+1)
			for i, v := range st.mt {
				items[i] = NewInt(int64(v))
			}
			items[mtN] = NewInt(int64(st.idx))
			return NewTuple(items), nil
		})
		fn(m, "_setstate", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			st, ok := a[0].(*mtState)
			if !ok {
				return nil, vm.TypeError("bad state")
			}
			tup, ok := a[1].(*Tuple)
			if !ok {
				return nil, vm.TypeError("state vector must be a tuple")
			}
			if len(tup.V) != mtN+1 {
				return nil, vm.ValueError("state vector is the wrong size")
			}
			for i := 0; i < mtN; i++ {
				v, err := intArg(t, tup.V[i])
				if err != nil {
					return nil, err
				}
				st.mt[i] = uint32(v)
			}
			idx, err := intArg(t, tup.V[mtN])
			if err != nil {
				return nil, err
			}
			if idx < 0 || idx > mtN {
				return nil, vm.ValueError("invalid state")
			}
			st.idx = int(idx)
			return None, nil
		})
	})
}

const bitsPerWord = 32 << (^big.Word(0) >> 63)

const mtN = 624

type mtState struct {
	mt  [mtN]uint32
	idx int
}

var mtStateType = &Type{Name: "_mt_state"}

func (*mtState) Type() *Type { return mtStateType }

func (s *mtState) initGenrand(seed uint32) {
	s.mt[0] = seed
	for i := 1; i < mtN; i++ {
		s.mt[i] = 1812433253*(s.mt[i-1]^(s.mt[i-1]>>30)) + uint32(i)
	}
	s.idx = mtN
}

func (s *mtState) initByArray(key []uint32) {
	s.initGenrand(19650218)
	i, j := 1, 0
	k := mtN
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		s.mt[i] = (s.mt[i] ^ ((s.mt[i-1] ^ (s.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			s.mt[0] = s.mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		s.mt[i] = (s.mt[i] ^ ((s.mt[i-1] ^ (s.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			s.mt[0] = s.mt[mtN-1]
			i = 1
		}
	}
	s.mt[0] = 0x80000000
	s.idx = mtN
}

func (s *mtState) next() uint32 {
	const m = 397
	if s.idx >= mtN {
		for kk := 0; kk < mtN; kk++ {
			y := (s.mt[kk] & 0x80000000) | (s.mt[(kk+1)%mtN] & 0x7fffffff)
			v := s.mt[(kk+m)%mtN] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			s.mt[kk] = v
		}
		s.idx = 0
	}
	y := s.mt[s.idx]
	s.idx++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

const randomSrc = `
class Random:
    def __new__(cls, *args, **kwargs):
        if cls is Random and kwargs:
            raise TypeError('Random() takes no keyword arguments')
        self = object.__new__(cls)
        self._gopyc_mt = _new()
        _seed(self._gopyc_mt, args[0] if args else None)
        return self

    def __init__(self, *args, **kwargs):
        pass

    def seed(self, n=None):
        _seed(self._gopyc_mt, n)

    def random(self):
        return _random(self._gopyc_mt)

    def getrandbits(self, k):
        return _getrandbits(self._gopyc_mt, k)

    def getstate(self):
        return _getstate(self._gopyc_mt)

    def setstate(self, state):
        _setstate(self._gopyc_mt, state)

Random.__module__ = '_random'
`
