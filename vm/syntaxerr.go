package vm

import (
	"os"
	"strings"
	"unicode/utf8"

	. "gopyc/objects"
	"gopyc/syntax"
)

// SyntaxError and its subclasses (IndentationError, TabError) as CPython 3.11 has them: the
// attributes msg, filename, lineno, offset, text, end_lineno, end_offset and
// print_file_and_line; the constructor SyntaxError(msg, (filename, lineno, offset, text
// [, end_lineno, end_offset])); str() as "msg (file, line N)"; the conversion of the parser's
// and compiler's *syntax.Error into such an exception (one function for every path that
// compiles source: the command line, import, compile(), exec() and eval()); warnings of the
// parser and compiler reported through the warnings module; and the report of an uncaught
// SyntaxError (traceback.go calls syntaxErrorReport).

// syntaxAttrs holds the attributes of a SyntaxError instance (nil = None).
type syntaxAttrs struct {
	msg, filename, lineno, offset, text, endLineno, endOffset, printFileAndLine Object
}

// SourceCompiler compiles source like Interp.Compile and also returns the warnings of the parser
// and the compiler, in the order they were issued. isText says the source was a str (compile(str),
// exec(str), eval(str)) rather than bytes read from a file: its error offsets count characters
// and its coding declaration is ignored.
type SourceCompiler func(src []byte, filename, mode string, optimize int, isText bool) (*Code, []syntax.Warning, error)

func initSyntaxErrorMethods() {
	addRawMethod(SyntaxErrorType, "__init__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e, ok := args[0].(*Exception)
		if !ok {
			return None, nil
		}
		pos, kwd := kwDict(args[1:], kw)
		if kwd != nil && kwd.Len() > 0 {
			return nil, typeErr("%s() takes no keyword arguments", e.Class.Name)
		}
		e.Args = NewTuple(append([]Object(nil), pos...))
		a, err := t.syntaxAttrsFromArgs(pos)
		if err != nil {
			return nil, err
		}
		e.Syntax = a
		return None, nil
	})
	addRawMethod(SyntaxErrorType, "__str__", func(t *Thread, args []Object, kw *Tuple) (Object, error) {
		e, ok := args[0].(*Exception)
		if !ok {
			return NewStr(""), nil
		}
		s, err := t.syntaxErrorStr(e)
		if err != nil {
			return nil, err
		}
		return NewStr(s), nil
	})
}

// syntaxAttrsFromArgs is SyntaxError.__init__'s reading of its arguments.
func (t *Thread) syntaxAttrsFromArgs(args []Object) (*syntaxAttrs, error) {
	a := &syntaxAttrs{}
	if len(args) >= 1 {
		a.msg = args[0]
	}
	if len(args) == 2 {
		info, err := t.ToSlice(args[1])
		if err != nil {
			return nil, err
		}
		if len(info) < 4 {
			return nil, typeErr("function takes at least 4 arguments (%d given)", len(info))
		}
		if len(info) > 6 {
			return nil, typeErr("function takes at most 6 arguments (%d given)", len(info))
		}
		for len(info) < 6 {
			info = append(info, nil)
		}
		for i, v := range info {
			if v == None {
				info[i] = nil
			}
		}
		a.filename, a.lineno, a.offset, a.text, a.endLineno, a.endOffset = info[0], info[1], info[2], info[3], info[4], info[5]
	}
	if a.msg == None {
		a.msg = nil
	}
	return a, nil
}

// syntaxAttrsOf returns e's attributes, reading them from its args when the exception was made
// without running __init__ (by Go code).
func (t *Thread) syntaxAttrsOf(e *Exception) *syntaxAttrs {
	if e.Syntax == nil {
		var args []Object
		if e.Args != nil {
			args = e.Args.V
		}
		a, err := t.syntaxAttrsFromArgs(args)
		if err != nil {
			a = &syntaxAttrs{}
			if len(args) > 0 {
				a.msg = args[0]
			}
		}
		e.Syntax = a
	}
	return e.Syntax
}

// slot is the field of attribute name, or nil when name is not a SyntaxError attribute.
func (a *syntaxAttrs) slot(name string) *Object {
	switch name {
	case "msg":
		return &a.msg
	case "filename":
		return &a.filename
	case "lineno":
		return &a.lineno
	case "offset":
		return &a.offset
	case "text":
		return &a.text
	case "end_lineno":
		return &a.endLineno
	case "end_offset":
		return &a.endOffset
	case "print_file_and_line":
		return &a.printFileAndLine
	}
	return nil
}

// syntaxGetAttr reads a SyntaxError attribute (ok false when name is not one).
func (t *Thread) syntaxGetAttr(e *Exception, name string) (Object, bool) {
	p := t.syntaxAttrsOf(e).slot(name)
	if p == nil {
		return nil, false
	}
	if *p == nil {
		return None, true
	}
	return *p, true
}

// syntaxSetAttr sets a SyntaxError attribute (ok false when name is not one).
func (t *Thread) syntaxSetAttr(e *Exception, name string, v Object) bool {
	p := t.syntaxAttrsOf(e).slot(name)
	if p == nil {
		return false
	}
	if v == None {
		v = nil
	}
	*p = v
	return true
}

// syntaxErrorStr is SyntaxError.__str__: msg, followed by "(file, line N)", "(file)" or
// "(line N)" as far as filename (a str, shown without its folders) and lineno (an int) are
// known.
func (t *Thread) syntaxErrorStr(e *Exception) (string, error) {
	a := t.syntaxAttrsOf(e)
	var msg Object = None
	if a.msg != nil {
		msg = a.msg
	}
	ms, err := t.Str(msg)
	if err != nil {
		return "", err
	}
	filename := ""
	fs, haveFile := a.filename.(*Str)
	if haveFile {
		filename = fs.String()
		if i := strings.LastIndexByte(filename, '/'); i >= 0 {
			filename = filename[i+1:]
		}
	}
	ln, haveLine := a.lineno.(*Int)
	switch {
	case haveFile && haveLine:
		return ms.String() + " (" + filename + ", line " + ln.String() + ")", nil
	case haveFile:
		return ms.String() + " (" + filename + ")", nil
	case haveLine:
		return ms.String() + " (line " + ln.String() + ")", nil
	}
	return ms.String(), nil
}

// symtableMessages start the messages of CPython's symbol-table errors, whose exceptions get their
// location as attributes only (args is just (msg,)).
var symtableMessages = []string{
	"name '", "nonlocal declaration not allowed", "no binding for nonlocal", "annotated name '",
	"import * only allowed", "assignment expression", "comprehension inner loop cannot rebind",
	"duplicate argument '", "'yield' inside ", "'await' inside ",
	"iterable unpacking cannot be used in comprehension",
}

// futureMessages are those of CPython's future-statement errors, which have no end offset either.
var futureMessages = []string{"not a chance", "future feature "}

func isSymtableMessage(msg string) bool {
	for _, p := range symtableMessages {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// NewSyntaxError converts a parser or compiler error into the Python exception CPython raises
// for it: SyntaxError, IndentationError or TabError with all attributes, the source line read
// from the file when the error does not carry it (as CPython's compiler errors do), or
// MemoryError for sources nested too deeply.
func NewSyntaxError(se *syntax.Error) *Exception {
	if se.Kind == syntax.MemoryErrorKind {
		if se.Msg == "" {
			return NewException(MemoryErrorType)
		}
		return NewException(MemoryErrorType, NewStr(se.Msg))
	}
	cls := SyntaxErrorType
	switch se.Kind {
	case syntax.IndentationErrorKind:
		cls = IndentationErrorType
	case syntax.TabErrorKind:
		cls = TabErrorType
	}
	if !se.HasLine() && !se.HasText {
		// An error without a location (null bytes in the source): CPython's has only msg.
		return &Exception{Class: cls, Args: NewTuple([]Object{NewStr(se.Msg)}), Syntax: &syntaxAttrs{msg: NewStr(se.Msg)}}
	}
	a := &syntaxAttrs{msg: NewStr(se.Msg), filename: NewStr(se.Filename)}
	if se.HasLine() {
		a.lineno = NewInt(int64(se.Lineno))
		a.offset = NewInt(int64(se.Offset))
		a.endLineno = NewInt(int64(se.EndLineno))
		a.endOffset = NewInt(int64(se.EndOffset))
	}
	if se.HasText {
		a.text = NewStr(se.Text)
	} else if line, ok := fileLine(se.Filename, se.Lineno); ok {
		a.text = NewStr(line)
	}
	e := &Exception{Class: cls, Syntax: a}
	for _, p := range futureMessages {
		if strings.HasPrefix(se.Msg, p) {
			a.endOffset = nil
			e.Args = NewTuple([]Object{a.msg})
			return e
		}
	}
	if isSymtableMessage(se.Msg) {
		e.Args = NewTuple([]Object{a.msg})
		return e
	}
	info := []Object{a.filename, a.lineno, a.offset, a.text, a.endLineno, a.endOffset}
	for i, v := range info {
		if v == nil {
			info[i] = None
		}
	}
	e.Args = NewTuple([]Object{a.msg, NewTuple(info)})
	return e
}

// fileLine is line ln of the file filename with its newline, read with universal newlines (CPython's
// PyErr_ProgramTextObject); a line that is not valid UTF-8 is not shown.
func fileLine(filename string, ln int) (string, bool) {
	if ln < 1 || filename == "" || strings.HasPrefix(filename, "<") {
		return "", false
	}
	data, err := os.ReadFile(filename)
	if err != nil {
		return "", false
	}
	s := string(data)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	for i := 1; i < ln; i++ {
		j := strings.IndexByte(s, '\n')
		if j < 0 {
			return "", false
		}
		s = s[j+1:]
	}
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j+1]
	} else if s == "" {
		return "", false
	}
	if !utf8.ValidString(s) {
		return "", false
	}
	return s, true
}

// CompileError converts an error of a compiler (Interp.Compile) into the Python exception to
// raise: a *syntax.Error becomes a SyntaxError (NewSyntaxError); the compiler's recursion and
// internal errors, whose messages start with their class ("RecursionError: ...",
// "SystemError: ..."), become those classes; Python exceptions pass through.
func CompileError(err error) error {
	switch e := err.(type) {
	case nil:
		return nil
	case *Exception:
		return e
	case *syntax.Error:
		return NewSyntaxError(e)
	}
	msg := err.Error()
	for _, c := range []struct {
		prefix string
		cls    *Type
	}{{"RecursionError: ", RecursionErrorType}, {"MemoryError: ", MemoryErrorType}, {"SystemError: ", SystemErrorType}} {
		if strings.HasPrefix(msg, c.prefix) {
			return NewException(c.cls, NewStr(msg[len(c.prefix):]))
		}
	}
	return NewException(SystemErrorType, NewStr(msg))
}

// CompileSource compiles source with the interpreter's compiler, reporting its warnings (as
// warnings.warn_explicit does, under the warnings filters) and raising its errors as Python
// exceptions (CompileError). Every path that compiles source text goes through it.
func (t *Thread) CompileSource(src []byte, filename, mode string, optimize int, isText bool) (*Code, error) {
	in := t.interp
	var (
		co  *Code
		ws  []syntax.Warning
		err error
	)
	switch {
	case in.CompileWarnings != nil:
		co, ws, err = in.CompileWarnings(src, filename, mode, optimize, isText)
	case in.Compile != nil:
		co, err = in.Compile(src, filename, mode, optimize)
	default:
		return nil, Errorf(SystemErrorType, "cannot compile %s: no compiler is available", filename)
	}
	for _, w := range ws {
		if werr := t.warnSyntax(w, filename, src); werr != nil {
			return nil, werr
		}
	}
	if err != nil {
		return nil, CompileError(err)
	}
	return co, nil
}

// warnSyntax issues one warning of the parser or compiler as CPython does
// (PyErr_WarnExplicitObject with no module and no registry: the warnings module's filters
// decide, "default" shows it every time). A warning the filters turn into an error becomes a
// SyntaxError at the warning's location, as in CPython's compiler.
func (t *Thread) warnSyntax(w syntax.Warning, filename string, src []byte) error {
	cat := syntaxWarningType()
	if v, ok := t.interp.Builtins.GetStr(NewStr(w.Category)).(*Type); ok {
		cat = v
	}
	var lineno Object = NewInt(int64(w.Lineno))
	mod, err := t.importFull("warnings")
	if err == nil {
		var fn Object
		fn, err = t.GetAttr(mod, NewStr("warn_explicit"))
		if err == nil {
			_, err = t.Call(fn, []Object{NewStr(w.Msg), cat, NewStr(filename), lineno}, nil)
			if err == nil {
				return nil
			}
			if isExc(err, cat) {
				return warningError(w, filename, src)
			}
			return err
		}
	}
	// No warnings module: CPython's default filters, built in (DeprecationWarning only for
	// __main__, which a compile-time warning never names).
	if w.Category == "DeprecationWarning" || w.Category == "PendingDeprecationWarning" {
		return nil
	}
	text := filename + ":" + fmtInt(w.Lineno) + ": " + cat.Name + ": " + w.Msg + "\n"
	if line, ok := fileLine(filename, w.Lineno); ok {
		if s := strings.TrimSpace(line); s != "" {
			text += "  " + s + "\n"
		}
	}
	t.interp.Stdout.flush()
	if werr := t.writeTo(t.sysAttr("stderr"), text); werr != nil {
		os.Stderr.WriteString(text)
	}
	return nil
}

// syntaxWarningType is the builtin SyntaxWarning class.
func syntaxWarningType() *Type {
	for _, tp := range allExcTypes {
		if tp.Name == "SyntaxWarning" {
			return tp
		}
	}
	return WarningType
}

// syntaxErrorReport is the report of an uncaught SyntaxError (or subclass) e that CPython's
// PyErr_Display prints after the traceback: the File line, the source line with carets and
// "Class: msg". ok is false when the attributes give no location (lineno not an int), and the
// exception is then printed as any other. The report comes in two parts, because CPython writes
// the source and caret lines without the margin of an exception group: loc is the File line,
// src the source and caret lines, and last the final line.
func (t *Thread) syntaxErrorReport(e *Exception, name string) (loc, src, last string, ok bool) {
	a := t.syntaxAttrsOf(e)
	intOf := func(o Object, none int) (int, bool) {
		if o == nil {
			return none, true
		}
		i, ok := o.(*Int)
		if !ok {
			return 0, false
		}
		v, _ := i.Int64()
		return int(v), true
	}
	if a.lineno == nil {
		return "", "", "", false
	}
	lineno, ok := intOf(a.lineno, 0)
	if !ok {
		return "", "", "", false
	}
	offset, ok := intOf(a.offset, -1)
	if !ok {
		return "", "", "", false
	}
	endLineno, endOffset := lineno, -1
	if e.Class == SyntaxErrorType {
		if endLineno, ok = intOf(a.endLineno, lineno); !ok {
			return "", "", "", false
		}
		if endOffset, ok = intOf(a.endOffset, -1); !ok {
			return "", "", "", false
		}
	}
	filename := "<string>"
	if a.filename != nil {
		s, err := t.Str(a.filename)
		if err != nil {
			return "", "", "", false
		}
		filename = s.String()
	}
	text, hasText := "", false
	if a.text != nil {
		s, err := t.Str(a.text)
		if err != nil {
			return "", "", "", false
		}
		text, hasText = s.String(), true
	}
	var msg Object = None
	if a.msg != nil {
		msg = a.msg
	}
	ms, err := t.Str(msg)
	if err != nil {
		return "", "", "", false
	}
	last = name
	if m := ms.String(); m != "" {
		last += ": " + m
	}
	loc = syntax.FormatLocation(filename, lineno, offset, endLineno, endOffset, text, hasText)
	if i := strings.IndexByte(loc, '\n'); i >= 0 {
		loc, src = loc[:i+1], loc[i+1:]
	}
	return loc, src, last + "\n", true
}

// warningError is the SyntaxError CPython raises for a compile-time warning that the filters turn
// into an error, at the warning's location. An invalid escape sequence (the parser's warning)
// underlines its whole string literal and shows the source line; the compiler's warnings carry
// no end position, so they get one caret, and their source line is read from the file as for
// any compiler error.
func warningError(w syntax.Warning, filename string, src []byte) *Exception {
	se := &syntax.Error{Kind: syntax.SyntaxErrorKind, Msg: w.Msg, Filename: filename,
		Lineno: w.Lineno, Offset: w.Offset, EndLineno: w.Lineno, EndOffset: w.Offset}
	if !strings.HasPrefix(w.Msg, "invalid escape sequence") || !utf8.Valid(src) {
		return NewSyntaxError(se)
	}
	text := string(src)
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	lines := strings.SplitAfter(text, "\n")
	if w.Lineno < 1 || w.Lineno > len(lines) || w.Offset < 1 {
		return NewSyntaxError(se)
	}
	se.Text, se.HasText = lines[w.Lineno-1], true
	if el, ec, ok := stringLiteralEnd(lines, w.Lineno-1, charToByte(lines[w.Lineno-1], w.Offset-1)); ok {
		se.EndLineno, se.EndOffset = el+1, utf8.RuneCountInString(lines[el][:ec])+1
	}
	return NewSyntaxError(se)
}

// charToByte is the byte index of character n of s.
func charToByte(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// stringLiteralEnd finds the end of the string literal (with its prefix) that starts at byte col
// of lines[ln]: the line index and byte column just past its closing quote.
func stringLiteralEnd(lines []string, ln, col int) (int, int, bool) {
	s := lines[ln]
	i := col
	for i < len(s) && strings.IndexByte("rRbBuUfF", s[i]) >= 0 {
		i++
	}
	if i >= len(s) || (s[i] != '\'' && s[i] != '"') {
		return 0, 0, false
	}
	q := s[i : i+1]
	if strings.HasPrefix(s[i:], q+q+q) {
		q = q + q + q
	}
	i += len(q)
	for ln < len(lines) {
		s = lines[ln]
		for i < len(s) {
			switch {
			case s[i] == '\\':
				i += 2
			case strings.HasPrefix(s[i:], q):
				return ln, i + len(q), true
			default:
				i++
			}
		}
		if len(q) == 1 && !strings.HasSuffix(s, "\\\n") {
			return 0, 0, false
		}
		ln, i = ln+1, 0
	}
	return 0, 0, false
}
