package pymath

import "math"

// glibc's log10, expm1, log1p (glibc_log1p.go) and hyperbolic functions are not correctly
// rounded: they follow the classic formulas below (from Sun's fdlibm, as Go's math does for
// some), built on glibc's exp and log. To print CPython's digits, these functions evaluate the
// same formulas in the same order, with the same roundings (glibc's FMA builds fuse some
// products: the golden tests tell which), on Exp, Log and each other. Their correctly rounded
// counterparts (sinhCR and so on) are kept for the golden tests, which report how often glibc
// misrounds.

// hw returns the double whose high 32 bits are h and low bits are zero: fdlibm compares the
// high word of |x| with such thresholds.
func hw(h uint64) float64 { return math.Float64frombits(h << 32) }

var (
	lnMax       = hw(0x40862E42)                           // about 709.78, below log(MaxFloat64)
	sinhOvf     = math.Float64frombits(0x408633CE8fb9f87d) // about 710.4758600739439
	above2      = hw(0x40000001)                           // the least |x| whose high word exceeds 2's
	above2p28   = hw(0x41b00001)
	log10of2Hi  = math.Float64frombits(0x3FD34413509F6000)
	log10of2Lo  = math.Float64frombits(0x3D59FEF311F12B36)
	invLn10Glib = math.Float64frombits(0x3FDBCB7B1526E50E)
)

// fdlibm's expm1 constants: ln(2) split so that k*em1Ln2Hi is exact, and the coefficients of its
// rational approximation on [-ln(2)/2, ln(2)/2].
const (
	em1Ln2Hi = 6.93147180369123816490e-01
	em1Ln2Lo = 1.90821492927058770002e-10
	em1Q1    = -3.33333333333331316428e-02
	em1Q2    = 1.58730158725481460165e-03
	em1Q3    = -7.93650757867487942473e-05
	em1Q4    = 4.00821782732936239552e-06
	em1Q5    = -2.01099218183624371326e-07
)

// Expm1 returns e**x - 1 as glibc computes it: fdlibm's method (x = k*ln2 + r, e**r - 1 from a
// rational approximation, then rescaled), with glibc's evaluation order of the polynomial
// (Go's math.Expm1 uses Horner's order and rounds differently in a few cases per thousand).
func Expm1(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return -1
	case ax >= hw(0x4043687A): // |x| >= 56 ln2
		if x > 7.09782712893383973096e+02 {
			return math.Inf(1)
		}
		if x < 0 {
			return -1
		}
	case ax < 0x1p-54:
		return x
	}
	k := 0
	var c float64
	if ax > hw(0x3fd62e42) { // |x| > ln(2)/2: reduce
		var hi, lo float64
		if ax < hw(0x3FF0A2B2) { // |x| < 1.5 ln2
			if x > 0 {
				hi, lo, k = x-em1Ln2Hi, em1Ln2Lo, 1
			} else {
				hi, lo, k = x+em1Ln2Hi, -em1Ln2Lo, -1
			}
		} else {
			h := 0.5
			if x < 0 {
				h = -0.5
			}
			k = int(math.FMA(1.44269504088896338700e+00, x, h))
			t := float64(k)
			hi = math.FMA(-t, em1Ln2Hi, x)
			lo = t * em1Ln2Lo
		}
		x = hi - lo
		c = (hi - x) - lo
	}
	hfx := 0.5 * x
	hxs := x * hfx
	h2 := hxs * hxs
	h4 := h2 * h2
	r1 := math.FMA(h4, math.FMA(hxs, em1Q5, em1Q4), math.FMA(h2, math.FMA(hxs, em1Q3, em1Q2), math.FMA(hxs, em1Q1, 1)))
	t := math.FMA(-r1, hfx, 3)
	e := hxs * ((r1 - t) / math.FMA(-x, t, 6))
	if k == 0 {
		return x - math.FMA(x, e, -hxs)
	}
	e = math.FMA(x, e-c, -c)
	e -= hxs
	switch {
	case k == -1:
		return math.FMA(0.5, x-e, -0.5)
	case k == 1:
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return math.FMA(2, x-e, 1)
	case k <= -2 || k > 56:
		y := 1 - (e - x)
		return addExp(y, k) - 1
	case k < 20:
		t := 1 - math.Ldexp(1, -k)
		return addExp(t-(e-x), k)
	}
	y := x - (e + math.Ldexp(1, -k))
	return addExp(y+1, k)
}

// addExp adds k to the exponent field of y (normal y, no overflow check), as fdlibm does.
func addExp(y float64, k int) float64 {
	return math.Float64frombits(uint64(int64(math.Float64bits(y)) + int64(k)<<52))
}

// Atanh returns the inverse hyperbolic tangent of x as glibc computes it: log1p(2x + 2x*x/(1-x))/2
// below 0.5, log1p(2x/(1-x))/2 above.
func Atanh(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	var t float64
	switch {
	case math.IsNaN(x) || ax < 0x1p-28:
		return x
	case ax < 0.5:
		t = ax + ax
		t = 0.5 * Log1p(t+t*ax/(1-ax))
	case ax < 1:
		t = 0.5 * Log1p((ax+ax)/(1-ax))
	case ax == 1:
		return math.Copysign(math.Inf(1), x)
	default:
		return math.NaN()
	}
	return math.Copysign(t, x)
}

// Log10 returns the decimal logarithm of x as glibc computes it: with x = m * 2**y,
// y*log10(2) + log(m)/ln(10), m in [1, 2) for y >= 0 and in [0.5, 1) below.
func Log10(x float64) float64 {
	ensureTables()
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log10(x)
	}
	m, e := math.Frexp(x)
	k := e - 1
	y := float64(k)
	if k >= 0 {
		m *= 2
	} else {
		y = float64(e)
	}
	z := y*log10of2Lo + invLn10Glib*Log(m)
	return z + y*log10of2Hi
}

// Sinh returns the hyperbolic sine of x as glibc computes it.
func Sinh(x float64) float64 {
	ensureTables()
	h := 0.5
	if x < 0 {
		h = -0.5
	}
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || ax < 0x1p-28:
		return x
	case ax < 22:
		t := Expm1(ax)
		if ax < 1 {
			return h * (2*t - t*t/(t+1))
		}
		return h * (t + t/(t+1))
	case ax < lnMax:
		return h * Exp(ax)
	case ax <= sinhOvf:
		w := Exp(0.5 * ax)
		t := h * w
		return t * w
	}
	return math.Copysign(math.Inf(1), x)
}

// Cosh returns the hyperbolic cosine of x as glibc computes it.
func Cosh(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x):
		return x
	case ax < 0x1p-55:
		return 1
	case ax < hw(0x3fd62e43): // about ln(2)/2
		t := Expm1(ax)
		w := 1 + t
		return 1 + (t*t)/(w+w)
	case ax < 22:
		t := Exp(ax)
		return 0.5*t + 0.5/t
	case ax < lnMax:
		return 0.5 * Exp(ax)
	case ax <= sinhOvf:
		w := Exp(0.5 * ax)
		t := 0.5 * w
		return t * w
	}
	return math.Inf(1)
}

// Tanh returns the hyperbolic tangent of x as glibc computes it.
func Tanh(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	var z float64
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case ax < 0x1p-55:
		return x * (1 + x)
	case ax >= 22:
		z = 1
	case ax >= 1:
		t := Expm1(2 * ax)
		z = 1 - 2/(t+2)
	default:
		t := Expm1(-2 * ax)
		z = -t / (t + 2)
	}
	return math.Copysign(z, x)
}

// Asinh returns the inverse hyperbolic sine of x as glibc computes it.
func Asinh(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	var w float64
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || ax < 0x1p-28:
		return x
	case ax >= above2p28:
		w = Log(ax) + ln2Hi
	case ax >= above2:
		w = Log(2*ax + 1/(math.Sqrt(ax*ax+1)+ax))
	default:
		t := ax * ax
		w = Log1p(ax + t/(1+math.Sqrt(1+t)))
	}
	return math.Copysign(w, x)
}

// Acosh returns the inverse hyperbolic cosine of x as glibc computes it.
func Acosh(x float64) float64 {
	ensureTables()
	switch {
	case math.IsNaN(x) || x < 1:
		return math.NaN()
	case math.IsInf(x, 1):
		return x
	case x >= 0x1p28:
		return Log(x) + ln2Hi
	case x == 1:
		return 0
	case x >= above2:
		return Log(2*x - 1/(x+math.Sqrt(x*x-1)))
	}
	t := x - 1
	return Log1p(t + math.Sqrt(2*t+t*t))
}

// cbrtFactor[2+r] is 2**(r/3) for r = -2..2, each a double quotient as glibc forms it.
var cbrtFactor = func() [5]float64 {
	c2, c4 := 1.2599210498948731648, 1.5874010519681994748 // 2**(1/3), 2**(2/3)
	return [5]float64{1 / c4, 1 / c2, 1, c2, c4}
}()

// Cbrt returns the cube root of x as glibc computes it: a degree-6 polynomial guess on the
// mantissa m in [0.5, 1), one Halley step u*(u^3 + 2m)/(2u^3 + m), times 2**(e mod 3 / 3), with
// the exponent divided by 3. (glibc's cbrt is not correctly rounded; Go's math.Cbrt rounds
// differently in about half of all cases.)
func Cbrt(x float64) float64 {
	ensureTables()
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x + x
	}
	m, e := math.Frexp(math.Abs(x))
	u := 0.354895765043919860 + (1.50819193781584896+(-2.11499494167371287+(2.44693122563534430+(-1.83469277483613086+
		(0.784932344976639262-0.145263899385486377*m)*m)*m)*m)*m)*m
	t := u * u * u
	y := u * (t + 2*m) / (2*t + m) * cbrtFactor[2+e%3]
	if x < 0 {
		y = -y
	}
	return math.Ldexp(y, e/3)
}

// CHypot returns sqrt(x*x + y*y) as glibc 2.35+'s hypot computes it (the C function behind
// abs(complex) and complex ** in CPython; math.hypot is CPython's own and correctly rounded, see
// Hypot): sqrt(ax^2 + ay^2) corrected by one step of Borges' method, with the operands scaled
// by 2^-600 above 2^511 and by 2^600 below 2^-459.
func CHypot(x, y float64) float64 {
	ensureTables()
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Inf(1)
	}
	if math.IsNaN(x) || math.IsNaN(y) {
		return x + y
	}
	ax, ay := math.Abs(x), math.Abs(y)
	if ax < ay {
		ax, ay = ay, ax
	}
	const scale, eps = 0x1p-600, 0x1p-54
	switch {
	case ax > 0x1p511:
		if ay <= ax*eps {
			return ax + ay
		}
		return hypotKernel(ax*scale, ay*scale) / scale
	case ay < 0x1p-459:
		if ax >= ay/eps {
			return ax + ay
		}
		return hypotKernel(ax/scale, ay/scale) * scale
	case ay <= ax*eps:
		return ax + ay
	}
	return hypotKernel(ax, ay)
}

// hypotKernel is CHypot for ax >= ay >= 0 whose squares neither overflow nor underflow.
func hypotKernel(ax, ay float64) float64 {
	h := math.Sqrt(ax*ax + ay*ay)
	var t1, t2 float64
	if h <= 2*ay {
		d := h - ay
		t1 = ax * (2*d - ax)
		t2 = (d - 2*(ax-ay)) * d
	} else {
		d := h - ax
		t1 = 2 * d * (ax - 2*ay)
		t2 = (4*d-ay)*ay + d*d
	}
	return h - (t1+t2)/(2*h)
}
