package vm

import (
	"bytes"
	"strings"

	"gopyc/bytecode"
	. "gopyc/objects"
)

var binopNames = [13][3]*Str{}
var binopSyms = [13]string{"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"}

func init() {
	names := []string{"add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor"}
	for i, n := range names {
		binopNames[i] = [3]*Str{InternStr("__" + n + "__"), InternStr("__r" + n + "__"), InternStr("__i" + n + "__")}
	}
}

// binaryOp implements BINARY_OP for every operator (in-place ones included).
func (t *Thread) binaryOp(op int, a, b Object) (Object, error) {
	base := op % 13
	inplace := op >= 13
	// Builtin fast paths.
	r, err := t.builtinBinary(base, a, b, inplace)
	if err != nil || r != NotImplemented {
		return r, err
	}
	if inplace {
		if m := lookupCached(a.Type(), binopNames[base][2]); m != nil {
			r, err := t.Call(m, []Object{a, b}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	r, err = t.binaryDispatch(base, a, b)
	if err != nil || r != NotImplemented {
		return r, err
	}
	if base == bytecode.NB_MULTIPLY {
		// Sequence repetition by an object with __index__.
		seq, n := a, b
		if !isSeqForMul(unwrap(seq)) {
			seq, n = b, a
		}
		if isSeqForMul(unwrap(seq)) && lookupCached(n.Type(), strIndex) != nil {
			i, err := t.Index(n)
			if err != nil {
				return nil, err
			}
			return t.builtinBinary(base, unwrap(seq), i, inplace)
		}
	}
	return nil, binopError(op, a, b)
}

func binopError(op int, a, b Object) error {
	base := op % 13
	sym := binopSyms[base]
	if op >= 13 {
		sym += "="
	}
	if base == bytecode.NB_ADD {
		switch a.(type) {
		case *Str:
			return typeErr("can only concatenate str (not \"%s\") to str", TypeName(b))
		case *List:
			return typeErr("can only concatenate list (not \"%s\") to list", TypeName(b))
		case *Tuple:
			return typeErr("can only concatenate tuple (not \"%s\") to tuple", TypeName(b))
		case *Bytes:
			return typeErr("can't concat %s to bytes", TypeName(b))
		}
	}
	if base == bytecode.NB_MULTIPLY {
		if isSeqForMul(a) || isSeqForMul(b) {
			other := b
			if !isSeqForMul(a) {
				other = a
			}
			return typeErr("can't multiply sequence by non-int of type '%s'", TypeName(other))
		}
	}
	if base == bytecode.NB_POWER && op < 13 {
		sym = "** or pow()"
	}
	return typeErr("unsupported operand type(s) for %s: '%s' and '%s'", sym, TypeName(a), TypeName(b))
}

func isSeqForMul(o Object) bool {
	switch o.(type) {
	case *Str, *List, *Tuple, *Bytes, *ByteArray:
		return true
	}
	return false
}

// binaryDispatch tries a.__op__(b) and b.__rop__(a) in Python's order.
func (t *Thread) binaryDispatch(base int, a, b Object) (Object, error) {
	ta, tb := a.Type(), b.Type()
	lname, rname := binopNames[base][0], binopNames[base][1]
	fa := lookupCached(ta, lname)
	var fb Object
	if ta != tb {
		fb = lookupCached(tb, rname)
	}
	if fb != nil && isSubtype(tb, ta) && fb != lookupCached(ta, rname) {
		r, err := t.Call(fb, []Object{b, a}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
		fb = nil
	}
	if fa != nil {
		r, err := t.Call(fa, []Object{a, b}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if fb != nil {
		r, err := t.Call(fb, []Object{b, a}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	return NotImplemented, nil
}

// builtinBinary handles builtin operand types directly.
func (t *Thread) builtinBinary(base int, a, b Object, inplace bool) (Object, error) {
	if _, ok := a.(*Instance); ok {
		return NotImplemented, nil
	}
	if _, ok := b.(*Instance); ok {
		return NotImplemented, nil
	}
	switch x := a.(type) {
	case *Int, *Float, *Bool, *Complex:
		if base == bytecode.NB_MULTIPLY {
			if _, ok := x.(*Complex); !ok {
				switch b.(type) {
				case *Str, *List, *Tuple, *Bytes, *ByteArray:
					return t.builtinBinary(base, b, a, false)
				}
			}
		}
		return t.numOp(base, a, b)
	case *Str:
		switch base {
		case bytecode.NB_ADD:
			if y, ok := b.(*Str); ok {
				return NewStr(x.String() + y.String()), nil
			}
		case bytecode.NB_MULTIPLY:
			if n, ok := toIntObj(b); ok {
				c, err := repeatCount(n, len(x.String()))
				if err != nil {
					return nil, err
				}
				return NewStr(strings.Repeat(x.String(), c)), nil
			}
		case bytecode.NB_REMAINDER:
			return t.percentFormat(x, b)
		}
	case *List:
		switch base {
		case bytecode.NB_ADD:
			if y, ok := b.(*List); ok {
				if inplace {
					x.V = append(x.V, y.V...)
					return x, nil
				}
				out := make([]Object, 0, len(x.V)+len(y.V))
				return NewList(append(append(out, x.V...), y.V...)), nil
			}
			if inplace {
				items, err := t.iterateForExtend(b)
				if err != nil {
					return nil, err
				}
				x.V = append(x.V, items...)
				return x, nil
			}
		case bytecode.NB_MULTIPLY:
			if n, ok := toIntObj(b); ok {
				c, err := repeatCount(n, len(x.V))
				if err != nil {
					return nil, err
				}
				out := make([]Object, 0, c*len(x.V))
				for i := 0; i < c; i++ {
					out = append(out, x.V...)
				}
				if inplace {
					x.V = out
					return x, nil
				}
				return NewList(out), nil
			}
		}
	case *Tuple:
		switch base {
		case bytecode.NB_ADD:
			if y, ok := b.(*Tuple); ok {
				out := make([]Object, 0, len(x.V)+len(y.V))
				return NewTuple(append(append(out, x.V...), y.V...)), nil
			}
		case bytecode.NB_MULTIPLY:
			if n, ok := toIntObj(b); ok {
				c, err := repeatCount(n, len(x.V))
				if err != nil {
					return nil, err
				}
				out := make([]Object, 0, c*len(x.V))
				for i := 0; i < c; i++ {
					out = append(out, x.V...)
				}
				return NewTuple(out), nil
			}
		}
	case *Bytes:
		switch base {
		case bytecode.NB_ADD:
			if y, ok := bytesLike(b); ok {
				return NewBytes(append(append([]byte{}, x.B...), y...)), nil
			}
		case bytecode.NB_MULTIPLY:
			if n, ok := toIntObj(b); ok {
				c, err := repeatCount(n, len(x.B))
				if err != nil {
					return nil, err
				}
				return NewBytes(bytes.Repeat(x.B, c)), nil
			}
		case bytecode.NB_REMAINDER:
			return t.bytesPercent(x.B, b, false)
		}
	case *ByteArray:
		switch base {
		case bytecode.NB_ADD:
			if y, ok := bytesLike(b); ok {
				if inplace {
					x.B = append(x.B, y...)
					return x, nil
				}
				return &ByteArray{B: append(append([]byte{}, x.B...), y...)}, nil
			}
		case bytecode.NB_MULTIPLY:
			if n, ok := toIntObj(b); ok {
				c, err := repeatCount(n, len(x.B))
				if err != nil {
					return nil, err
				}
				return &ByteArray{B: bytes.Repeat(x.B, c)}, nil
			}
		case bytecode.NB_REMAINDER:
			return t.bytesPercent(x.B, b, true)
		}
	case *Set, *FrozenSet:
		return t.setBinary(base, a, b, inplace)
	case *Dict:
		if base == bytecode.NB_OR {
			if y, ok := b.(*Dict); ok {
				if inplace {
					return x, t.dictUpdate(x, y)
				}
				c := x.Copy()
				return c, t.dictUpdate(c, y)
			}
			if inplace {
				return x, t.dictUpdate(x, b)
			}
		}
	case *DictView:
		if x.Kind != 1 {
			return t.dictViewOp(base, x, b)
		}
	}
	return NotImplemented, nil
}

func isSetLike(o Object) bool {
	switch o.(type) {
	case *Set, *FrozenSet, *DictView:
		return true
	}
	return false
}

func bytesLike(o Object) ([]byte, bool) {
	switch x := o.(type) {
	case *Bytes:
		return x.B, true
	case *ByteArray:
		return x.B, true
	case *MemoryView:
		return x.bytes(), true
	case *Instance:
		if x.Value != nil {
			return bytesLike(x.Value)
		}
	}
	return nil, false
}

func repeatCount(n *Int, unit int) (int, error) {
	v, ok := n.Int64()
	if !ok {
		if n.Sign() < 0 {
			return 0, nil
		}
		return 0, Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	if v <= 0 {
		return 0, nil
	}
	if unit > 0 && v > int64(1<<40)/int64(unit) {
		return 0, Errorf(MemoryErrorType, "")
	}
	return int(v), nil
}

// unaryOp implements UNARY_POSITIVE/NEGATIVE/INVERT.
func (t *Thread) unaryOp(op uint8, a Object) (Object, error) {
	switch x := a.(type) {
	case *Int, *Bool:
		i, _ := toIntObj(x)
		switch op {
		case bytecode.UNARY_POSITIVE:
			return i, nil
		case bytecode.UNARY_NEGATIVE:
			if v, ok := i.Int64(); ok && v != -1<<63 {
				return NewInt(-v), nil
			}
			return NewIntBig(new(bigInt).Neg(i.Big())), nil
		default:
			if v, ok := i.Int64(); ok {
				return NewInt(^v), nil
			}
			return NewIntBig(new(bigInt).Not(i.Big())), nil
		}
	case *Float:
		switch op {
		case bytecode.UNARY_POSITIVE:
			return x, nil
		case bytecode.UNARY_NEGATIVE:
			return NewFloat(-x.V), nil
		}
	case *Complex:
		switch op {
		case bytecode.UNARY_POSITIVE:
			return x, nil
		case bytecode.UNARY_NEGATIVE:
			return NewComplex(-x.V), nil
		}
	}
	var name *Str
	var sym string
	switch op {
	case bytecode.UNARY_POSITIVE:
		name, sym = strPos, "+"
	case bytecode.UNARY_NEGATIVE:
		name, sym = strNeg, "-"
	default:
		name, sym = strInvert, "~"
	}
	r, found, err := t.callMethod(a, name)
	if !found {
		return nil, typeErr("bad operand type for unary %s: '%s'", sym, TypeName(a))
	}
	return r, err
}

// dictViewOp is the set algebra of dict_keys/dict_items (left operand a view).
func (t *Thread) dictViewOp(base int, a *DictView, b Object) (Object, error) {
	switch base {
	case bytecode.NB_AND:
		if s, ok := b.(*Set); ok && a.D.Len() <= s.Len() {
			return t.setOp('i', s, a, false)
		}
		out := &Set{}
		err := t.iterate(b, func(k Object) error {
			ok, err := t.Contains(a, k)
			if err != nil || !ok {
				return err
			}
			return t.setAdd(out, k)
		})
		return out, err
	case bytecode.NB_OR, bytecode.NB_SUBTRACT, bytecode.NB_XOR:
		s := &Set{}
		if err := t.iterate(a, func(k Object) error { return t.setAdd(s, k) }); err != nil {
			return nil, err
		}
		switch base {
		case bytecode.NB_OR:
			return s, t.setUpdate(s, b)
		case bytecode.NB_XOR:
			return s, t.symDiffUpdate(s, b)
		}
		return t.setBinary(bytecode.NB_SUBTRACT, s, b, true)
	}
	return NotImplemented, nil
}
