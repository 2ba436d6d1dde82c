package modules

import (
	"math"
	"math/big"

	"gopyc/internal/pymath"
	. "gopyc/objects"
	"gopyc/vm"
)

func makeMath(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("math")
	m.Set("pi", NewFloat(math.Pi))
	m.Set("e", NewFloat(math.E))
	m.Set("tau", NewFloat(2*math.Pi))
	m.Set("inf", NewFloat(math.Inf(1)))
	m.Set("nan", NewFloat(math.NaN()))
	f1 := func(name string, f func(float64) (float64, error)) {
		m.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			x, err := t.ToFloat(args[0])
			if err != nil {
				return nil, err
			}
			r, err := f(x)
			if err != nil {
				return nil, err
			}
			return NewFloat(r), nil
		})
	}
	domain := func(ok bool, r float64) (float64, error) {
		if !ok {
			return 0, vm.ValueError("math domain error")
		}
		return r, nil
	}
	rangeErr := func(r float64, x float64) (float64, error) {
		if math.IsInf(r, 0) && !math.IsInf(x, 0) {
			return 0, vm.Errorf(vm.OverflowErrorType, "math range error")
		}
		return r, nil
	}
	f1("sqrt", func(x float64) (float64, error) { return domain(x >= 0 || math.IsNaN(x), math.Sqrt(x)) })
	f1("exp", func(x float64) (float64, error) { return rangeErr(pymath.Exp(x), x) })
	f1("exp2", func(x float64) (float64, error) { return rangeErr(pymath.Exp2(x), x) })
	f1("expm1", func(x float64) (float64, error) { return rangeErr(pymath.Expm1(x), x) })
	f1("sin", func(x float64) (float64, error) { return domain(!math.IsInf(x, 0), pymath.Sin(x)) })
	f1("cos", func(x float64) (float64, error) { return domain(!math.IsInf(x, 0), pymath.Cos(x)) })
	f1("tan", func(x float64) (float64, error) { return domain(!math.IsInf(x, 0), pymath.Tan(x)) })
	f1("asin", func(x float64) (float64, error) { return domain(x >= -1 && x <= 1 || math.IsNaN(x), pymath.Asin(x)) })
	f1("acos", func(x float64) (float64, error) { return domain(x >= -1 && x <= 1 || math.IsNaN(x), pymath.Acos(x)) })
	f1("atan", func(x float64) (float64, error) { return pymath.Atan(x), nil })
	f1("sinh", func(x float64) (float64, error) { return rangeErr(pymath.Sinh(x), x) })
	f1("cosh", func(x float64) (float64, error) { return rangeErr(pymath.Cosh(x), x) })
	f1("tanh", func(x float64) (float64, error) { return pymath.Tanh(x), nil })
	f1("asinh", func(x float64) (float64, error) { return pymath.Asinh(x), nil })
	f1("acosh", func(x float64) (float64, error) { return domain(x >= 1 || math.IsNaN(x), pymath.Acosh(x)) })
	f1("atanh", func(x float64) (float64, error) { return domain(x > -1 && x < 1 || math.IsNaN(x), pymath.Atanh(x)) })
	f1("fabs", func(x float64) (float64, error) { return math.Abs(x), nil })
	f1("log1p", func(x float64) (float64, error) { return domain(x > -1 || math.IsNaN(x), pymath.Log1p(x)) })
	// As CPython: one product with the double quotients 180/pi and pi/180.
	const radToDeg, degToRad = 180 / float64(math.Pi), float64(math.Pi) / 180
	f1("degrees", func(x float64) (float64, error) { return x * radToDeg, nil })
	f1("radians", func(x float64) (float64, error) { return x * degToRad, nil })
	f1("ulp", func(x float64) (float64, error) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return math.Abs(x), nil
		}
		x = math.Abs(x)
		if y := math.Nextafter(x, math.Inf(1)); !math.IsInf(y, 0) {
			return y - x, nil
		}
		return x - math.Nextafter(x, 0), nil
	})
	f1("erf", func(x float64) (float64, error) { return pymath.Erf(x), nil })
	f1("erfc", func(x float64) (float64, error) { return pymath.Erfc(x), nil })
	f1("gamma", func(x float64) (float64, error) {
		if x <= 0 && x == math.Trunc(x) {
			return 0, vm.ValueError("math domain error")
		}
		return rangeErr(pymath.Gamma(x), x)
	})
	f1("lgamma", func(x float64) (float64, error) {
		if x <= 0 && x == math.Trunc(x) && !math.IsInf(x, -1) {
			return 0, vm.ValueError("math domain error")
		}
		return rangeErr(pymath.Lgamma(x), x)
	})
	f1("cbrt", func(x float64) (float64, error) { return pymath.Cbrt(x), nil })
	for _, lf := range []struct {
		name string
		f    func(float64) float64
	}{{"log2", pymath.Log2}, {"log10", pymath.Log10}} {
		lf := lf
		m.AddFunc(lf.name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			if err := vm.CheckArgs(lf.name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			r, err := logOf(t, args[0], lf.f)
			if err != nil {
				return nil, err
			}
			return NewFloat(r), nil
		})
	}
	m.AddFunc("log", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("log", args, kw, 1, 2); err != nil {
			return nil, err
		}
		lg := func(o Object) (float64, error) { return logOf(t, o, pymath.Log) }
		x, err := lg(args[0])
		if err != nil {
			return nil, err
		}
		if len(args) == 2 {
			b, err := lg(args[1])
			if err != nil {
				return nil, err
			}
			if b == 0 {
				return nil, vm.Errorf(vm.ZeroDivisionErrorType, "float division by zero")
			}
			return NewFloat(x / b), nil
		}
		return NewFloat(x), nil
	})
	f2 := func(name string, f func(a, b float64) (float64, error)) {
		m.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			if err := vm.CheckArgs(name, args, kw, 2, 2); err != nil {
				return nil, err
			}
			a, err := t.ToFloat(args[0])
			if err != nil {
				return nil, err
			}
			b, err := t.ToFloat(args[1])
			if err != nil {
				return nil, err
			}
			r, err := f(a, b)
			if err != nil {
				return nil, err
			}
			return NewFloat(r), nil
		})
	}
	f2("pow", func(a, b float64) (float64, error) {
		if a == 0 && b < 0 {
			return 0, vm.ValueError("math domain error")
		}
		if a < 0 && b != math.Trunc(b) {
			return 0, vm.ValueError("math domain error")
		}
		r := pymath.Pow(a, b)
		if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
			return 0, vm.Errorf(vm.OverflowErrorType, "math range error")
		}
		return r, nil
	})
	f2("atan2", func(a, b float64) (float64, error) { return pymath.Atan2(a, b), nil })
	m.AddFunc("hypot", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if kw != nil && len(kw.V) > 0 {
			return nil, vm.TypeError("math.hypot() takes no keyword arguments")
		}
		v := make([]float64, len(args))
		for i, a := range args {
			x, err := t.ToFloat(a)
			if err != nil {
				return nil, err
			}
			v[i] = x
		}
		return NewFloat(pymath.Norm(v)), nil
	})
	f2("copysign", func(a, b float64) (float64, error) { return math.Copysign(a, b), nil })
	f2("fmod", func(a, b float64) (float64, error) {
		if b == 0 || math.IsInf(a, 0) {
			return 0, vm.ValueError("math domain error")
		}
		return math.Mod(a, b), nil
	})
	f2("remainder", func(a, b float64) (float64, error) { return math.Remainder(a, b), nil })
	m.AddFunc("ldexp", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("ldexp", args, kw, 2, 2); err != nil {
			return nil, err
		}
		x, err := t.ToFloat(args[0])
		if err != nil {
			return nil, err
		}
		i, ok := vm.AsInt(args[1])
		if !ok {
			return nil, vm.TypeError("Expected an int as second argument to ldexp.")
		}
		e, small := i.Int64()
		switch {
		case x == 0 || math.IsNaN(x) || math.IsInf(x, 0):
			return NewFloat(x), nil
		case !small && i.Sign() > 0 || e > 1<<31-1:
			return nil, vm.Errorf(vm.OverflowErrorType, "math range error")
		case !small || e < -1<<31:
			return NewFloat(math.Copysign(0, x)), nil
		}
		r := math.Ldexp(x, int(e))
		if math.IsInf(r, 0) {
			return nil, vm.Errorf(vm.OverflowErrorType, "math range error")
		}
		return NewFloat(r), nil
	})
	f2("nextafter", func(a, b float64) (float64, error) { return math.Nextafter(a, b), nil })
	m.AddFunc("dist", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("dist", args, kw, 2, 2); err != nil {
			return nil, err
		}
		var p, q []float64
		for i, dst := range []*[]float64{&p, &q} {
			err := t.Iterate(args[i], func(o Object) error {
				f, err := t.ToFloat(o)
				*dst = append(*dst, f)
				return err
			})
			if err != nil {
				return nil, err
			}
		}
		if len(p) != len(q) {
			return nil, vm.ValueError("both points must have the same number of dimensions")
		}
		for i := range p {
			p[i] = math.Abs(p[i] - q[i])
		}
		return NewFloat(pymath.Norm(p)), nil
	})
	toInt := func(name string, f func(float64) float64) {
		m.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			if i, ok := vm.AsInt(args[0]); ok {
				return i, nil
			}
			if _, ok := args[0].(*Float); !ok {
				dunder := "__" + name + "__"
				if v, err := t.GetAttr(args[0], NewStr(dunder)); err == nil {
					return t.Call(v, nil, nil)
				}
			}
			x, err := t.ToFloat(args[0])
			if err != nil {
				return nil, err
			}
			r := f(x)
			if math.IsInf(r, 0) {
				return nil, vm.Errorf(vm.OverflowErrorType, "cannot convert float infinity to integer")
			}
			if math.IsNaN(r) {
				return nil, vm.ValueError("cannot convert float NaN to integer")
			}
			if r > -9e18 && r < 9e18 {
				return NewInt(int64(r)), nil
			}
			bi, _ := new(big.Float).SetFloat64(r).Int(nil)
			return NewIntBig(bi), nil
		})
	}
	toInt("floor", math.Floor)
	toInt("ceil", math.Ceil)
	toInt("trunc", math.Trunc)
	pred := func(name string, f func(float64) bool) {
		m.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			x, err := t.ToFloat(args[0])
			if err != nil {
				return nil, err
			}
			return NewBool(f(x)), nil
		})
	}
	pred("isnan", math.IsNaN)
	pred("isinf", func(x float64) bool { return math.IsInf(x, 0) })
	pred("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) })
	m.AddFunc("isclose", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := vm.ParseArgs("isclose", args, kw, []string{"a", "b", "$rel_tol", "$abs_tol"}, 2)
		if err != nil {
			return nil, err
		}
		x, err := t.ToFloat(a[0])
		if err != nil {
			return nil, err
		}
		y, err := t.ToFloat(a[1])
		if err != nil {
			return nil, err
		}
		rel, abs, err := iscloseTolerances(t, a[2], a[3])
		if err != nil {
			return nil, err
		}
		if x == y {
			return True, nil
		}
		if math.IsInf(x, 0) || math.IsInf(y, 0) {
			return False, nil
		}
		d := math.Abs(x - y)
		return NewBool(d <= math.Abs(rel*y) || d <= math.Abs(rel*x) || d <= abs), nil
	})
	m.AddFunc("frexp", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		x, err := t.ToFloat(args[0])
		if err != nil {
			return nil, err
		}
		f, e := math.Frexp(x)
		return NewTuple([]Object{NewFloat(f), NewInt(int64(e))}), nil
	})
	m.AddFunc("modf", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		x, err := t.ToFloat(args[0])
		if err != nil {
			return nil, err
		}
		i, f := math.Modf(x)
		return NewTuple([]Object{NewFloat(f), NewFloat(i)}), nil
	})
	intArgs := func(t *vm.Thread, args []Object) ([]*big.Int, error) {
		out := make([]*big.Int, len(args))
		for i, a := range args {
			n, err := t.Index(a)
			if err != nil {
				return nil, err
			}
			out[i] = n.Big()
		}
		return out, nil
	}
	m.AddFunc("gcd", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		ns, err := intArgs(t, args)
		if err != nil {
			return nil, err
		}
		g := new(big.Int)
		for _, n := range ns {
			g.GCD(nil, nil, g, new(big.Int).Abs(n))
		}
		return NewIntBig(g), nil
	})
	m.AddFunc("lcm", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		ns, err := intArgs(t, args)
		if err != nil {
			return nil, err
		}
		l := big.NewInt(1)
		for _, n := range ns {
			a := new(big.Int).Abs(n)
			if a.Sign() == 0 {
				return NewInt(0), nil
			}
			g := new(big.Int).GCD(nil, nil, l, a)
			l.Mul(l, a).Div(l, g)
		}
		return NewIntBig(l), nil
	})
	m.AddFunc("factorial", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("factorial", args, kw, 1, 1); err != nil {
			return nil, err
		}
		if _, ok := args[0].(*Float); ok {
			return nil, vm.TypeError("'float' object cannot be interpreted as an integer")
		}
		n, err := t.Index(args[0])
		if err != nil {
			return nil, err
		}
		v, _ := n.Int64()
		if v < 0 {
			return nil, vm.ValueError("factorial() not defined for negative values")
		}
		return NewIntBig(new(big.Int).MulRange(1, v)), nil
	})
	m.AddFunc("isqrt", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		n, err := t.Index(args[0])
		if err != nil {
			return nil, err
		}
		if n.Sign() < 0 {
			return nil, vm.ValueError("isqrt() argument must be nonnegative")
		}
		return NewIntBig(new(big.Int).Sqrt(n.Big())), nil
	})
	m.AddFunc("comb", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		ns, err := intArgs(t, args)
		if err != nil {
			return nil, err
		}
		if ns[0].Sign() < 0 || ns[1].Sign() < 0 {
			return nil, vm.ValueError("n must be a non-negative integer")
		}
		if ns[1].Cmp(ns[0]) > 0 {
			return NewInt(0), nil
		}
		return NewIntBig(new(big.Int).Binomial(ns[0].Int64(), ns[1].Int64())), nil
	})
	m.AddFunc("perm", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		ns, err := intArgs(t, args)
		if err != nil {
			return nil, err
		}
		n := ns[0].Int64()
		k := n
		if len(ns) > 1 {
			k = ns[1].Int64()
		}
		if k > n {
			return NewInt(0), nil
		}
		return NewIntBig(new(big.Int).MulRange(n-k+1, n)), nil
	})
	m.AddFunc("prod", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := vm.ParseArgs("prod", args, kw, []string{"/iterable", "$start"}, 1)
		if err != nil {
			return nil, err
		}
		var acc Object = NewInt(1)
		if a[1] != nil {
			acc = a[1]
		}
		err = t.Iterate(a[0], func(o Object) error {
			r, err := t.BinaryOp(5, acc, o)
			acc = r
			return err
		})
		return acc, err
	})
	m.AddFunc("fsum", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		var partials []float64
		err := t.Iterate(args[0], func(o Object) error {
			x, err := t.ToFloat(o)
			if err != nil {
				return err
			}
			i := 0
			for _, y := range partials {
				if math.Abs(x) < math.Abs(y) {
					x, y = y, x
				}
				hi := x + y
				lo := y - (hi - x)
				if lo != 0 {
					partials[i] = lo
					i++
				}
				x = hi
			}
			partials = append(partials[:i], x)
			return nil
		})
		if err != nil {
			return nil, err
		}
		hi := 0.0
		if n := len(partials); n > 0 {
			n--
			hi = partials[n]
			lo := 0.0
			for n > 0 {
				x := hi
				n--
				y := partials[n]
				hi = x + y
				yr := hi - x
				lo = y - yr
				if lo != 0 {
					break
				}
			}
			if n > 0 && ((lo < 0 && partials[n-1] < 0) || (lo > 0 && partials[n-1] > 0)) {
				y := lo * 2
				x := hi + y
				yr := x - hi
				if y == yr {
					hi = x
				}
			}
		}
		return NewFloat(hi), nil
	})
	return m, nil
}

// logOf is CPython's loghelper: f(float(o)) for o > 0, and for an int beyond the float range
// f(m) + f(2)*e with o = m * 2**e, 0.5 <= m < 1.
func logOf(t *vm.Thread, o Object, f func(float64) float64) (float64, error) {
	if i, ok := vm.AsInt(o); ok && i.IsBig() {
		if i.Sign() <= 0 {
			return 0, vm.ValueError("math domain error")
		}
		bf := new(big.Float).SetInt(i.Big())
		if x, _ := bf.Float64(); !math.IsInf(x, 0) {
			return f(x), nil
		}
		mant := new(big.Float)
		e := bf.MantExp(mant)
		m, _ := mant.Float64()
		return f(m) + f(2)*float64(e), nil
	}
	x, err := t.ToFloat(o)
	if err != nil {
		return 0, err
	}
	if x <= 0 {
		return 0, vm.ValueError("math domain error")
	}
	return f(x), nil
}

// iscloseTolerances reads math.isclose's and cmath.isclose's rel_tol and abs_tol (nil when not
// given: 1e-09 and 0.0).
func iscloseTolerances(t *vm.Thread, relArg, absArg Object) (rel, abs float64, err error) {
	rel, abs = 1e-9, 0.0
	if relArg != nil {
		if rel, err = t.ToFloat(relArg); err != nil {
			return 0, 0, err
		}
	}
	if absArg != nil {
		if abs, err = t.ToFloat(absArg); err != nil {
			return 0, 0, err
		}
	}
	if rel < 0 || abs < 0 {
		return 0, 0, vm.ValueError("tolerances must be non-negative")
	}
	return rel, abs, nil
}
