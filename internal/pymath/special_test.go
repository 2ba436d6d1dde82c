package pymath

import (
	"math"
	"testing"
)

// TestSpecialValues checks infinities, NaNs, signed zeros and the ends of the domains against Go's
// math package, which follows C99 Annex F there as glibc does.
func TestSpecialValues(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	// Finite arguments at the ends of the ranges are in the golden data (gen_math_cases.py's
	// BOUNDARY), checked against glibc: Go's math differs there (exp(709.78) and sinh(710.47)
	// overflow, log of subnormals, the sign of atan2(-tiny, -x)).
	args := []float64{0, math.Copysign(0, -1), inf, -inf, nan, 1, -1, 0.5, -0.5, 2, -2, 0x1p-30, 1e22, -1e22}
	funcs := []struct {
		name   string
		f, goF func(float64) float64
		loose  bool // only special results are compared (finite results may differ in the last bit)
	}{
		{"exp", Exp, math.Exp, true}, {"exp2", Exp2, math.Exp2, true}, {"expm1", Expm1, math.Expm1, true},
		{"log", Log, math.Log, true}, {"log2", Log2, math.Log2, true}, {"log10", Log10, math.Log10, true},
		{"log1p", Log1p, math.Log1p, true}, {"sin", Sin, math.Sin, true}, {"cos", Cos, math.Cos, true},
		{"tan", Tan, math.Tan, true}, {"asin", Asin, math.Asin, true}, {"acos", Acos, math.Acos, true},
		{"atan", Atan, math.Atan, true}, {"sinh", Sinh, math.Sinh, true}, {"cosh", Cosh, math.Cosh, true},
		{"tanh", Tanh, math.Tanh, true}, {"asinh", Asinh, math.Asinh, true}, {"acosh", Acosh, math.Acosh, true},
		{"atanh", Atanh, math.Atanh, true},
	}
	special := func(v float64) bool { return v == 0 || math.IsInf(v, 0) || math.IsNaN(v) }
	for _, f := range funcs {
		for _, x := range args {
			got, want := f.f(x), f.goF(x)
			if special(got) || special(want) {
				if !same(got, want) {
					t.Errorf("%s(%v) = %v, want %v", f.name, x, got, want)
				}
			} else if math.Abs(got-want) > 4e-16*math.Abs(want) {
				t.Errorf("%s(%v) = %v, far from Go's %v", f.name, x, got, want)
			}
		}
	}
	for _, y := range args {
		for _, x := range args {
			for _, c := range []struct {
				name   string
				f, goF func(a, b float64) float64
			}{{"atan2", Atan2, math.Atan2}, {"hypot", Hypot, math.Hypot}, {"chypot", CHypot, math.Hypot}} {
				got, want := c.f(y, x), c.goF(y, x)
				if special(got) || special(want) {
					if !same(got, want) {
						t.Errorf("%s(%v, %v) = %v, want %v", c.name, y, x, got, want)
					}
				} else if math.Abs(got-want) > 4e-16*math.Abs(want) {
					t.Errorf("%s(%v, %v) = %v, far from Go's %v", c.name, y, x, got, want)
				}
			}
		}
	}
}

func TestNorm(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	for _, c := range []struct {
		v    []float64
		want float64
	}{
		{nil, 0}, {[]float64{-1.5}, 1.5}, {[]float64{inf, nan}, inf}, {[]float64{nan, 1}, nan},
		{[]float64{0, math.Copysign(0, -1), 0}, 0}, {[]float64{3, 4, 12}, 13},
		{[]float64{1e308, 1e308, 1e308}, 1.7320508075688772e+308}, {[]float64{1e-320, 3e-320, 4e-320}, 5.099e-320},
		{[]float64{1, 2, 2}, 3}, {[]float64{0.1, 0.2, 0.3}, 0.3741657386773941},
	} {
		if got := Norm(c.v); !same(got, c.want) {
			t.Errorf("Norm(%v) = %v, want %v", c.v, got, c.want)
		}
	}
}
