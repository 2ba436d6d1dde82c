package pymath

import (
	"math"
	"math/rand"
	"testing"
)

// TestFastPaths measures, on random arguments, the error of each fast path against the slow
// double-double evaluation (accurate to about 2^-100): it must stay well below fastErr, the bound
// Ziv's test assumes. It also reports how often the fast path defers to the slow one.
func TestFastPaths(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	trigSlow := func(x float64, k int) dd {
		q, r := reduce(x)
		s, c := sinCosDD(r)
		return [4]dd{s, c, s.neg(), c.neg()}[(q+k)&3]
	}
	wide := func() float64 { return (rng.Float64() - 0.5) * math.Pow(2, float64(rng.Intn(40)-5)) }
	unit := func() float64 {
		if rng.Intn(2) == 0 {
			return rng.Float64()*2 - 1
		}
		return math.Copysign(1-math.Pow(2, -rng.Float64()*52), rng.Float64()-0.5)
	}
	cases := []struct {
		name string
		arg  func() float64
		fast func(float64) (float64, float64, bool)
		slow func(float64) dd
		err  float64
	}{
		{"exp", func() float64 { return rng.Float64()*1400 - 700 }, func(x float64) (float64, float64, bool) {
			hi, lo, _ := expKernel(x, 0)
			return hi, lo, true
		}, func(x float64) dd { r, k := expDD(dd{x, 0}); _, _, m := expKernel(x, 0); return r.ldexp(k - m) }, errExpLog},
		{"log", func() float64 { return math.Exp(rng.NormFloat64() * 50) }, func(x float64) (float64, float64, bool) {
			hi, lo := logKernel(x)
			return hi, lo, true
		}, func(x float64) dd { return logDD2(dd{x, 0}) }, errExpLog},
		{"log near 1", func() float64 { return 1 + (rng.Float64()-0.5)*math.Pow(2, -float64(rng.Intn(50))) }, func(x float64) (float64, float64, bool) {
			hi, lo := logKernel(x)
			return hi, lo, true
		}, func(x float64) dd { return logDD2(dd{x, 0}) }, errExpLog},
		{"sin", wide, sinFast, func(x float64) dd { return trigSlow(x, 0) }, errTrig},
		{"cos", wide, cosFast, func(x float64) dd { return trigSlow(x, 1) }, errTrig},
		{"tan", wide, tanFast, func(x float64) dd {
			q, r := reduce(x)
			s, c := sinCosDD(r)
			if q&1 == 0 {
				return s.div(c)
			}
			return c.div(s).neg()
		}, errTrig},
		{"atan", func() float64 { return math.Exp(rng.NormFloat64() * 5) }, func(x float64) (float64, float64, bool) {
			hi, lo := atanFast(dd{x, 0})
			return hi, lo, true
		}, func(x float64) dd { return atanDD(dd{x, 0}) }, errAtan},
		{"asin", unit, func(x float64) (float64, float64, bool) {
			hi, lo, _, _ := asinAcosFast(x)
			return hi, lo, true
		}, func(x float64) dd {
			ax := math.Abs(x)
			r := atanDD(dd{ax, 0}.div(sqrtDD2(twoSum(1, -ax).mul(twoSum(1, ax)))))
			if x < 0 {
				return r.neg()
			}
			return r
		}, errAtan},
		{"acos", unit, func(x float64) (float64, float64, bool) {
			_, _, hi, lo := asinAcosFast(x)
			return hi, lo, true
		}, func(x float64) dd { return atanDD(sqrtDD2(twoSum(1, -x).div(twoSum(1, x)))).ldexp(1) }, errAtan},
	}
	for _, c := range cases {
		deferred, bad := 0, 0
		maxErr := 0.0
		for i := 0; i < n; i++ {
			x := c.arg()
			hi, lo, ok := c.fast(x)
			if !ok {
				deferred++
				continue
			}
			s := c.slow(x)
			if e := math.Abs(dd{hi, 0}.addF(lo).sub(s).hi / s.hi); e > maxErr {
				maxErr = e
			}
			if !roundsSafely(hi, lo, c.err) {
				deferred++
				continue
			}
			if f := hi + lo; f != s.val() {
				bad++
				if bad < 10 {
					t.Errorf("%s(%v [%x]): fast %v, slow %v", c.name, x, x, f, s.val())
				}
			}
		}
		t.Logf("%s: %d arguments, largest relative error of the fast path 2^%.1f, deferred %d, disagreed %d",
			c.name, n, math.Log2(maxErr), deferred, bad)
		if maxErr > c.err/4 {
			t.Errorf("%s: fast path error 2^%.1f too close to the bound 2^%.0f", c.name, math.Log2(maxErr), math.Log2(c.err))
		}
	}
}

// TestReduceHuge compares the integer reduction with math/big's on random huge arguments and
// the worst case for doubles (6381956970095103 * 2^797, 2^-61 from a multiple of pi/2).
func TestReduceHuge(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 100000; i++ {
		x := math.Ldexp(1+rng.Float64(), rng.Intn(1024))
		if rng.Intn(2) == 0 {
			x = -x
		}
		if i == 0 {
			x = 6381956970095103 * 0x1p797
		}
		k1, r1 := reduceBig(x)
		k2, r2 := reduceHuge(x)
		if (k1-k2)&3 != 0 || math.Abs(r1.sub(r2).hi) > 0x1p-104*math.Abs(r1.hi) {
			t.Fatalf("reduce(%v): math/big %d %v %v, integer %d %v %v", x, k1, r1.hi, r1.lo, k2, r2.hi, r2.lo)
		}
	}
}

// TestPowFast measures powFast's error against the double-double exp(y*log(x)) relative to the
// bound its Ziv test assumes, 2^-66 * (1 + |y*log(x)|), which it must stay 4 times below.
func TestPowFast(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	worst, deferred := 0.0, 0
	for i := 0; i < 200000; i++ {
		x := math.Exp(rng.NormFloat64() * 3)
		y := (rng.Float64() - 0.5) * 100
		if i%4 == 0 {
			x, y = 1+(rng.Float64()-0.5)*1e-6, (rng.Float64()-0.5)*1e8
		}
		lh, ll := logKernel(x)
		tt := twoProd(lh, y)
		tt.lo += ll * y
		tt = quickTwoSum(tt.hi, tt.lo)
		if !(tt.hi > -707 && tt.hi < 709) {
			continue
		}
		hi, lo, m := expKernel(tt.hi, tt.lo)
		r, k := expDD(logDD(x).mulF(y))
		slow := r.ldexp(k - m)
		e := math.Abs(dd{hi, 0}.addF(lo).sub(slow).hi/slow.hi) / (0x1p-66 * (1 + math.Abs(tt.hi)))
		if e > worst {
			worst = e
		}
		if _, ok := powFast(x, y); !ok {
			deferred++
		} else if got, want := (hi+lo)*pow2(m), scale(r, k); got != want {
			t.Errorf("powFast(%v, %v) = %v, slow path %v", x, y, got, want)
		}
	}
	t.Logf("largest error / bound: %.3f; deferred %d of 200000", worst, deferred)
	if worst > 0.25 {
		t.Errorf("powFast's error reaches %.3f of its bound", worst)
	}
}
