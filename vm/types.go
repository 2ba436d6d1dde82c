package vm

import (
	. "gopyc/objects"
)

// Instance is an instance of a class statement's class (or of object()). Builtin values of
// subclasses of builtin types keep their builtin payload in Value (e.g. the *List of a list
// subclass instance).
type Instance struct {
	Class *Type
	Dict  *Dict // nil when the class has __slots__ without __dict__
	Slots []Object
	Value Object
}

// Type implements Object.
func (o *Instance) Type() *Type { return o.Class }

// Builtin types that the core does not define.
var (
	FunctionType, BuiltinFunctionType, MethodType, CellType, ModuleType, GeneratorType,
	CoroutineType, AsyncGeneratorType, RangeType, SliceType, PropertyType, ClassMethodType,
	StaticMethodType, SuperType, TracebackType, FrameType, NotImplementedType, MethodDescrType,
	IteratorType, ByteArrayType, MappingProxyType, DictKeysType, DictValuesType, DictItemsType,
	EnumerateType, ZipType, MapType, FilterType, ReversedType, CallIterType, GetSetType,
	MemoryViewType, CoroWrapperType, AsyncGenASendType, FileType, NoneIterType *Type
)

// NotImplemented is the singleton.
var NotImplemented Object = &notImplemented{}

type notImplemented struct{}

func (*notImplemented) Type() *Type { return NotImplementedType }

func newBuiltinType(name string, base *Type) *Type {
	t := &Type{Name: name, QualName: name, Module: "builtins", Dict: NewDict(0)}
	setupBuiltinType(t, base)
	return t
}

func setupBuiltinType(t *Type, base *Type) {
	if t.Dict == nil {
		t.Dict = NewDict(0)
	}
	if t.QualName == "" {
		t.QualName = t.Name
	}
	if t.Module == "" {
		t.Module = "builtins"
	}
	t.Layout = t
	t.Flags |= TypeFlagBaseType
	if base != nil {
		t.Base = base
		t.Bases = []*Type{base}
		t.MRO = append([]*Type{t}, base.MRO...)
		base.Subclasses = append(base.Subclasses, t)
	} else {
		t.MRO = []*Type{t}
	}
}

var typesReady bool

func initTypes() {
	if typesReady {
		return
	}
	typesReady = true
	setupBuiltinType(ObjectType, nil)
	for _, t := range []*Type{TypeType, NoneType, EllipsisType, IntType, FloatType, ComplexType,
		StrType, BytesType, TupleType, ListType, DictType, SetType, FrozenSetType, CodeType} {
		setupBuiltinType(t, ObjectType)
	}
	setupBuiltinType(BoolType, IntType)
	BoolType.Layout = IntType
	for _, t := range []*Type{NoneType, EllipsisType, BoolType, CodeType} {
		t.Flags &^= TypeFlagBaseType
	}
	FunctionType = newBuiltinType("function", ObjectType)
	BuiltinFunctionType = newBuiltinType("builtin_function_or_method", ObjectType)
	MethodType = newBuiltinType("method", ObjectType)
	CellType = newBuiltinType("cell", ObjectType)
	ModuleType = newBuiltinType("module", ObjectType)
	ModuleType.Flags |= TypeFlagHasDict
	GeneratorType = newBuiltinType("generator", ObjectType)
	CoroutineType = newBuiltinType("coroutine", ObjectType)
	AsyncGeneratorType = newBuiltinType("async_generator", ObjectType)
	RangeType = newBuiltinType("range", ObjectType)
	SliceType = newBuiltinType("slice", ObjectType)
	PropertyType = newBuiltinType("property", ObjectType)
	ClassMethodType = newBuiltinType("classmethod", ObjectType)
	StaticMethodType = newBuiltinType("staticmethod", ObjectType)
	SuperType = newBuiltinType("super", ObjectType)
	TracebackType = newBuiltinType("traceback", ObjectType)
	FrameType = newBuiltinType("frame", ObjectType)
	NotImplementedType = newBuiltinType("NotImplementedType", ObjectType)
	MethodDescrType = newBuiltinType("method_descriptor", ObjectType)
	IteratorType = newBuiltinType("iterator", ObjectType)
	ByteArrayType = newBuiltinType("bytearray", ObjectType)
	MappingProxyType = newBuiltinType("mappingproxy", ObjectType)
	DictKeysType = newBuiltinType("dict_keys", ObjectType)
	DictValuesType = newBuiltinType("dict_values", ObjectType)
	DictItemsType = newBuiltinType("dict_items", ObjectType)
	EnumerateType = newBuiltinType("enumerate", ObjectType)
	ZipType = newBuiltinType("zip", ObjectType)
	MapType = newBuiltinType("map", ObjectType)
	FilterType = newBuiltinType("filter", ObjectType)
	ReversedType = newBuiltinType("reversed", ObjectType)
	CallIterType = newBuiltinType("callable_iterator", ObjectType)
	GetSetType = newBuiltinType("getset_descriptor", ObjectType)
	MemoryViewType = newBuiltinType("memoryview", ObjectType)
	CoroWrapperType = newBuiltinType("coroutine_wrapper", ObjectType)
	AsyncGenASendType = newBuiltinType("async_generator_asend", ObjectType)
	FileType = newBuiltinType("TextIOWrapper", ObjectType)
	NoneIterType = newBuiltinType("iterator", ObjectType)
	initExceptions()
}

// isSubtype reports whether a is b or a subclass of b.
func isSubtype(a, b *Type) bool {
	if a == b {
		return true
	}
	for _, t := range a.MRO {
		if t == b {
			return true
		}
	}
	return false
}

func typeLookup(t *Type, name *Str) Object {
	for _, c := range t.MRO {
		if v := c.Dict.GetStr(name); v != nil {
			return v
		}
	}
	return nil
}

// computeMRO is C3 linearisation.
func computeMRO(t *Type, bases []*Type) ([]*Type, error) {
	seqs := make([][]*Type, 0, len(bases)+1)
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	out := []*Type{t}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return out, nil
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			c := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[min(1, len(s2)):] {
					if x == c {
						inTail = true
					}
				}
			}
			if !inTail {
				cand = c
				break
			}
		}
		if cand == nil {
			msg := "Cannot create a consistent method resolution\norder (MRO) for bases"
			seen := map[*Type]bool{}
			for _, s := range seqs[:len(seqs)-1] {
				if len(s) > 0 && !seen[s[0]] {
					seen[s[0]] = true
					msg += " " + s[0].Name
					msg += ","
				}
			}
			return nil, Errorf(TypeErrorType, "%s", msg[:len(msg)-1])
		}
		out = append(out, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// bumpVersion invalidates caches of t and its subclasses.
func bumpVersion(t *Type) {
	t.Version++
	for _, s := range t.Subclasses {
		bumpVersion(s)
	}
}
