package pymath

import (
	"math"
	"math/rand"
	"testing"
)

// TestFastPaths checks, on random arguments, that whenever a fast path accepts its result
// (Ziv's test) it equals the slow double-double evaluation's, and reports how often the fast
// path defers to the slow one.
func TestFastPaths(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	sinSlow := func(x float64, k int) float64 {
		q, r := reduce(x)
		s, c := sinCosDD(r)
		v := [4]dd{s, c, s.neg(), c.neg()}[(q+k)&3]
		return v.val()
	}
	cases := []struct {
		name string
		arg  func() float64
		fast func(float64) (float64, bool)
		slow func(float64) float64
	}{
		{"exp", func() float64 { return rng.Float64()*1400 - 700 }, func(x float64) (float64, bool) {
			hi, lo, m := expKernel(x, 0)
			return (hi + lo) * pow2(m), roundsSafely(hi, lo)
		}, func(x float64) float64 { r, k := expDD(dd{x, 0}); return scale(r, k) }},
		{"log", func() float64 { return math.Exp(rng.NormFloat64() * 50) }, func(x float64) (float64, bool) {
			hi, lo := logKernel(x)
			return hi + lo, roundsSafely(hi, lo)
		}, func(x float64) float64 { return logDD2(dd{x, 0}).val() }},
		{"log near 1", func() float64 { return 1 + (rng.Float64()-0.5)*math.Pow(2, -float64(rng.Intn(50))) }, func(x float64) (float64, bool) {
			hi, lo := logKernel(x)
			return hi + lo, roundsSafely(hi, lo)
		}, func(x float64) float64 { return logDD2(dd{x, 0}).val() }},
		{"sin", func() float64 { return (rng.Float64() - 0.5) * math.Pow(2, float64(rng.Intn(24)-5)) }, sinFast,
			func(x float64) float64 { return sinSlow(x, 0) }},
		{"cos", func() float64 { return (rng.Float64() - 0.5) * math.Pow(2, float64(rng.Intn(24)-5)) }, cosFast,
			func(x float64) float64 { return sinSlow(x, 1) }},
		{"tan", func() float64 { return (rng.Float64() - 0.5) * math.Pow(2, float64(rng.Intn(24)-5)) }, tanFast,
			func(x float64) float64 {
				q, r := reduce(x)
				s, c := sinCosDD(r)
				if q&1 == 0 {
					return s.div(c).val()
				}
				return c.div(s).neg().val()
			}},
		{"atan", func() float64 { return math.Exp(rng.NormFloat64() * 5) }, func(x float64) (float64, bool) {
			hi, lo := atanFast(dd{x, 0})
			return hi + lo, roundsSafely(hi, lo)
		}, func(x float64) float64 { return atanDD(dd{x, 0}).val() }},
	}
	for _, c := range cases {
		deferred, bad := 0, 0
		for i := 0; i < n; i++ {
			x := c.arg()
			f, ok := c.fast(x)
			if !ok {
				deferred++
				continue
			}
			if s := c.slow(x); f != s {
				bad++
				if bad < 10 {
					t.Errorf("%s(%v [%x]): fast %v, slow %v", c.name, x, x, f, s)
				}
			}
		}
		t.Logf("%s: %d arguments, fast path deferred %d, disagreed %d", c.name, n, deferred, bad)
	}
}
