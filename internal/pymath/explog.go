package pymath

import "math"

// invFactN[n] is 1/n! as a double-double, for the series of expm1, sin and cos.
var invFactN = func() [32]dd {
	var t [32]dd
	f := dd{1, 0}
	for n := 0; n < len(t); n++ {
		if n > 0 {
			f = f.mulF(float64(n))
		}
		t[n] = dd{1, 0}.div(f)
	}
	return t
}()

// expm1DD returns e**a - 1 for |a| <= 0.35 with a relative error below about 2^-100.
func expm1DD(a dd) dd {
	// e**s - 1 for s = a/64 by its series to degree 12 (truncation below 2^-120 relative), then
	// e**(2s) - 1 = m*(m+2) six times.
	s := a.ldexp(-6)
	p := invFactN[12]
	for n := 11; n >= 1; n-- {
		p = p.mul(s).add(invFactN[n])
	}
	m := p.mul(s)
	for i := 0; i < 6; i++ {
		m = m.mul(m.addF(2))
	}
	return m
}

// logDD2 returns log(u) for a double-double u > 0 with a relative error below about 2^-100.
func logDD2(u dd) dd {
	m, e := math.Frexp(u.hi)
	ml := math.Ldexp(u.lo, -e)
	if m < math.Sqrt2/2 {
		m *= 2
		ml *= 2
		e--
	}
	// log(m) = log1p(t) for t = m - 1 (exact) + ml.
	y := log1pSmall(twoSum(m-1, ml))
	if e != 0 {
		fe := float64(e)
		l := twoProd(fe, ln2Hi).add(twoProd(fe, ln2Mid)).addF(fe * ln2Lo)
		y = l.add(y)
	}
	return y
}

// log1pSmall returns log(1+t) for -0.3 < t < 0.42 with a relative error below about 2^-100: one
// Newton step from Go's Log1p, y = y0 + log((1+t)/(1+expm1(y0))).
func log1pSmall(t dd) dd {
	if t.hi == 0 {
		return dd{}
	}
	y0 := math.Log1p(t.hi)
	em := expm1DD(dd{y0, 0})
	d := t.sub(em)
	return quickTwoSum(y0, d.hi/(1+em.hi))
}

// log1pDD returns log(1+q) for a double-double q > -1.
func log1pDD(q dd) dd {
	if q.hi > -0.29 && q.hi < 0.41 {
		return log1pSmall(q)
	}
	return logDD2(q.addF(1))
}

// expCR returns e**x, correctly rounded in all but vanishingly rare cases.
func expCR(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x > 709.8:
		return math.Inf(1)
	case x < -745.2:
		return 0
	case math.Abs(x) < 0x1p-54:
		return 1 + x
	case x > -707 && x < 709:
		return expFast(x)
	}
	r, k := expDD(dd{x, 0})
	return scale(r, k)
}

// exp2CR returns 2**x, correctly rounded in all but vanishingly rare cases.
func exp2CR(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x >= 1024:
		return math.Inf(1)
	case x < -1080:
		return 0
	}
	n := math.Round(x)
	f := x - n
	if f == 0 {
		return math.Ldexp(1, int(n))
	}
	if n > -1000 && n < 1000 {
		p := twoProd(f, ln2Hi)
		hi, lo, m := expKernel(p.hi, p.lo+f*ln2Mid)
		if roundsSafely(hi, lo, errExpLog) {
			return (hi + lo) * pow2(m+int(n))
		}
	}
	t := twoProd(f, ln2Hi).add(twoProd(f, ln2Mid))
	r, k := expDD(t)
	return scale(r, k+int(n))
}

// expm1CR returns e**x - 1, correctly rounded in all but vanishingly rare cases.
func expm1CR(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x > 709.8:
		return math.Inf(1)
	case x < -40:
		return -1 // e**x < 2^-57: -1 + e**x rounds to -1
	case math.Abs(x) < 0x1p-54:
		return x
	case math.Abs(x) <= 0.35:
		return expm1DD(dd{x, 0}).val()
	}
	r, k := expDD(dd{x, 0})
	if k > 1000 {
		return scale(r, k)
	}
	return r.ldexp(k).addF(-1).val()
}

// Log returns the natural logarithm of x, correctly rounded in all but vanishingly rare cases.
func Log(x float64) float64 {
	ensureTables()
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log(x)
	}
	if x == 1 {
		return 0
	}
	if x >= 0x1p-1022 {
		if hi, lo := logKernel(x); roundsSafely(hi, lo, errExpLog) {
			return hi + lo
		}
	}
	return logDD2(dd{x, 0}).val()
}

// Log2 returns the binary logarithm of x, correctly rounded in all but vanishingly rare cases.
func Log2(x float64) float64 {
	ensureTables()
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log2(x)
	}
	if m, e := math.Frexp(x); m == 0.5 {
		return float64(e - 1)
	}
	if x >= 0x1p-1022 {
		hi, lo := logKernel(x)
		p := twoProd(hi, invLn2Hi)
		l := p.lo + hi*invLn2Lo + lo*invLn2Hi
		if roundsSafely(p.hi, l, errExpLog) {
			return p.hi + l
		}
	}
	return logDD2(dd{x, 0}).mul(invLn2).val()
}

// log10CR returns the decimal logarithm of x, correctly rounded in all but vanishingly rare cases.
func log10CR(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log10(x)
	}
	return logDD2(dd{x, 0}).mul(invLn10).val()
}

// log1pCR returns log(1+x), correctly rounded in all but vanishingly rare cases.
func log1pCR(x float64) float64 {
	if !(x > -1) || math.IsInf(x, 1) || math.Abs(x) < 0x1p-54 {
		return math.Log1p(x)
	}
	return log1pDD(dd{x, 0}).val()
}

// expScaled returns e**a as a double-double for |a| < 700.
func expScaled(a float64) dd {
	r, k := expDD(dd{a, 0})
	return r.ldexp(k)
}

// sinhCR returns the hyperbolic sine of x, correctly rounded in all but vanishingly rare cases.
func sinhCR(x float64) float64 {
	ax := math.Abs(x)
	var r float64
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || ax < 0x1p-26:
		return x
	case ax > 710.5:
		r = math.Inf(1)
	case ax < 0.35:
		em := expm1DD(dd{ax, 0})
		r = em.add(em.div(em.addF(1))).ldexp(-1).val()
	case ax < 40:
		ex := expScaled(ax)
		r = ex.sub(oneDD.div(ex)).ldexp(-1).val()
	default:
		e, k := expDD(dd{ax, 0})
		r = scale(e, k-1)
	}
	return math.Copysign(r, x)
}

// coshCR returns the hyperbolic cosine of x, correctly rounded in all but vanishingly rare cases.
func coshCR(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return ax
	case ax < 0x1p-27:
		return 1
	case ax > 710.5:
		return math.Inf(1)
	case ax < 40:
		ex := expScaled(ax)
		return ex.add(oneDD.div(ex)).ldexp(-1).val()
	}
	e, k := expDD(dd{ax, 0})
	return scale(e, k-1)
}

// tanhCR returns the hyperbolic tangent of x, correctly rounded in all but vanishingly rare cases.
func tanhCR(x float64) float64 {
	ax := math.Abs(x)
	var r float64
	switch {
	case math.IsNaN(x) || ax < 0x1p-27:
		return x
	case ax > 22:
		r = 1
	case ax < 0.175:
		em := expm1DD(dd{2 * ax, 0})
		r = em.div(em.addF(2)).val()
	default:
		e := expScaled(2 * ax)
		r = oneDD.sub(dd{2, 0}.div(e.addF(1))).val()
	}
	return math.Copysign(r, x)
}

// asinhCR returns the inverse hyperbolic sine of x, correctly rounded in all but vanishingly rare cases.
func asinhCR(x float64) float64 {
	ax := math.Abs(x)
	var r dd
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || ax < 0x1p-26:
		return x
	case ax > 0x1p28:
		// log(2x) + 1/(4x^2) - ...: the next term is below 2^-115 relative.
		r = logDD2(dd{ax, 0}).add(ln2DD).addF(0.25 / ax / ax)
	case ax < 0.5:
		// log1p(x + x^2/(1 + sqrt(1 + x^2)))
		x2 := twoProd(ax, ax)
		s := sqrtDD2(x2.addF(1))
		r = log1pDD(x2.div(s.addF(1)).addF(ax))
	default:
		x2 := twoProd(ax, ax)
		r = logDD2(sqrtDD2(x2.addF(1)).addF(ax))
	}
	return math.Copysign(r.val(), x)
}

// acoshCR returns the inverse hyperbolic cosine of x, correctly rounded in all but vanishingly rare cases.
func acoshCR(x float64) float64 {
	switch {
	case math.IsNaN(x) || x < 1:
		return math.NaN()
	case x == 1:
		return 0
	case math.IsInf(x, 1):
		return x
	case x > 0x1p28:
		return logDD2(dd{x, 0}).add(ln2DD).addF(-0.25 / x / x).val()
	case x < 2:
		// log1p(t + sqrt(2t + t^2)) for t = x - 1 (exact)
		t := x - 1
		w := twoProd(t, t).addF(2 * t)
		return log1pDD(sqrtDD2(w).addF(t)).val()
	}
	w := twoProd(x, x).addF(-1)
	return logDD2(sqrtDD2(w).addF(x)).val()
}

// atanhCR returns the inverse hyperbolic tangent of x, correctly rounded in all but vanishingly rare cases.
func atanhCR(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || ax < 0x1p-27:
		return x
	case ax > 1:
		return math.NaN()
	case ax == 1:
		return math.Copysign(math.Inf(1), x)
	}
	// log1p(2x/(1-x))/2
	q := dd{2 * ax, 0}.div(twoSum(1, -ax))
	return math.Copysign(log1pDD(q).ldexp(-1).val(), x)
}
