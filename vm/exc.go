package vm

import (
	"fmt"

	. "gopyc/objects"
)

// Exception is a Python exception instance (of BaseException or a subclass, builtin or not). It is
// also the Go error that carries the exception through the VM.
type Exception struct {
	Class           *Type
	Args            *Tuple
	Dict            *Dict
	Cause           Object // nil = None
	Context         Object // nil = None
	SuppressContext bool
	Traceback       *Traceback
	Group           *Tuple        // the sub-exceptions of an exception group
	Syntax          *syntaxAttrs  // a SyntaxError's attributes once set (syntaxerr.go)
	Unicode         *unicodeAttrs // UnicodeDecode/Encode/TranslateError's attributes (excunicode.go)
}

// Type implements Object.
func (e *Exception) Type() *Type { return e.Class }

func (e *Exception) Error() string {
	msg := e.Class.Name
	if s := excStrConst(e); s != "" {
		msg += ": " + s
	}
	return msg
}

// excStrConst renders str(e) without running Python code (for Go-side messages).
func excStrConst(e *Exception) string {
	if e.Args == nil || len(e.Args.V) == 0 {
		return ""
	}
	if len(e.Args.V) == 1 {
		if s, ok := e.Args.V[0].(*Str); ok {
			return s.String()
		}
		return ReprConst(e.Args.V[0])
	}
	return ReprConst(e.Args)
}

// Traceback is one entry of a traceback chain (tb_next points inward, toward where it was raised).
type Traceback struct {
	Frame *Frame
	Code  *Code
	PC    int // instruction index
	Next  *Traceback
}

// Type implements Object.
func (*Traceback) Type() *Type { return TracebackType }

// Builtin exception types.
var (
	BaseExceptionType, ExceptionType, TypeErrorType, ValueErrorType, AttributeErrorType,
	NameErrorType, UnboundLocalErrorType, KeyErrorType, IndexErrorType, LookupErrorType,
	ZeroDivisionErrorType, ArithmeticErrorType, OverflowErrorType, RuntimeErrorType,
	RecursionErrorType, NotImplementedErrorType, StopAsyncIterationType, AssertionErrorType,
	ImportErrorType, ModuleNotFoundErrorType, SystemErrorType, SystemExitType,
	KeyboardInterruptType, GeneratorExitType, OSErrorType, FileNotFoundErrorType,
	UnicodeErrorType, UnicodeDecodeErrorType, UnicodeEncodeErrorType, EOFErrorType,
	MemoryErrorType, BufferErrorType, FloatingPointErrorType, BaseExceptionGroupType,
	ExceptionGroupType, SyntaxErrorType, IndentationErrorType, TabErrorType, WarningType *Type
)

var excTable = []struct {
	p    **Type
	name string
	base **Type
}{
	{&BaseExceptionType, "BaseException", nil},
	{&SystemExitType, "SystemExit", &BaseExceptionType},
	{&KeyboardInterruptType, "KeyboardInterrupt", &BaseExceptionType},
	{&GeneratorExitType, "GeneratorExit", &BaseExceptionType},
	{&BaseExceptionGroupType, "BaseExceptionGroup", &BaseExceptionType},
	{&ExceptionType, "Exception", &BaseExceptionType},
	{&ExceptionGroupType, "ExceptionGroup", &BaseExceptionGroupType},
	{&ArithmeticErrorType, "ArithmeticError", &ExceptionType},
	{&FloatingPointErrorType, "FloatingPointError", &ArithmeticErrorType},
	{&OverflowErrorType, "OverflowError", &ArithmeticErrorType},
	{&ZeroDivisionErrorType, "ZeroDivisionError", &ArithmeticErrorType},
	{&AssertionErrorType, "AssertionError", &ExceptionType},
	{&AttributeErrorType, "AttributeError", &ExceptionType},
	{&BufferErrorType, "BufferError", &ExceptionType},
	{&EOFErrorType, "EOFError", &ExceptionType},
	{&ImportErrorType, "ImportError", &ExceptionType},
	{&ModuleNotFoundErrorType, "ModuleNotFoundError", &ImportErrorType},
	{&LookupErrorType, "LookupError", &ExceptionType},
	{&IndexErrorType, "IndexError", &LookupErrorType},
	{&KeyErrorType, "KeyError", &LookupErrorType},
	{&MemoryErrorType, "MemoryError", &ExceptionType},
	{&NameErrorType, "NameError", &ExceptionType},
	{&UnboundLocalErrorType, "UnboundLocalError", &NameErrorType},
	{&OSErrorType, "OSError", &ExceptionType},
	{&FileNotFoundErrorType, "FileNotFoundError", &OSErrorType},
	{&RuntimeErrorType, "RuntimeError", &ExceptionType},
	{&NotImplementedErrorType, "NotImplementedError", &RuntimeErrorType},
	{&RecursionErrorType, "RecursionError", &RuntimeErrorType},
	{&StopAsyncIterationType, "StopAsyncIteration", &ExceptionType},
	{&StopIterationType, "StopIteration", &ExceptionType},
	{&SyntaxErrorType, "SyntaxError", &ExceptionType},
	{&IndentationErrorType, "IndentationError", &SyntaxErrorType},
	{&TabErrorType, "TabError", &IndentationErrorType},
	{&SystemErrorType, "SystemError", &ExceptionType},
	{&TypeErrorType, "TypeError", &ExceptionType},
	{&ValueErrorType, "ValueError", &ExceptionType},
	{&UnicodeErrorType, "UnicodeError", &ValueErrorType},
	{&UnicodeDecodeErrorType, "UnicodeDecodeError", &UnicodeErrorType},
	{&UnicodeEncodeErrorType, "UnicodeEncodeError", &UnicodeErrorType},
	{&WarningType, "Warning", &ExceptionType},
}

// extra exception names that only need to exist: name -> base name.
var excExtra = [][2]string{
	{"ConnectionError", "OSError"}, {"BlockingIOError", "OSError"}, {"ChildProcessError", "OSError"},
	{"BrokenPipeError", "ConnectionError"}, {"ConnectionAbortedError", "ConnectionError"},
	{"ConnectionRefusedError", "ConnectionError"}, {"ConnectionResetError", "ConnectionError"},
	{"FileExistsError", "OSError"}, {"InterruptedError", "OSError"}, {"IsADirectoryError", "OSError"},
	{"NotADirectoryError", "OSError"}, {"PermissionError", "OSError"}, {"ProcessLookupError", "OSError"},
	{"TimeoutError", "OSError"}, {"ReferenceError", "Exception"}, {"UnicodeTranslateError", "UnicodeError"},
	{"UserWarning", "Warning"}, {"DeprecationWarning", "Warning"}, {"PendingDeprecationWarning", "Warning"},
	{"SyntaxWarning", "Warning"}, {"RuntimeWarning", "Warning"}, {"FutureWarning", "Warning"},
	{"ImportWarning", "Warning"}, {"UnicodeWarning", "Warning"}, {"BytesWarning", "Warning"},
	{"ResourceWarning", "Warning"}, {"EncodingWarning", "Warning"},
}

// allExcTypes lists every builtin exception type, for the builtins module.
var allExcTypes []*Type

func initExceptions() {
	byName := map[string]*Type{}
	for _, e := range excTable {
		base := ObjectType
		if e.base != nil {
			base = *e.base
		}
		t := newBuiltinType(e.name, base)
		t.Flags |= TypeFlagException | TypeFlagHasDict
		t.Layout = BaseExceptionType
		if e.name == "BaseException" {
			t.Layout = t
		}
		*e.p = t
		byName[e.name] = t
		allExcTypes = append(allExcTypes, t)
	}
	// ExceptionGroup derives from both BaseExceptionGroup and Exception.
	eg := ExceptionGroupType
	eg.Bases = []*Type{BaseExceptionGroupType, ExceptionType}
	eg.MRO = []*Type{eg, BaseExceptionGroupType, ExceptionType, BaseExceptionType, ObjectType}
	ExceptionType.Subclasses = append(ExceptionType.Subclasses, eg)
	for _, e := range excExtra {
		t := newBuiltinType(e[0], byName[e[1]])
		t.Flags |= TypeFlagException | TypeFlagHasDict
		t.Layout = BaseExceptionType
		byName[e[0]] = t
		allExcTypes = append(allExcTypes, t)
	}
}

// NewException creates an exception of class cls with the given args.
func NewException(cls *Type, args ...Object) *Exception {
	return &Exception{Class: cls, Args: NewTuple(append([]Object(nil), args...))}
}

// Errorf builds an exception of class cls with a formatted message.
func Errorf(cls *Type, format string, a ...any) *Exception {
	return NewException(cls, NewStr(fmt.Sprintf(format, a...)))
}

func typeErr(format string, a ...any) error  { return Errorf(TypeErrorType, format, a...) }
func valueErr(format string, a ...any) error { return Errorf(ValueErrorType, format, a...) }

// exceptionMatches reports isinstance-like matching of exception class sub against a class or
// tuple of classes.
func excMatches(cls *Type, spec Object) bool {
	switch s := spec.(type) {
	case *Type:
		return isSubtype(cls, s)
	case *Tuple:
		for _, x := range s.V {
			if excMatches(cls, x) {
				return true
			}
		}
	}
	return false
}

// asException converts any Go error to an *Exception.
func asException(err error) *Exception {
	if e, ok := err.(*Exception); ok {
		return e
	}
	if ce, ok := err.(*ConstError); ok {
		return Errorf(TypeErrorType, "%s", ce.Msg)
	}
	return Errorf(SystemErrorType, "%s", err.Error())
}

// isExc reports whether err is a Python exception of class cls (or a subclass).
func isExc(err error, cls *Type) bool {
	e, ok := err.(*Exception)
	return ok && isSubtype(e.Class, cls)
}
