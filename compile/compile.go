// Package compile turns a Python 3.11 syntax tree (package ast) into CPython 3.11 code objects
// (objects.Code) that CPython itself accepts and runs, instruction for instruction as CPython's
// own compiler lays them out wherever that was practical (the stdlib figures are in
// stdlib_test.go's report).
//
// # Stages
//
//  1. fold.go: the AST optimiser (CPython's ast_opt.c rules, bottom-up, rewriting the tree in
//     place): unary and binary operators on constants within CPython's size limits, tuples of
//     constants, `not (a in b)` to `a not in b`, `"%s %r" % (x, y)` to an f-string, `in` / `for`
//     over list and set displays to tuples and frozensets, subscripts of constants, __debug__.
//     The symbol table's walk applies these rules as it goes (one walk for stages 1 and 2); the
//     folder's own walk only runs when the symbol table fails, to report first, as separate
//     passes would, a tree too deep for folding. unparse.go renders postponed annotations as
//     the C unparser does.
//  2. symtable.go: the symbol table. One scope per module, class, function, lambda and
//     comprehension (comprehensions are functions in 3.11), plus annotation scopes under
//     "from __future__ import annotations". A first walk records per-name flags (bound, used,
//     parameter, global, nonlocal, imported, annotated, comprehension target); analyzeBlock then
//     decides each name's scope — local, cell, free, global explicit or implicit — as CPython's
//     analyze_block does, including implicit __class__ cells for super() and free variables
//     passed through classes (defFreeClass), without CPython's per-scope name sets: a name's
//     binding in enclosing functions is looked up in their (already decided) scopes.
//     Symbol-table errors are raised here.
//  3. codegen*.go, match.go: code generation into a control-flow graph of basic blocks.
//     Instructions carry a source location (CPython's SET_LOC rules: statements set it,
//     expressions set and restore it, some artificial instructions have none) and may be
//     pseudo-instructions: SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH / POP_BLOCK describe
//     exception-handler regions; JUMP and POP_JUMP_IF_* have no direction yet. Frame blocks
//     (loops, try, with, handlers) drive the unwinding of return/break/continue.
//  4. flowgraph.go: the CFG passes of 3.11's assembler, in its order — block extension
//     (copying small line-less exit blocks into jumps), peepholes (constant conditions,
//     `is None` jumps, tuple folding, PUSH_NULL+LOAD_GLOBAL, swap elimination, jump threading),
//     reachability, empty-block elimination, duplication of line-less exits, trailing constant
//     trimming, line-number propagation, stack depth (a work list over blocks; a handler's
//     depth comes from its SETUP), and exception-region labelling (a walk with a handler stack)
//     after which the SETUP/POP_BLOCK pseudo-instructions become NOPs and vanish.
//  5. assemble.go: layout, jump directions (JUMP_FORWARD/JUMP_BACKWARD, POP_JUMP_FORWARD_IF_*
//     or POP_JUMP_BACKWARD_IF_*), EXTENDED_ARG sizing to a fixed point, CACHE entries, the
//     COPY_FREE_VARS / MAKE_CELL / RETURN_GENERATOR prologue, cell and free variable offsets in
//     co_localsplusnames, the 3.11 location table (one entry per instruction) and the
//     exception table, written with package bytecode's encoders (AppendInstr,
//     LocationWriter, AppendExceptionEntry), the same ones its tests check byte for byte
//     against CPython's tables.
//
// # Limits
//
// Every recursive walk over the tree (folding, symbol table, code generation) counts its depth
// in expressions, statements and patterns against CPython's budget of 3 levels per Python
// frame (Options.RecursionLimit, default 1000, less Options.RecursionDepth) and fails with
// *RecursionError ("maximum recursion depth exceeded during compilation") past it, as
// CPython's AST optimiser and symbol table do; the passes after code generation work on
// blocks with work lists, not recursion. More than 20 statically nested blocks is CPython's
// SyntaxError. Deeper nesting that CPython's parser refuses (MemoryError, "too many nested
// parentheses", "too many levels of indentation") is refused by package syntax first.
//
// # Warnings
//
// warnings.go: the SyntaxWarnings of CPython 3.11's code generator (`is` with a literal, an
// assert on a tuple, calling or subscripting a literal, a literal index), collected by
// CompileWarnings and SourceWarnings (with the parser's warnings) for the caller to issue.
//
// # Allocation
//
// Compiling is allocation-bound (the garbage collector is the largest cost), so units, blocks,
// symbol-table scopes, the constant cache and table buffers are recycled: within a compilation
// when a code object is finished, and across compilations through a sync.Pool (scratch).
// Instructions of a unit live in one slab; blocks and symbols are carved from chunks; constant
// keys of strings, small ints, floats and singletons do not allocate; co_code, co_linetable and
// co_exceptiontable of a code object share one allocation. Small scopes and units find names by
// linear search, past 8 names by a small hash table (strIndex). Constants have a
// compilation-wide id; a unit finds its own by id in a slice. With Options.MarshalOnly
// (compileall, py_compile) interned strs are private to the compilation and strs are allocated
// in blocks; with an Options.Arena as well, the blocks code objects are cut from are reused by
// the next compilation in the same arena (the code objects must be dead by then).
//
// # Invariants
//
// Every block ends in at most one jump or scope exit, as its last instruction; a new block
// starts after it. A reachable block's stack depth is the same on every path into it, and
// co_stacksize is the maximum over all paths. Names in co_varnames appear in the order
// CPython's compiler first uses them: parameters, then locals in code order; cells and free
// variables are sorted. Equal constants of one module are one object. Errors are *syntax.Error
// values with CPython's messages and positions (offsets are byte offsets + 1, as CPython's
// compiler reports them); a broken invariant surfaces as *InternalError, never as a panic.
package compile

import (
	"fmt"

	"gopyc/ast"
	"gopyc/objects"
	"gopyc/syntax"
)

// Error is the error type of compile-time errors: a Python SyntaxError.
type Error = syntax.Error

// InternalError reports a bug in the compiler (a broken invariant); the VM raises it as
// SystemError.
type InternalError struct {
	Filename string
	Msg      string
}

func (e *InternalError) Error() string { return "SystemError: compile " + e.Filename + ": " + e.Msg }

// RecursionError is the error of a tree nested deeper than the compiler's recursion limit
// (CPython's RecursionError "maximum recursion depth exceeded during compilation", raised by
// its AST optimiser and symbol table). The VM raises it as RecursionError.
type RecursionError struct {
	Filename string
}

// RecursionErrorMsg is the message of RecursionError, as CPython 3.11 words it.
const RecursionErrorMsg = "maximum recursion depth exceeded during compilation"

func (e *RecursionError) Error() string { return "RecursionError: " + RecursionErrorMsg }

// Options control a compilation.
type Options struct {
	Optimize int    // 0, 1 (-O: no asserts, __debug__ is False) or 2 (-OO: also no docstrings)
	Mode     string // "exec" (default), "eval" or "single"
	Flags    int    // compiler flags: CO_FUTURE_* bits and PyCF_* bits

	// RecursionLimit is sys.getrecursionlimit() (0 means CPython's default, 1000) and
	// RecursionDepth the depth of the Python frames calling the compiler (0 from Go). As in
	// CPython, the AST optimiser, the symbol table and code generation each allow trees
	// nested up to 3*(RecursionLimit-RecursionDepth) levels of expressions, statements and
	// patterns, and raise RecursionError past that.
	RecursionLimit, RecursionDepth int

	// MarshalOnly says the code objects will only be marshalled, never run by this process
	// (compileall, py_compile): the interned strs of the compilation are then private to it
	// (objects.StrBlocks.PrivateInterned) instead of entering the process-wide intern table, which
	// would keep every name of every module compiled alive. The marshalled bytes are the same.
	MarshalOnly bool

	// Arena, with MarshalOnly, is memory to reuse from the last compilation given the same
	// arena: the code objects that compilation returned are invalid once this one starts
	// (see Arena). Nil: fresh memory.
	Arena *Arena
}

// compilerStackScale is CPython's COMPILER_STACK_FRAME_SCALE: a Python frame's worth of
// recursion is three levels of compiler recursion.
const compilerStackScale = 3

// depthBudget is the nesting the passes allow for opts.
func (opts *Options) depthBudget() int {
	limit := opts.RecursionLimit
	if limit <= 0 {
		limit = 1000
	}
	return compilerStackScale * (limit - opts.RecursionDepth)
}

// depthGuard counts the nesting of a recursive pass; enter panics with a RecursionError (turned
// into the returned error at the API boundary) when the budget is spent.
type depthGuard struct {
	depth, budget int
	filename      string
}

func (g *depthGuard) enter() {
	g.depth++
	if g.depth > g.budget {
		panic(compileError{&RecursionError{Filename: g.filename}})
	}
}

func (g *depthGuard) leave() { g.depth-- }

// Future-feature flags (co_flags bits), as set by "from __future__ import ...".
const (
	coFutureDivision       = 0x20000
	coFutureAbsoluteImport = 0x40000
	coFutureWithStatement  = 0x80000
	coFuturePrintFunction  = 0x100000
	coFutureUnicodeLiteral = 0x200000
	coFutureBarryAsBDFL    = 0x400000
	coFutureGeneratorStop  = 0x800000
	coFutureAnnotations    = 0x1000000

	futureMask = coFutureDivision | coFutureAbsoluteImport | coFutureWithStatement |
		coFuturePrintFunction | coFutureUnicodeLiteral | coFutureBarryAsBDFL |
		coFutureGeneratorStop | coFutureAnnotations

	// PyCF_ALLOW_TOP_LEVEL_AWAIT
	cfAllowTopLevelAwait = 0x2000
)

func newError(msg, filename string, p ast.Pos) *Error {
	e := &Error{Kind: syntax.SyntaxErrorKind, Msg: msg, Filename: filename, Lineno: p.Lineno,
		Offset: p.ColOffset + 1, EndLineno: p.EndLineno, EndOffset: p.EndColOffset + 1}
	if p.Lineno == 0 {
		e.Offset, e.EndOffset = 0, 0
	}
	return e
}

// Compile compiles a module (ast.Module, ast.Expression or ast.Interactive).
func Compile(mod ast.Mod, filename string, opts Options) (code *objects.Code, err error) {
	return compileAST(mod, filename, opts, nil)
}

// compileAST is Compile, collecting warnings into *warnings when warnings is not nil.
func compileAST(mod ast.Mod, filename string, opts Options, warnings *[]Warning) (code *objects.Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			if ce, ok := r.(compileError); ok {
				code, err = nil, ce.err
				return
			}
			// A broken invariant of the compiler: report it instead of crashing the caller,
			// which raises it as SystemError.
			code, err = nil, &InternalError{Filename: filename, Msg: fmt.Sprint(r)}
		}
	}()
	futures, ferr := parseFutures(mod, filename)
	if ferr != nil {
		return nil, ferr
	}
	flags := opts.Flags | futures.flags
	budget := opts.depthBudget()
	// Recycled units, blocks, scopes and buffers of earlier compilations (after an error they
	// are simply dropped).
	sc, _ := scratchPool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	// The symbol table's walk folds the tree too (stage 1 and 2 in one pass).
	f := &folder{optimize: opts.Optimize, flags: flags, guard: depthGuard{budget: budget, filename: filename}}
	st, serr := buildSymtable(mod, filename, flags, depthGuard{budget: budget, filename: filename}, sc, f)
	if serr != nil {
		// As separate passes, folding would have failed first on a tree too deep for it
		// anywhere: fold on its own (panicking with the RecursionError) before reporting
		// the symbol table's error. The tree, partly folded, is dropped anyway.
		foldModule(mod, opts.Optimize, flags, depthGuard{budget: budget, filename: filename})
		return nil, serr
	}
	c := &compiler{filename: filename, st: st, optimize: opts.Optimize, flags: flags,
		futureLine: futures.lastLine, interactive: opts.Mode == "single",
		guard: depthGuard{budget: budget, filename: filename}, warnings: warnings, scratch: sc,
		marshalOnly: opts.MarshalOnly, chunks: codeChunks{arena: opts.Arena}}
	if _, ok := mod.(*ast.Interactive); ok {
		c.interactive = true
	}
	co := c.compileModule(mod)
	sc.release(st)
	scratchPool.Put(sc)
	return co, nil
}

// Source parses src with the syntax package and compiles it.
func Source(src []byte, filename string, mode string, optimize int) (*objects.Code, error) {
	return SourceOptions(src, filename, Options{Optimize: optimize, Mode: mode})
}

// SourceOptions is Source with all options (for the compile() builtin: inherited future
// flags, PyCF_ALLOW_TOP_LEVEL_AWAIT).
func SourceOptions(src []byte, filename string, opts Options) (*objects.Code, error) {
	mod, err := syntax.Parse(filename, src, parseMode(opts.Mode), 0)
	if err != nil {
		return nil, err
	}
	return Compile(mod, filename, opts)
}

func parseMode(mode string) syntax.Mode {
	switch mode {
	case "eval":
		return syntax.Eval
	case "single":
		return syntax.Single
	}
	return syntax.Exec
}

type futureInfo struct {
	flags    int
	lastLine int
}

// parseFutures finds the leading "from __future__ import" statements (after an optional
// docstring; statements sharing the line of the last one are looked at too, as CPython's
// future_parse does) and checks the feature names. Only barry_as_FLUFL and annotations set
// flags in 3.11; the other features are accepted and ignored.
func parseFutures(mod ast.Mod, filename string) (futureInfo, error) {
	fi := futureInfo{lastLine: -1}
	var body []ast.Stmt
	switch m := mod.(type) {
	case *ast.Module:
		body = m.Body
	case *ast.Interactive:
		body = m.Body
	default:
		return fi, nil
	}
	done := false
	prevLine := 0
	for i, s := range body {
		if i == 0 && isDocstring(s) {
			continue
		}
		line := posOf(s).Lineno
		if done && line > prevLine {
			break
		}
		prevLine = line
		imp, ok := s.(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" {
			done = true
			continue
		}
		if done {
			p := imp.Pos
			return fi, &Error{Kind: syntax.SyntaxErrorKind, Filename: filename,
				Msg:    "from __future__ imports must occur at the beginning of the file",
				Lineno: p.Lineno, Offset: p.ColOffset + 1, EndLineno: p.Lineno}
		}
		for _, a := range imp.Names {
			switch a.Name {
			case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
				"print_function", "unicode_literals", "generator_stop":
			case "barry_as_FLUFL":
				fi.flags |= coFutureBarryAsBDFL
			case "annotations":
				fi.flags |= coFutureAnnotations
			case "braces":
				return fi, &Error{Kind: syntax.SyntaxErrorKind, Filename: filename, Msg: "not a chance",
					Lineno: imp.Lineno, Offset: imp.ColOffset + 1, EndLineno: imp.Lineno}
			default:
				return fi, &Error{Kind: syntax.SyntaxErrorKind, Filename: filename,
					Msg:    "future feature " + a.Name + " is not defined",
					Lineno: imp.Lineno, Offset: imp.ColOffset + 1, EndLineno: imp.Lineno}
			}
		}
		fi.lastLine = imp.Lineno
	}
	return fi, nil
}

func isDocstring(s ast.Stmt) bool {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	c, ok := e.Value.(*ast.Constant)
	return ok && c.Value.Kind == ast.StrKind
}
