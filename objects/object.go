package objects

import (
	"fmt"
	"sync"
)

// Object is any Python value.
type Object interface {
	Type() *Type
}

// Type is a Python type object. The core needs only the name; the VM fills in the rest when it
// starts (builtin types) or when a class statement runs.
type Type struct {
	Name     string
	QualName string
	Module   string
	Meta     *Type   // the metaclass; nil means type
	Base     *Type   // __base__ (the "solid" base whose layout instances share); nil for object
	Bases    []*Type // __bases__
	MRO      []*Type // __mro__, the type itself first
	Dict     *Dict   // __dict__; str keys only
	Flags    uint32  // TypeFlag...
	// Layout is the builtin type whose Go representation instances of this type use
	// (e.g. ListType for a subclass of list); the type itself for builtin types.
	Layout *Type
	// Slots are the names of __slots__ (instances keep them in Instance.Slots).
	Slots []*Str
	// Version changes when this type's or any base's dict changes; caches key on it.
	Version uint64
	// Subclasses are the direct subclasses (for version invalidation and __subclasses__).
	Subclasses []*Type
	// Cache is the VM's per-type state (method caches, slot functions).
	Cache any
}

// Type flags.
const (
	TypeFlagHeap      = 1 << iota // a class statement created it
	TypeFlagBaseType              // can be subclassed
	TypeFlagAbstract              // has abstract methods
	TypeFlagHasDict               // instances carry a __dict__
	TypeFlagException             // a subclass of BaseException
)

// Type returns the metatype.
func (t *Type) Type() *Type {
	if t.Meta != nil {
		return t.Meta
	}
	return TypeType
}

// Builtin type objects of the core.
var (
	ObjectType        = &Type{Name: "object"}
	TypeType          = &Type{Name: "type"}
	NoneType          = &Type{Name: "NoneType"}
	EllipsisType      = &Type{Name: "ellipsis"}
	BoolType          = &Type{Name: "bool"}
	IntType           = &Type{Name: "int"}
	FloatType         = &Type{Name: "float"}
	ComplexType       = &Type{Name: "complex"}
	StrType           = &Type{Name: "str"}
	BytesType         = &Type{Name: "bytes"}
	TupleType         = &Type{Name: "tuple"}
	ListType          = &Type{Name: "list"}
	DictType          = &Type{Name: "dict"}
	SetType           = &Type{Name: "set"}
	FrozenSetType     = &Type{Name: "frozenset"}
	CodeType          = &Type{Name: "code"}
	StopIterationType = &Type{Name: "StopIteration"}
)

type noneObject struct{}

func (noneObject) Type() *Type { return NoneType }

type ellipsisObject struct{}

func (ellipsisObject) Type() *Type { return EllipsisType }

// None and Ellipsis are the singletons; compare with ==.
var (
	None     Object = &noneObject{}
	Ellipsis Object = &ellipsisObject{}
)

// Bool is True or False; there are exactly two.
type Bool struct{ V bool }

// Type implements Object.
func (*Bool) Type() *Type { return BoolType }

// The two bools.
var (
	True  = &Bool{true}
	False = &Bool{false}
)

// NewBool returns True or False.
func NewBool(b bool) *Bool {
	if b {
		return True
	}
	return False
}

// Float is a Python float.
type Float struct{ V float64 }

// Type implements Object.
func (*Float) Type() *Type { return FloatType }

// NewFloat returns a new float (carved from a small chunk, like ints: see allocInt).
func NewFloat(f float64) *Float {
	if !floatChunkMu.TryLock() {
		return &Float{f}
	}
	if len(floatChunk) == 0 {
		floatChunk = make([]Float, floatChunkSize)
	}
	p := &floatChunk[0]
	floatChunk = floatChunk[1:]
	floatChunkMu.Unlock()
	p.V = f
	return p
}

const floatChunkSize = 8

var (
	floatChunkMu sync.Mutex
	floatChunk   []Float
)

// Complex is a Python complex.
type Complex struct{ V complex128 }

// Type implements Object.
func (*Complex) Type() *Type { return ComplexType }

// NewComplex returns a new complex.
func NewComplex(c complex128) *Complex { return &Complex{c} }

// Bytes is an immutable Python bytes value. B must not be modified once the value is shared.
//
// hash caches the hash (0 = not computed), filled in on first use by a plain unsynchronised
// write: sound because Python code runs only under the interpreter lock and the value is a
// pure function of B (see Str).
type Bytes struct {
	B    []byte
	hash int64
}

// Type implements Object.
func (*Bytes) Type() *Type { return BytesType }

// NewBytes returns a bytes object that takes ownership of b.
func NewBytes(b []byte) *Bytes { return &Bytes{B: b} }

// Tuple is an immutable sequence.
type Tuple struct {
	V []Object
}

// Type implements Object.
func (*Tuple) Type() *Type { return TupleType }

// EmptyTuple is the shared ().
var EmptyTuple = &Tuple{V: []Object{}}

// NewTuple returns a tuple that takes ownership of items.
func NewTuple(items []Object) *Tuple {
	if len(items) == 0 {
		return EmptyTuple
	}
	return &Tuple{V: items}
}

// List is a mutable sequence.
type List struct {
	V []Object
}

// Type implements Object.
func (*List) Type() *Type { return ListType }

// NewList returns a list that takes ownership of items.
func NewList(items []Object) *List { return &List{V: items} }

// TypeName returns the Python type name of o, for messages.
func TypeName(o Object) string {
	if o == nil {
		return "NULL"
	}
	return o.Type().Name
}

// ConstError is returned by the ...Const functions for a value they cannot handle without the VM.
type ConstError struct{ Msg string }

func (e *ConstError) Error() string { return e.Msg }

func unhashable(o Object) error {
	return &ConstError{Msg: fmt.Sprintf("unhashable type: '%s'", TypeName(o))}
}

type tuple2 struct {
	t   Tuple
	arr [2]Object
}

// NewTuple2 returns (a, b) with the tuple and its items in one allocation.
func NewTuple2(a, b Object) *Tuple {
	p := &tuple2{arr: [2]Object{a, b}}
	p.t.V = p.arr[:]
	return &p.t
}
