package vm

import (
	. "gopyc/objects"
)

// Slice is a slice object.
type Slice struct{ Start, Stop, Step Object }

// Type implements Object.
func (*Slice) Type() *Type { return SliceType }

// Range is a range object (int64 bounds; big bounds are not supported yet).
type Range struct{ Start, Stop, Step int64 }

// Type implements Object.
func (*Range) Type() *Type { return RangeType }

// Len is len(range).
func (r *Range) Len() int64 {
	if r.Step > 0 {
		if r.Stop <= r.Start {
			return 0
		}
		return (r.Stop - r.Start + r.Step - 1) / r.Step
	}
	if r.Stop >= r.Start {
		return 0
	}
	return (r.Start - r.Stop - r.Step - 1) / -r.Step
}

// Property is a property object.
type Property struct {
	Get, Set, Del, Doc Object
	Name               Object
}

// Type implements Object.
func (*Property) Type() *Type { return PropertyType }

func (p *Property) nameRepr(t *Thread) string {
	if p.Name != nil {
		if s, ok := p.Name.(*Str); ok {
			return "'" + s.String() + "'"
		}
	}
	if f, ok := p.Get.(*Function); ok {
		return "'" + f.Name.String() + "'"
	}
	return "<unknown>"
}

// ClassMethod wraps a function as a classmethod.
type ClassMethod struct {
	F    Object
	Dict *Dict
}

// Type implements Object.
func (*ClassMethod) Type() *Type { return ClassMethodType }

// StaticMethod wraps a function as a staticmethod.
type StaticMethod struct {
	F    Object
	Dict *Dict
}

// Type implements Object.
func (*StaticMethod) Type() *Type { return StaticMethodType }

// Super is a super() object.
type Super struct {
	ThisType *Type
	Obj      Object
	ObjType  *Type
}

// Type implements Object.
func (*Super) Type() *Type { return SuperType }

// GetSet is a builtin data descriptor.
type GetSet struct {
	Name string
	Get  func(t *Thread, o Object) (Object, error)
	Set  func(t *Thread, o Object, v Object) error
}

// Type implements Object.
func (*GetSet) Type() *Type { return GetSetType }

type slotDescr struct {
	name  *Str
	index int
	owner *Type
}

var memberDescrType = &Type{Name: "member_descriptor"}

func (*slotDescr) Type() *Type { return memberDescrType }

type asyncGenWrapped struct{ v Object }

func (*asyncGenWrapped) Type() *Type { return ObjectType }

// seqIter iterates a list or tuple (or anything with __getitem__ via getitemIter).
type seqIter struct {
	tuple *Tuple
	list  *List
	i     int
}

func (it *seqIter) Type() *Type {
	if it.tuple != nil && it.list == nil {
		return tupleIterType
	}
	return listIterType
}

// Iterator types, named as CPython names them (visible through type(iter(x)).__name__).
var (
	listIterType      = &Type{Name: "list_iterator"}
	tupleIterType     = &Type{Name: "tuple_iterator"}
	rangeIterType     = &Type{Name: "range_iterator"}
	strIterType       = &Type{Name: "str_ascii_iterator"}
	strIterTypeWide   = &Type{Name: "str_iterator"}
	bytesIterType     = &Type{Name: "bytes_iterator"}
	dictKeyIterType   = &Type{Name: "dict_keyiterator"}
	dictValueIterType = &Type{Name: "dict_valueiterator"}
	dictItemIterType  = &Type{Name: "dict_itemiterator"}
	setIterType       = &Type{Name: "set_iterator"}
)

// iterTypes are the builtin iterator types that share __iter__/__next__ (see initMiscMethods).
var iterTypes = []*Type{listIterType, tupleIterType, rangeIterType, strIterType, strIterTypeWide, bytesIterType,
	dictKeyIterType, dictValueIterType, dictItemIterType, setIterType}

type rangeIter struct {
	cur, step int64
	n         int64
}

func (*rangeIter) Type() *Type { return rangeIterType }

type strIterator struct {
	s string
	i int
}

func (it *strIterator) Type() *Type {
	if isASCII(it.s) {
		return strIterType
	}
	return strIterTypeWide
}

type bytesIter struct {
	b []byte
	i int
}

func (*bytesIter) Type() *Type { return bytesIterType }

type dictIter struct {
	d    *Dict
	i    int
	kind int // 0 keys, 1 values, 2 items
	ver  uint64
	n    int
}

func (it *dictIter) Type() *Type {
	switch it.kind {
	case 1:
		return dictValueIterType
	case 2:
		return dictItemIterType
	}
	return dictKeyIterType
}

type setIter struct {
	items []Object
	i     int
	s     interface{ Len() int }
	n     int
}

func (*setIter) Type() *Type { return setIterType }

type getitemIter struct {
	o    Object
	i    int64
	done bool
}

func (*getitemIter) Type() *Type { return IteratorType }

type callIter struct {
	f, sentinel Object
	done        bool
}

func (*callIter) Type() *Type { return CallIterType }

type funcIter struct {
	next func() (Object, bool, error)
	// next2, when set, yields the two items of the pair next would return, without building the
	// tuple (FOR_ITER uses it when the pair is unpacked at once).
	next2 func() (Object, Object, bool, error)
	tp    *Type
}

func (f *funcIter) Type() *Type { return f.tp }

// DictView is dict.keys()/values()/items().
type DictView struct {
	D    *Dict
	Kind int
}

// Type implements Object.
func (v *DictView) Type() *Type {
	switch v.Kind {
	case 0:
		return DictKeysType
	case 1:
		return DictValuesType
	}
	return DictItemsType
}

// ByteArray is a mutable bytes.
type ByteArray struct{ B []byte }

// Type implements Object.
func (*ByteArray) Type() *Type { return ByteArrayType }

// MemoryView is a minimal memoryview over bytes or bytearray.
type MemoryView struct {
	Obj      Object
	Start    int
	Stop     int
	Released bool
}

// Type implements Object.
func (*MemoryView) Type() *Type { return MemoryViewType }

func (m *MemoryView) bytes() []byte {
	switch o := m.Obj.(type) {
	case *Bytes:
		return o.B[m.Start:m.Stop]
	case *ByteArray:
		return o.B[m.Start:min(m.Stop, len(o.B))]
	}
	return nil
}

// MappingProxy is a read-only view of a type's dict.
type MappingProxy struct{ D *Dict }

// Type implements Object.
func (*MappingProxy) Type() *Type { return MappingProxyType }
