package pymath

import "math"

// glibc's sin and cos (IBM's Accurate Mathematical Library, as glibc 2.28+ keeps it: no slow
// path) are not correctly rounded: about 0.2% of their results differ from the correctly rounded
// ones. Sin and Cos evaluate the same method in the same order, as glibc's FMA build
// (selected on CPUs with FMA) rounds it: a table of sin and cos at multiples of 1/128 (computed
// here, at init, to double-double accuracy), short polynomials for the rest, and a Cody-Waite
// reduction by pi/2 with a three-part constant. Huge arguments use this package's exact reduction.

const (
	gsS1    = -0x1.5555555555555p-3
	gsS2    = 0x1.1111111110ECEp-7
	gsS3    = -0x1.A01A019DB08B8p-13
	gsS4    = 0x1.71DE27B9A7ED9p-19
	gsS5    = -0x1.ADDFFC2FCDF59p-26
	gsBig   = 0x1.8000000000000p45
	gsHp0   = 0x1.921FB54442D18p0
	gsHp1   = 0x1.1A62633145C07p-54
	gsMp1   = 0x1.921FB58000000p0
	gsMp2   = -0x1.DDE973C000000p-27
	gsPp3   = -0x1.CB3B398000000p-55
	gsPp4   = -0x1.d747f23e32ed7p-83
	gsHpinv = 0x1.45F306DC9C883p-1
	gsToint = 0x1.8000000000000p52
	gsSn3   = -1.66666666666664880952546298448555e-01
	gsSn5   = 8.33333214285722277379541354343671e-03
	gsCs2   = 4.99999999999999999999950396842453e-01
	gsCs4   = -4.16666666666664434524222570944589e-02
	gsCs6   = 1.38888874007937613028114285595617e-03
)

// gsTab[i] holds sin(i/128) and cos(i/128), each as a double and the double nearest to the rest.
var gsTab [110][4]float64

func makeGsTab() (t [110][4]float64) {
	for i := range t {
		s, c := sinCosDD(dd{float64(i) / 128, 0})
		t[i] = [4]float64{s.hi, s.lo, c.hi, c.lo}
	}
	return
}

func gsTaylorSin(xx, a, da float64) float64 {
	p := math.FMA(math.FMA(math.FMA(math.FMA(gsS5, xx, gsS4), xx, gsS3), xx, gsS2), xx, gsS1)
	t := math.FMA(math.FMA(p, a, -0.5*da), xx, da)
	return a + t
}

func gsDoSin(x, dx float64) float64 {
	xold := x
	if math.Abs(x) < 0.126 {
		return gsTaylorSin(x*x, x, dx)
	}
	if x <= 0 {
		dx = -dx
	}
	u := gsBig + math.Abs(x)
	e := &gsTab[uint32(math.Float64bits(u))]
	x = math.Abs(x) - (u - gsBig)
	xx := x * x
	s := x + math.FMA(x*xx, math.FMA(xx, gsSn5, gsSn3), dx)
	c := math.FMA(x, dx, xx*math.FMA(xx, math.FMA(xx, gsCs6, gsCs4), gsCs2))
	cor := math.FMA(e[2], s, math.FMA(-e[0], c, math.FMA(s, e[3], e[1])))
	return math.Copysign(e[0]+cor, xold)
}

func gsDoCos(x, dx float64) float64 {
	if x < 0 {
		dx = -dx
	}
	u := gsBig + math.Abs(x)
	e := &gsTab[uint32(math.Float64bits(u))]
	x = math.Abs(x) - (u - gsBig) + dx
	xx := x * x
	s := math.FMA(x*xx, math.FMA(xx, gsSn5, gsSn3), x)
	c := xx * math.FMA(xx, math.FMA(xx, gsCs6, gsCs4), gsCs2)
	cor := math.FMA(-e[0], s, math.FMA(-e[2], c, math.FMA(-s, e[1], e[3])))
	return e[2] + cor
}

// gsReduce returns n and a + da = x - n*pi/2 for |x| < 105414350.
func gsReduce(x float64) (int, float64, float64) {
	t := math.FMA(x, gsHpinv, gsToint)
	xn := t - gsToint
	n := int(math.Float64bits(t) & 3)
	y := (x - xn*gsMp1) - xn*gsMp2
	t1 := xn * gsPp3
	t2 := y - t1
	db := (y - t2) - t1
	t1 = xn * gsPp4
	b := t2 - t1
	db += (t2 - b) - t1
	return n, b, db
}

func gsDoSinCos(a, da float64, n int) float64 {
	var r float64
	if n&1 != 0 {
		r = gsDoCos(a, da)
	} else {
		r = gsDoSin(a, da)
	}
	if n&2 != 0 {
		return -r
	}
	return r
}

// Sin returns the sine of x (radians) as glibc computes it: correctly rounded in all but about
// 0.2% of cases, where it is one ulp off as glibc's is (sinCR is the correctly rounded version).
func Sin(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return math.NaN()
	case ax < 0x1p-26:
		return x
	case ax < hw(0x3feb6000):
		return gsDoSin(x, 0)
	case ax < hw(0x400368fd):
		return math.Copysign(gsDoCos(gsHp0-ax, gsHp1), x)
	case ax < hw(0x419921FB):
		n, a, da := gsReduce(x)
		return gsDoSinCos(a, da, n)
	}
	k, r := reduceHuge(x)
	return gsDoSinCos(r.hi, r.lo, k&3)
}

// Cos returns the cosine of x (radians) as glibc computes it (see Sin; cosCR is the correctly
// rounded version).
func Cos(x float64) float64 {
	ensureTables()
	ax := math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return math.NaN()
	case ax < 0x1p-27:
		return 1
	case ax < hw(0x3feb6000):
		return gsDoCos(x, 0)
	case ax < hw(0x400368fd):
		y := gsHp0 - ax
		a := y + gsHp1
		da := (y - a) + gsHp1
		return gsDoSin(a, da)
	case ax < hw(0x419921FB):
		n, a, da := gsReduce(x)
		return gsDoSinCos(a, da, n+1)
	}
	k, r := reduceHuge(x)
	return gsDoSinCos(r.hi, r.lo, (k+1)&3)
}
