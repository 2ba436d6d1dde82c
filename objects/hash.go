package objects

import (
	"crypto/rand"
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"os"
	"strconv"

	"gopyc/internal/siphash"
)

// CPython 3.11's hash parameters (sys.hash_info).
const (
	HashBits    = 61
	HashModulus = (1 << HashBits) - 1
	HashInf     = 314159
	HashImag    = 1000003
)

// hashK0 and hashK1 are the SipHash key for str and bytes hashes, as CPython derives it from
// PYTHONHASHSEED: unset or "random" gives a random key, 0 gives an all-zero key, any other number N
// gives the bytes of CPython's LCG seeded with N.
var hashK0, hashK1 uint64

func init() {
	seed := os.Getenv("PYTHONHASHSEED")
	if seed == "" || seed == "random" {
		SetHashSeed(0, true)
		return
	}
	n, err := strconv.ParseUint(seed, 10, 32)
	if err != nil {
		SetHashSeed(0, true)
		return
	}
	SetHashSeed(uint32(n), false)
}

// SetHashSeed sets the str/bytes hash key as PYTHONHASHSEED=seed would (random picks a random key).
// It must be called before any str is hashed (the command line calls it at start-up, e.g. for -E).
func SetHashSeed(seed uint32, random bool) {
	var secret [24]byte
	switch {
	case random:
		_, _ = rand.Read(secret[:])
	case seed != 0:
		x := seed
		for i := range secret {
			x = x*214013 + 2531011
			secret[i] = byte(x >> 16)
		}
	}
	hashK0 = binary.LittleEndian.Uint64(secret[0:8])
	hashK1 = binary.LittleEndian.Uint64(secret[8:16])
}

// HashBytes is CPython's _Py_HashBytes: SipHash-1-3 of b, 0 for empty input, never -1.
func HashBytes(b []byte) int64 {
	if len(b) == 0 {
		return 0
	}
	h := int64(siphash.Sum13(hashK0, hashK1, b))
	if h == -1 {
		h = -2
	}
	return h
}

// Hash returns the str's hash: SipHash of its characters in CPython's 1, 2 or 4 bytes-per-char form.
func (s *Str) Hash() int64 {
	if s.hash != 0 {
		return s.hash
	}
	kind := s.Kind()
	var h int64
	if kind == 1 && s.Len() == len(s.s) {
		h = HashBytes([]byte(s.s))
	} else {
		buf := make([]byte, 0, s.Len()*kind)
		for i := 0; i < len(s.s); {
			r, n := DecodeWTF8(s.s[i:])
			i += n
			switch kind {
			case 1:
				buf = append(buf, byte(r))
			case 2:
				buf = binary.LittleEndian.AppendUint16(buf, uint16(r))
			default:
				buf = binary.LittleEndian.AppendUint32(buf, uint32(r))
			}
		}
		h = HashBytes(buf)
	}
	s.hash = h
	return h
}

// Hash returns the bytes' hash.
func (b *Bytes) Hash() int64 {
	if b.hash == 0 {
		b.hash = HashBytes(b.B)
	}
	return b.hash
}

// HashInt64 is hash() of a small int.
func HashInt64(v int64) int64 {
	if v >= -HashModulus && v <= HashModulus {
		if v == -1 {
			return -2
		}
		if v == HashModulus || v == -HashModulus {
			return 0
		}
		return v
	}
	neg := v < 0
	u := uint64(v)
	if neg {
		u = uint64(-v) // v == MinInt64 wraps to itself, which is 2**63 as unsigned: correct
	}
	h := int64(u % HashModulus)
	if neg {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// Hash returns the int's hash: sign * (|v| mod 2**61-1), -1 mapped to -2.
func (i *Int) Hash() int64 {
	if i.big == nil {
		return HashInt64(i.small)
	}
	m := new(big.Int).Abs(i.big)
	m.Mod(m, bigModulus)
	h := m.Int64()
	if i.big.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// HashFloat is CPython's _Py_HashDouble for finite and infinite values. NaN hashes by identity in
// CPython; callers pass the identity-based value for NaN (see HashConst).
func HashFloat(v float64) int64 {
	if math.IsInf(v, 0) {
		if v > 0 {
			return HashInf
		}
		return -HashInf
	}
	m, e := math.Frexp(v)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & HashModulus) | x>>(HashBits-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= HashModulus {
			x -= HashModulus
		}
	}
	if e >= 0 {
		e = e % HashBits
	} else {
		e = HashBits - 1 - ((-1 - e) % HashBits)
	}
	x = ((x << uint(e)) & HashModulus) | x>>(HashBits-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

// HashComplex is hash() of a complex with the given part hashes.
func HashComplex(re, im int64) int64 {
	h := int64(uint64(re) + HashImag*uint64(im))
	if h == -1 {
		h = -2
	}
	return h
}

const (
	xxPrime1 = 11400714785074694791
	xxPrime2 = 14029467366897019727
	xxPrime5 = 2870177450012600261
)

// HashTupleOf combines item hashes as CPython 3.11's tuple hash does.
func HashTupleOf(hashes []int64) int64 {
	acc := uint64(xxPrime5)
	for _, lane := range hashes {
		acc += uint64(lane) * xxPrime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= xxPrime1
	}
	acc += uint64(len(hashes)) ^ (xxPrime5 ^ 3527539)
	if acc == math.MaxUint64 {
		return 1546275796
	}
	return int64(acc)
}

func shuffleBits(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }

// HashFrozenSetOf combines the hashes of a frozenset's members as CPython 3.11 does (the result
// does not depend on their order).
func HashFrozenSetOf(hashes []int64) int64 {
	var h uint64
	for _, x := range hashes {
		h ^= shuffleBits(uint64(x))
	}
	h ^= (uint64(len(hashes)) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if h == math.MaxUint64 {
		return 590923713
	}
	return int64(h)
}

// HashConst returns hash(o) for values whose hash needs no Python code: None, Ellipsis, bool, int,
// float, complex, str, bytes, code, types, and tuples and frozensets of those. Anything else is a
// *ConstError ("unhashable type: 'list'" for the unhashable builtins).
func HashConst(o Object) (int64, error) {
	switch v := o.(type) {
	case *Str:
		return v.Hash(), nil
	case *Int:
		return v.Hash(), nil
	case *Bool:
		if v.V {
			return 1, nil
		}
		return 0, nil
	case *Float:
		if math.IsNaN(v.V) {
			return identityHash(o), nil
		}
		return HashFloat(v.V), nil
	case *Complex:
		re, im := real(v.V), imag(v.V)
		if math.IsNaN(re) || math.IsNaN(im) {
			return identityHash(o), nil
		}
		return HashComplex(HashFloat(re), HashFloat(im)), nil
	case *Bytes:
		return v.Hash(), nil
	case *Tuple:
		hs := make([]int64, len(v.V))
		for i, x := range v.V {
			h, err := HashConst(x)
			if err != nil {
				return 0, err
			}
			hs[i] = h
		}
		return HashTupleOf(hs), nil
	case *FrozenSet:
		return v.Hash(), nil
	case *noneObject, *ellipsisObject, *Code, *Type:
		return identityHash(o), nil
	case *List, *Dict, *Set:
		return 0, unhashable(o)
	}
	return 0, &ConstError{Msg: "objects: HashConst of " + TypeName(o) + " needs the VM"}
}
