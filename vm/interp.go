package vm

import (
	"bufio"
	"io"
	"math/big"
	"os"
	"sync"

	. "gopyc/objects"
)

// Interp is one interpreter: its modules, builtins and settings. Threads of the interpreter
// share it under GIL.
type Interp struct {
	Builtins        *Dict
	BuiltinsModule  *Module
	Modules         *Dict // sys.modules
	Sys             *Module
	RecursionLimit  int
	IntMaxStrDigits int
	Argv            []string
	Path            []string
	Stdout          *File
	Stderr          *File
	Stdin           *File
	GIL             sync.Mutex
	// NativeModules builds Go-native modules on first import.
	NativeModules     map[string]func(t *Thread) (*Module, error)
	Flags             map[string]int
	Optimize          int
	interrupted       int32
	threads           int32
	identSeq          int64
	DontWriteBytecode bool
	zipImportErr      *Type // zipimport.ZipImportError, made on first use
	// Compile compiles source into a code object (installed by the embedder when a compiler is
	// available).
	Compile func(src []byte, filename, mode string, optimize int) (*Code, error)
	// CompileWarnings, when set, is used instead of Compile and also returns the parser's and
	// compiler's warnings, which Thread.CompileSource reports.
	CompileWarnings SourceCompiler
	// LoadPyc decodes the body of a .pyc (installed by the embedder).
	LoadPyc    func(data []byte) (*Code, error)
	mainThread *Thread
	importer   *importer // import system state (import.go)
}

// Thread is the state of one Python thread.
type Thread struct {
	interp    *Interp
	frame     *Frame
	depth     int
	exc       *excState
	base      excState
	ticks     int
	ident     int64
	reprStack []Object
	sawKbdInt bool
	hashDepth int
	// scratchSlice is the slice object BUILD_SLICE lends to builtin sequences, which never keep it.
	scratchSlice Slice
	// spareList is an empty list that nothing references, kept for the next slice that only
	// carries items from one list to another (see BINARY_SUBSCR in eval), or nil.
	spareList *List
	// bigScratch receives the half of a big-int division that an operation discards.
	bigScratch big.Int
	// argStack provides the argument vectors of bound-method calls without an allocation each.
	argStack []Object
	argTop   int
	// floatChunk is where the eval loop's float results are carved from (one allocation per 32).
	floatChunk []Float
}

type excState struct {
	value Object // the exception being handled, nil = none
	prev  *excState
}

// Module is a module object.
type Module struct {
	Name *Str
	Dict *Dict
}

// Type implements Object.
func (*Module) Type() *Type { return ModuleType }

// NewModule creates a module with __name__ set.
func NewModule(name string) *Module {
	m := &Module{Name: NewStr(name), Dict: NewDict(8)}
	m.Dict.SetStr(InternStr("__name__"), m.Name)
	m.Dict.SetStr(InternStr("__doc__"), None)
	m.Dict.SetStr(InternStr("__package__"), None)
	m.Dict.SetStr(InternStr("__loader__"), None)
	m.Dict.SetStr(InternStr("__spec__"), None)
	return m
}

// New creates an interpreter with the builtins and sys modules.
func New() *Interp {
	initTypes()
	in := &Interp{RecursionLimit: 1000, IntMaxStrDigits: 4300, Modules: NewDict(16), NativeModules: map[string]func(*Thread) (*Module, error){}}
	in.Stdout = newFile("<stdout>", "w", nil, bufio.NewWriterSize(os.Stdout, 8192), os.Stdout, 1)
	in.Stderr = newFile("<stderr>", "w", nil, bufio.NewWriterSize(os.Stderr, 0), os.Stderr, 2)
	in.Stdin = newFile("<stdin>", "r", bufio.NewReader(os.Stdin), nil, os.Stdin, 0)
	in.Stdout.lineBuffered = isTerminal(os.Stdout)
	t := in.NewThread()
	in.mainThread = t
	t.ident = in.nextIdent()
	in.threads = 1
	in.BuiltinsModule = makeBuiltins(t)
	in.Builtins = in.BuiltinsModule.Dict
	in.Sys = makeSys(t)
	in.Modules.SetStr(NewStr("builtins"), in.BuiltinsModule)
	in.Modules.SetStr(NewStr("sys"), in.Sys)
	in.installImportlib()
	return in
}

// MainThread returns the interpreter's first thread.
func (in *Interp) MainThread() *Thread { return in.mainThread }

// NewThread creates a thread state.
func (in *Interp) NewThread() *Thread {
	t := &Thread{interp: in}
	t.exc = &t.base
	return t
}

// Interp returns the thread's interpreter.
func (t *Thread) Interp() *Interp { return t.interp }

// SetOutput redirects sys.stdout/sys.stderr (tests).
func (in *Interp) SetOutput(stdout, stderr io.Writer) {
	in.Stdout = newFile("<stdout>", "w", nil, bufio.NewWriterSize(stdout, 8192), nil, 1)
	in.Stderr = newFile("<stderr>", "w", nil, bufio.NewWriterSize(stderr, 0), nil, 2)
	in.Sys.Dict.SetStr(NewStr("stdout"), in.Stdout)
	in.Sys.Dict.SetStr(NewStr("stderr"), in.Stderr)
	in.Sys.Dict.SetStr(NewStr("__stdout__"), in.Stdout)
	in.Sys.Dict.SetStr(NewStr("__stderr__"), in.Stderr)
}

// Frame is the execution state of one code object.
type Frame struct {
	ci        *codeInfo
	fn        *Function
	globals   *Dict
	builtins  *Dict
	locals    *Dict  // module and class bodies (and exec with locals)
	localsMap Object // a non-dict mapping used as the locals (metaclass __prepare__)
	fast      []Object
	stack     []Object
	sp        int
	pc        int
	lasti     int
	back      *Frame
	gen       *Generator
	kwnames   *Tuple
	escaped   bool // referenced from outside (traceback, sys._getframe, generator): never reused
	mem       []Object
}

// Type implements Object.
func (*Frame) Type() *Type { return FrameType }

// newFrame returns a frame for ci, reusing one from the code object's pool when possible (the
// pool holds frames whose calls returned and that nothing else references).
func (t *Thread) newFrame(ci *codeInfo, globals, builtins, locals *Dict) *Frame {
	if n := len(ci.pool); n > 0 {
		f := ci.pool[n-1]
		ci.pool = ci.pool[:n-1]
		f.globals, f.builtins, f.locals = globals, builtins, locals
		return f
	}
	co := ci.code
	mem := make([]Object, ci.nfast+co.StackSize+1)
	f := &Frame{ci: ci, globals: globals, builtins: builtins, locals: locals,
		fast: mem[:ci.nfast:ci.nfast], stack: mem[ci.nfast:], mem: mem}
	return f
}

// freeFrame returns a finished frame to its code object's pool.
func (t *Thread) freeFrame(f *Frame) {
	if f.escaped || f.gen != nil {
		return
	}
	ci := f.ci
	if len(ci.pool) >= 64 {
		return
	}
	clear(f.mem)
	f.fn, f.globals, f.builtins, f.locals, f.back, f.kwnames, f.localsMap = nil, nil, nil, nil, nil, nil, nil
	f.sp, f.pc, f.lasti = 0, 0, 0
	ci.pool = append(ci.pool, f)
}

// RunCode runs a module-level code object with the given globals (also used as locals).
func (t *Thread) RunCode(co *Code, globals, locals *Dict) (Object, error) {
	if globals.GetStr(strBuiltinsName) == nil {
		globals.SetStr(strBuiltinsName, t.interp.BuiltinsModule)
	}
	ci := decode(co)
	f := t.newFrame(ci, globals, t.builtinsFor(globals), locals)
	return t.runFrame(f)
}

func (t *Thread) builtinsFor(globals *Dict) *Dict {
	if b := globals.GetStr(strBuiltinsName); b != nil {
		switch m := b.(type) {
		case *Module:
			return m.Dict
		case *Dict:
			return m
		}
	}
	return t.interp.Builtins
}

func (t *Thread) runFrame(f *Frame) (Object, error) {
	if t.depth >= t.interp.RecursionLimit {
		return nil, Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	}
	t.depth++
	f.back = t.frame
	t.frame = f
	r, err := t.eval(f)
	t.frame = f.back
	t.depth--
	return r, err
}

// enterRecursive guards Go-level recursion (repr, ==, hash of nested containers).
func (t *Thread) enterRecursive(where string) error {
	t.depth++
	if t.depth > t.interp.RecursionLimit {
		t.depth--
		return Errorf(RecursionErrorType, "maximum recursion depth exceeded%s", where)
	}
	return nil
}

func (t *Thread) leaveRecursive() { t.depth-- }

func (in *Interp) threadCount(d int32) { atomicAdd(&in.threads, d) }

func (in *Interp) nextIdent() int64 {
	in.identSeq++
	return in.identSeq + 139_000_000_000_000
}
