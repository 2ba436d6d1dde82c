package objects

import (
	"bytes"
	"math"
	"math/big"
)

// EqualConst reports a == b for values that need no Python code to compare (see HashConst):
// numbers across types (1 == 1.0 == True == 1+0j, with exact int/float comparison), str, bytes,
// tuples, frozensets and code objects by content, anything else by identity.
func EqualConst(a, b Object) (bool, error) {
	if a == b {
		if f, ok := a.(*Float); ok {
			return !math.IsNaN(f.V), nil
		}
		return true, nil
	}
	switch x := a.(type) {
	case *Str:
		y, ok := b.(*Str)
		return ok && x.s == y.s, nil
	case *Bytes:
		y, ok := b.(*Bytes)
		return ok && bytes.Equal(x.B, y.B), nil
	case *Int, *Bool, *Float, *Complex:
		return numEqual(a, b), nil
	case *Tuple:
		y, ok := b.(*Tuple)
		if !ok || len(x.V) != len(y.V) {
			return false, nil
		}
		for i := range x.V {
			if x.V[i] == y.V[i] {
				continue // identity implies equality for containers, as in CPython
			}
			eq, err := EqualConst(x.V[i], y.V[i])
			if err != nil || !eq {
				return false, err
			}
		}
		return true, nil
	case *FrozenSet:
		var other *setTable
		switch y := b.(type) {
		case *FrozenSet:
			other = &y.t
		case *Set:
			other = &y.t
		default:
			return false, nil
		}
		if x.t.used != other.used {
			return false, nil
		}
		for _, s := range x.t.slots {
			if s.key == nil || s.key == dummy {
				continue
			}
			i, err := other.lookup(s.key, s.hash, constEq)
			if err != nil || i < 0 {
				return false, err
			}
		}
		return true, nil
	case *Code:
		y, ok := b.(*Code)
		if !ok {
			return false, nil
		}
		return codeEqual(x, y)
	}
	return false, nil
}

// numeric classifies a number: kind 0 not a number, 1 integer (in i), 2 float, 3 complex.
func numeric(o Object) (kind int, i *Int, c complex128) {
	switch v := o.(type) {
	case *Int:
		return 1, v, 0
	case *Bool:
		if v.V {
			return 1, NewInt(1), 0
		}
		return 1, NewInt(0), 0
	case *Float:
		return 2, nil, complex(v.V, 0)
	case *Complex:
		return 3, nil, v.V
	}
	return 0, nil, 0
}

func numEqual(a, b Object) bool {
	ka, ia, ca := numeric(a)
	kb, ib, cb := numeric(b)
	if ka == 0 || kb == 0 {
		return false
	}
	if ka == 1 && kb == 1 {
		x, xok := ia.Int64()
		y, yok := ib.Int64()
		if xok && yok {
			return x == y
		}
		return xok == yok && ia.Big().Cmp(ib.Big()) == 0
	}
	if ka == 1 {
		ka, ia, ca, kb, ib, cb = kb, ib, cb, ka, ia, ca
	}
	// a is float or complex now.
	if kb == 1 {
		if imag(ca) != 0 {
			return false
		}
		return intEqualsFloat(ib, real(ca))
	}
	return ca == cb
}

// intEqualsFloat compares exactly, with no rounding of the int.
func intEqualsFloat(i *Int, f float64) bool {
	if math.IsInf(f, 0) || math.IsNaN(f) || f != math.Trunc(f) {
		return false
	}
	if v, ok := i.Int64(); ok && v > -1<<53 && v < 1<<53 {
		return float64(v) == f
	}
	bf := new(big.Float).SetFloat64(f)
	bi, _ := bf.Int(nil)
	return bi.Cmp(i.Big()) == 0
}
