package pymath

import "math"

// The fast paths: a table-driven evaluation in double precision with a double-double head,
// accurate to about 2^-66, followed by Ziv's test. When the result is too close to a rounding
// boundary for that accuracy (about one call in 10^3 or fewer), the slow double-double
// evaluation (about 2^-100) decides.

// Relative error bounds the fast paths are tested against (Ziv's test): TestFastPaths measures
// the actual errors on random arguments and requires them to stay 4 times below.
const (
	errExpLog = 0x1p-64 // measured: 2^-69 (exp), 2^-69 (log)
	errTrig   = 0x1p-61 // measured: 2^-64 (sin, cos, tan: cancellation next to multiples of pi)
	errAtan   = 0x1p-62 // measured: 2^-65.5 (atan, atan2, asin, acos)
)

// roundsSafely reports whether every value within relErr (relative) of hi + lo rounds to the
// same double as hi + lo.
func roundsSafely(hi, lo, relErr float64) bool {
	e := math.Abs(hi) * relErr
	return hi+(lo+e) == hi+(lo-e)
}

// exp: x = (128*m + j)*ln2/128 + r with |r| <= ln2/256; e**x = 2**m * 2**(j/128) * e**r.
var (
	expTab    [128]dd // 2**(j/128)
	expL1     float64 // ln2/128 to 33 bits: k*expL1 is exact for |k| < 2^20
	expL2     float64
	expL3     float64
	expInvL   = 128 / math.Ln2
	logTabC   [256]float64 // 1/m to 8 fractional bits, for m of the mantissa's top 8 bits
	logTabL   [256]dd      // -log(logTabC[i])
	logTabAdj [256]int     // 1 when the mantissa is halved (m >= sqrt 2)
	ln2A      float64      // ln2 to 42 bits: e*ln2A is exact for |e| < 2^11
	ln2B      float64
	sinTab    [65]dd // sin(j*pi/64) for j = 0..64
	atanTab   [65]dd // atan(j/64)
	pi64A     float64
	pi64B     float64
	pi64C     float64
)

func initFast() {
	for j := range expTab {
		fj := float64(j)
		a := twoProd(fj, ln2Hi).add(twoProd(fj, ln2Mid)).addF(fj * ln2Lo).ldexp(-7)
		r, k := expDD(a)
		expTab[j] = r.ldexp(k)
	}
	ln2dd := dd{ln2Hi, ln2Mid}
	expL1 = math.Float64frombits(math.Float64bits(ln2Hi/128) &^ (1<<20 - 1))
	rest := ln2dd.ldexp(-7).addF(-expL1)
	expL2 = rest.hi
	expL3 = rest.lo + ln2Lo/128
	ln2A = math.Float64frombits(math.Float64bits(ln2Hi) &^ (1<<11 - 1))
	rest = ln2dd.addF(-ln2A)
	ln2B = rest.hi + ln2Lo
	for i := range logTabC {
		mid := 1 + (float64(i)+0.5)/256
		if mid >= math.Sqrt2 {
			mid /= 2
			logTabAdj[i] = 1
		}
		c := math.Round(256/mid) / 256
		logTabC[i] = c
		logTabL[i] = logDD2(dd{c, 0}).neg()
	}
	var sn, cs [17]dd
	for j := 0; j <= 16; j++ {
		fj := float64(j)
		a := twoProd(fj, pio2Hi).add(twoProd(fj, pio2Mid)).addF(fj * pio2Lo).ldexp(-5)
		sn[j], cs[j] = sinCosDD(a)
	}
	for j := range sinTab {
		switch {
		case j <= 16:
			sinTab[j] = sn[j]
		case j <= 32:
			sinTab[j] = cs[32-j]
		default:
			sinTab[j] = sinTab[64-j]
		}
	}
	sinTab[0], sinTab[64] = dd{}, dd{}
	pi64A = math.Float64frombits(math.Float64bits(pio2Hi/32) &^ (1<<23 - 1))
	rest = dd{pio2Hi, pio2Mid}.ldexp(-5).addF(-pi64A)
	pi64B = rest.hi
	pi64C = rest.lo + pio2Lo/32
	for j := range atanTab {
		if j > 0 {
			atanTab[j] = atanSmall(dd{float64(j) / 64, 0})
		}
	}
}

// expKernel returns e**(xh + xl) = (hi + lo) * 2**m for |xh| < 709 and |xl| <= ulp(xh), with a
// relative error below about 2^-66.
func expKernel(xh, xl float64) (hi, lo float64, m int) {
	const shift = 0x1.8p52
	kf := xh*expInvL + shift
	k := int64(math.Float64bits(kf)) // low bits hold round(xh*128/ln2)
	kf -= shift
	k = int64(int32(k))
	rh := math.FMA(-kf, expL1, xh) // exact
	rl := xl - kf*expL2 - kf*expL3
	r := quickTwoSum(rh, rl)
	rh, rl = r.hi, r.lo
	// e**r - 1 = rh + rl*(1 + rh) + q, q = rh^2/2 + rh^3/6 + ... (to degree 7)
	q := rh * rh * (0.5 + rh*(1.0/6+rh*(1.0/24+rh*(1.0/120+rh*(1.0/720+rh*(1.0/5040))))))
	pl := rl + rl*rh + q
	t := expTab[k&127]
	a := twoProd(t.hi, rh)
	s := twoSum(t.hi, a.hi)
	lo = s.lo + a.lo + t.hi*pl + t.lo + t.lo*rh
	hi = s.hi
	return hi, lo, int(k >> 7)
}

// pow2 returns 2**m for -1022 <= m <= 1023.
func pow2(m int) float64 { return math.Float64frombits(uint64(m+1023) << 52) }

func expFast(x float64) float64 {
	hi, lo, m := expKernel(x, 0)
	if !roundsSafely(hi, lo, errExpLog) {
		r, k := expDD(dd{x, 0})
		return scale(r, k)
	}
	return (hi + lo) * pow2(m)
}

// logKernel returns log(x) for a normal x > 0 as hi + lo with a relative error below about 2^-66.
func logKernel(x float64) (hi, lo float64) {
	b := math.Float64bits(x)
	e := int(b>>52) - 1023
	i := (b >> 44) & 255
	adj := logTabAdj[i]
	m := math.Float64frombits(b&(1<<52-1) | uint64(1023-adj)<<52)
	fe := float64(e + adj)
	// r = m*c - 1, exactly as rh + rl
	p := twoProd(m, logTabC[i])
	r := twoSum(p.hi-1, p.lo)
	rh, rl := r.hi, r.lo
	hh := twoProd(rh, rh)
	// log1p(r) = r - r^2/2 + r^3/3 - ... (to degree 9)
	poly := rh * hh.hi * (1.0/3 + rh*(-0.25+rh*(0.2+rh*(-1.0/6+rh*(1.0/7+rh*(-0.125+rh*(1.0/9)))))))
	l := logTabL[i]
	s1 := twoSum(fe*ln2A, l.hi)
	s2 := twoSum(s1.hi, rh)
	s3 := twoSum(s2.hi, -0.5*hh.hi)
	lo = s1.lo + s2.lo + s3.lo + rl - 0.5*hh.lo - rh*rl + poly + l.lo + fe*ln2B
	return s3.hi, lo
}

// sinKernel returns S*cos(r) + C*sin(r) for the table values S and C and |r| <= pi/128 + tiny.
func sinKernel(s, c dd, rh, rl float64) (hi, lo float64) {
	r2 := rh * rh
	t := rh * r2 * (-1.0/6 + r2*(1.0/120+r2*(-1.0/5040+r2*(1.0/362880+r2*(-1.0/39916800)))))
	hh := twoProd(rh, rh)
	c1 := -0.5 * hh.hi
	c2 := -0.5*hh.lo - rh*rl + r2*r2*(1.0/24+r2*(-1.0/720+r2*(1.0/40320+r2*(-1.0/3628800))))
	p := twoProd(c.hi, rh)
	q := twoProd(s.hi, c1)
	s1 := twoSum(s.hi, p.hi)
	s2 := twoSum(s1.hi, q.hi)
	lo = s1.lo + s2.lo + p.lo + q.lo + s.hi*c2 + s.lo*(1+c1) + c.hi*(rl+t) + c.lo*rh
	return s2.hi, lo
}

// sinTabAt returns sin(j*pi/64) for any integer j.
func sinTabAt(j int) dd {
	j &= 127
	if j >= 64 {
		return sinTab[j-64].neg()
	}
	return sinTab[j]
}

// reduceFast returns n and r = x - n*pi/64 (|r| <= pi/128 + tiny), and ok = false when r is too
// small for its relative accuracy at a multiple of pi/2. Below 2^18 it reduces in one step
// (Cody-Waite with a three-part pi/64); above, by pi/2 exactly (reduce) and then by pi/64.
func reduceFast(x float64) (n int, rh, rl float64, ok bool) {
	if math.Abs(x) >= 0x1p18 {
		// Exact reduction by pi/2 first, then by pi/64 in double-double.
		k, r := reduce(x)
		j := math.Round(r.hi * (64 / math.Pi))
		r = r.sub(twoProd(j, pi64A)).sub(twoProd(j, pi64B)).addF(-j * pi64C)
		return 32*k + int(j), r.hi, r.lo, true
	}
	const shift = 0x1.8p52
	nf := x*(64/math.Pi) + shift
	n = int(int32(math.Float64bits(nf)))
	nf -= shift
	t := math.FMA(-nf, pi64A, x) // exact
	p := twoProd(nf, pi64B)
	s := twoSum(t, -p.hi)
	r := quickTwoSum(s.hi, s.lo-p.lo-nf*pi64C)
	if n&31 == 0 && math.Abs(r.hi) < 0x1p-30 {
		return n, r.hi, r.lo, false
	}
	return n, r.hi, r.lo, true
}

// sinFast returns sin(x) as hi + lo for |x| < 2^18; ok is false when the slow path must decide.
func sinFast(x float64) (hi, lo float64, ok bool) {
	n, rh, rl, ok := reduceFast(x)
	if !ok {
		return 0, 0, false
	}
	hi, lo = sinKernel(sinTabAt(n), sinTabAt(n+32), rh, rl)
	return hi, lo, true
}

// cosFast is sinFast's counterpart for cos(x).
func cosFast(x float64) (hi, lo float64, ok bool) {
	n, rh, rl, ok := reduceFast(x)
	if !ok {
		return 0, 0, false
	}
	hi, lo = sinKernel(sinTabAt(n+32), sinTabAt(n).neg(), rh, rl)
	return hi, lo, true
}

// tanFast is sinFast's counterpart for tan(x): sin/cos with the polynomials shared.
func tanFast(x float64) (hi, lo float64, ok bool) {
	n, rh, rl, ok := reduceFast(x)
	if !ok {
		return 0, 0, false
	}
	s, c := sinTabAt(n), sinTabAt(n+32)
	r2 := rh * rh
	t := rh * r2 * (-1.0/6 + r2*(1.0/120+r2*(-1.0/5040+r2*(1.0/362880+r2*(-1.0/39916800)))))
	hh := twoProd(rh, rh)
	c1 := -0.5 * hh.hi
	c2 := -0.5*hh.lo - rh*rl + r2*r2*(1.0/24+r2*(-1.0/720+r2*(1.0/40320+r2*(-1.0/3628800))))
	sr := rl + t
	// sin(a+r) = S cos r + C sin r, cos(a+r) = C cos r - S sin r
	p := twoProd(c.hi, rh)
	q := twoProd(s.hi, c1)
	s1 := twoSum(s.hi, p.hi)
	s2 := twoSum(s1.hi, q.hi)
	sn := quickTwoSum(s2.hi, s1.lo+s2.lo+p.lo+q.lo+s.hi*c2+s.lo*(1+c1)+c.hi*sr+c.lo*rh)
	p = twoProd(s.hi, rh)
	q = twoProd(c.hi, c1)
	s1 = twoSum(c.hi, -p.hi)
	s2 = twoSum(s1.hi, q.hi)
	cs := quickTwoSum(s2.hi, s1.lo+s2.lo-p.lo+q.lo+c.hi*c2+c.lo*(1+c1)-s.hi*sr-s.lo*rh)
	q1 := sn.hi / cs.hi
	rem := math.FMA(-q1, cs.hi, sn.hi) + sn.lo - q1*cs.lo
	return q1, rem / cs.hi, true
}

// atanCore returns atan(u) for 0 <= u <= 1 (u = uh + ul) with a relative error below about 2^-66:
// atan(u) = atan(c) + atan((u - c)/(1 + u*c)) for c = j/64 nearest u.
func atanCore(uh, ul float64) (hi, lo float64) {
	j := int(uh*64 + 0.5)
	c := float64(j) * (1.0 / 64)
	nh := uh - c // exact
	p := twoProd(uh, c)
	d := twoSum(1, p.hi)
	dl := d.lo + p.lo + ul*c
	v1 := nh / d.hi
	rem := math.FMA(-v1, d.hi, nh) + ul - v1*dl
	v2 := rem / d.hi
	v2s := v1 * v1
	t := v1 * v2s * (-1.0/3 + v2s*(0.2+v2s*(-1.0/7+v2s*(1.0/9+v2s*(-1.0/11)))))
	a := atanTab[j]
	s := twoSum(a.hi, v1)
	return s.hi, s.lo + a.lo + v2 + t
}

// atanFast returns atan(q) for a double-double q >= 0, as hi + lo with a relative error below
// about 2^-65.
func atanFast(q dd) (hi, lo float64) {
	if q.hi <= 1 {
		return atanCore(q.hi, q.lo)
	}
	w1 := 1 / q.hi
	e := math.FMA(-w1, q.hi, 1) - w1*q.lo
	h, l := atanCore(w1, w1*e)
	s := twoSum(pio2Hi, -h)
	return s.hi, s.lo + pio2Mid - l
}

// asinAcosFast returns asin(x) and acos(x) for |x| < 1 as hi + lo pairs with a relative
// error below about 2^-64: both are angles of the point (sqrt(1-x^2), x).
func asinAcosFast(x float64) (ah, al, ch, cl float64) {
	ax := math.Abs(x)
	// w = 1 - x^2 exactly as wh + wl, s = sqrt(w) as sh + sl
	p := twoProd(ax, ax)
	w := twoSum(1, -p.hi)
	w = quickTwoSum(w.hi, w.lo-p.lo)
	wh, wl := w.hi, w.lo
	sh := math.Sqrt(wh)
	sl := (math.FMA(-sh, sh, wh) + wl) / (2 * sh)
	// a = atan(ax/s), the angle from the axis of s; b = pi/2 - a.
	var ah0, al0, bh, bl float64
	if ax <= sh {
		q1 := ax / sh
		h, l := atanCore(q1, (math.FMA(-q1, sh, ax)-q1*sl)/sh)
		ah0, al0 = h, l
		s := twoSum(pio2Hi, -h)
		bh, bl = s.hi, s.lo+pio2Mid-l
	} else {
		u1 := sh / ax
		h, l := atanCore(u1, (math.FMA(-u1, ax, sh)+sl)/ax)
		bh, bl = h, l
		s := twoSum(pio2Hi, -h)
		ah0, al0 = s.hi, s.lo+pio2Mid-l
	}
	if x < 0 {
		// asin(-x) = -asin(x), acos(-x) = pi - acos(x)
		s := twoSum(2*pio2Hi, -bh)
		return -ah0, -al0, s.hi, s.lo + 2*pio2Mid - bl
	}
	return ah0, al0, bh, bl
}
