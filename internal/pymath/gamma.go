package pymath

import "math"

// CPython computes math.gamma and math.lgamma itself (not with the C library): Lanczos'
// approximation with g = 6.024680040776729583740234375 and N = 13 (the coefficients Boost uses),
// a correction for the rounding of x + g - 0.5, and the reflection formula for x < 0, evaluated
// on the C library's exp, log, pow, sin and cos. Gamma and Lgamma evaluate the same formulas in
// the same order on this package's functions, so that they print CPython's digits (Go's
// math.Gamma and math.Lgamma use other methods and differ in most results).

const (
	lanczosG          = 6.024680040776729583740234375
	lanczosGMinusHalf = 5.524680040776729583740234375
	logPi             = 1.144729885849400174143427351353058711647
)

// The rational function's numerator coefficients, and its denominator x(x+1)...(x+11) expanded.
var (
	lanczosNum = [13]float64{
		23531376880.410759688572007674451636754734846804940,
		42919803642.649098768957899047001988850926355848959,
		35711959237.355668049440185451547166705960488635843,
		17921034426.037209699919755754458931112671403265390,
		6039542586.3520280050642916443072979210699388420708,
		1439720407.3117216736632230727949123939715485786772,
		248874557.86205415651146038641322942321632125127801,
		31426415.585400194380614231628318205362874684987640,
		2876370.6289353724412254090516208496135991145378768,
		186056.26539522349504029498971604569928220784236328,
		8071.6720023658162106380029022722506138218516325024,
		210.82427775157934587250973392071336271166969580291,
		2.5066282746310002701649081771338373386264310793408,
	}
	lanczosDen = [13]float64{0, 39916800, 120543840, 150917976, 105258076, 45995730,
		13339535, 2637558, 357423, 32670, 1925, 66, 1}
)

// gammaIntegral[n-1] is (n-1)!, exact, for the integer arguments 1..23.
var gammaIntegral = func() [23]float64 {
	var t [23]float64
	f := 1.0
	for n := range t {
		if n > 0 {
			f *= float64(n)
		}
		t[n] = f
	}
	return t
}()

// lanczosSum evaluates the rational function at x > 0: in powers of x below 5, in powers of 1/x
// above (no overflow, better accuracy).
func lanczosSum(x float64) float64 {
	var num, den float64
	if x < 5 {
		for i := len(lanczosNum) - 1; i >= 0; i-- {
			num = num*x + lanczosNum[i]
			den = den*x + lanczosDen[i]
		}
	} else {
		for i := range lanczosNum {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

// sinPi returns sin(pi*x) for finite x, reduced exactly modulo 2 first.
func sinPi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2)
	var r float64
	switch int(math.Round(2 * y)) {
	case 0:
		r = Sin(math.Pi * y)
	case 1:
		r = Cos(math.Pi * (y - 0.5))
	case 2:
		r = Sin(math.Pi * (1 - y)) // +0, not -0, at y == 1
	case 3:
		r = -Cos(math.Pi * (y - 1.5))
	default:
		r = Sin(math.Pi * (y - 2))
	}
	return math.Copysign(1, x) * r
}

// Gamma returns the gamma function at x as CPython's math.gamma computes it. The caller raises
// CPython's errors: ValueError at 0, the negative integers and -inf, OverflowError when the
// result is infinite for a finite x.
func Gamma(x float64) float64 {
	ensureTables()
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return math.NaN()
	case x == 0:
		return math.Copysign(math.Inf(1), x)
	case x == math.Floor(x):
		if x < 0 {
			return math.NaN()
		}
		if x <= float64(len(gammaIntegral)) {
			return gammaIntegral[int(x)-1]
		}
	}
	ax := math.Abs(x)
	if ax < 1e-20 {
		return 1 / x
	}
	if ax > 200 {
		if x < 0 {
			return 0 / sinPi(x)
		}
		return math.Inf(1)
	}
	y := ax + lanczosGMinusHalf
	// z = the rounding error of y, times g/y
	var z float64
	if ax > lanczosGMinusHalf {
		q := y - ax
		z = q - lanczosGMinusHalf
	} else {
		q := y - lanczosGMinusHalf
		z = q - ax
	}
	z = z * lanczosG / y
	var r float64
	if x < 0 {
		r = -math.Pi / sinPi(ax) / ax * Exp(y) / lanczosSum(ax)
		r -= z * r
		if ax < 140 {
			r /= Pow(y, ax-0.5)
		} else {
			sp := Pow(y, ax/2-0.25)
			r /= sp
			r /= sp
		}
	} else {
		r = lanczosSum(ax) / Exp(y)
		r += z * r
		if ax < 140 {
			r *= Pow(y, ax-0.5)
		} else {
			sp := Pow(y, ax/2-0.25)
			r *= sp
			r *= sp
		}
	}
	return r
}

// Lgamma returns log|gamma(x)| as CPython's math.lgamma computes it. The caller raises
// ValueError at 0 and the negative integers, OverflowError for an infinite result at a finite x.
func Lgamma(x float64) float64 {
	ensureTables()
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 0):
		return math.Inf(1)
	case x == math.Floor(x) && x <= 2:
		if x <= 0 {
			return math.Inf(1)
		}
		return 0
	}
	ax := math.Abs(x)
	if ax < 1e-20 {
		return -Log(ax)
	}
	r := Log(lanczosSum(ax)) - lanczosG
	r += (ax - 0.5) * (Log(ax+lanczosG-0.5) - 1)
	if x < 0 {
		r = logPi - Log(math.Abs(sinPi(ax))) - Log(ax) - r
	}
	return r
}
