package vm

import (
	"math"
	"math/big"
	"math/bits"

	"gopyc/bytecode"
	"gopyc/internal/pymath"
	. "gopyc/objects"
)

// toIntObj returns o as an *Int when it is an int or bool (or an int subclass instance).
func toIntObj(o Object) (*Int, bool) {
	switch x := o.(type) {
	case *Int:
		return x, true
	case *Bool:
		if x.V {
			return NewInt(1), true
		}
		return NewInt(0), true
	case *Instance:
		if x.Value != nil {
			return toIntObj(x.Value)
		}
	}
	return nil, false
}

func toFloatObj(o Object) (float64, bool) {
	switch x := o.(type) {
	case *Float:
		return x.V, true
	case *Instance:
		if x.Value != nil {
			return toFloatObj(x.Value)
		}
	}
	return 0, false
}

// fastIntOp handles small-int arithmetic without overflow; nil means "take the general path".
func fastIntOp(op int, x, y *Int) Object {
	a, ok1 := x.Int64()
	b, ok2 := y.Int64()
	if !ok1 || !ok2 {
		return nil
	}
	if op == bytecode.NB_TRUE_DIVIDE || op == bytecode.NB_INPLACE_TRUE_DIVIDE {
		if b != 0 && a > -(1<<53) && a < 1<<53 && b > -(1<<53) && b < 1<<53 {
			return NewFloat(float64(a) / float64(b))
		}
		return nil
	}
	if v, ok := fastInt64(op, a, b); ok {
		return NewInt(v)
	}
	return nil
}

// fastInt64 is the int-valued part of fastIntOp: a op b when the result fits in an int64.
func fastInt64(op int, a, b int64) (int64, bool) {
	switch op {
	case bytecode.NB_ADD, bytecode.NB_INPLACE_ADD:
		s := a + b
		if (s > a) == (b > 0) {
			return s, true
		}
	case bytecode.NB_SUBTRACT, bytecode.NB_INPLACE_SUBTRACT:
		s := a - b
		if (s < a) == (b > 0) {
			return s, true
		}
	case bytecode.NB_MULTIPLY, bytecode.NB_INPLACE_MULTIPLY:
		if a > -(1<<31) && a < 1<<31 && b > -(1<<31) && b < 1<<31 {
			return a * b, true
		}
		hi, lo := bits.Mul64(uint64(absI(a)), uint64(absI(b)))
		if hi == 0 && lo < 1<<63 && a != math.MinInt64 && b != math.MinInt64 {
			if (a < 0) != (b < 0) {
				return -int64(lo), true
			}
			return int64(lo), true
		}
	case bytecode.NB_FLOOR_DIVIDE, bytecode.NB_INPLACE_FLOOR_DIVIDE:
		if b != 0 && !(a == math.MinInt64 && b == -1) {
			q := a / b
			if (a%b != 0) && ((a < 0) != (b < 0)) {
				q--
			}
			return q, true
		}
	case bytecode.NB_REMAINDER, bytecode.NB_INPLACE_REMAINDER:
		if b != 0 && b != -1 {
			m := a % b
			if m != 0 && ((m < 0) != (b < 0)) {
				m += b
			}
			return m, true
		}
	case bytecode.NB_AND, bytecode.NB_INPLACE_AND:
		return a & b, true
	case bytecode.NB_OR, bytecode.NB_INPLACE_OR:
		return a | b, true
	case bytecode.NB_XOR, bytecode.NB_INPLACE_XOR:
		return a ^ b, true
	case bytecode.NB_RSHIFT, bytecode.NB_INPLACE_RSHIFT:
		if b >= 0 {
			if b > 63 {
				b = 63
			}
			return a >> uint(b), true
		}
	case bytecode.NB_LSHIFT, bytecode.NB_INPLACE_LSHIFT:
		if b >= 0 && b < 62 && a > -(1<<(62-b)) && a < 1<<(62-b) {
			return a << uint(b), true
		}
	}
	return 0, false
}

func absI(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// intOp is int arithmetic on any ints; returns NotImplemented for unknown ops.
func (t *Thread) intOp(op int, x, y *Int) (Object, error) {
	if r := fastIntOp(op, x, y); r != nil {
		return r, nil
	}
	a, b := x.Big(), y.Big()
	switch op % 13 {
	case bytecode.NB_ADD:
		return NewIntBig(new(big.Int).Add(a, b)), nil
	case bytecode.NB_SUBTRACT:
		return NewIntBig(new(big.Int).Sub(a, b)), nil
	case bytecode.NB_MULTIPLY:
		return NewIntBig(new(big.Int).Mul(a, b)), nil
	case bytecode.NB_FLOOR_DIVIDE:
		if b.Sign() == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		// The remainder only decides the rounding: it goes into the thread's scratch.
		q := new(big.Int)
		q.QuoRem(a, b, &t.bigScratch)
		if m := &t.bigScratch; m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
			q.Sub(q, bigOne)
		}
		return NewIntBig(q), nil
	case bytecode.NB_REMAINDER:
		if b.Sign() == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "integer modulo by zero")
		}
		// The quotient is not needed: it goes into the thread's scratch.
		m := new(big.Int)
		t.bigScratch.QuoRem(a, b, m)
		if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
			m.Add(m, b)
		}
		return NewIntBig(m), nil
	case bytecode.NB_AND:
		return NewIntBig(new(big.Int).And(a, b)), nil
	case bytecode.NB_OR:
		return NewIntBig(new(big.Int).Or(a, b)), nil
	case bytecode.NB_XOR:
		return NewIntBig(new(big.Int).Xor(a, b)), nil
	case bytecode.NB_LSHIFT:
		if b.Sign() < 0 {
			return nil, valueErr("negative shift count")
		}
		if !b.IsInt64() || b.Int64() > 1<<40 {
			return nil, Errorf(OverflowErrorType, "too many digits in integer")
		}
		return NewIntBig(new(big.Int).Lsh(a, uint(b.Int64()))), nil
	case bytecode.NB_RSHIFT:
		if b.Sign() < 0 {
			return nil, valueErr("negative shift count")
		}
		if !b.IsInt64() {
			if a.Sign() < 0 {
				return NewInt(-1), nil
			}
			return NewInt(0), nil
		}
		return NewIntBig(new(big.Int).Rsh(a, uint(b.Int64()))), nil
	case bytecode.NB_TRUE_DIVIDE:
		if b.Sign() == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "division by zero")
		}
		return intTrueDiv(a, b)
	case bytecode.NB_POWER:
		return t.intPow(x, y, nil)
	}
	return NotImplemented, nil
}

var bigOne = big.NewInt(1)

func floorDivMod(a, b *big.Int) (*big.Int, *big.Int) {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m
}

func intTrueDiv(a, b *big.Int) (Object, error) {
	fa, fb := new(big.Float).SetInt(a), new(big.Float).SetInt(b)
	if a.IsInt64() && b.IsInt64() && absI(a.Int64()) < 1<<53 && absI(b.Int64()) < 1<<53 {
		return NewFloat(float64(a.Int64()) / float64(b.Int64())), nil
	}
	// Correctly rounded: exact rational to float.
	r := new(big.Rat).SetFrac(a, b)
	f, _ := r.Float64()
	if math.IsInf(f, 0) {
		return nil, Errorf(OverflowErrorType, "integer division result too large for a float")
	}
	_ = fa
	_ = fb
	return NewFloat(f), nil
}

func (t *Thread) intPow(x, y *Int, mod *Int) (Object, error) {
	if mod != nil {
		m := mod.Big()
		if m.Sign() == 0 {
			return nil, valueErr("pow() 3rd argument cannot be 0")
		}
		base := new(big.Int).Set(x.Big())
		e := new(big.Int).Set(y.Big())
		if e.Sign() < 0 {
			am := new(big.Int).Abs(m)
			inv := new(big.Int).ModInverse(new(big.Int).Mod(base, am), am)
			if inv == nil {
				return nil, valueErr("base is not invertible for the given modulus")
			}
			base = inv
			e.Neg(e)
		}
		am := new(big.Int).Abs(m)
		r := new(big.Int).Exp(new(big.Int).Mod(base, am), e, am)
		if m.Sign() < 0 && r.Sign() != 0 {
			r.Add(r, m)
		}
		return NewIntBig(r), nil
	}
	if y.Sign() < 0 {
		fx, ok := x.Float()
		fy, ok2 := y.Float()
		if !ok || !ok2 {
			return nil, Errorf(OverflowErrorType, "int too large to convert to float")
		}
		if fx == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
		}
		return NewFloat(pymath.Pow(fx, fy)), nil
	}
	if a, ok := x.Int64(); ok {
		if b, ok := y.Int64(); ok && b < 64 {
			r := int64(1)
			base := a
			e := b
			overflow := false
			for e > 0 {
				if e&1 == 1 {
					hi, lo := bits.Mul64(uint64(absI(r)), uint64(absI(base)))
					if hi != 0 || lo >= 1<<62 {
						overflow = true
						break
					}
					neg := (r < 0) != (base < 0)
					r = int64(lo)
					if neg {
						r = -r
					}
				}
				e >>= 1
				if e > 0 {
					hi, lo := bits.Mul64(uint64(absI(base)), uint64(absI(base)))
					if hi != 0 || lo >= 1<<62 {
						overflow = true
						break
					}
					base = int64(lo)
				}
			}
			if !overflow {
				return NewInt(r), nil
			}
		}
	}
	if !y.Big().IsInt64() {
		return nil, Errorf(MemoryErrorType, "")
	}
	return NewIntBig(new(big.Int).Exp(x.Big(), y.Big(), nil)), nil
}

// floatOp is float arithmetic.
func floatOp(op int, a, b float64) (Object, error) {
	switch op % 13 {
	case bytecode.NB_ADD:
		return NewFloat(a + b), nil
	case bytecode.NB_SUBTRACT:
		return NewFloat(a - b), nil
	case bytecode.NB_MULTIPLY:
		return NewFloat(a * b), nil
	case bytecode.NB_TRUE_DIVIDE:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "float division by zero")
		}
		return NewFloat(a / b), nil
	case bytecode.NB_FLOOR_DIVIDE:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "float floor division by zero")
		}
		q, _ := floatDivmod(a, b)
		return NewFloat(q), nil
	case bytecode.NB_REMAINDER:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "float modulo")
		}
		_, m := floatDivmod(a, b)
		return NewFloat(m), nil
	case bytecode.NB_POWER:
		return floatPow(a, b)
	}
	return NotImplemented, nil
}

func floatDivmod(a, b float64) (float64, float64) {
	mod := math.Mod(a, b)
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, b)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, a/b)
	}
	return floordiv, mod
}

func floatPow(a, b float64) (Object, error) {
	if a == 0 && b < 0 {
		return nil, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
	}
	if a < 0 && b != math.Trunc(b) && !math.IsInf(b, 0) {
		r := complexPow(complex(a, 0), complex(b, 0))
		return NewComplex(r), nil
	}
	r := pymath.Pow(a, b)
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return nil, Errorf(OverflowErrorType, "(34, 'Numerical result out of range')")
	}
	return NewFloat(r), nil
}

func complexOp(op int, a, b complex128) (Object, error) {
	switch op % 13 {
	case bytecode.NB_ADD:
		return NewComplex(a + b), nil
	case bytecode.NB_SUBTRACT:
		return NewComplex(a - b), nil
	case bytecode.NB_MULTIPLY:
		return NewComplex(a * b), nil
	case bytecode.NB_TRUE_DIVIDE:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "complex division by zero")
		}
		return NewComplex(complexDiv(a, b)), nil
	case bytecode.NB_POWER:
		if a == 0 && (real(b) < 0 || imag(b) != 0) && b != 0 {
			return nil, Errorf(ZeroDivisionErrorType, "0.0 to a negative or complex power")
		}
		return NewComplex(complexPow(a, b)), nil
	}
	return NotImplemented, nil
}

func complexDiv(a, b complex128) complex128 {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	abs_br, abs_bi := math.Abs(br), math.Abs(bi)
	if abs_br >= abs_bi {
		ratio := bi / br
		denom := br + bi*ratio
		return complex((ar+ai*ratio)/denom, (ai-ar*ratio)/denom)
	}
	ratio := br / bi
	denom := br*ratio + bi
	return complex((ar*ratio+ai)/denom, (ai*ratio-ar)/denom)
}

func complexPow(a, b complex128) complex128 {
	if b == 0 {
		return 1
	}
	if a == 0 {
		return 0
	}
	if imag(b) == 0 && real(b) == math.Trunc(real(b)) && math.Abs(real(b)) <= 100 {
		n := int(real(b))
		r := complex(1, 0)
		p := a
		neg := n < 0
		if neg {
			n = -n
		}
		for n > 0 {
			if n&1 == 1 {
				r *= p
			}
			p *= p
			n >>= 1
		}
		if neg {
			return complexDiv(1, r)
		}
		return r
	}
	vabs := pymath.CHypot(real(a), imag(a))
	l := pymath.Pow(vabs, real(b))
	at := pymath.Atan2(imag(a), real(a))
	phase := at * real(b)
	if imag(b) != 0 {
		l /= pymath.Exp(at * imag(b))
		phase += imag(b) * pymath.Log(vabs)
	}
	return complex(l*pymath.Cos(phase), l*pymath.Sin(phase))
}

// numOp performs arithmetic among builtin numbers; NotImplemented if a or b is not one.
func (t *Thread) numOp(op int, a, b Object) (Object, error) {
	// Classify.
	ka, ia, fa, ca := numKind(a)
	kb, ib, fb, cb := numKind(b)
	if ka == 0 || kb == 0 {
		return NotImplemented, nil
	}
	k := max(ka, kb)
	switch k {
	case 1:
		if x, ok := a.(*Bool); ok {
			if y, ok := b.(*Bool); ok {
				switch op % 13 {
				case bytecode.NB_AND:
					return NewBool(x.V && y.V), nil
				case bytecode.NB_OR:
					return NewBool(x.V || y.V), nil
				case bytecode.NB_XOR:
					return NewBool(x.V != y.V), nil
				}
			}
		}
		return t.intOp(op, ia, ib)
	case 2:
		if ka == 1 {
			f, ok := ia.Float()
			if !ok {
				return nil, Errorf(OverflowErrorType, "int too large to convert to float")
			}
			fa = f
		}
		if kb == 1 {
			f, ok := ib.Float()
			if !ok {
				return nil, Errorf(OverflowErrorType, "int too large to convert to float")
			}
			fb = f
		}
		r, err := floatOp(op, fa, fb)
		if err == nil && r == NotImplemented && (op%13 == bytecode.NB_AND || op%13 == bytecode.NB_OR || op%13 == bytecode.NB_XOR || op%13 == bytecode.NB_LSHIFT || op%13 == bytecode.NB_RSHIFT) {
			return NotImplemented, nil
		}
		return r, err
	default:
		if ka == 1 {
			f, _ := ia.Float()
			ca = complex(f, 0)
		} else if ka == 2 {
			ca = complex(fa, 0)
		}
		if kb == 1 {
			f, _ := ib.Float()
			cb = complex(f, 0)
		} else if kb == 2 {
			cb = complex(fb, 0)
		}
		return complexOp(op, ca, cb)
	}
}

// numKind: 0 not a number, 1 int, 2 float, 3 complex.
func numKind(o Object) (int, *Int, float64, complex128) {
	switch x := o.(type) {
	case *Int:
		return 1, x, 0, 0
	case *Bool:
		i, _ := toIntObj(x)
		return 1, i, 0, 0
	case *Float:
		return 2, nil, x.V, 0
	case *Complex:
		return 3, nil, 0, x.V
	case *Instance:
		if x.Value != nil {
			return numKind(x.Value)
		}
	}
	return 0, nil, 0, 0
}

// newFloat allocates a float from the thread's chunk (no lock: a thread is used by one goroutine).
func (t *Thread) newFloat(v float64) *Float {
	if len(t.floatChunk) == 0 {
		t.floatChunk = make([]Float, 32)
	}
	p := &t.floatChunk[0]
	t.floatChunk = t.floatChunk[1:]
	p.V = v
	return p
}

// fastFloat64 handles the common float operators: a op b, ok false for the general path.
func fastFloat64(op int, a, b float64) (float64, bool) {
	switch op {
	case bytecode.NB_ADD, bytecode.NB_INPLACE_ADD:
		return a + b, true
	case bytecode.NB_SUBTRACT, bytecode.NB_INPLACE_SUBTRACT:
		return a - b, true
	case bytecode.NB_MULTIPLY, bytecode.NB_INPLACE_MULTIPLY:
		return a * b, true
	case bytecode.NB_TRUE_DIVIDE, bytecode.NB_INPLACE_TRUE_DIVIDE:
		if b != 0 {
			return a / b, true
		}
	case bytecode.NB_POWER, bytecode.NB_INPLACE_POWER:
		if a > 0 && !math.IsInf(a, 0) && !math.IsInf(b, 0) && !math.IsNaN(b) {
			if r := pymath.Pow(a, b); !math.IsInf(r, 0) {
				return r, true
			}
		}
	}
	return 0, false
}
