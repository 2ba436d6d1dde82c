package pymath

import "math"

// fdlibm's log1p constants: ln2 split so that k*l1pLn2Hi is exact, and the coefficients of the
// approximation of log((1+s)/(1-s)) - 2s in powers of s^2.
const (
	l1pLn2Hi = 6.93147180369123816490e-01
	l1pLn2Lo = 1.90821492927058770002e-10
	l1pLp1   = 6.666666666666735130e-01
	l1pLp2   = 3.999999999940941908e-01
	l1pLp3   = 2.857142874366239149e-01
	l1pLp4   = 2.222219843214978396e-01
	l1pLp5   = 1.818357216161805012e-01
	l1pLp6   = 1.531383769920937332e-01
	l1pLp7   = 1.479819860511658591e-01
)

// Log1p returns log(1+x) as glibc computes it: fdlibm's method (1+x = 2^k * (1+f) with the
// rounding error of 1+x carried as c, log(1+f) = f - hfsq + s*(hfsq+R), s = f/(2+f)) with glibc's
// pairwise polynomial order, rounded as glibc's build rounds it. (Go's math.Log1p, fdlibm's
// Horner order, differs from glibc in about one case in a thousand.)
func Log1p(x float64) float64 {
	ensureTables()
	b := math.Float64bits(x)
	hx := int32(b >> 32)
	ax := hx & 0x7fffffff
	k := 1
	var f, c float64
	var hu int32
	if hx < 0x3FDA827A { // x < 0.41422
		if ax >= 0x3ff00000 { // x <= -1
			if x == -1 {
				return math.Inf(-1)
			}
			return math.NaN()
		}
		if ax < 0x3e200000 { // |x| < 2^-29
			if ax < 0x3c900000 {
				return x
			}
			return x - x*x*0.5
		}
		if hx > 0 || hx <= int32(-0x402d413d) { // -0.2929 < x < 0.41422 (0xbfd2bec3)
			k, f, hu = 0, x, 1
		}
	} else if hx >= 0x7ff00000 {
		return x + x
	}
	if k != 0 {
		var u float64
		if hx < 0x43400000 {
			u = 1 + x
			hu = int32(math.Float64bits(u) >> 32)
			k = int(hu>>20) - 1023
			if k > 0 {
				c = 1 - (u - x)
			} else {
				c = x - (u - 1)
			}
			c /= u
		} else {
			u = x
			hu = int32(math.Float64bits(u) >> 32)
			k = int(hu>>20) - 1023
			c = 0
		}
		hu &= 0x000fffff
		lo := math.Float64bits(u) & (1<<32 - 1)
		if hu < 0x6a09e {
			u = math.Float64frombits(uint64(uint32(hu)|0x3ff00000)<<32 | lo) // normalize u
		} else {
			k++
			u = math.Float64frombits(uint64(uint32(hu)|0x3fe00000)<<32 | lo) // normalize u/2
			hu = (0x00100000 - hu) >> 2
		}
		f = u - 1
	}
	hfsq := 0.5 * f * f
	fk := float64(k)
	if hu == 0 { // |f| < 2^-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += fk * l1pLn2Lo
			return fk*l1pLn2Hi + c
		}
		r := hfsq * (1 - 0.66666666666666666*f)
		if k == 0 {
			return f - r
		}
		return fk*l1pLn2Hi - ((r - (fk*l1pLn2Lo + c)) - f)
	}
	s := f / (2 + f)
	z := s * s
	z2 := z * z
	z4 := z2 * z2
	z6 := z4 * z2
	// The polynomial with FMAs, R1 = z*Lp1 fused with z2*R2, the final sums without: the
	// combination that reproduces glibc's results (0 differences in 50000 arguments).
	r := math.FMA(z, l1pLp1, z2*math.FMA(z, l1pLp3, l1pLp2))
	r = math.FMA(z4, math.FMA(z, l1pLp5, l1pLp4), r)
	r = math.FMA(z6, math.FMA(z, l1pLp7, l1pLp6), r)
	if k == 0 {
		return f - (hfsq - s*(hfsq+r))
	}
	return fk*l1pLn2Hi - ((hfsq - (s*(hfsq+r) + (fk*l1pLn2Lo + c))) - f)
}
