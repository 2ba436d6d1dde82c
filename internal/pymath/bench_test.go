package pymath

import (
	"math"
	"testing"
)

// BenchmarkFunctions times each function against Go's math on ordinary arguments
// (go test -bench Functions -run XXX ./internal/pymath).
func BenchmarkFunctions(b *testing.B) {
	for _, c := range []struct {
		name   string
		f, goF func(float64) float64
		lo, hi float64
	}{
		{"exp", Exp, math.Exp, -20, 20}, {"log", Log, math.Log, 0.01, 100}, {"log2", Log2, math.Log2, 0.01, 100},
		{"log10", Log10, math.Log10, 0.01, 100}, {"expm1", Expm1, math.Expm1, -2, 2}, {"log1p", Log1p, math.Log1p, -0.5, 2},
		{"sin", Sin, math.Sin, -10, 10}, {"cos", Cos, math.Cos, -10, 10}, {"tan", Tan, math.Tan, -10, 10},
		{"asin", Asin, math.Asin, -1, 1}, {"acos", Acos, math.Acos, -1, 1}, {"atan", Atan, math.Atan, -10, 10},
		{"sinh", Sinh, math.Sinh, -5, 5}, {"cosh", Cosh, math.Cosh, -5, 5}, {"tanh", Tanh, math.Tanh, -5, 5},
		{"asinh", Asinh, math.Asinh, -10, 10}, {"acosh", Acosh, math.Acosh, 1, 20}, {"atanh", Atanh, math.Atanh, -1, 1},
	} {
		var xs [1024]float64
		for i := range xs {
			xs[i] = c.lo + (c.hi-c.lo)*(float64(i)+0.5)/1024
		}
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = c.f(xs[i&1023])
			}
		})
		b.Run(c.name+"/go", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = c.goF(xs[i&1023])
			}
		})
	}
	b.Run("atan2", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink = Atan2(float64(i&1023)-512, 300)
		}
	})
	b.Run("atan2/go", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink = math.Atan2(float64(i&1023)-512, 300)
		}
	})
	b.Run("hypot", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink = Hypot(float64(i&1023)-512, 300)
		}
	})
	b.Run("hypot/go", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink = math.Hypot(float64(i&1023)-512, 300)
		}
	})
}
