package objects

import (
	"math"
	"math/big"
)

// Int is a Python int. When big is nil the value is small; otherwise big holds it and it does not
// fit in an int64 (the representation is canonical, so two equal ints have the same form).
// An Int is immutable: big must never be modified once set.
type Int struct {
	small int64
	big   *big.Int
}

// Type implements Object.
func (*Int) Type() *Type { return IntType }

const (
	smallIntMin = -5
	smallIntMax = 1024
)

var smallInts = func() []Int {
	s := make([]Int, smallIntMax-smallIntMin+1)
	for i := range s {
		s[i].small = int64(i + smallIntMin)
	}
	return s
}()

// NewInt returns the int v; small values are shared preallocated objects.
func NewInt(v int64) *Int {
	if v >= smallIntMin && v <= smallIntMax {
		return &smallInts[v-smallIntMin]
	}
	return allocInt(v)
}

// allocInt allocates an int outside the small-int cache. (Ints were once carved out of chunks
// of eight to save allocations: no program in ../shared/bench got faster, but one surviving int
// kept its seven dead neighbours alive, and the generators benchmark's peak memory was 32 MB
// instead of 27 MB.)
func allocInt(v int64) *Int { return &Int{small: v} }

// NewIntBig returns the int b (which the result owns), in canonical form.
func NewIntBig(b *big.Int) *Int {
	if b.IsInt64() {
		return NewInt(b.Int64())
	}
	noteBigAlloc(cap(b.Bits()))
	return &Int{big: b}
}

// Int64 returns the value and true when it fits in an int64.
func (i *Int) Int64() (int64, bool) { return i.small, i.big == nil }

// IsBig reports whether the value lies outside the int64 range.
func (i *Int) IsBig() bool { return i.big != nil }

// Big returns the value as a *big.Int. For a big value it is the shared, read-only internal value.
func (i *Int) Big() *big.Int {
	if i.big != nil {
		return i.big
	}
	return big.NewInt(i.small)
}

// Sign returns -1, 0 or +1.
func (i *Int) Sign() int {
	if i.big != nil {
		return i.big.Sign()
	}
	switch {
	case i.small < 0:
		return -1
	case i.small > 0:
		return 1
	}
	return 0
}

// String returns the decimal form.
func (i *Int) String() string {
	if i.big != nil {
		return i.big.String()
	}
	return formatInt(i.small)
}

func formatInt(v int64) string {
	var buf [20]byte
	u := uint64(v)
	if v < 0 {
		u = uint64(-v)
	}
	n := len(buf)
	for {
		n--
		buf[n] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if v < 0 {
		return "-" + string(buf[n:])
	}
	return string(buf[n:])
}

// Float converts to float64 as Python's float(int) does (correctly rounded); ok is false on
// overflow ("int too large to convert to float").
func (i *Int) Float() (f float64, ok bool) {
	if i.big == nil {
		return float64(i.small), true
	}
	f, _ = new(big.Float).SetInt(i.big).Float64()
	return f, !math.IsInf(f, 0)
}

// IsShared reports whether i is one of the preallocated small ints NewInt hands out to every
// caller (so that it must never be reused in place).
func (i *Int) IsShared() bool {
	return i.big == nil && i.small >= smallIntMin && i.small <= smallIntMax
}

// ReuseInt returns the int v, storing it in i when v is not a shared small int. i must be an int
// only its caller can see: a small, unshared int (not IsShared) that the caller made and that
// nothing else references, such as the VM's temporary result of one arithmetic step consumed
// by the next. Ints are otherwise immutable.
func ReuseInt(i *Int, v int64) *Int {
	if v >= smallIntMin && v <= smallIntMax {
		return &smallInts[v-smallIntMin]
	}
	i.small, i.big = v, nil
	return i
}
