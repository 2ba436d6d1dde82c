package objects

import "fmt"

// Object is any Python value.
type Object interface {
	Type() *Type
}

// Type is a Python type object. The VM extends it with slots, a dict, an MRO and caches; the core
// needs only the name.
type Type struct {
	Name string
}

// Type returns the metatype.
func (t *Type) Type() *Type { return TypeType }

// Builtin type objects of the core.
var (
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

// NewFloat returns a new float.
func NewFloat(f float64) *Float { return &Float{f} }

// Complex is a Python complex.
type Complex struct{ V complex128 }

// Type implements Object.
func (*Complex) Type() *Type { return ComplexType }

// NewComplex returns a new complex.
func NewComplex(c complex128) *Complex { return &Complex{c} }

// Bytes is an immutable Python bytes value. B must not be modified once the value is shared.
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
