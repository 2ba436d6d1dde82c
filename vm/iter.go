package vm

import (
	"slices"

	. "gopyc/objects"
)

// Iter is iter(o).
func (t *Thread) Iter(o Object) (Object, error) {
	switch x := o.(type) {
	case *List:
		return &seqIter{list: x}, nil
	case *Tuple:
		return &seqIter{tuple: x}, nil
	case *Range:
		return &rangeIter{cur: x.Start, step: x.Step, n: x.Len()}, nil
	case *Str:
		return &strIterator{s: x.String()}, nil
	case *Dict:
		return &dictIter{d: x, ver: x.Version, n: x.Len()}, nil
	case *DictView:
		return &dictIter{d: x.D, kind: x.Kind, ver: x.D.Version, n: x.D.Len()}, nil
	case *Set:
		return &setIter{items: x.Items(), s: x, n: x.Len()}, nil
	case *FrozenSet:
		return &setIter{items: x.Items(), s: x, n: x.Len()}, nil
	case *Bytes:
		return &bytesIter{b: x.B}, nil
	case *ByteArray:
		return &bytesIter{b: x.B}, nil
	case *Generator:
		if x.kind == genGenerator {
			return x, nil
		}
	case *seqIter, *rangeIter, *strIterator, *dictIter, *setIter, *bytesIter, *getitemIter, *callIter, *funcIter:
		return o, nil
	case *MappingProxy:
		return &dictIter{d: x.D, ver: x.D.Version, n: x.D.Len()}, nil
	case *MemoryView:
		return &bytesIter{b: x.bytes()}, nil
	}
	tp := o.Type()
	if f := lookupCached(tp, strIter); f != nil {
		if f == None {
			return nil, typeErr("'%s' object is not iterable", tp.Name)
		}
		r, err := t.Call(f, []Object{o}, nil)
		if err != nil {
			return nil, err
		}
		if !t.isIterator(r) {
			return nil, typeErr("iter() returned non-iterator of type '%s'", TypeName(r))
		}
		return r, nil
	}
	if inst, ok := o.(*Instance); ok && inst.Value != nil && lookupCached(tp, strGetitem) == nil {
		return t.Iter(inst.Value)
	}
	if f := lookupCached(tp, strGetitem); f != nil {
		if _, isType := o.(*Type); !isType {
			return &getitemIter{o: o}, nil
		}
	}
	return nil, typeErr("'%s' object is not iterable", tp.Name)
}

func (t *Thread) isIterator(o Object) bool {
	switch o := o.(type) {
	case *seqIter, *rangeIter, *strIterator, *dictIter, *setIter, *bytesIter, *getitemIter, *callIter, *funcIter:
		return true
	case *Generator:
		return o.kind == genGenerator
	}
	return lookupCached(o.Type(), strNext) != nil
}

// Next advances an iterator: ok false at the end (StopIteration is absorbed).
func (t *Thread) Next(it Object) (Object, bool, error) {
	switch x := it.(type) {
	case *seqIter:
		if x.list != nil {
			if x.i < len(x.list.V) {
				v := x.list.V[x.i]
				x.i++
				return v, true, nil
			}
			x.list = nil
			x.tuple = EmptyTuple
			return nil, false, nil
		}
		if x.i < len(x.tuple.V) {
			v := x.tuple.V[x.i]
			x.i++
			return v, true, nil
		}
		return nil, false, nil
	case *rangeIter:
		if x.n <= 0 {
			return nil, false, nil
		}
		v := x.cur
		x.cur += x.step
		x.n--
		return NewInt(v), true, nil
	case *strIterator:
		if x.i >= len(x.s) {
			return nil, false, nil
		}
		r, n := DecodeWTF8(x.s[x.i:])
		x.i += n
		return charStr(r), true, nil
	case *bytesIter:
		if x.i >= len(x.b) {
			return nil, false, nil
		}
		v := x.b[x.i]
		x.i++
		return NewInt(int64(v)), true, nil
	case *dictIter:
		if x.d == nil {
			return nil, false, nil
		}
		if x.d.Version != x.ver {
			if x.d.Len() != x.n {
				x.d = nil
				return nil, false, Errorf(RuntimeErrorType, "dictionary changed size during iteration")
			}
			x.d = nil
			return nil, false, Errorf(RuntimeErrorType, "dictionary keys changed during iteration")
		}
		for {
			k, v, _, ok := x.d.EntryAt(x.i)
			if !ok {
				x.d = nil
				return nil, false, nil
			}
			x.i++
			if k == nil {
				continue
			}
			switch x.kind {
			case 0:
				return k, true, nil
			case 1:
				return v, true, nil
			}
			return NewTuple2(k, v), true, nil
		}
	case *setIter:
		if x.s != nil && x.s.Len() != x.n {
			x.s = nil
			x.items = nil
			return nil, false, Errorf(RuntimeErrorType, "Set changed size during iteration")
		}
		if x.i >= len(x.items) {
			return nil, false, nil
		}
		v := x.items[x.i]
		x.i++
		return v, true, nil
	case *getitemIter:
		if x.done {
			return nil, false, nil
		}
		v, err := t.GetItem(x.o, NewInt(x.i))
		if err != nil {
			if isExc(err, IndexErrorType) || isExc(err, StopIterationType) {
				x.done = true
				return nil, false, nil
			}
			return nil, false, err
		}
		x.i++
		return v, true, nil
	case *callIter:
		if x.done {
			return nil, false, nil
		}
		v, err := t.Call(x.f, nil, nil)
		if err != nil {
			if isExc(err, StopIterationType) {
				x.done = true
				return nil, false, nil
			}
			return nil, false, err
		}
		eq, err := t.Eq(v, x.sentinel)
		if err != nil {
			return nil, false, err
		}
		if eq {
			x.done = true
			return nil, false, nil
		}
		return v, true, nil
	case *funcIter:
		return x.next()
	case *Generator:
		if x.kind == genGenerator {
			v, done, err := t.resume(x, None, nil)
			if err != nil {
				return nil, false, err
			}
			if done {
				return nil, false, nil
			}
			return v, true, nil
		}
	}
	f := lookupCached(it.Type(), strNext)
	if f == nil {
		return nil, false, typeErr("'%s' object is not an iterator", TypeName(it))
	}
	v, err := t.Call(f, []Object{it}, nil)
	if err != nil {
		if isExc(err, StopIterationType) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return v, true, nil
}

// iterate calls fn for each item of o.
func (t *Thread) iterate(o Object, fn func(Object) error) error {
	switch x := o.(type) {
	case *List:
		for i := 0; i < len(x.V); i++ {
			if err := fn(x.V[i]); err != nil {
				return err
			}
		}
		return nil
	case *Tuple:
		for _, v := range x.V {
			if err := fn(v); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := t.Iter(o)
	if err != nil {
		return err
	}
	for {
		v, ok, err := t.Next(it)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := fn(v); err != nil {
			return err
		}
	}
}

// ToSlice collects the items of an iterable.
func (t *Thread) ToSlice(o Object) ([]Object, error) {
	switch x := o.(type) {
	case *List:
		return append([]Object(nil), x.V...), nil
	case *Tuple:
		return append([]Object(nil), x.V...), nil
	}
	var out []Object
	err := t.iterate(o, func(v Object) error { out = append(out, v); return nil })
	return out, err
}

func (t *Thread) iterateForExtend(o Object) ([]Object, error) {
	switch x := o.(type) {
	case *List:
		return x.V, nil
	case *Tuple:
		return x.V, nil
	}
	items, err := t.ToSlice(o)
	if err != nil && isExc(err, TypeErrorType) {
		if _, err2 := t.Iter(o); err2 != nil {
			return nil, typeErr("Value after * must be an iterable, not %s", TypeName(o))
		}
	}
	return items, err
}

// unpackIter unpacks o into exactly n items (after < 0), or before + [rest] + after items.
func (t *Thread) unpackIter(o Object, before, after int) ([]Object, error) {
	it, err := t.Iter(o)
	if err != nil {
		if isExc(err, TypeErrorType) {
			return nil, typeErr("cannot unpack non-iterable %s object", TypeName(o))
		}
		return nil, err
	}
	var out []Object
	for i := 0; i < before; i++ {
		v, ok, err := t.Next(it)
		if err != nil {
			return nil, err
		}
		if !ok {
			if after < 0 {
				return nil, valueErr("not enough values to unpack (expected %d, got %d)", before, i)
			}
			return nil, valueErr("not enough values to unpack (expected at least %d, got %d)", before+after, i)
		}
		out = append(out, v)
	}
	if after < 0 {
		_, ok, err := t.Next(it)
		if err != nil {
			return nil, err
		}
		if ok {
			return nil, valueErr("too many values to unpack (expected %d)", before)
		}
		return out, nil
	}
	rest, err := t.ToSlice(it)
	if err != nil {
		return nil, err
	}
	if len(rest) < after {
		return nil, valueErr("not enough values to unpack (expected at least %d, got %d)", before+after, before+len(rest))
	}
	out = append(out, NewList(append([]Object(nil), rest[:len(rest)-after]...)))
	out = append(out, rest[len(rest)-after:]...)
	return out, nil
}

// Index converts o to an int for indexing (__index__).
func (t *Thread) Index(o Object) (*Int, error) {
	if i, ok := toIntObj(o); ok {
		return i, nil
	}
	if f := lookupCached(o.Type(), strIndex); f != nil {
		r, err := t.Call(f, []Object{o}, nil)
		if err != nil {
			return nil, err
		}
		i, ok := r.(*Int)
		if !ok {
			return nil, typeErr("__index__ returned non-int (type %s)", TypeName(r))
		}
		return i, nil
	}
	return nil, typeErr("'%s' object cannot be interpreted as an integer", TypeName(o))
}

// indexValue converts an index to int64, clamping huge values with an IndexError message.
func (t *Thread) seqIndex(o Object, n int, what string) (int, error) {
	var i *Int
	if x, ok := o.(*Int); ok {
		i = x
	} else {
		if _, ok := o.(*Float); ok || lookupCached(o.Type(), strIndex) == nil {
			if _, isb := o.(*Bool); !isb {
				if _, isi := o.(*Instance); !isi || lookupCached(o.Type(), strIndex) == nil {
					return 0, typeErr("%s indices must be integers or slices, not %s", what, TypeName(o))
				}
			}
		}
		var err error
		i, err = t.Index(o)
		if err != nil {
			return 0, err
		}
	}
	v, ok := i.Int64()
	if !ok {
		return 0, Errorf(IndexErrorType, "cannot fit 'int' into an index-sized integer")
	}
	if v < 0 {
		v += int64(n)
	}
	if v < 0 || v >= int64(n) {
		return 0, Errorf(IndexErrorType, "%s index out of range", what)
	}
	return int(v), nil
}

// sliceIndices computes start, stop, step, length for a slice over n items.
func (t *Thread) sliceIndices(s *Slice, n int) (int, int, int, int, error) {
	step := 1
	if s.Step != None {
		i, err := t.sliceInt(s.Step)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		if i == 0 {
			return 0, 0, 0, 0, valueErr("slice step cannot be zero")
		}
		step = i
	}
	var lo, hi int
	if step < 0 {
		lo, hi = -1, n-1
	} else {
		lo, hi = 0, n
	}
	start, stop := lo, hi
	if step < 0 {
		start, stop = hi, lo
	}
	if s.Start != None {
		i, err := t.sliceInt(s.Start)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		if i < 0 {
			i += n
			if i < lo {
				i = lo
			}
		} else if i > hi {
			i = hi
		}
		start = i
	}
	if s.Stop != None {
		i, err := t.sliceInt(s.Stop)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		if i < 0 {
			i += n
			if i < lo {
				i = lo
			}
		} else if i > hi {
			i = hi
		}
		stop = i
	}
	length := 0
	if step > 0 {
		if stop > start {
			length = (stop - start + step - 1) / step
		}
	} else if start > stop {
		length = (start - stop - step - 1) / -step
	}
	return start, stop, step, length, nil
}

func (t *Thread) sliceInt(o Object) (int, error) {
	i, err := t.Index(o)
	if err != nil {
		return 0, typeErr("slice indices must be integers or None or have an __index__ method")
	}
	v, ok := i.Int64()
	if !ok {
		if i.Sign() < 0 {
			return -1 << 62, nil
		}
		return 1 << 62, nil
	}
	if v > 1<<62 {
		v = 1 << 62
	}
	if v < -1<<62 {
		v = -1 << 62
	}
	return int(v), nil
}

func sliceObjects(items []Object, start, step, n int) []Object {
	out := make([]Object, n)
	for i := 0; i < n; i++ {
		out[i] = items[start+i*step]
	}
	return out
}

// appendSlice appends items[start], items[start+step], ... (n of them) to dst.
func appendSlice(dst, items []Object, start, step, n int) []Object {
	if step == 1 {
		return append(dst, items[start:start+n]...)
	}
	for i := 0; i < n; i++ {
		dst = append(dst, items[start+i*step])
	}
	return dst
}

// GetItem is o[k].
func (t *Thread) GetItem(o, k Object) (Object, error) {
	switch x := o.(type) {
	case *List:
		if ki, ok := k.(*Int); ok {
			if v, ok := ki.Int64(); ok {
				if v < 0 {
					v += int64(len(x.V))
				}
				if v >= 0 && v < int64(len(x.V)) {
					return x.V[v], nil
				}
				return nil, Errorf(IndexErrorType, "list index out of range")
			}
		}
		if s, ok := k.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(s, len(x.V))
			if err != nil {
				return nil, err
			}
			return NewList(sliceObjects(x.V, start, step, n)), nil
		}
		i, err := t.seqIndex(k, len(x.V), "list")
		if err != nil {
			return nil, err
		}
		return x.V[i], nil
	case *Tuple:
		if s, ok := k.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(s, len(x.V))
			if err != nil {
				return nil, err
			}
			if step == 1 && n == len(x.V) {
				return x, nil
			}
			return NewTuple(sliceObjects(x.V, start, step, n)), nil
		}
		i, err := t.seqIndex(k, len(x.V), "tuple")
		if err != nil {
			return nil, err
		}
		return x.V[i], nil
	case *Dict:
		h, err := t.Hash(k)
		if err != nil {
			return nil, err
		}
		v, ok, err := x.Lookup(k, h, t.Eq)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, NewException(KeyErrorType, k)
		}
		return v, nil
	case *Str:
		return t.strGetItem(x, k)
	case *Bytes:
		if s, ok := k.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(s, len(x.B))
			if err != nil {
				return nil, err
			}
			out := make([]byte, n)
			for i := range out {
				out[i] = x.B[start+i*step]
			}
			return NewBytes(out), nil
		}
		i, err := t.seqIndex(k, len(x.B), "index")
		if err != nil {
			if isExc(err, IndexErrorType) {
				return nil, Errorf(IndexErrorType, "index out of range")
			}
			return nil, typeErr("byte indices must be integers or slices, not %s", TypeName(k))
		}
		return NewInt(int64(x.B[i])), nil
	case *ByteArray:
		if s, ok := k.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(s, len(x.B))
			if err != nil {
				return nil, err
			}
			out := make([]byte, n)
			for i := range out {
				out[i] = x.B[start+i*step]
			}
			return &ByteArray{B: out}, nil
		}
		i, err := t.seqIndex(k, len(x.B), "bytearray")
		if err != nil {
			return nil, err
		}
		return NewInt(int64(x.B[i])), nil
	case *Range:
		if s, ok := k.(*Slice); ok {
			start, stop, step, n, err := t.sliceIndices(s, int(x.Len()))
			if err != nil {
				return nil, err
			}
			_ = n
			ns := x.Start + int64(start)*x.Step
			st := x.Step * int64(step)
			return &Range{Start: ns, Stop: x.Start + int64(stop)*x.Step, Step: st}, nil
		}
		i, err := t.seqIndex(k, int(x.Len()), "range object")
		if err != nil {
			return nil, err
		}
		return NewInt(x.Start + int64(i)*x.Step), nil
	case *MemoryView:
		b := x.bytes()
		if s, ok := k.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(s, len(b))
			if err != nil {
				return nil, err
			}
			if step == 1 {
				return &MemoryView{Obj: x.Obj, Start: x.Start + start, Stop: x.Start + start + n}, nil
			}
			out := make([]byte, n)
			for i := range out {
				out[i] = b[start+i*step]
			}
			return &MemoryView{Obj: NewBytes(out), Stop: n}, nil
		}
		i, err := t.seqIndex(k, len(b), "index")
		if err != nil {
			return nil, err
		}
		return NewInt(int64(b[i])), nil
	case *MappingProxy:
		return t.GetItem(x.D, k)
	case *Type:
		if f := lookupCached(x.Type(), strGetitem); f != nil {
			return t.Call(f, []Object{o, k}, nil)
		}
		if f := lookupCached(x, strClassGetitem); f != nil {
			b, err := t.bindDescr(f, nil, x)
			if err != nil {
				return nil, err
			}
			if fn, ok := f.(*Function); ok {
				b = &Method{Func: fn, Self: x}
			}
			return t.Call(b, []Object{k}, nil)
		}
		if x == TypeType {
			return &GenericAlias{Origin: x, Args: k}, nil
		}
		switch x {
		case ListType, DictType, TupleType, SetType, FrozenSetType, TypeType:
			return &GenericAlias{Origin: x, Args: k}, nil
		}
		return nil, typeErr("type '%s' is not subscriptable", x.Name)
	}
	f := lookupCached(o.Type(), strGetitem)
	if inst, ok := o.(*Instance); ok {
		if d, ok := inst.Value.(*Dict); ok && (f == nil || f == lookupCached(DictType, strGetitem)) {
			v, err := t.GetItem(d, k)
			if err != nil && isExc(err, KeyErrorType) {
				if m := lookupCached(inst.Class, strMissing); m != nil {
					return t.Call(m, []Object{o, k}, nil)
				}
			}
			return v, err
		}
	}
	if f == nil {
		if inst, ok := o.(*Instance); ok && inst.Value != nil {
			return t.GetItem(inst.Value, k)
		}
		return nil, typeErr("'%s' object is not subscriptable", TypeName(o))
	}
	return t.Call(f, []Object{o, k}, nil)
}

// GenericAlias is list[int] and friends (types.GenericAlias), enough for repr and calls.
type GenericAlias struct {
	Origin *Type
	Args   Object
}

// Type implements Object.
func (*GenericAlias) Type() *Type { return genericAliasType }

var genericAliasType = &Type{Name: "types.GenericAlias"}

// SetItem is o[k] = v.
func (t *Thread) SetItem(o, k, v Object) error {
	switch x := o.(type) {
	case *List:
		if s, ok := k.(*Slice); ok {
			return t.listSetSlice(x, s, v)
		}
		i, err := t.seqIndex(k, len(x.V), "list")
		if err != nil {
			if isExc(err, IndexErrorType) {
				return Errorf(IndexErrorType, "list assignment index out of range")
			}
			return err
		}
		x.V[i] = v
		return nil
	case *Dict:
		return t.DictSet(x, k, v)
	case *ByteArray:
		if s, ok := k.(*Slice); ok {
			start, stop, step, n, err := t.sliceIndices(s, len(x.B))
			if err != nil {
				return err
			}
			nb, err := t.bytesFromObject(v)
			if err != nil {
				return err
			}
			if step == 1 {
				if stop < start {
					stop = start
				}
				// In place, growing amortised (ba[len(ba):] = b appends in O(len(b))); nb is
				// copied first since it may be x's own bytes.
				x.B = slices.Replace(x.B, start, stop, append([]byte(nil), nb...)...)
				return nil
			}
			if len(nb) != n {
				return valueErr("attempt to assign bytes of size %d to extended slice of size %d", len(nb), n)
			}
			for i := 0; i < n; i++ {
				x.B[start+i*step] = nb[i]
			}
			return nil
		}
		i, err := t.seqIndex(k, len(x.B), "bytearray")
		if err != nil {
			return err
		}
		bv, err := t.Index(v)
		if err != nil {
			return err
		}
		n, _ := bv.Int64()
		if n < 0 || n > 255 {
			return valueErr("byte must be in range(0, 256)")
		}
		x.B[i] = byte(n)
		return nil
	}
	f := lookupCached(o.Type(), strSetitem)
	if f == nil {
		if inst, ok := o.(*Instance); ok && inst.Value != nil {
			return t.SetItem(inst.Value, k, v)
		}
		return typeErr("'%s' object does not support item assignment", TypeName(o))
	}
	_, err := t.Call(f, []Object{o, k, v}, nil)
	return err
}

// DelItem is del o[k].
func (t *Thread) DelItem(o, k Object) error {
	switch x := o.(type) {
	case *List:
		if s, ok := k.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(s, len(x.V))
			if err != nil {
				return err
			}
			if n == 0 {
				return nil
			}
			if step < 0 {
				start = start + (n-1)*step
				step = -step
			}
			out := make([]Object, 0, len(x.V)-n)
			j := 0
			for i, it := range x.V {
				if j < n && i == start+j*step {
					j++
					continue
				}
				out = append(out, it)
			}
			x.V = out
			return nil
		}
		i, err := t.seqIndex(k, len(x.V), "list")
		if err != nil {
			if isExc(err, IndexErrorType) {
				return Errorf(IndexErrorType, "list assignment index out of range")
			}
			return err
		}
		copy(x.V[i:], x.V[i+1:])
		x.V[len(x.V)-1] = nil
		x.V = x.V[:len(x.V)-1]
		return nil
	case *Dict:
		h, err := t.Hash(k)
		if err != nil {
			return err
		}
		_, ok, err := x.Delete(k, h, t.Eq)
		if err != nil {
			return err
		}
		if !ok {
			return NewException(KeyErrorType, k)
		}
		return nil
	case *ByteArray:
		if s, ok := k.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(s, len(x.B))
			if err != nil {
				return err
			}
			if step < 0 {
				start = start + (n-1)*step
				step = -step
			}
			out := make([]byte, 0, len(x.B))
			j := 0
			for i, c := range x.B {
				if j < n && i == start+j*step {
					j++
					continue
				}
				out = append(out, c)
			}
			x.B = out
			return nil
		}
		i, err := t.seqIndex(k, len(x.B), "bytearray")
		if err != nil {
			return err
		}
		x.B = append(x.B[:i], x.B[i+1:]...)
		return nil
	}
	f := lookupCached(o.Type(), strDelitem)
	if f == nil {
		if inst, ok := o.(*Instance); ok && inst.Value != nil {
			return t.DelItem(inst.Value, k)
		}
		return typeErr("'%s' object doesn't support item deletion", TypeName(o))
	}
	_, err := t.Call(f, []Object{o, k}, nil)
	return err
}

func (t *Thread) listSetSlice(x *List, s *Slice, v Object) error {
	start, stop, step, n, err := t.sliceIndices(s, len(x.V))
	if err != nil {
		return err
	}
	var items []Object
	switch src := v.(type) {
	case *List:
		if src == x {
			items = append([]Object(nil), x.V...)
		} else {
			items = src.V
		}
	case *Tuple:
		items = src.V
	default:
		items, err = t.ToSlice(v)
		if err != nil {
			if isExc(err, TypeErrorType) {
				if step == 1 {
					return typeErr("can only assign an iterable")
				}
				return typeErr("must assign iterable to extended slice")
			}
			return err
		}
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		old := stop - start
		switch {
		case len(items) == old:
			copy(x.V[start:stop], items)
		case len(items) < old:
			d := old - len(items)
			copy(x.V[start:], items)
			copy(x.V[start+len(items):], x.V[stop:])
			clear(x.V[len(x.V)-d:])
			x.V = x.V[:len(x.V)-d]
		default:
			d := len(items) - old
			items = append([]Object(nil), items...) // items may alias x.V's backing array
			x.V = append(x.V, make([]Object, d)...)
			copy(x.V[stop+d:], x.V[stop:len(x.V)-d])
			copy(x.V[start:], items)
		}
		return nil
	}
	if len(items) != n {
		return valueErr("attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	if src, ok := v.(*List); ok && src == x {
		items = append([]Object(nil), items...)
	}
	for i := 0; i < n; i++ {
		x.V[start+i*step] = items[i]
	}
	return nil
}

// DictSet is d[k] = v with the general hash/eq protocol.
func (t *Thread) DictSet(d *Dict, k, v Object) error {
	if s, ok := k.(*Str); ok {
		return d.Set(s, s.Hash(), v, t.Eq)
	}
	h, err := t.Hash(k)
	if err != nil {
		return err
	}
	return d.Set(k, h, v, t.Eq)
}

// DictGet is d.get(k): nil when absent.
func (t *Thread) DictGet(d *Dict, k Object) (Object, error) {
	h, err := t.Hash(k)
	if err != nil {
		return nil, err
	}
	v, _, err := d.Lookup(k, h, t.Eq)
	return v, err
}

// mapGet looks up a str key in a namespace dict.
func (t *Thread) mapGet(d *Dict, k *Str) (Object, error) {
	v, _, err := d.Lookup(k, k.Hash(), t.Eq)
	return v, err
}
