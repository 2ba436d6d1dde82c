// Package pymath holds floating-point functions whose results must match the C library CPython
// uses (glibc's libm), bit for bit, where Go's math package is less accurate or rounds differently.
//
// Pow is the reason it exists: Go's math.Pow builds x**y from Frexp, Modf and repeated squaring,
// and its result differs in the last bit from glibc's pow (which CPython calls) for more than
// half of all non-trivial arguments, so printed floats differed from CPython's. glibc's pow is
// correctly rounded in all but a vanishing fraction of cases; Pow computes x**y in double-double
// arithmetic (about 100 significant bits) and rounds once, which gives the correctly rounded
// result except when the exact value lies within about 2^-45 ulp of a rounding boundary. (A fast
// path from the table-driven log and exp kernels of fast.go answers first when Ziv's test allows.)
//
// The same holds for glibc's log, log2, tan, asin, acos, atan and atan2: Log, Log2, Tan, Asin,
// Acos, Atan and Atan2 are correctly rounded (a table-driven fast path checked by Ziv's test, and
// a double-double evaluation with an exact reduction of huge trigonometric arguments behind it;
// glibc's own misroundings, a few per thousand for tan, asin and acos, are not reproduced). So is
// Hypot, as CPython's own math.hypot nearly always is, and Norm for more coordinates.
//
// Where glibc is not correctly rounded, the functions follow glibc's method step by step:
// Exp and Exp2 (glibc_exp.go: Arm's table-driven exp, misrounding about 0.1%), Sin and Cos
// (glibc_sincos.go: IBM's table-driven method, about 0.2%), Log10, Expm1, Log1p, Sinh, Cosh,
// Tanh, Asinh, Acosh, Atanh, Cbrt, Erf, Erfc and CHypot, glibc's hypot behind abs(complex) and
// complex ** (glibc.go, glibc_log1p.go, erf.go). Gamma and Lgamma follow CPython's own math.gamma and
// math.lgamma (gamma.go), the C* functions CPython's cmath (cmath.go). The golden tests
// (testdata/gen_math_cases.py) check agreement with glibc's (or CPython's) results function by
// function, and correct rounding where glibc's is (the correctly rounded versions of the
// emulated functions, expCR, sinCR and so on, are tested too).
package pymath

import "math"

// dd is a double-double number: the unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func (a dd) add(b dd) dd {
	s := twoSum(a.hi, b.hi)
	t := twoSum(a.lo, b.lo)
	s.lo += t.hi
	s = quickTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return quickTwoSum(s.hi, s.lo)
}

func (a dd) neg() dd { return dd{-a.hi, -a.lo} }

func (a dd) mul(b dd) dd {
	p := twoProd(a.hi, b.hi)
	p.lo += a.hi*b.lo + a.lo*b.hi
	return quickTwoSum(p.hi, p.lo)
}

func (a dd) mulF(b float64) dd {
	p := twoProd(a.hi, b)
	p.lo += a.lo * b
	return quickTwoSum(p.hi, p.lo)
}

func (a dd) div(b dd) dd {
	q1 := a.hi / b.hi
	r := a.add(b.mulF(q1).neg())
	q2 := r.hi / b.hi
	r = r.add(b.mulF(q2).neg())
	q3 := r.hi / b.hi
	q := quickTwoSum(q1, q2)
	return q.add(dd{q3, 0})
}

// ln2 to about 160 bits as three doubles (hi + mid + lo).
const (
	ln2Hi  = 0x1.62e42fefa39efp-1
	ln2Mid = 0x1.abc9e3b39803fp-56
	ln2Lo  = 0x1.7b57a079a1934p-111
)

// expDD returns e**a with a relative error below about 2^-100, as a double-double scaled by 2**k
// (the value is r * 2**k), so that results outside the double range keep their precision.
func expDD(a dd) (dd, int) {
	k := math.Round(a.hi / ln2Hi)
	// r = a - k*ln2, with k*ln2 carried to well over 106 bits.
	r := a.add(twoProd(k, ln2Hi).neg())
	r = r.add(twoProd(k, ln2Mid).neg())
	r = r.add(dd{-k * ln2Lo, 0})
	// e**r = (e**(r/64))**64; the series to degree 11 is exact to 2^-119 for |r/64| < 5.5e-3,
	// and each of the six squarings doubles the relative error.
	s := dd{r.hi / 64, r.lo / 64}
	const degree = 11
	p := invFactN[degree]
	for n := degree - 1; n >= 0; n-- {
		p = p.mul(s).add(invFactN[n])
	}
	for i := 0; i < 6; i++ {
		p = p.mul(p)
	}
	return p, int(k)
}

// logDD returns the natural logarithm of x (finite, > 0) with an absolute error below about
// 2^-100 for arguments near 1 and a relative error below about 2^-100 elsewhere.
func logDD(x float64) dd {
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	// One Newton step for y = log(m) on f(y) = e**y - m, from Go's log, doubles its accuracy.
	y0 := math.Log(m)
	ey, k := expDD(dd{y0, 0})
	ey = dd{math.Ldexp(ey.hi, k), math.Ldexp(ey.lo, k)} // |y0| < 0.35: k is 0 or ±1
	d := dd{m, 0}.add(ey.neg())
	y := twoSum(y0, d.div(ey).hi)
	if e != 0 {
		fe := float64(e)
		l := twoProd(fe, ln2Hi).add(twoProd(fe, ln2Mid)).add(dd{fe * ln2Lo, 0})
		y = l.add(y)
	}
	return y
}

// scale returns the double nearest to r * 2**k, for r near 1 (from expDD).
func scale(r dd, k int) float64 {
	if k >= -1021 {
		// r.hi is already r rounded to 53 bits and the result is normal (or overflows).
		return math.Ldexp(r.hi, k)
	}
	// A subnormal result: round once, to a multiple of 2**-1074.
	sh := k + 1074
	if sh < -60 {
		return 0
	}
	a := math.Ldexp(r.hi, sh) // exact: the value in units of 2**-1074, below 2**53
	b := math.Ldexp(r.lo, sh)
	n := math.Floor(a)
	if f := (a - n) + b; f > 0.5 || (f == 0.5 && math.Mod(n, 2) == 1) {
		n++
	} else if f < -0.5 || (f == -0.5 && math.Mod(n, 2) == 1) {
		n--
	}
	return math.Ldexp(n, -1074)
}

// powInt returns x**n for a small integer n >= 1 in double-double.
func powInt(x dd, n int) dd {
	r := dd{1, 0}
	for n > 0 {
		if n&1 != 0 {
			r = r.mul(x)
		}
		n >>= 1
		if n > 0 {
			x = x.mul(x)
		}
	}
	return r
}

// sqrtDD returns sqrt(x) for finite x > 0 as a double-double.
func sqrtDD(x float64) dd {
	s := math.Sqrt(x)
	// x - s*s exactly (FMA), then the first-order correction.
	return quickTwoSum(s, math.FMA(-s, s, x)/(2*s))
}

// Pow returns x**y as C99's pow does (the special cases of Annex F, which Go's math.Pow also
// follows), correctly rounded in all but vanishingly rare cases.
func Pow(x, y float64) float64 {
	ensureTables()
	switch {
	case y == 0 || x == 1:
		return 1
	case math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0:
		return math.Pow(x, y)
	case y == 1:
		return x
	}
	neg := false
	ax := x
	if x < 0 {
		yi, yf := math.Modf(y)
		if yf != 0 {
			return math.NaN()
		}
		ax = -x
		// An odd integer power keeps the sign; |y| >= 2**53 is always even.
		neg = math.Abs(yi) < 1<<53 && int64(yi)&1 == 1
	}
	r := powPos(ax, y)
	if neg {
		return -r
	}
	return r
}

// powPos returns x**y for finite x > 0 and finite y not 0 or 1.
func powPos(x, y float64) float64 {
	if y == 0.5 {
		return math.Sqrt(x)
	}
	// Small integer and half-integer exponents: products in double-double, no exp or log.
	if ay := math.Abs(y); ay <= 64 {
		n := int(ay)
		frac := ay - float64(n)
		if frac == 0 || frac == 0.5 {
			var r dd
			switch {
			case n == 0:
				r = sqrtDD(x)
			case frac == 0:
				r = powInt(dd{x, 0}, n)
			default:
				r = powInt(dd{x, 0}, n).mul(sqrtDD(x))
			}
			if y < 0 {
				r = dd{1, 0}.div(r)
			}
			// Outside the normal range the products lose precision or overflow: use the
			// general path, which keeps the exponent apart.
			if a := math.Abs(r.hi); a > 0x1p-1000 && a < 0x1p1000 {
				return r.hi + r.lo
			}
		}
	}
	if r, ok := powFast(x, y); ok {
		return r
	}
	t := logDD(x).mulF(y)
	if t.hi > 710 {
		return math.Inf(1)
	}
	if t.hi < -746 {
		return 0
	}
	r, k := expDD(t)
	return scale(r, k)
}

// powFast returns x**y = exp(y*log(x)) from the fast log and exp kernels (relative errors near
// 2^-69 each) when Ziv's test shows that their error cannot change the rounding, and when the
// result is a normal double; ok is false otherwise. The error of y*log(x) grows with its size:
// the bound allows 2^-66 relative for the exponential and 2^-66 times |y*log(x)| absolute.
func powFast(x, y float64) (float64, bool) {
	if !(x >= 0x1p-1022) || math.IsInf(x, 0) {
		return 0, false
	}
	lh, ll := logKernel(x)
	t := twoProd(lh, y)
	t.lo += ll * y
	t = quickTwoSum(t.hi, t.lo)
	if !(t.hi > -707 && t.hi < 709) {
		return 0, false
	}
	hi, lo, m := expKernel(t.hi, t.lo)
	if !roundsSafely(hi, lo, 0x1p-66+math.Abs(t.hi)*0x1p-66) {
		return 0, false
	}
	return (hi + lo) * pow2(m), true
}
