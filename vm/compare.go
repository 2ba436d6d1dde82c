package vm

import (
	"bytes"
	"math"
	"math/big"
	"strings"

	. "gopyc/objects"
)

type bigInt = big.Int

var cmpNames = [6]*Str{}
var cmpSwapped = [6]int{4, 5, 2, 3, 0, 1}
var cmpSyms = [6]string{"<", "<=", "==", "!=", ">", ">="}

func init() {
	cmpNames = [6]*Str{strLt, strLe, strEq, strNe, strGt, strGe}
}

// RichCompare is a <op> b for op in 0..5 (<, <=, ==, !=, >, >=).
func (t *Thread) RichCompare(a, b Object, op int) (Object, error) {
	r, err := t.builtinCompare(a, b, op)
	if err != nil || r != NotImplemented {
		return r, err
	}
	ta, tb := a.Type(), b.Type()
	checkedReverse := false
	if ta != tb && isSubtype(tb, ta) {
		if f := lookupCached(tb, cmpNames[cmpSwapped[op]]); f != nil && !isDefaultCmp(f) {
			checkedReverse = true
			r, err := t.Call(f, []Object{b, a}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	if f := lookupCached(ta, cmpNames[op]); f != nil && !isDefaultCmp(f) {
		r, err := t.Call(f, []Object{a, b}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if !checkedReverse {
		if f := lookupCached(tb, cmpNames[cmpSwapped[op]]); f != nil && !isDefaultCmp(f) {
			r, err := t.Call(f, []Object{b, a}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	switch op {
	case 2:
		return NewBool(a == b), nil
	case 3:
		if ta.Flags&TypeFlagHeap != 0 {
			// object.__ne__ inverts __eq__ when __eq__ is user-defined.
			if f := lookupCached(ta, strEq); f != nil && !isDefaultCmp(f) {
				r, err := t.Call(f, []Object{a, b}, nil)
				if err != nil {
					return nil, err
				}
				if r != NotImplemented {
					bv, err := t.Truth(r)
					return NewBool(!bv), err
				}
			}
		}
		return NewBool(a != b), nil
	}
	return nil, typeErr("'%s' not supported between instances of '%s' and '%s'", cmpSyms[op], TypeName(a), TypeName(b))
}

var defaultCmps = map[Object]bool{}

func isDefaultCmp(f Object) bool { return defaultCmps[f] }

// Eq is a == b as a Go bool.
func (t *Thread) Eq(a, b Object) (bool, error) {
	if a == b {
		if f, ok := a.(*Float); ok {
			return !math.IsNaN(f.V), nil
		}
		switch a.(type) {
		case *Instance:
		default:
			return true, nil
		}
	}
	switch x := a.(type) {
	case *Str:
		if y, ok := b.(*Str); ok {
			return x.String() == y.String(), nil
		}
	case *Int:
		if y, ok := b.(*Int); ok {
			xv, ok1 := x.Int64()
			yv, ok2 := y.Int64()
			if ok1 && ok2 {
				return xv == yv, nil
			}
		}
	}
	r, err := t.RichCompare(a, b, 2)
	if err != nil {
		return false, err
	}
	if bv, ok := r.(*Bool); ok {
		return bv.V, nil
	}
	return t.Truth(r)
}

// Compare helpers for sorting: a < b.
func (t *Thread) Less(a, b Object) (bool, error) {
	switch x := a.(type) {
	case *Int:
		if y, ok := b.(*Int); ok {
			xv, ok1 := x.Int64()
			yv, ok2 := y.Int64()
			if ok1 && ok2 {
				return xv < yv, nil
			}
		}
	case *Str:
		if y, ok := b.(*Str); ok {
			return x.String() < y.String(), nil
		}
	case *Float:
		if y, ok := b.(*Float); ok {
			return x.V < y.V, nil
		}
	}
	r, err := t.RichCompare(a, b, 0)
	if err != nil {
		return false, err
	}
	return t.Truth(r)
}

func cmpResult(op int, c int) Object {
	switch op {
	case 0:
		return NewBool(c < 0)
	case 1:
		return NewBool(c <= 0)
	case 2:
		return NewBool(c == 0)
	case 3:
		return NewBool(c != 0)
	case 4:
		return NewBool(c > 0)
	}
	return NewBool(c >= 0)
}

// builtinCompare handles builtin types; NotImplemented otherwise.
func (t *Thread) builtinCompare(a, b Object, op int) (Object, error) {
	if _, ok := a.(*Instance); ok {
		return NotImplemented, nil
	}
	if _, ok := b.(*Instance); ok {
		return NotImplemented, nil
	}
	switch x := a.(type) {
	case *Int, *Bool, *Float, *Complex:
		ka, ia, fa, ca := numKind(x)
		kb, ib, fb, cb := numKind(b)
		if kb == 0 {
			return NotImplemented, nil
		}
		if ka == 3 || kb == 3 {
			if op != 2 && op != 3 {
				return NotImplemented, nil
			}
			eq := EqualConstNum(a, b)
			_ = ca
			_ = cb
			return NewBool(eq == (op == 2)), nil
		}
		if ka == 1 && kb == 1 {
			return cmpResult(op, intCmp(ia, ib)), nil
		}
		if ka == 2 && kb == 2 {
			return floatCmpOp(op, fa, fb), nil
		}
		// int vs float, exact.
		if ka == 1 {
			c, nan := intFloatCmp(ia, fb)
			if nan {
				return NewBool(op == 3), nil
			}
			return cmpResult(op, c), nil
		}
		c, nan := intFloatCmp(ib, fa)
		if nan {
			return NewBool(op == 3), nil
		}
		return cmpResult(op, -c), nil
	case *Str:
		if y, ok := b.(*Str); ok {
			return cmpResult(op, strings.Compare(x.String(), y.String())), nil
		}
	case *Bytes:
		if y, ok := bytesLike(b); ok {
			return cmpResult(op, bytes.Compare(x.B, y)), nil
		}
	case *ByteArray:
		if y, ok := bytesLike(b); ok {
			return cmpResult(op, bytes.Compare(x.B, y)), nil
		}
	case *Tuple:
		if y, ok := b.(*Tuple); ok {
			return t.seqCompare(x.V, y.V, op)
		}
	case *List:
		if y, ok := b.(*List); ok {
			return t.seqCompare(x.V, y.V, op)
		}
	case *Dict:
		if op != 2 && op != 3 {
			return NotImplemented, nil
		}
		if y, ok := b.(*Dict); ok {
			eq, err := t.dictEqual(x, y)
			return NewBool(eq == (op == 2)), err
		}
	case *Set, *FrozenSet:
		return t.setCompare(a, b, op)
	case *DictView:
		if x.Kind != 1 && (isSetLike(b)) {
			s, err := t.newSetFrom(a, false)
			if err != nil {
				return nil, err
			}
			return t.setCompare(s, b, op)
		}
	case *Range:
		if y, ok := b.(*Range); ok && (op == 2 || op == 3) {
			eq := rangeEqual(x, y)
			return NewBool(eq == (op == 2)), nil
		}
	case *Slice:
		if y, ok := b.(*Slice); ok {
			return t.seqCompare([]Object{x.Start, x.Stop, x.Step}, []Object{y.Start, y.Stop, y.Step}, op)
		}
	case *Type, *Function, *Builtin, *Module:
		if op == 2 {
			return NewBool(a == b), nil
		}
		if op == 3 {
			return NewBool(a != b), nil
		}
	case *Method:
		if y, ok := b.(*Method); ok && (op == 2 || op == 3) {
			eq := x.Func == y.Func && x.Self == y.Self
			return NewBool(eq == (op == 2)), nil
		}
	case *Cell:
	}
	if a == None || b == None || a == Ellipsis {
		if op == 2 {
			return NewBool(a == b), nil
		}
		if op == 3 {
			return NewBool(a != b), nil
		}
	}
	return NotImplemented, nil
}

func rangeEqual(x, y *Range) bool {
	lx, ly := x.Len(), y.Len()
	if lx != ly {
		return false
	}
	if lx == 0 {
		return true
	}
	if x.Start != y.Start {
		return false
	}
	return lx == 1 || x.Step == y.Step
}

// EqualConstNum compares numbers exactly.
func EqualConstNum(a, b Object) bool {
	eq, _ := EqualConst(a, b)
	return eq
}

func intCmp(a, b *Int) int {
	x, ok1 := a.Int64()
	y, ok2 := b.Int64()
	if ok1 && ok2 {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return a.Big().Cmp(b.Big())
}

func floatCmpOp(op int, a, b float64) Object {
	switch op {
	case 0:
		return NewBool(a < b)
	case 1:
		return NewBool(a <= b)
	case 2:
		return NewBool(a == b)
	case 3:
		return NewBool(a != b)
	case 4:
		return NewBool(a > b)
	}
	return NewBool(a >= b)
}

// intFloatCmp compares int i with float f exactly: sign of i - f; nan true for NaN.
func intFloatCmp(i *Int, f float64) (int, bool) {
	if math.IsNaN(f) {
		return 0, true
	}
	if math.IsInf(f, 1) {
		return -1, false
	}
	if math.IsInf(f, -1) {
		return 1, false
	}
	if v, ok := i.Int64(); ok && v > -1<<53 && v < 1<<53 {
		fv := float64(v)
		switch {
		case fv < f:
			return -1, false
		case fv > f:
			return 1, false
		}
		return 0, false
	}
	bf := new(big.Float).SetPrec(0).SetInt(i.Big())
	bf2 := new(big.Float).SetFloat64(f)
	bf.SetPrec(2000)
	return bf.Cmp(bf2), false
}

func (t *Thread) seqCompare(x, y []Object, op int) (Object, error) {
	if len(x) != len(y) && (op == 2 || op == 3) {
		return NewBool(op == 3), nil
	}
	if err := t.enterRecursive(" in comparison"); err != nil {
		return nil, err
	}
	defer t.leaveRecursive()
	n := min(len(x), len(y))
	for i := 0; i < n; i++ {
		if x[i] == y[i] {
			continue
		}
		eq, err := t.Eq(x[i], y[i])
		if err != nil {
			return nil, err
		}
		if !eq {
			if op == 2 {
				return False, nil
			}
			if op == 3 {
				return True, nil
			}
			return t.RichCompare(x[i], y[i], op)
		}
	}
	c := 0
	if len(x) < len(y) {
		c = -1
	} else if len(x) > len(y) {
		c = 1
	}
	return cmpResult(op, c), nil
}

func (t *Thread) dictEqual(x, y *Dict) (bool, error) {
	if x.Len() != y.Len() {
		return false, nil
	}
	if err := t.enterRecursive(" in comparison"); err != nil {
		return false, err
	}
	defer t.leaveRecursive()
	for i := 0; ; i++ {
		k, v, h, ok := x.EntryAt(i)
		if !ok {
			break
		}
		if k == nil {
			continue
		}
		w, found, err := y.Lookup(k, h, t.Eq)
		if err != nil {
			return false, err
		}
		if !found {
			return false, nil
		}
		if v == w {
			continue
		}
		eq, err := t.Eq(v, w)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// Hash is hash(o).
func (t *Thread) Hash(o Object) (int64, error) {
	switch x := o.(type) {
	case *Str:
		return x.Hash(), nil
	case *Int:
		return x.Hash(), nil
	case *Bool, *Float, *Complex, *Bytes:
		return HashConst(o)
	case *Tuple:
		// CPython's tuple hash has no recursion check; only guard against exhausting the stack.
		t.hashDepth++
		defer func() { t.hashDepth-- }()
		if t.hashDepth > 100000 {
			return 0, Errorf(RecursionErrorType, "maximum recursion depth exceeded while getting the hash of an object")
		}
		hs := make([]int64, len(x.V))
		for i, it := range x.V {
			h, err := t.Hash(it)
			if err != nil {
				return 0, err
			}
			hs[i] = h
		}
		return HashTupleOf(hs), nil
	case *FrozenSet:
		return x.Hash(), nil
	case *List, *Dict, *Set, *ByteArray, *DictView:
		return 0, typeErr("unhashable type: '%s'", TypeName(o))
	case *Slice:
		return 0, typeErr("unhashable type: 'slice'")
	case *Range:
		return t.Hash(NewTuple([]Object{NewInt(x.Len()), NewInt(x.Start), NewInt(x.Step)}))
	case *Method:
		h1, err := t.Hash(x.Self)
		if err != nil {
			return 0, err
		}
		return h1 ^ IdentityHash(x.Func), nil
	case *Instance:
		f := lookupCached(x.Class, strHash)
		if f == None {
			return 0, typeErr("unhashable type: '%s'", TypeName(o))
		}
		if f != nil && f != objectHash {
			r, err := t.Call(f, []Object{o}, nil)
			if err != nil {
				return 0, err
			}
			i, ok := toIntObj(r)
			if !ok {
				return 0, typeErr("__hash__ method should return an integer")
			}
			h := i.Hash()
			if v, ok := i.Int64(); ok && v != -1 {
				h = HashInt64(v)
			}
			return h, nil
		}
		if x.Value != nil {
			return t.Hash(x.Value)
		}
		return IdentityHash(o), nil
	case *Exception:
		f := lookupCached(x.Class, strHash)
		if f == None {
			return 0, typeErr("unhashable type: '%s'", TypeName(o))
		}
		if f != nil && f != objectHash {
			r, err := t.Call(f, []Object{o}, nil)
			if err != nil {
				return 0, err
			}
			i, ok := toIntObj(r)
			if !ok {
				return 0, typeErr("__hash__ method should return an integer")
			}
			return i.Hash(), nil
		}
	case *Type:
		if x.Meta != nil {
			f := lookupCached(x.Meta, strHash)
			if f == None {
				return 0, typeErr("unhashable type: '%s'", TypeName(o))
			}
			if f != nil && f != objectHash {
				r, err := t.Call(f, []Object{o}, nil)
				if err != nil {
					return 0, err
				}
				i, _ := toIntObj(r)
				return i.Hash(), nil
			}
		}
	}
	return IdentityHash(o), nil
}

var objectHash Object

// Truth is bool(o).
func (t *Thread) Truth(o Object) (bool, error) {
	switch x := o.(type) {
	case *Bool:
		return x.V, nil
	case *Int:
		return x.Sign() != 0, nil
	case *Str:
		return x.String() != "", nil
	case *List:
		return len(x.V) != 0, nil
	case *Tuple:
		return len(x.V) != 0, nil
	case *Dict:
		return x.Len() != 0, nil
	case *Float:
		return x.V != 0, nil
	case *Complex:
		return x.V != 0, nil
	case *Set:
		return x.Len() != 0, nil
	case *FrozenSet:
		return x.Len() != 0, nil
	case *Bytes:
		return len(x.B) != 0, nil
	case *ByteArray:
		return len(x.B) != 0, nil
	case *Range:
		return x.Len() != 0, nil
	case *DictView:
		return x.D.Len() != 0, nil
	case *Instance:
		if f := lookupCached(x.Class, strBool); f != nil {
			r, err := t.Call(f, []Object{o}, nil)
			if err != nil {
				return false, err
			}
			b, ok := r.(*Bool)
			if !ok {
				return false, typeErr("__bool__ should return bool, returned %s", TypeName(r))
			}
			return b.V, nil
		}
		if f := lookupCached(x.Class, strLen); f != nil {
			n, err := t.Len(o)
			return n != 0, err
		}
		if x.Value != nil {
			return t.Truth(x.Value)
		}
		return true, nil
	}
	if o == None {
		return false, nil
	}
	return true, nil
}

// Len is len(o).
func (t *Thread) Len(o Object) (int, error) {
	switch x := o.(type) {
	case *Str:
		return x.Len(), nil
	case *List:
		return len(x.V), nil
	case *Tuple:
		return len(x.V), nil
	case *Dict:
		return x.Len(), nil
	case *Set:
		return x.Len(), nil
	case *FrozenSet:
		return x.Len(), nil
	case *Bytes:
		return len(x.B), nil
	case *ByteArray:
		return len(x.B), nil
	case *Range:
		return int(x.Len()), nil
	case *DictView:
		return x.D.Len(), nil
	case *MemoryView:
		return len(x.bytes()), nil
	case *MappingProxy:
		return x.D.Len(), nil
	}
	f := lookupCached(o.Type(), strLen)
	if f == nil {
		if inst, ok := o.(*Instance); ok && inst.Value != nil {
			return t.Len(inst.Value)
		}
		return 0, typeErr("object of type '%s' has no len()", TypeName(o))
	}
	r, err := t.Call(f, []Object{o}, nil)
	if err != nil {
		return 0, err
	}
	i, ok := toIntObj(r)
	if !ok {
		return 0, typeErr("'%s' object cannot be interpreted as an integer", TypeName(r))
	}
	if i.Sign() < 0 {
		return 0, valueErr("__len__() should return >= 0")
	}
	v, ok := i.Int64()
	if !ok {
		return 0, Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	return int(v), nil
}

// Contains is item in container.
func (t *Thread) Contains(container, item Object) (bool, error) {
	switch x := container.(type) {
	case *Dict:
		h, err := t.Hash(item)
		if err != nil {
			return false, err
		}
		_, ok, err := x.Lookup(item, h, t.Eq)
		return ok, err
	case *Set, *FrozenSet:
		return t.setContains(container, item)
	case *List:
		for i := 0; i < len(x.V); i++ {
			if x.V[i] == item {
				return true, nil
			}
			eq, err := t.Eq(x.V[i], item)
			if err != nil || eq {
				return eq, err
			}
		}
		return false, nil
	case *Tuple:
		for _, v := range x.V {
			if v == item {
				return true, nil
			}
			eq, err := t.Eq(v, item)
			if err != nil || eq {
				return eq, err
			}
		}
		return false, nil
	case *Str:
		s, ok := item.(*Str)
		if !ok {
			return false, typeErr("'in <string>' requires string as left operand, not %s", TypeName(item))
		}
		return strings.Contains(x.String(), s.String()), nil
	case *Bytes, *ByteArray:
		b, _ := bytesLike(container)
		if i, ok := toIntObj(item); ok {
			v, _ := i.Int64()
			if v < 0 || v > 255 {
				return false, valueErr("byte must be in range(0, 256)")
			}
			return bytes.IndexByte(b, byte(v)) >= 0, nil
		}
		sub, ok := bytesLike(item)
		if !ok {
			return false, typeErr("a bytes-like object is required, not '%s'", TypeName(item))
		}
		return bytes.Contains(b, sub), nil
	case *Range:
		if i, ok := item.(*Int); ok {
			v, ok := i.Int64()
			if !ok {
				return false, nil
			}
			if x.Step > 0 {
				if v < x.Start || v >= x.Stop {
					return false, nil
				}
			} else if v > x.Start || v <= x.Stop {
				return false, nil
			}
			return (v-x.Start)%x.Step == 0, nil
		}
	case *DictView:
		switch x.Kind {
		case 0:
			return t.Contains(x.D, item)
		case 2:
			tup, ok := item.(*Tuple)
			if !ok || len(tup.V) != 2 {
				return false, nil
			}
			h, err := t.Hash(tup.V[0])
			if err != nil {
				return false, err
			}
			v, ok, err := x.D.Lookup(tup.V[0], h, t.Eq)
			if err != nil || !ok {
				return false, err
			}
			return t.Eq(v, tup.V[1])
		}
	}
	if f := lookupCached(container.Type(), strContains); f != nil {
		r, err := t.Call(f, []Object{container, item}, nil)
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	if inst, ok := container.(*Instance); ok && inst.Value != nil && lookupCached(inst.Class, strIter) == nil {
		return t.Contains(inst.Value, item)
	}
	it, err := t.Iter(container)
	if err != nil {
		if isExc(err, TypeErrorType) {
			return false, typeErr("argument of type '%s' is not iterable", TypeName(container))
		}
		return false, err
	}
	for {
		v, ok, err := t.Next(it)
		if err != nil || !ok {
			return false, err
		}
		if v == item {
			return true, nil
		}
		eq, err := t.Eq(v, item)
		if err != nil || eq {
			return eq, err
		}
	}
}
