package pymath

import (
	"math"
	"math/bits"
)

// twoOverPiWords holds the bits of 2/pi after the binary point, 64 to a word, most significant
// first (from twoOverPi), for reduceHuge.
var twoOverPiWords []uint64

func makeTwoOverPiWords() []uint64 {
	n := (twoOverPiBits + 63) / 64
	w := make([]uint64, n+4)
	b := twoOverPi.Bits() // little-endian words of floor(2/pi * 2^1700)
	// Align so that word 0 holds the bits of weight 2^-1 .. 2^-64.
	shift := uint(n*64 - twoOverPiBits)
	for i := 0; i < n; i++ {
		// bit j of the aligned number (counting from the least significant) is bit j-shift of b
		var v uint64
		lo := i * 64 // aligned word i from the least significant end
		for k := 0; k < 64; k++ {
			j := lo + k - int(shift)
			if j < 0 || j/64 >= len(b) {
				continue
			}
			if uint64(b[j/64])>>(uint(j)%64)&1 != 0 {
				v |= 1 << uint(k)
			}
		}
		w[n-1-i] = v
	}
	return w
}

// reduceHuge is reduceBig without math/big: x*2/pi from the 256 bits of 2/pi that matter for
// x's exponent (the higher ones only add multiples of 4, the lower ones less than 2^-130 in units
// of pi/2), in integer arithmetic; about 200 times faster. It needs |x| >= 1. When x lies within
// 2^-16 of a multiple of pi/2 the 126 bits kept are too few for r's relative accuracy and
// reduceBig decides.
func reduceHuge(x float64) (int, dd) {
	b := math.Float64bits(x)
	m := b&(1<<52-1) | 1<<52
	e := int(b>>52&0x7ff) - 1075 // |x| = m * 2^e
	// Word i of 2/pi contributes m*w_i*2^(e-64(i+1)): a multiple of 4 when e-64i-64 >= 2.
	i0 := 0
	if e >= 66 {
		i0 = (e-66)/64 + 1
	}
	w := twoOverPiWords[i0 : i0+4]
	// p = m * (w0 w1 w2 w3), 5 words, most significant first.
	var p [5]uint64
	var carry uint64
	for k := 3; k >= 0; k-- {
		hi, lo := bits.Mul64(m, w[k])
		var c uint64
		p[k+1], c = bits.Add64(lo, carry, 0)
		carry = hi + c
	}
	p[0] = carry
	// The value is p * 2^s; bit sh of p (from the least significant) has weight 2^0.
	sh := 64*(i0+4) - e // 130 < sh <= 256+...
	// f = 128 bits of p from bit sh-126 up: 2 integer bits and 126 fraction bits.
	get := func(pos int) uint64 { // the 64 bits of p starting at bit pos
		wi := 4 - pos/64
		off := uint(pos % 64)
		v := p[wi] >> off
		if off != 0 && wi > 0 {
			v |= p[wi-1] << (64 - off)
		}
		return v
	}
	fl := get(sh - 126)
	fh := get(sh - 62)
	// round to the nearest quarter turn: k = (f + 2^125) >> 126
	fl2, c := bits.Add64(fl, 0, 0)
	fh2, _ := bits.Add64(fh, 1<<61, c)
	k := int(fh2 >> 62)
	// r = f - k*2^126 as a signed 128-bit number
	rh := fh - uint64(k)<<62
	rl := fl2
	neg := int64(rh) < 0
	if neg {
		rl = -rl
		rh = ^rh
		if rl == 0 {
			rh++
		}
	}
	if bits.LeadingZeros64(rh) > 18 {
		return reduceBig(x)
	}
	// |r| = (rh*2^64 + rl) * 2^-126 quarter turns, to a double-double
	z := uint(bits.LeadingZeros64(rh))
	t := rh<<z | rl>>(64-z)
	if z == 0 {
		t = rh
	}
	u := rl << z
	hi := float64(t>>11) * math.Ldexp(1, 11-int(z)-62)
	lo := (float64(t&0x7ff) + float64(u)*0x1p-64) * math.Ldexp(1, -int(z)-62)
	r := quickTwoSum(hi, lo).mul(dd{pio2Hi, pio2Mid})
	if neg {
		r = r.neg()
	}
	if x < 0 {
		return -k, r.neg()
	}
	return k, r
}
