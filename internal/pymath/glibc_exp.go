package pymath

import (
	"math"
	"math/big"
	"sync"
)

// glibc 2.28+'s exp (from Arm's optimized routines) is not correctly rounded: its error bound
// is 0.509 ulp, and about 0.1% of its results differ from the correctly rounded ones. Exp follows
// it step by step as its FMA build rounds (x = k*ln2/128 + r, 2^(k/128) from a table of
// 2^(k/128) = H*(1+T) computed here on first use, a degree-5 polynomial for e^r - 1, with its
// handling of results near overflow and in the subnormal range); expCR is the correctly rounded
// exponential.

const (
	gxInvLn2N  = 0x1.71547652b82fep0 * 128
	gxNegLn2Hi = -0x1.62e42fefa0000p-8
	gxNegLn2Lo = -0x1.cf79abc9e3b3ap-47
	gxShift    = 0x1.8p52
	gxC2       = 0x1.ffffffffffdbdp-2
	gxC3       = 0x1.555555555543cp-3
	gxC4       = 0x1.55555cf172b91p-5
	gxC5       = 0x1.1111167a4d017p-7
)

var (
	gxOnce sync.Once
	gxTab  [256]uint64 // [2k]: T[k] (double bits), [2k+1]: H[k] bits - k<<45
)

// gxInit computes 2^(k/128) to about 190 bits (one Newton step on x^128 = 2^k from the
// double-double value of expDD, accurate to 2^-100) and splits it into H (the nearest double)
// and T = (2^(k/128) - H)/H rounded to a double.
func gxInit() {
	const prec = 192
	for k := 0; k < 128; k++ {
		fk := float64(k)
		r, e := expDD(twoProd(fk, ln2Hi).add(twoProd(fk, ln2Mid)).addF(fk * ln2Lo).ldexp(-7))
		r = r.ldexp(e)
		x := new(big.Float).SetPrec(prec).SetFloat64(r.hi)
		x.Add(x, new(big.Float).SetFloat64(r.lo))
		y := new(big.Float).SetPrec(prec).Set(x)
		for i := 0; i < 7; i++ {
			y.Mul(y, y)
		}
		// x -= x*(y - 2^k)/(128*y)
		d := new(big.Float).SetPrec(prec).Sub(y, new(big.Float).SetMantExp(big.NewFloat(1), k))
		d.Mul(d, x)
		d.Quo(d, y)
		x.Sub(x, d.SetMantExp(d, -7))
		h, _ := x.Float64()
		t := new(big.Float).SetPrec(prec).Sub(x, big.NewFloat(h))
		t.Quo(t, big.NewFloat(h))
		tf, _ := t.Float64()
		gxTab[2*k] = math.Float64bits(tf)
		gxTab[2*k+1] = math.Float64bits(h) - uint64(k)<<45
	}
}

func top12(x float64) uint64 { return math.Float64bits(x) >> 52 }

// Exp returns e**x as glibc computes it (see above).
func Exp(x float64) float64 {
	ensureTables()
	gxOnce.Do(gxInit)
	abstop := top12(x) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512)-top12(0x1p-54) {
		if int64(abstop)-int64(top12(0x1p-54)) < 0 {
			return 1 + x // tiny x
		}
		if abstop >= top12(1024) {
			switch {
			case math.IsInf(x, -1):
				return 0
			case abstop >= top12(math.Inf(1)):
				return 1 + x
			case x < 0:
				return 0
			}
			return math.Inf(1)
		}
		abstop = 0 // large |x|: scaled below
	}
	kd := math.FMA(gxInvLn2N, x, gxShift)
	ki := math.Float64bits(kd)
	kd -= gxShift
	r := math.FMA(kd, gxNegLn2Lo, math.FMA(kd, gxNegLn2Hi, x))
	idx := 2 * (ki % 128)
	top := ki << 45
	tail := math.Float64frombits(gxTab[idx])
	sbits := gxTab[idx+1] + top
	r2 := r * r
	tmp := math.FMA(r2*r2, math.FMA(r, gxC5, gxC4), math.FMA(r2, math.FMA(r, gxC3, gxC2), tail+r))
	if abstop == 0 {
		return gxSpecial(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	return math.FMA(scale, tmp, scale)
}

// gxSpecial finishes Exp for results near overflow or below the normal range.
func gxSpecial(tmp float64, sbits, ki uint64) float64 {
	if ki&0x80000000 == 0 {
		// k > 0: the exponent of scale may have overflowed by up to 460.
		sbits -= 1009 << 52
		scale := math.Float64frombits(sbits)
		return 0x1p1009 * math.FMA(scale, tmp, scale)
	}
	// k < 0: round once, in the subnormal range.
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	y := math.FMA(scale, tmp, scale)
	if y < 1 {
		lo := math.FMA(scale, tmp, scale-y)
		hi := 1 + y
		lo = 1 - hi + y + lo
		y = (hi + lo) - 1
		if y == 0 {
			y = 0
		}
	}
	return 0x1p-1022 * y
}

const (
	gx2Shift = 0x1.8p52 / 128
	gx2C1    = 0x1.62e42fefa39efp-1
	gx2C2    = 0x1.ebfbdff82c424p-3
	gx2C3    = 0x1.c6b08d70cf4b5p-5
	gx2C4    = 0x1.3b2abd24650ccp-7
	gx2C5    = 0x1.5d7e09b4e3a84p-10
)

// Exp2 returns 2**x as glibc computes it: the same table as Exp, x = k/128 + r, a degree-5
// polynomial for 2^r - 1, evaluated without FMA (glibc has no FMA build of exp2; its exp2 is not
// correctly rounded either, exp2CR is).
func Exp2(x float64) float64 {
	ensureTables()
	gxOnce.Do(gxInit)
	abstop := top12(x) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512)-top12(0x1p-54) {
		if int64(abstop)-int64(top12(0x1p-54)) < 0 {
			return 1 + x
		}
		if abstop >= top12(1024) {
			switch {
			case math.IsInf(x, -1):
				return 0
			case abstop >= top12(math.Inf(1)):
				return 1 + x
			case x > 0:
				return math.Inf(1)
			case math.Float64bits(x) >= math.Float64bits(-1075.0):
				return 0
			}
		}
		if 2*math.Float64bits(x) > 2*math.Float64bits(928.0) {
			abstop = 0
		}
	}
	kd := x + gx2Shift
	ki := math.Float64bits(kd)
	kd -= gx2Shift
	r := x - kd
	idx := 2 * (ki % 128)
	top := ki << 45
	tail := math.Float64frombits(gxTab[idx])
	sbits := gxTab[idx+1] + top
	r2 := r * r
	tmp := tail + r*gx2C1 + r2*(gx2C2+r*gx2C3) + r2*r2*(gx2C4+r*gx2C5)
	if abstop == 0 {
		if ki&0x80000000 == 0 {
			// k > 0: the exponent of scale may have overflowed by 1.
			scale := math.Float64frombits(sbits - 1<<52)
			return 2 * (scale + scale*tmp)
		}
		return gxSpecial(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	return scale + scale*tmp
}
