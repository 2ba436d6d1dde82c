package pymath

import (
	"math"
	"math/cmplx"
)

// The functions of CPython's cmath module, evaluated as CPython's cmathmodule.c evaluates them
// for finite arguments (its formulas on glibc's real functions, here this package's), so that
// they print CPython's digits. Each returns the result and CPython's error: 0, EDOM (ValueError,
// "math domain error") or ERANGE (OverflowError, "math range error"). For infinite and NaN
// components the values are C99 Annex G's, from Go's math/cmplx (CPython's special-value tables
// follow Annex G; where Annex G leaves the sign of a zero or an infinity next to a NaN open, the
// functions below pick CPython's).

// Errors reported by the complex functions.
const (
	EDOM   = 1
	ERANGE = 2
)

var (
	cmLargeDouble     = math.MaxFloat64 / 4
	cmSqrtLargeDouble = math.Sqrt(cmLargeDouble)
	cmLogLargeDouble  = logDD2(dd{cmLargeDouble, 0}).val() // not Log: its tables are built by init
	cmSqrtDblMin      = math.Sqrt(0x1p-1022)
)

const (
	cmScaleUp   = 53
	cmScaleDown = -27
	ln10        = 2.302585092994045684017991454684364208
)

func finite(z complex128) bool {
	return !math.IsInf(real(z), 0) && !math.IsNaN(real(z)) && !math.IsInf(imag(z), 0) && !math.IsNaN(imag(z))
}

// special returns Go's (Annex G) value for a non-finite argument, and EDOM where C99 signals
// "invalid" (a NaN from an argument without one), as CPython raises ValueError there.
func special(z complex128, f func(complex128) complex128) (complex128, int) {
	r := f(z)
	if !math.IsNaN(real(z)) && !math.IsNaN(imag(z)) && (math.IsNaN(real(r)) || math.IsNaN(imag(r))) {
		return r, EDOM
	}
	return r, 0
}

// CSqrt is cmath.sqrt.
func CSqrt(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		if math.IsNaN(real(z)) && !math.IsInf(imag(z), 0) {
			return complex(math.NaN(), math.NaN()), 0
		}
		return special(z, cmplx.Sqrt)
	}
	x, y := real(z), imag(z)
	if x == 0 && y == 0 {
		return complex(0, y), 0
	}
	ax, ay := math.Abs(x), math.Abs(y)
	var s float64
	if ax < 0x1p-1022 && ay < 0x1p-1022 {
		ax = math.Ldexp(ax, cmScaleUp)
		s = math.Ldexp(math.Sqrt(ax+CHypot(ax, math.Ldexp(ay, cmScaleUp))), cmScaleDown)
	} else {
		ax /= 8
		s = 2 * math.Sqrt(ax+CHypot(ax, ay/8))
	}
	d := ay / (2 * s)
	if x >= 0 {
		return complex(s, math.Copysign(d, y)), 0
	}
	return complex(d, math.Copysign(s, y)), 0
}

// CExp is cmath.exp.
func CExp(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		if math.IsInf(real(z), -1) && !finite(complex(0, imag(z))) {
			return 0, 0
		}
		return special(z, cmplx.Exp)
	}
	x, y := real(z), imag(z)
	var r complex128
	if x > cmLogLargeDouble {
		l := Exp(x - 1)
		r = complex(l*Cos(y)*math.E, l*Sin(y)*math.E)
	} else {
		l := Exp(x)
		r = complex(l*Cos(y), l*Sin(y))
	}
	return r, rangeCheck(r)
}

func rangeCheck(r complex128) int {
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
		return ERANGE
	}
	return 0
}

// CLog is cmath.log with one argument.
func CLog(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		return special(z, cmplx.Log)
	}
	x, y := real(z), imag(z)
	ax, ay := math.Abs(x), math.Abs(y)
	var re float64
	switch {
	case ax > cmLargeDouble || ay > cmLargeDouble:
		re = Log(CHypot(ax/2, ay/2)) + math.Ln2
	case ax < 0x1p-1022 && ay < 0x1p-1022:
		if ax == 0 && ay == 0 {
			return complex(math.Inf(-1), Atan2(y, x)), EDOM
		}
		re = Log(CHypot(math.Ldexp(ax, 53), math.Ldexp(ay, 53))) - 53*math.Ln2
	default:
		h := CHypot(ax, ay)
		if 0.71 <= h && h <= 1.73 {
			am, an := math.Max(ax, ay), math.Min(ax, ay)
			re = Log1p((am-1)*(am+1)+an*an) / 2
		} else {
			re = Log(h)
		}
	}
	return complex(re, Atan2(y, x)), 0
}

// CLog10 is cmath.log10.
func CLog10(z complex128) (complex128, int) {
	ensureTables()
	r, e := CLog(z)
	return complex(real(r)/ln10, imag(r)/ln10), e
}

// CSinh is cmath.sinh.
func CSinh(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		r, e := special(z, cmplx.Sinh)
		if math.IsNaN(imag(r)) && (real(r) == 0 || math.IsInf(real(r), 0)) {
			r = complex(math.Abs(real(r)), imag(r))
		}
		return r, e
	}
	x, y := real(z), imag(z)
	var r complex128
	if math.Abs(x) > cmLogLargeDouble {
		xm1 := x - math.Copysign(1, x)
		r = complex(Cos(y)*Sinh(xm1)*math.E, Sin(y)*Cosh(xm1)*math.E)
	} else {
		r = complex(Cos(y)*Sinh(x), Sin(y)*Cosh(x))
	}
	return r, rangeCheck(r)
}

// CCosh is cmath.cosh.
func CCosh(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		r, e := special(z, cmplx.Cosh)
		if math.IsNaN(real(r)) && imag(r) == 0 {
			r = complex(real(r), 0)
		}
		return r, e
	}
	x, y := real(z), imag(z)
	var r complex128
	if math.Abs(x) > cmLogLargeDouble {
		xm1 := x - math.Copysign(1, x)
		r = complex(Cos(y)*Cosh(xm1)*math.E, Sin(y)*Sinh(xm1)*math.E)
	} else {
		r = complex(Cos(y)*Cosh(x), Sin(y)*Sinh(x))
	}
	return r, rangeCheck(r)
}

// CTanh is cmath.tanh.
func CTanh(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		if math.IsInf(real(z), 0) && !finite(complex(0, imag(z))) {
			return complex(math.Copysign(1, real(z)), 0), 0
		}
		return special(z, cmplx.Tanh)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > cmLogLargeDouble {
		return complex(math.Copysign(1, x), 4*Sin(y)*Cos(y)*Exp(-2*math.Abs(x))), 0
	}
	tx, ty := Tanh(x), Tan(y)
	cx := 1 / Cosh(x)
	txty := tx * ty
	denom := 1 + txty*txty
	return complex(tx*(1+ty*ty)/denom, ((ty/denom)*cx)*cx), 0
}

// rotIn returns i*z, for the functions defined through their hyperbolic counterparts.
func rotIn(z complex128) complex128 { return complex(-imag(z), real(z)) }

// CSin is cmath.sin: -i sinh(iz).
func CSin(z complex128) (complex128, int) {
	ensureTables()
	s, e := CSinh(rotIn(z))
	return complex(imag(s), -real(s)), e
}

// CCos is cmath.cos: cosh(iz).
func CCos(z complex128) (complex128, int) { return CCosh(rotIn(z)) }

// CTan is cmath.tan: -i tanh(iz).
func CTan(z complex128) (complex128, int) {
	ensureTables()
	s, e := CTanh(rotIn(z))
	return complex(imag(s), -real(s)), e
}

// CAsinh is cmath.asinh.
func CAsinh(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		if math.IsNaN(real(z)) && math.IsInf(imag(z), 0) {
			return complex(math.Inf(1), math.NaN()), 0
		}
		return special(z, cmplx.Asinh)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > cmLargeDouble || math.Abs(y) > cmLargeDouble {
		var re float64
		if y >= 0 {
			re = math.Copysign(Log(CHypot(x/2, y/2))+math.Ln2*2, x)
		} else {
			re = -math.Copysign(Log(CHypot(x/2, y/2))+math.Ln2*2, -x)
		}
		return complex(re, Atan2(y, math.Abs(x))), 0
	}
	s1, _ := CSqrt(complex(1+y, -x))
	s2, _ := CSqrt(complex(1-y, x))
	return complex(Asinh(real(s1)*imag(s2)-real(s2)*imag(s1)), Atan2(y, real(s1)*real(s2)-imag(s1)*imag(s2))), 0
}

// CAsin is cmath.asin: -i asinh(iz).
func CAsin(z complex128) (complex128, int) {
	ensureTables()
	s, e := CAsinh(rotIn(z))
	return complex(imag(s), -real(s)), e
}

// CAcos is cmath.acos.
func CAcos(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		if math.IsInf(real(z), 0) && math.IsNaN(imag(z)) {
			return complex(math.NaN(), math.Inf(1)), 0
		}
		return special(z, cmplx.Acos)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > cmLargeDouble || math.Abs(y) > cmLargeDouble {
		var im float64
		if x < 0 {
			im = -math.Copysign(Log(CHypot(x/2, y/2))+math.Ln2*2, y)
		} else {
			im = math.Copysign(Log(CHypot(x/2, y/2))+math.Ln2*2, -y)
		}
		return complex(Atan2(math.Abs(y), x), im), 0
	}
	s1, _ := CSqrt(complex(1-x, -y))
	s2, _ := CSqrt(complex(1+x, y))
	return complex(2*Atan2(real(s1), real(s2)), Asinh(real(s2)*imag(s1)-imag(s2)*real(s1))), 0
}

// CAcosh is cmath.acosh.
func CAcosh(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		if real(z) == 0 && math.IsNaN(imag(z)) {
			return complex(math.NaN(), math.NaN()), 0
		}
		return special(z, cmplx.Acosh)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > cmLargeDouble || math.Abs(y) > cmLargeDouble {
		return complex(Log(CHypot(x/2, y/2))+math.Ln2*2, Atan2(y, x)), 0
	}
	s1, _ := CSqrt(complex(x-1, y))
	s2, _ := CSqrt(complex(x+1, y))
	return complex(Asinh(real(s1)*real(s2)+imag(s1)*imag(s2)), 2*Atan2(imag(s1), real(s2))), 0
}

// CAtanh is cmath.atanh.
func CAtanh(z complex128) (complex128, int) {
	ensureTables()
	if !finite(z) {
		if math.IsNaN(real(z)) && math.IsInf(imag(z), 0) {
			return complex(0, math.Copysign(math.Pi/2, imag(z))), 0
		}
		return special(z, cmplx.Atanh)
	}
	x, y := real(z), imag(z)
	if x < 0 {
		r, e := CAtanh(-z)
		return -r, e
	}
	ay := math.Abs(y)
	switch {
	case x > cmSqrtLargeDouble || ay > cmSqrtLargeDouble:
		h := CHypot(x/2, y/2)
		return complex(x/4/h/h, -math.Copysign(math.Pi/2, -y)), 0
	case x == 1 && ay < cmSqrtDblMin:
		if ay == 0 {
			return complex(math.Inf(1), y), EDOM
		}
		return complex(-Log(math.Sqrt(ay)/math.Sqrt(CHypot(ay, 2))), math.Copysign(Atan2(2, -ay)/2, y)), 0
	}
	return complex(Log1p(4*x/((1-x)*(1-x)+ay*ay))/4, -Atan2(-2*y, (1-x)*(1+x)-ay*ay)/2), 0
}

// CAtan is cmath.atan: -i atanh(iz).
func CAtan(z complex128) (complex128, int) {
	ensureTables()
	s, e := CAtanh(rotIn(z))
	return complex(imag(s), -real(s)), e
}

// CQuot is CPython's complex division (_Py_c_quot), for cmath.log's base: EDOM for a zero divisor.
func CQuot(a, b complex128) (complex128, int) {
	ensureTables()
	br, bi := real(b), imag(b)
	abr, abi := math.Abs(br), math.Abs(bi)
	switch {
	case abr >= abi:
		if abr == 0 {
			return 0, EDOM
		}
		ratio := bi / br
		denom := br + bi*ratio
		return complex((real(a)+imag(a)*ratio)/denom, (imag(a)-real(a)*ratio)/denom), 0
	case abi >= abr:
		ratio := br / bi
		denom := br*ratio + bi
		return complex((real(a)*ratio+imag(a))/denom, (imag(a)*ratio-real(a))/denom), 0
	}
	return complex(math.NaN(), math.NaN()), 0
}

// CRect is cmath.rect: r*(cos(phi) + i sin(phi)), with phi = 0 kept exact.
func CRect(r, phi float64) (complex128, int) {
	ensureTables()
	if math.IsInf(r, 0) || math.IsNaN(r) || math.IsInf(phi, 0) || math.IsNaN(phi) {
		// CPython's choices (Annex G's where it has them).
		nan := math.NaN()
		var z complex128
		switch {
		case math.IsInf(r, 0) && !math.IsInf(phi, 0) && !math.IsNaN(phi) && phi != 0:
			s := math.Copysign(1, r)
			z = complex(s*math.Copysign(math.Inf(1), Cos(phi)), s*math.Copysign(math.Inf(1), Sin(phi)))
		case r == 0:
			z = 0
		case math.IsInf(r, 0) && phi == 0:
			z = complex(r, phi*math.Copysign(1, r))
		case math.IsInf(r, 0) && math.IsNaN(phi):
			z = complex(math.Inf(1), nan)
		case math.IsNaN(r) && phi == 0:
			z = complex(nan, 0)
		default:
			z = complex(nan, nan)
		}
		if r != 0 && !math.IsNaN(r) && math.IsInf(phi, 0) {
			return z, EDOM
		}
		return z, 0
	}
	if phi == 0 {
		return complex(r, r*phi), 0
	}
	return complex(r*Cos(phi), r*Sin(phi)), 0
}
