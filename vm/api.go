package vm

import (
	"bufio"

	. "gopyc/objects"
)

// ToFloat converts a number (or an object with __float__/__index__) to float64.
func (t *Thread) ToFloat(o Object) (float64, error) { return t.toFloat(o) }

// CheckArgs validates a positional-only builtin call's argument count.
func CheckArgs(fname string, args []Object, kwnames *Tuple, lo, hi int) error {
	return checkArgs(fname, args, kwnames, lo, hi)
}

// ParseArgs matches a builtin's arguments against names (see parseArgs).
func ParseArgs(fname string, args []Object, kwnames *Tuple, names []string, nreq int) ([]Object, error) {
	return parseArgs(fname, args, kwnames, names, nreq)
}

// AddFunc adds a Go function to a module.
func (m *Module) AddFunc(name string, fn BuiltinFn) {
	m.Dict.SetStr(InternStr(name), &Builtin{Name: name, Fn: fn, Self: m})
}

// Set sets a module attribute.
func (m *Module) Set(name string, v Object) { m.Dict.SetStr(InternStr(name), v) }

// TypeError builds a TypeError.
func TypeError(format string, a ...any) error { return typeErr(format, a...) }

// ValueError builds a ValueError.
func ValueError(format string, a ...any) error { return valueErr(format, a...) }

// Truth is exported bool().
func (t *Thread) IsTrue(o Object) (bool, error) { return t.Truth(o) }

// ReprOf returns repr(o) as a Go string.
func (t *Thread) ReprOf(o Object) (string, error) { return t.repr(o) }

// Unwrap returns the builtin value of an instance of a builtin subclass.
func Unwrap(o Object) Object { return unwrap(o) }

// AsInt returns o as an int when it is one (bool and int subclasses included).
func AsInt(o Object) (*Int, bool) { return toIntObj(o) }

// Iterate calls fn for each item of an iterable.
func (t *Thread) Iterate(o Object, fn func(Object) error) error { return t.iterate(o, fn) }

// StartThread runs fn(args) on a new goroutine holding the interpreter lock while it runs Python code.
func (in *Interp) StartThread(fn Object, args []Object, kw *Dict) int64 {
	t := in.NewThread()
	in.threadCount(1)
	id := in.nextIdent()
	t.ident = id
	go func() {
		in.GIL.Lock()
		defer func() {
			if r := recover(); r != nil {
				t.PrintException(Errorf(SystemErrorType, "internal error in thread: %v", r))
			}
			in.threadCount(-1)
			in.GIL.Unlock()
		}()
		var kwn *Tuple
		all := args
		if kw != nil && kw.Len() > 0 {
			var names []Object
			for _, k := range kw.Keys() {
				names = append(names, k)
				all = append(all, kw.GetStr(k.(*Str)))
			}
			kwn = NewTuple(names)
		}
		_, err := t.Call(fn, all, kwn)
		if err != nil {
			e := asException(err)
			if !isSubtype(e.Class, SystemExitType) {
				t.PrintException(e)
			}
		}
		t.flushStd()
	}()
	return id
}

// Ident returns the thread identifier.
func (t *Thread) Ident() int64 { return t.ident }

// ReleaseGIL runs fn without the interpreter lock (blocking calls).
func (t *Thread) ReleaseGIL(fn func()) {
	t.interp.GIL.Unlock()
	fn()
	t.interp.GIL.Lock()
}

// SetupType prepares a Go-defined type (dict, MRO) deriving from object.
func SetupType(tp *Type) { setupBuiltinType(tp, ObjectType) }

// AddTypeMethod adds a method (self is args[0]) to a Go-defined type.
func AddTypeMethod(tp *Type, name string, fn BuiltinFn) { addRawMethod(tp, name, fn) }

// BinaryOp is the BINARY_OP operator op (bytecode.NB_*) applied to a and b.
func (t *Thread) BinaryOp(op int, a, b Object) (Object, error) { return t.binaryOp(op, a, b) }

// SetStdin replaces sys.stdin's source (tests).
func (in *Interp) SetStdin(r *bufio.Reader) {
	in.Stdin = newFile("<stdin>", "r", r, nil, nil, 0)
	in.Sys.Dict.SetStr(NewStr("stdin"), in.Stdin)
	in.Sys.Dict.SetStr(NewStr("__stdin__"), in.Stdin)
}

// IsCallable is callable(o).
func IsCallable(o Object) bool { return isCallable(o) }
