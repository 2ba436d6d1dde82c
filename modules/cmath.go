package modules

import (
	"math"

	"gopyc/internal/pymath"
	. "gopyc/objects"
	"gopyc/vm"
)

// makeCmath builds the cmath module: CPython's formulas for complex arguments on pymath's real
// functions (internal/pymath/cmath.go), with CPython's errors.
func makeCmath(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("cmath")
	inf, nan := math.Inf(1), math.NaN()
	m.Set("pi", NewFloat(math.Pi))
	m.Set("e", NewFloat(math.E))
	m.Set("tau", NewFloat(2*math.Pi))
	m.Set("inf", NewFloat(inf))
	m.Set("infj", NewComplex(complex(0, inf)))
	m.Set("nan", NewFloat(nan))
	m.Set("nanj", NewComplex(complex(0, nan)))
	mathErr := func(e int) error {
		if e == pymath.EDOM {
			return vm.ValueError("math domain error")
		}
		return vm.Errorf(vm.OverflowErrorType, "math range error")
	}
	for _, f := range []struct {
		name string
		fn   func(complex128) (complex128, int)
	}{
		{"sqrt", pymath.CSqrt}, {"exp", pymath.CExp}, {"log10", pymath.CLog10}, {"sin", pymath.CSin},
		{"cos", pymath.CCos}, {"tan", pymath.CTan}, {"sinh", pymath.CSinh}, {"cosh", pymath.CCosh},
		{"tanh", pymath.CTanh}, {"asin", pymath.CAsin}, {"acos", pymath.CAcos}, {"atan", pymath.CAtan},
		{"asinh", pymath.CAsinh}, {"acosh", pymath.CAcosh}, {"atanh", pymath.CAtanh},
	} {
		f := f
		m.AddFunc(f.name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			if err := vm.CheckArgs(f.name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			z, err := toComplex(t, args[0])
			if err != nil {
				return nil, err
			}
			r, e := f.fn(z)
			if e != 0 {
				return nil, mathErr(e)
			}
			return NewComplex(r), nil
		})
	}
	m.AddFunc("log", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := vm.ParseArgs("log", args, kw, []string{"/x", "/base"}, 1)
		if err != nil {
			return nil, err
		}
		z, err := toComplex(t, a[0])
		if err != nil {
			return nil, err
		}
		r, e := pymath.CLog(z)
		if a[1] != nil {
			b, err := toComplex(t, a[1])
			if err != nil {
				return nil, err
			}
			lb, e2 := pymath.CLog(b)
			var e3 int
			r, e3 = pymath.CQuot(r, lb)
			if e2 != 0 {
				e = e2
			}
			if e3 != 0 {
				e = e3
			}
		}
		if e != 0 {
			return nil, mathErr(e)
		}
		return NewComplex(r), nil
	})
	one := func(name string, fn func(z complex128) (Object, error)) {
		m.AddFunc(name, func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			z, err := toComplex(t, args[0])
			if err != nil {
				return nil, err
			}
			return fn(z)
		})
	}
	finite := func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }
	one("phase", func(z complex128) (Object, error) { return NewFloat(pymath.Atan2(imag(z), real(z))), nil })
	one("polar", func(z complex128) (Object, error) {
		phi := pymath.Atan2(imag(z), real(z))
		r, err := cAbs(z)
		if err != nil {
			return nil, err
		}
		return NewTuple([]Object{NewFloat(r), NewFloat(phi)}), nil
	})
	one("isfinite", func(z complex128) (Object, error) { return NewBool(finite(real(z)) && finite(imag(z))), nil })
	one("isnan", func(z complex128) (Object, error) {
		return NewBool(math.IsNaN(real(z)) || math.IsNaN(imag(z))), nil
	})
	one("isinf", func(z complex128) (Object, error) {
		return NewBool(math.IsInf(real(z), 0) || math.IsInf(imag(z), 0)), nil
	})
	m.AddFunc("rect", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if err := vm.CheckArgs("rect", args, kw, 2, 2); err != nil {
			return nil, err
		}
		r, err := t.ToFloat(args[0])
		if err != nil {
			return nil, err
		}
		phi, err := t.ToFloat(args[1])
		if err != nil {
			return nil, err
		}
		z, e := pymath.CRect(r, phi)
		if e != 0 {
			return nil, mathErr(e)
		}
		return NewComplex(z), nil
	})
	m.AddFunc("isclose", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := vm.ParseArgs("isclose", args, kw, []string{"a", "b", "$rel_tol", "$abs_tol"}, 2)
		if err != nil {
			return nil, err
		}
		x, err := toComplex(t, a[0])
		if err != nil {
			return nil, err
		}
		y, err := toComplex(t, a[1])
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
		if math.IsInf(real(x), 0) || math.IsInf(imag(x), 0) || math.IsInf(real(y), 0) || math.IsInf(imag(y), 0) {
			return False, nil
		}
		d, _ := cAbs(x - y)
		ax, _ := cAbs(x)
		ay, _ := cAbs(y)
		return NewBool(d <= rel*ay || d <= rel*ax || d <= abs), nil
	})
	return m, nil
}

// cAbs is CPython's _Py_c_abs: glibc's hypot, an infinite part wins over a NaN, OverflowError
// for a finite z whose modulus overflows.
func cAbs(z complex128) (float64, error) {
	x, y := real(z), imag(z)
	switch {
	case math.IsInf(x, 0):
		return math.Abs(x), nil
	case math.IsInf(y, 0):
		return math.Abs(y), nil
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN(), nil
	}
	r := pymath.CHypot(x, y)
	if math.IsInf(r, 0) {
		return r, vm.Errorf(vm.OverflowErrorType, "math range error")
	}
	return r, nil
}

// toComplex converts a cmath argument as CPython's PyComplex_AsCComplex: a complex, an object
// with __complex__, or anything float() accepts.
func toComplex(t *vm.Thread, o Object) (complex128, error) {
	if c, ok := o.(*Complex); ok {
		return c.V, nil
	}
	if _, ok := o.(*Float); !ok {
		if _, isInt := vm.AsInt(o); !isInt {
			if f, err := t.GetAttr(o, NewStr("__complex__")); err == nil {
				r, err := t.Call(f, nil, nil)
				if err != nil {
					return 0, err
				}
				if c, ok := r.(*Complex); ok {
					return c.V, nil
				}
				return 0, vm.TypeError("__complex__ returned non-complex (type %s)", TypeName(r))
			}
		}
	}
	x, err := t.ToFloat(o)
	return complex(x, 0), err
}
