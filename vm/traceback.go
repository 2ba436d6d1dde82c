package vm

import (
	"os"
	"strings"

	"gopyc/ast"
	. "gopyc/objects"
	"gopyc/syntax"
)

// sourceLines caches the lines of source files for tracebacks.
var sourceLines = map[string][]string{}

func sourceLine(filename string, line int) string {
	lines, ok := sourceLines[filename]
	if !ok {
		data, err := os.ReadFile(filename)
		if err == nil {
			lines = strings.Split(string(data), "\n")
		}
		sourceLines[filename] = lines
	}
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

// FormatException renders exc (and its chain) as CPython's default excepthook prints it,
// including the nested, boxed layout of exception groups.
func (t *Thread) FormatException(exc *Exception) string {
	var b strings.Builder
	t.formatExc(&b, exc, map[*Exception]bool{}, &fmtCtx{})
	return b.String()
}

// fmtCtx is the state of exception-group nesting while formatting (traceback.py's _ExceptionPrintContext).
type fmtCtx struct {
	depth     int
	needClose bool
}

func (c *fmtCtx) indent() string { return strings.Repeat(" ", 2*c.depth) }

// emit writes text (one or more lines) with the group margin.
func (c *fmtCtx) emit(b *strings.Builder, text string, margin byte) {
	prefix := c.indent()
	if c.depth > 0 {
		prefix += string(margin) + " "
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		if line == "" {
			continue
		}
		b.WriteString(prefix + line)
	}
}

func (t *Thread) formatExc(b *strings.Builder, exc *Exception, seen map[*Exception]bool, ctx *fmtCtx) {
	seen[exc] = true
	if c, ok := exc.Cause.(*Exception); ok && !seen[c] {
		t.formatExc(b, c, seen, ctx)
		ctx.emit(b, "\nThe above exception was the direct cause of the following exception:\n\n", '|')
	} else if c, ok := exc.Context.(*Exception); ok && !exc.SuppressContext && !seen[c] {
		t.formatExc(b, c, seen, ctx)
		ctx.emit(b, "\nDuring handling of the above exception, another exception occurred:\n\n", '|')
	}
	if exc.Group == nil {
		if exc.Traceback != nil {
			ctx.emit(b, "Traceback (most recent call last):\n", '|')
			ctx.emit(b, t.formatStack(exc.Traceback), '|')
		}
		t.emitExcOnly(b, exc, ctx)
		return
	}
	top := ctx.depth == 0
	if top {
		ctx.depth++
	}
	if exc.Traceback != nil {
		margin := byte('|')
		if top {
			margin = '+'
		}
		ctx.emit(b, "Exception Group Traceback (most recent call last):\n", margin)
		ctx.emit(b, t.formatStack(exc.Traceback), '|')
	}
	t.emitExcOnly(b, exc, ctx)
	const maxWidth, maxDepth = 15, 10
	n := len(exc.Group.V)
	if n > maxWidth {
		n = maxWidth + 1
	}
	ctx.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			ctx.needClose = true
		}
		truncated := i >= maxWidth
		title := fmtInt(i + 1)
		if truncated {
			title = "..."
		}
		lead := "  "
		if i == 0 {
			lead = "+-"
		}
		b.WriteString(ctx.indent() + lead + "+---------------- " + title + " ----------------\n")
		ctx.depth++
		if !truncated {
			if sub, ok := exc.Group.V[i].(*Exception); ok {
				if ctx.depth > maxDepth {
					ctx.emit(b, "... (max_group_depth is "+fmtInt(maxDepth)+")\n", '|')
				} else {
					t.formatExc(b, sub, seen, ctx)
				}
			}
		} else {
			rem := len(exc.Group.V) - maxWidth
			s := "s"
			if rem == 1 {
				s = ""
			}
			ctx.emit(b, "and "+fmtInt(rem)+" more exception"+s+"\n", '|')
		}
		if last && ctx.needClose {
			b.WriteString(ctx.indent() + "+------------------------------------\n")
			ctx.needClose = false
		}
		ctx.depth--
	}
	if top {
		ctx.depth--
	}
}

// formatStack renders the "File ..." entries of a traceback chain.
func (t *Thread) formatStack(tb0 *Traceback) string {
	var b strings.Builder
	var last string
	repeat := 0
	flushRepeat := func() {
		if repeat >= 3 {
			n := repeat - 2
			s := "s"
			if n == 1 {
				s = ""
			}
			b.WriteString("  [Previous line repeated " + fmtInt(n) + " more time" + s + "]\n")
		}
	}
	for tb := tb0; tb != nil; tb = tb.Next {
		ci := decode(tb.Code)
		ci.computePositions()
		p := position{-1, -1, -1, -1}
		if tb.PC >= 0 && tb.PC < len(ci.positions) {
			p = ci.positions[tb.PC]
		}
		entry := "  File \"" + tb.Code.Filename.String() + "\", line " + fmtInt(int(p.line)) + ", in " + tb.Code.Name.String() + "\n"
		if entry == last {
			repeat++
			if repeat >= 3 {
				continue
			}
		} else {
			flushRepeat()
			repeat = 0
		}
		last = entry
		b.WriteString(entry)
		src := sourceLine(tb.Code.Filename.String(), int(p.line))
		if src != "" {
			stripped := strings.TrimLeft(src, " \t\f")
			b.WriteString("    " + strings.TrimRight(stripped, " \t\r\n") + "\n")
			if carets := caretLine(src, stripped, p); carets != "" {
				b.WriteString(carets)
			}
		}
	}
	flushRepeat()
	return b.String()
}

// emitExcOnly writes the final "Type: message" line plus the notes (for a SyntaxError with a
// location, preceded by its File line and its source line, which has no group margin).
func (t *Thread) emitExcOnly(b *strings.Builder, exc *Exception, ctx *fmtCtx) {
	if isSubtype(exc.Class, SyntaxErrorType) {
		if loc, src, _, ok := t.syntaxErrorReport(exc, excTypeName(exc)); ok {
			ctx.emit(b, loc, '|')
			b.WriteString(src)
		}
	}
	ctx.emit(b, t.formatExcOnly(exc), '|')
}

// formatExcOnly is the final "Type: message" line plus the notes.
func (t *Thread) formatExcOnly(exc *Exception) string {
	var s string
	if isSubtype(exc.Class, SyntaxErrorType) {
		_, _, s, _ = t.syntaxErrorReport(exc, excTypeName(exc))
	}
	if s == "" {
		s = t.excLastLine(exc) + "\n"
	}
	if exc.Dict != nil {
		if notes, ok := exc.Dict.GetStr(strNotes).(*List); ok {
			for _, n := range notes.V {
				if ns, ok := n.(*Str); ok {
					s += ns.String() + "\n"
				} else {
					r, _ := t.repr(n)
					s += r + "\n"
				}
			}
		}
	}
	return s
}

// caretLine draws CPython 3.11's ^^^^ markers under the failing expression when it does not cover
// the whole line.
func caretLine(src, stripped string, p position) string {
	if p.col < 0 || p.endCol < 0 || p.line != p.endLine {
		return ""
	}
	start := byteToCharOffset(src, int(p.col))
	end := byteToCharOffset(src, int(p.endCol))
	indent := len([]rune(src)) - len([]rune(stripped))
	trimmed := strings.TrimRight(stripped, " \t\r\n")
	left, right := anchors(src, int(p.col), int(p.endCol))
	if left < 0 && start-indent == 0 && end-indent >= len([]rune(trimmed)) {
		return ""
	}
	if end <= start {
		return ""
	}
	var b strings.Builder
	b.WriteString("    ")
	b.WriteString(strings.Repeat(" ", start-indent))
	for i := start; i < end; i++ {
		if left < 0 || (i >= start+left && i < start+right) {
			b.WriteByte('^')
		} else {
			b.WriteByte('~')
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// anchors finds, as CPython 3.11's traceback printer does, the operator of a binary operation or
// the subscript of a subscription that the failing expression (src[col:endCol], bytes) is: the
// returned character offsets within the segment delimit the '^' part; -1 means no anchors.
func anchors(src string, col, endCol int) (int, int) {
	if col < 0 || endCol > len(src) || col >= endCol {
		return -1, -1
	}
	seg := src[col:endCol]
	mod, err := syntax.Parse("<segment>", []byte(seg), syntax.Exec, 0)
	if err != nil {
		return -1, -1
	}
	m, ok := mod.(*ast.Module)
	if !ok || len(m.Body) != 1 {
		return -1, -1
	}
	st, ok := m.Body[0].(*ast.ExprStmt)
	if !ok {
		return -1, -1
	}
	switch e := st.Value.(type) {
	case *ast.BinOp:
		l := e.Left.(ast.Positioned).Position().EndColOffset
		r := e.Right.(ast.Positioned).Position().ColOffset
		for i := l; i < r && i < len(seg); i++ {
			c := seg[i]
			if c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' {
				continue
			}
			right := i + 1
			if i+1 < r && !(seg[i+1] == ' ' || seg[i+1] == '\t' || seg[i+1] == '\f') {
				right++
			}
			return byteToCharOffset(seg, i), byteToCharOffset(seg, right)
		}
	case *ast.Subscript:
		l := e.Value.(ast.Positioned).Position().EndColOffset
		r := e.Slice.(ast.Positioned).Position().EndColOffset + 1
		if r > len(seg) {
			r = len(seg)
		}
		return byteToCharOffset(seg, l), byteToCharOffset(seg, r)
	}
	return -1, -1
}

func byteToCharOffset(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	return len([]rune(s[:off]))
}

// excTypeName is the class name the final line of a traceback shows.
func excTypeName(exc *Exception) string {
	name := exc.Class.QualName
	if m := exc.Class.Module; m != "" && m != "builtins" && m != "__main__" {
		name = m + "." + name
	}
	return name
}

func (t *Thread) excLastLine(exc *Exception) string {
	name := excTypeName(exc)
	s, err := t.Str(exc)
	if err != nil {
		return name + ": <exception str() failed>"
	}
	if s.String() == "" {
		return name
	}
	return name + ": " + s.String()
}

// PrintException writes the traceback of exc to sys.stderr.
func (t *Thread) PrintException(exc *Exception) {
	t.interp.Stdout.flush()
	text := t.FormatException(exc)
	if err := t.writeTo(t.sysAttr("stderr"), text); err != nil {
		os.Stderr.WriteString(text)
	}
	t.interp.Stderr.flush()
}

// RunMain runs a module's code as __main__ and returns the process exit status, printing an
// uncaught exception as CPython does (SystemExit sets the status).
func (t *Thread) RunMain(co *Code, globals *Dict) (status int) {
	return t.runMainWith(func() error {
		_, err := t.RunCode(co, globals, globals)
		return err
	})
}

// runMainWith runs the main module through run, then the atexit callbacks, and returns the exit
// status; a Go panic is reported as a SystemError rather than crashing the process.
func (t *Thread) runMainWith(run func() error) (status int) {
	defer func() {
		if r := recover(); r != nil {
			if os.Getenv("GOPYC_PANIC") != "" {
				panic(r)
			}
			t.flushStd()
			e := Errorf(SystemErrorType, "internal error: %v", r)
			t.PrintException(e)
			status = 1
		}
	}()
	if err := run(); err != nil {
		status = t.HandleUncaught(err)
	}
	t.runExitFuncs()
	t.flushOpenFiles()
	t.flushStd()
	return status
}

// flushOpenFiles writes out what buffered file objects still hold (_io._flush_dirty), as
// CPython's shutdown does for files nobody closed.
func (t *Thread) flushOpenFiles() {
	m, ok := t.interp.Modules.GetStr(NewStr("_io")).(*Module)
	if !ok {
		return
	}
	if fn, err := t.GetAttr(m, NewStr("_flush_dirty")); err == nil {
		_, _ = t.Call(fn, nil, nil)
	}
}

// runpyShim is the source of two functions that stand for CPython's runpy frames: `python -m
// mod` and `python DIR_OR_ZIP` run the main module from runpy._run_module_as_main through
// runpy._run_code, and those two frames show in tracebacks and stack walks as
// `File "<frozen runpy>", line 198, in _run_module_as_main` and `line 88, in _run_code`. The
// calls sit on exactly those lines.
var runpyShim = strings.Repeat("\n", 86) + "def _run_code(code, run_globals):\n" +
	"    exec(code, run_globals)\n" + strings.Repeat("\n", 108) +
	"def _run_module_as_main(code, run_globals):\n" +
	"    return _run_code(code, run_globals)\n"

// RunMainRunpy is RunMain for a main module that CPython runs through runpy (-m, a folder or a
// zip archive): the same, with runpy's two frames below the module's.
func (t *Thread) RunMainRunpy(co *Code, globals *Dict) (status int) {
	shim, err := t.CompileSource([]byte(runpyShim), "<frozen runpy>", "exec", 0, false)
	if err != nil {
		return t.RunMain(co, globals)
	}
	ns := NewDict(2)
	ns.SetStr(NewStr("__name__"), NewStr("runpy"))
	if _, err := t.RunCode(shim, ns, ns); err != nil {
		return t.RunMain(co, globals)
	}
	run := ns.GetStr(NewStr("_run_module_as_main"))
	return t.runMainWith(func() error {
		_, err := t.Call(run, []Object{co, globals}, nil)
		return err
	})
}

// runExitFuncs calls the functions registered with atexit (last registered first), as CPython
// does after the main module ends, its uncaught exception printed. The atexit module reports
// each callback's exception itself; nothing runs if atexit was never imported.
func (t *Thread) runExitFuncs() {
	m, ok := t.interp.Modules.GetStr(NewStr("atexit")).(*Module)
	if !ok {
		return
	}
	fn, err := t.GetAttr(m, NewStr("_run_exitfuncs"))
	if err != nil {
		return
	}
	t.flushStd()
	if _, err := t.Call(fn, nil, nil); err != nil {
		t.PrintException(asException(err))
	}
}

// UncaughtKeyboardInterrupt reports whether the last HandleUncaught saw a KeyboardInterrupt.
func (t *Thread) UncaughtKeyboardInterrupt() bool { return t.sawKbdInt }

// HandleUncaught prints an uncaught exception (or handles SystemExit) and returns the exit status.
func (t *Thread) HandleUncaught(err error) int {
	exc := asException(err)
	if isSubtype(exc.Class, KeyboardInterruptType) {
		t.sawKbdInt = true
	}
	if isSubtype(exc.Class, SystemExitType) {
		var code Object = None
		if exc.Args != nil && len(exc.Args.V) == 1 {
			code = exc.Args.V[0]
		} else if exc.Args != nil && len(exc.Args.V) > 1 {
			code = exc.Args
		}
		if code == None {
			return 0
		}
		if i, ok := toIntObj(code); ok {
			v, _ := i.Int64()
			return int(v)
		}
		s, _ := t.Str(code)
		t.interp.Stdout.flush()
		_ = t.writeTo(t.sysAttr("stderr"), s.String()+"\n")
		t.interp.Stderr.flush()
		return 1
	}
	if hook := t.sysAttr("excepthook"); hook != nil {
		if b, ok := hook.(*Builtin); !ok || b.Name != "excepthook" {
			var tb Object = None
			if exc.Traceback != nil {
				tb = exc.Traceback
			}
			if _, err := t.Call(hook, []Object{exc.Class, exc, tb}, nil); err == nil {
				return 1
			}
		}
	}
	t.PrintException(exc)
	return 1
}
