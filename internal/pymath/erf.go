package pymath

import "math"

// Erf and Erfc follow glibc 2.36's erf and erfc: Sun's fdlibm method (a rational approximation
// on [0, 0.84375), another around 1, and exp(-x^2 - 0.5625 + R/S)/x beyond, with x^2 split so
// that its leading part is exact), with glibc's evaluation order of the polynomials (pairs of
// terms in powers of z^2, z^4, ..., for pipelining). The coefficients are fdlibm's. Go's math.Erf
// uses Horner's order and Go's Exp, and differs from glibc in a few percent of the results.

const (
	erfErx = 8.45062911510467529297e-01 // (float32)0.84506291151
	erfEfx = 1.28379167095512586316e-01 // 2/sqrt(pi) - 1
)

var (
	erfPP = [5]float64{1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
		-5.77027029648944159157e-03, -2.37630166566501626084e-05}
	erfQQ = [6]float64{0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
		1.32494738004321644526e-04, -3.96022827877536812320e-06}
	erfPA = [7]float64{-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
		3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
		-2.16637559486879084300e-03}
	erfQA = [7]float64{0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
		1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02}
	erfRA = [8]float64{-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
		-6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
		-8.12874355063065934246e+01, -9.81432934416914548592e+00}
	erfSA = [9]float64{0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
		6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
		6.57024977031928170135e+00, -6.04244152148580987438e-02}
	erfRB = [7]float64{-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
		-1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
		-4.83519191608651397019e+02}
	erfSB = [8]float64{0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
		3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
		-2.24409524465858183362e+01}
)

// erfSmall returns y with erf(x) = x + x*y for |x| < 0.84375 (z = x*x).
func erfSmall(z float64) float64 {
	z2 := z * z
	z4 := z2 * z2
	r := (erfPP[0] + z*erfPP[1]) + z2*(erfPP[2]+z*erfPP[3]) + z4*erfPP[4]
	s := (1 + z*erfQQ[1]) + z2*(erfQQ[2]+z*erfQQ[3]) + z4*(erfQQ[4]+z*erfQQ[5])
	return r / s
}

// erfNear1 returns P/Q with erf(1+s) = erx + P/Q for 0.84375 <= |x| < 1.25, s = |x| - 1.
func erfNear1(s float64) float64 {
	s2 := s * s
	s4 := s2 * s2
	s6 := s4 * s2
	p := (erfPA[0] + s*erfPA[1]) + s2*(erfPA[2]+s*erfPA[3]) + s4*(erfPA[4]+s*erfPA[5]) + s6*erfPA[6]
	q := (1 + s*erfQA[1]) + s2*(erfQA[2]+s*erfQA[3]) + s4*(erfQA[4]+s*erfQA[5]) + s6*erfQA[6]
	return p / q
}

// erfcTail returns erfc(x)*x for 1.25 <= x < 28; wide selects the second interval from 1/0.35.
func erfcTail(x float64, wide bool) float64 {
	s := 1 / (x * x)
	s2 := s * s
	s4 := s2 * s2
	s6 := s4 * s2
	var r, q float64
	if !wide {
		s8 := s4 * s4
		r = (erfRA[0] + s*erfRA[1]) + s2*(erfRA[2]+s*erfRA[3]) + s4*(erfRA[4]+s*erfRA[5]) + s6*(erfRA[6]+s*erfRA[7])
		q = (1 + s*erfSA[1]) + s2*(erfSA[2]+s*erfSA[3]) + s4*(erfSA[4]+s*erfSA[5]) + s6*(erfSA[6]+s*erfSA[7]) + s8*erfSA[8]
	} else {
		r = (erfRB[0] + s*erfRB[1]) + s2*(erfRB[2]+s*erfRB[3]) + s4*(erfRB[4]+s*erfRB[5]) + s6*erfRB[6]
		q = (1 + s*erfSB[1]) + s2*(erfSB[2]+s*erfSB[3]) + s4*(erfSB[4]+s*erfSB[5]) + s6*(erfSB[6]+s*erfSB[7])
	}
	// exp(-x^2 - 0.5625 + R/S) with z = x cut to its high 32 bits: z*z is exact.
	z := math.Float64frombits(math.Float64bits(x) &^ (1<<32 - 1))
	return Exp(-z*z-0.5625) * Exp((z-x)*(z+x)+r/q)
}

// Erf returns the error function at x as glibc computes it.
func Erf(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 0):
		return math.Copysign(1, x)
	case ax < 0.84375:
		if ax < 0x1p-28 {
			if ax < 0x1p-1015 {
				return 0.0625 * (16*x + (16*erfEfx)*x)
			}
			return x + erfEfx*x
		}
		return x + x*erfSmall(x*x)
	case ax < 1.25:
		if x >= 0 {
			return erfErx + erfNear1(ax-1)
		}
		return -erfErx - erfNear1(ax-1)
	case ax >= 6:
		return math.Copysign(1, x)
	}
	r := erfcTail(ax, ax >= hw(0x4006DB6E))
	if x >= 0 {
		return 1 - r/ax
	}
	return r/ax - 1
}

// Erfc returns the complementary error function at x as glibc computes it.
func Erfc(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 1):
		return 0
	case math.IsInf(x, -1):
		return 2
	case ax < 0.84375:
		if ax < 0x1p-56 {
			return 1 - x
		}
		y := erfSmall(x * x)
		if x < 0.25 {
			return 1 - (x + x*y)
		}
		r := x * y
		r += x - 0.5
		return 0.5 - r
	case ax < 1.25:
		if x >= 0 {
			return (1 - erfErx) - erfNear1(ax-1)
		}
		return 1 + (erfErx + erfNear1(ax-1))
	case ax < 28:
		wide := ax >= hw(0x4006DB6D)
		if wide && x <= -6 {
			return 2
		}
		r := erfcTail(ax, wide)
		if x > 0 {
			return r / ax
		}
		return 2 - r/ax
	case x > 0:
		return 0
	}
	return 2
}
