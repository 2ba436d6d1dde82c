package pymath

import (
	"math"
	"math/big"
)

// reduce returns k and r with x = k*pi/2 + r, |r| <= about pi/4, r as a double-double with a
// relative error below about 2^-104 however close x is to a multiple of pi/2.
func reduce(x float64) (int, dd) {
	ax := math.Abs(x)
	if ax <= math.Pi/4 {
		return 0, dd{x, 0}
	}
	if ax < 0x1p20 {
		// Cody-Waite: k*pi/2 with pi/2 in four parts, each product exact.
		k := math.Round(x * (2 / math.Pi))
		r := dd{x, 0}.sub(twoProd(k, pio2Hi)).sub(twoProd(k, pio2Mid)).sub(twoProd(k, pio2Lo)).addF(-k * pio2Lo2)
		// The sum carries an absolute error near 2^-106 * k * 2^-53; when r is that small
		// (x within 2^-30 of a multiple of pi/2) use the exact reduction.
		if math.Abs(r.hi) > 0x1p-30 {
			return int(k), r
		}
	}
	return reduceHuge(x)
}

// reduceBig reduces x exactly with 1700 bits of 2/pi (Payne and Hanek's method, with math/big).
func reduceBig(x float64) (int, dd) {
	fr, e := math.Frexp(math.Abs(x))
	m := int64(math.Ldexp(fr, 53))
	e -= 53 // |x| = m * 2**e
	p := new(big.Int).Mul(big.NewInt(m), twoOverPi)
	// |x|*2/pi = p * 2**(e - twoOverPiBits); keep the bits below 4.
	s := uint(twoOverPiBits - e)
	mask := new(big.Int).Lsh(big.NewInt(1), s+2)
	mask.Sub(mask, big.NewInt(1))
	p.And(p, mask)
	half := new(big.Int).Lsh(big.NewInt(1), s-1)
	k := new(big.Int).Add(p, half)
	k.Rsh(k, s)
	p.Sub(p, new(big.Int).Lsh(k, s))
	f := new(big.Float).SetPrec(256).SetInt(p)
	f.SetMantExp(f, -int(s))
	f.Mul(f, pio2Big)
	hi, _ := f.Float64()
	f.Sub(f, new(big.Float).SetFloat64(hi))
	lo, _ := f.Float64()
	kk := int(k.Int64())
	if x < 0 {
		return -kk, dd{-hi, -lo}
	}
	return kk, dd{hi, lo}
}

// sinCosDD returns sin(r) and cos(r) for |r| <= about pi/4 by their series (to degree 29 and 28).
func sinCosDD(r dd) (dd, dd) {
	r2 := r.sqr()
	s := invFactN[29]
	c := invFactN[28]
	for n := 27; n >= 1; n -= 2 {
		s = s.mul(r2).neg().add(invFactN[n])
		c = c.mul(r2).neg().add(invFactN[n-1])
	}
	return s.mul(r), c
}

// sinCR returns the sine of x (radians), correctly rounded in all but vanishingly rare cases.
func sinCR(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-26 {
		return x
	}
	if hi, lo, ok := sinFast(x); ok && roundsSafely(hi, lo, errTrig) {
		return hi + lo
	}
	k, r := reduce(x)
	s, c := sinCosDD(r)
	switch k & 3 {
	case 0:
		return s.val()
	case 1:
		return c.val()
	case 2:
		return -s.val()
	}
	return -c.val()
}

// cosCR returns the cosine of x (radians), correctly rounded in all but vanishingly rare cases.
func cosCR(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-27 {
		return 1
	}
	if hi, lo, ok := cosFast(x); ok && roundsSafely(hi, lo, errTrig) {
		return hi + lo
	}
	k, r := reduce(x)
	s, c := sinCosDD(r)
	switch k & 3 {
	case 0:
		return c.val()
	case 1:
		return -s.val()
	case 2:
		return -c.val()
	}
	return s.val()
}

// Tan returns the tangent of x (radians), correctly rounded in all but vanishingly rare cases.
func Tan(x float64) float64 {
	ensureTables()
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-27 {
		return x
	}
	if hi, lo, ok := tanFast(x); ok && roundsSafely(hi, lo, errTrig) {
		return hi + lo
	}
	k, r := reduce(x)
	s, c := sinCosDD(r)
	if k&1 == 0 {
		return s.div(c).val()
	}
	return c.div(s).neg().val()
}

// atanSmall returns atan(q) for |q| <= 1: one Newton step from Go's Atan,
// y = y0 + atan((q*cos(y0) - sin(y0)) / (cos(y0) + q*sin(y0))).
func atanSmall(q dd) dd {
	y0 := math.Atan(q.hi)
	if y0 == 0 {
		return q
	}
	s, c := sinCosDD(dd{y0, 0})
	num := q.mul(c).sub(s)
	den := c.add(q.mul(s))
	return quickTwoSum(y0, num.hi/den.hi)
}

// atanDD returns atan(q) for q >= 0.
func atanDD(q dd) dd {
	if q.hi <= 1 {
		return atanSmall(q)
	}
	return pio2DD.sub(atanSmall(oneDD.div(q)))
}

// Atan returns the arctangent of x, correctly rounded in all but vanishingly rare cases.
func Atan(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || ax < 0x1p-27:
		return x
	case ax > 0x1p60:
		return math.Copysign(pio2Hi, x)
	}
	if hi, lo := atanFast(dd{ax, 0}); roundsSafely(hi, lo, errAtan) {
		return math.Copysign(hi+lo, x)
	}
	return math.Copysign(atanDD(dd{ax, 0}).val(), x)
}

// Atan2 returns the angle of the point (x, y), correctly rounded in all but vanishingly rare cases.
func Atan2(y, x float64) float64 {
	ensureTables()
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0 || y == 0 {
		return math.Atan2(y, x)
	}
	ax, ay := math.Abs(x), math.Abs(y)
	if m := math.Max(ax, ay); m < 0x1p500 && m > 0x1p-500 && math.Min(ax, ay) > m*0x1p-60 {
		var hi, lo float64
		if ay <= ax {
			q1 := ay / ax
			hi, lo = atanCore(q1, math.FMA(-q1, ax, ay)/ax)
		} else {
			q1 := ax / ay
			h, l := atanCore(q1, math.FMA(-q1, ay, ax)/ay)
			s := twoSum(pio2Hi, -h)
			hi, lo = s.hi, s.lo+pio2Mid-l
		}
		if x < 0 {
			s := twoSum(2*pio2Hi, -hi)
			hi, lo = s.hi, s.lo+2*pio2Mid-lo
		}
		if roundsSafely(hi, lo, errAtan) {
			return math.Copysign(hi+lo, y)
		}
	}
	// Scale both so that the larger is near 1: the quotient's remainder is then exact.
	_, e := math.Frexp(math.Max(ax, ay))
	ax, ay = math.Ldexp(ax, -e), math.Ldexp(ay, -e)
	var a dd
	if ay <= ax {
		q1 := ay / ax
		if q1 < 0x1p-900 {
			a = dd{q1, 0}
			if x > 0 {
				// atan(q) rounds like q; the unscaled quotient avoids a double rounding.
				return math.Copysign(math.Abs(y)/math.Abs(x), y)
			}
		} else {
			a = atanSmall(quickTwoSum(q1, math.FMA(-q1, ax, ay)/ax))
		}
	} else {
		q1 := ax / ay
		if q1 < 0x1p-900 {
			a = pio2DD
		} else {
			a = pio2DD.sub(atanSmall(quickTwoSum(q1, math.FMA(-q1, ay, ax)/ay)))
		}
	}
	if x < 0 {
		a = piDD.sub(a)
	}
	return math.Copysign(a.val(), y)
}

// Asin returns the arcsine of x, correctly rounded in all but vanishingly rare cases.
func Asin(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || ax < 0x1p-26:
		return x
	case ax > 1:
		return math.NaN()
	case ax == 1:
		return math.Copysign(pio2Hi, x)
	}
	if hi, lo, _, _ := asinAcosFast(x); roundsSafely(hi, lo, errAtan) {
		return hi + lo
	}
	// atan(x / sqrt((1-x)(1+x)))
	w := twoSum(1, -ax).mul(twoSum(1, ax))
	q := dd{ax, 0}.div(sqrtDD2(w))
	return math.Copysign(atanDD(q).val(), x)
}

// Acos returns the arccosine of x, correctly rounded in all but vanishingly rare cases.
func Acos(x float64) float64 {
	ensureTables()
	switch {
	case math.IsNaN(x) || x > 1 || x < -1:
		return math.NaN()
	case x == 1:
		return 0
	case x == -1:
		return 2 * pio2Hi
	}
	if _, _, hi, lo := asinAcosFast(x); roundsSafely(hi, lo, errAtan) {
		return hi + lo
	}
	// 2 atan(sqrt((1-x)/(1+x)))
	q := sqrtDD2(twoSum(1, -x).div(twoSum(1, x)))
	return atanDD(q).ldexp(1).val()
}

// Hypot returns sqrt(x*x + y*y), correctly rounded in all but vanishingly rare cases, without
// overflow or underflow in between.
func Hypot(x, y float64) float64 {
	ensureTables()
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Inf(1)
	}
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.NaN()
	}
	a, b := math.Abs(x), math.Abs(y)
	if a < b {
		a, b = b, a
	}
	if b < a*0x1p-30 || b == 0 {
		// sqrt(a^2 + b^2) = a * (1 + (b/a)^2/2 ...) rounds to a.
		return a
	}
	if a < 0x1p500 && b > 0x1p-500 {
		return sqrtDD2(twoProd(a, a).add(twoProd(b, b))).val()
	}
	_, e := math.Frexp(a)
	a, b = math.Ldexp(a, -e), math.Ldexp(b, -e)
	r := sqrtDD2(twoProd(a, a).add(twoProd(b, b)))
	return scale(r, e)
}

// Norm returns sqrt(sum of v[i]^2), correctly rounded in all but vanishingly rare cases, without
// overflow or underflow in between, with CPython's special cases for math.hypot and math.dist:
// an infinity wins over a NaN, no coordinates give 0.
func Norm(v []float64) float64 {
	ensureTables()
	m, nan := 0.0, false
	for _, x := range v {
		switch a := math.Abs(x); {
		case math.IsNaN(x):
			nan = true
		case a > m:
			m = a
		}
	}
	switch {
	case math.IsInf(m, 1):
		return m
	case nan:
		return math.NaN()
	case m == 0 || len(v) == 1:
		return m
	case len(v) == 2:
		return Hypot(v[0], v[1])
	}
	_, e := math.Frexp(m)
	var s dd
	for _, x := range v {
		a := math.Ldexp(math.Abs(x), -e)
		s = s.add(twoProd(a, a))
	}
	return scale(sqrtDD2(s), e)
}
