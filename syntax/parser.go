package syntax

import (
	"bytes"
	"fmt"
	"strings"

	"gopyc/ast"
)

// Mode selects the start rule, like the mode argument of compile().
type Mode uint8

// Parse modes.
const (
	Exec     Mode = iota // file_input -> *ast.Module
	Eval                 // eval_input -> *ast.Expression
	Single               // interactive_input -> *ast.Interactive
	FuncType             // func_type_input -> *ast.FunctionType
)

// Flags modify parsing.
type Flags uint32

// Flag values.
const (
	TypeComments Flags = 1 << iota // produce type_comment fields and TypeIgnore entries
	// SourceIsText says the source was a str (compile(str)), not bytes: error offsets are then
	// in characters, as CPython reports them for text or for bytes with a coding declaration.
	SourceIsText
	// SourceOwned says the caller hands src over: it never modifies src afterwards (nor lets
	// anything else do so), so the parser and the AST's strings may share its memory instead
	// of a copy of the whole source.
	SourceOwned
	textSource = SourceIsText
)

// bailout is the panic value used internally to abandon a parse on a hard error; it never
// escapes Parse.
type bailout struct{}

type parser struct {
	toks     []Token
	pos      int
	maxPos   int // the furthest token examined, where a generic error is reported (see lim)
	src      string
	filename string
	tok      *tokenizer
	err      *Error
	invalid  bool // second pass: invalid_* rules enabled (may be switched off temporarily)
	pass2    bool // second pass (stays true)
	depth    int
	mode     Mode
	warnings []Warning

	// lim is the number of tokens peekAt may return without a check. Updating maxPos at every
	// peek cost 7% of parsing, so a parser tracks maxPos only when lim is maxPos+1 (as when
	// both are zero: a parser tracks unless told otherwise), and peekAt's slow path then
	// moves both for every token not examined before. The first pass of a parse, which
	// rarely fails, does not track (lim is the number of tokens, and maxPos is not kept
	// up): parseDecoded repeats it, tracking, if it fails.
	lim int

	memos map[int64]bool
	slabs *nodeSlabs // shared with f-string sub-parsers
	es    []ast.Expr // scratch stacks for lists being built (see exprsFrom)
	ss    []ast.Stmt
	// the highest lengths es and ss reached before being cut back (see parseDecoded)
	esTop, ssTop int

	// f-string sub-parsers: errors are reported relative to the expression text
	fstr     bool
	fstrCol  int
	fstrLine int
}

// Result holds the outcome of ParseFull.
type Result struct {
	Mod      ast.Mod
	Warnings []Warning
}

// Parse parses Python source (bytes, decoded per PEP 263) and returns the AST, or a *Error.
func Parse(filename string, src []byte, mode Mode, flags Flags) (ast.Mod, error) {
	m, _, err := ParseWarnings(filename, src, mode, flags)
	return m, err
}

// ParseWarnings is Parse that also returns the warnings (e.g. invalid escape sequences).
func ParseWarnings(filename string, src []byte, mode Mode, flags Flags) (mod ast.Mod, warnings []Warning, err error) {
	return parse(nil, filename, src, mode, flags)
}

// parse is ParseWarnings in arena a (nil: none).
func parse(a *Arena, filename string, src []byte, mode Mode, flags Flags) (mod ast.Mod, warnings []Warning, err error) {
	defer func() {
		// a broken invariant must not crash the caller: report it as an error instead
		if r := recover(); r != nil {
			mod, warnings = nil, nil
			err = &Error{Kind: SyntaxErrorKind, Msg: fmt.Sprintf("internal parser error: %v", r), Filename: filename}
		}
	}()
	if bytesIndexNull(src) {
		return nil, nil, &Error{Msg: "source code string cannot contain null bytes", Filename: filename}
	}
	if flags&SourceIsText != 0 {
		// compile(str): the text is already decoded (here UTF-8) and CPython ignores any
		// coding declaration (PyCF_IGNORE_COOKIE); only newlines are normalised
		return parseDecoded(a, filename, textOf(src, flags&SourceOwned != 0), mode, flags)
	}
	dec, hadEnc, derr := decodeSource(filename, src, flags&SourceOwned != 0)
	if derr != nil {
		return nil, nil, derr
	}
	if hadEnc {
		flags |= textSource
	}
	return parseDecoded(a, filename, dec, mode, flags)
}

// clearStack clears a list stack (p.es or p.ss) at the end of a parse. The stacks are cleared
// once rather than each time the parser pops a list off them: what is left above their length
// belongs to this parse's tree until then (and clearing as they went wrote every pointer twice
// more). Since every parse leaves them cleared, only what this parse wrote needs clearing, not
// the whole capacity (as large as the largest source seen) after every small source: up to
// top, the highest length noted wherever the parser cuts a stack back, or its length if
// higher. Statements and simple statements also append to a copy of p.ss that becomes p.ss
// only when they return, so a soft failure inside them may leave elements above top that were
// never part of p.ss's length; such writes start at or below top and go upwards, and
// statements are never nil, so clearing goes on while elements are non-nil. The heights may
// have been reached in a larger array than the one the stack ends in (a block may outgrow the
// array its statement list started in), hence the bound by capacity. After a failed parse
// the whole capacity is cleared (errors are rare).
func clearStack[T comparable](s []T, top int, failed bool) {
	s = s[:cap(s)]
	if failed {
		clear(s)
		return
	}
	top = min(len(s), top)
	clear(s[:top])
	var zero T
	for i := top; i < len(s) && s[i] != zero; i++ {
		s[i] = zero
	}
}

func bytesIndexNull(b []byte) bool {
	return bytes.IndexByte(b, 0) >= 0
}

func parseDecoded(a *Arena, filename string, src string, mode Mode, flags Flags) (ast.Mod, []Warning, error) {
	var buf *tokBuf
	var slabs *nodeSlabs
	if a != nil {
		buf, slabs = &a.tok, &a.slabs
		slabs.reset(a)
	} else {
		slabs = new(nodeSlabs)
	}
	t := newPooledTokenizer(src, filename, flags&TypeComments != 0, buf)
	defer t.release() // nothing returned refers to the tokens
	t.interactive = mode == Single
	t.charOffsets = flags&textSource != 0
	t.run()
	if mode == Single && t.err == nil {
		singleModeEOF(t)
	}
	p := &parser{toks: t.toks, src: t.src, filename: filename, tok: t, mode: mode, es: t.buf.es, ss: t.buf.ss, slabs: slabs}
	// the parser owns the stacks until they are handed back cleared below (a panic drops them)
	t.buf.es, t.buf.ss = nil, nil
	p.slabs.setHints(len(t.toks), &p.pos, a)
	untracked := mode != Single // interactiveInput needs maxPos
	if untracked {
		p.lim = len(p.toks)
	}
	mod := p.run()
	clearStack(p.es, max(p.esTop, len(p.es)), mod == nil || p.err != nil)
	clearStack(p.ss, max(p.ssTop, len(p.ss)), mod == nil || p.err != nil)
	t.buf.es, t.buf.ss = p.es[:0], p.ss[:0]
	if mod != nil && p.err == nil {
		return mod, append(t.warnings, p.warnings...), nil
	}
	if p.err != nil && p.err == t.err {
		// the parser reached the tokenizer's error
		return nil, nil, t.err
	}
	if untracked {
		// the first pass again, tracking maxPos (the tokens are the same, so is the outcome)
		p = &parser{slabs: new(nodeSlabs), toks: t.toks, src: t.src, filename: filename, tok: t, mode: mode}
		p.run()
	}
	err := p.err
	checkTok := true
	p2 := &parser{slabs: new(nodeSlabs), toks: t.toks, src: t.src, filename: filename, tok: t, mode: mode, invalid: true, pass2: true}
	if err == nil {
		// second pass with the invalid_ rules, for a better message
		p2.run()
		if p2.err != nil {
			if p2.err == t.err {
				return nil, nil, t.err
			}
			err = p2.err
		} else {
			err, checkTok = p.genericError()
		}
	}
	// CPython then tokenizes the rest of the input: tokenizer errors win.
	if checkTok && t.err != nil {
		if t.errRaising {
			return nil, nil, t.err
		}
		if t.unclosedEOF {
			last := max(p.maxPos, p2.maxPos)
			if last >= len(t.toks) {
				last = len(t.toks) - 1
			}
			if last >= 0 && int(t.toks[last].Line) > t.err.Lineno {
				return nil, nil, t.err
			}
		}
	}
	return nil, nil, err
}

func (p *parser) run() (mod ast.Mod) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				p.err = &Error{Msg: fmt.Sprintf("internal parser error: %v", r), Filename: p.filename}
			}
			mod = nil
		}
	}()
	switch p.mode {
	case Exec:
		return p.fileInput()
	case Eval:
		return p.evalInput()
	case Single:
		return p.interactiveInput()
	case FuncType:
		return p.funcTypeInput()
	}
	return nil
}

// ---- token access ----

// peekAt returns the token at index i; past the end, the last one (EOF), unless the tokenizer
// stopped at an error, which then ends the parse. Tokens below p.lim need no check (see lim).
func (p *parser) peekAt(i int) *Token {
	if i >= p.lim {
		if i >= len(p.toks) {
			if p.tok.err != nil {
				if p.err == nil {
					p.err = p.tok.err
				}
				panic(bailout{})
			}
			i = len(p.toks) - 1
		}
		// i is past the tokens examined so far (or at the end): the furthest now
		p.maxPos, p.lim = i, i+1
	}
	return &p.toks[i]
}

func (p *parser) peek() *Token { return p.peekAt(p.pos) }

func (p *parser) kind() Kind { return p.peekAt(p.pos).Kind }

func (p *parser) kindAt(i int) Kind { return p.peekAt(p.pos + i).Kind }

func (p *parser) next() *Token {
	t := p.peekAt(p.pos)
	p.pos++
	return t
}

func (p *parser) got(k Kind) bool {
	if p.kind() == k {
		p.pos++
		return true
	}
	return false
}

// text returns the text of token t (see tokenizer.text).
func (p *parser) text(t *Token) string { return p.tok.text(t) }

func (p *parser) isSoft(s string) bool {
	t := p.peek()
	return t.Kind == NAME && p.text(t) == s
}

// expect consumes a token of kind k or fails the parse.
func (p *parser) expect(k Kind) *Token {
	t := p.peek()
	if t.Kind != k {
		p.fail()
	}
	p.pos++
	return t
}

// try runs f and reports whether it succeeded; on a soft failure (no specific error) the
// position is restored.
func (p *parser) try(f func()) (ok bool) {
	save, depth, nwarn, nes, nss := p.pos, p.depth, len(p.warnings), len(p.es), len(p.ss)
	defer func() {
		if r := recover(); r != nil {
			if _, isB := r.(bailout); !isB || p.err != nil {
				panic(r)
			}
			p.pos, p.depth, p.warnings = save, depth, p.warnings[:nwarn]
			p.esTop, p.ssTop = max(p.esTop, len(p.es)), max(p.ssTop, len(p.ss))
			p.es, p.ss = p.es[:nes], p.ss[:nss] // not cleared: see parseDecoded
			ok = false
		}
	}()
	f()
	return true
}

// fail abandons the parse: a generic syntax error (or, in the second pass, whatever the
// invalid_ rules find) will be reported.
func (p *parser) fail() {
	panic(bailout{})
}

// raise reports a specific syntax error at byte positions.
func (p *parser) raiseAt(kind ErrorKind, msg string, line, col, endLine, endCol int) {
	if p.err == nil {
		p.err = p.mkErr(kind, msg, line, col, endLine, endCol)
	}
	panic(bailout{})
}

// mkErr builds an error from byte positions; in an f-string sub-parser, columns are reported
// relative to the expression text as CPython 3.11 does.
func (p *parser) mkErr(kind ErrorKind, msg string, line, col, endLine, endCol int) *Error {
	if p.fstr {
		e := &Error{Kind: kind, Msg: msg, Filename: p.filename, Lineno: line, Offset: col - p.fstrCol + 1, EndLineno: endLine, EndOffset: endCol - p.fstrCol + 1}
		if text, _, ok := lineText(p.src, line-p.fstrLine); ok {
			e.Text, e.HasText = text, true // CPython shows the "(expression)" text
		}
		return e
	}
	if p.tok.charOffsets {
		return newError(kind, msg, p.filename, p.src, line, col, endLine, endCol)
	}
	e := &Error{Kind: kind, Msg: msg, Filename: p.filename, Lineno: line, Offset: col + 1, EndLineno: endLine, EndOffset: endCol + 1}
	if text, _, ok := lineText(p.src, line); ok {
		e.Text, e.HasText = text, true
	}
	return e
}

func (p *parser) raiseTok(msg string, t *Token) {
	p.raiseTokKind(SyntaxErrorKind, msg, t)
}

// raiseTokKind reports an error located at token t, as CPython's RAISE_SYNTAX_ERROR does for
// the last token: INDENT, DEDENT and ENDMARKER have no column, and CPython then uses the
// tokenizer's current position in the line (after the indentation, or the end of the line).
func (p *parser) raiseTokKind(kind ErrorKind, msg string, t *Token) {
	if t.Col >= 0 || p.fstr {
		p.raiseAt(kind, msg, int(t.Line), int(t.Col), int(t.EndLine), int(t.EndCol))
	}
	text, off, _ := lineText(p.src, int(t.Line))
	var col int
	if t.Kind == EOF || t.Kind == DEDENT && int(t.Start) >= len(p.src) {
		col = len(text)
		if !strings.HasSuffix(text, "\n") {
			col++
		}
	} else {
		for off+col < len(p.src) && (p.src[off+col] == ' ' || p.src[off+col] == '\t' || p.src[off+col] == '\f') {
			col++
		}
	}
	if p.err == nil {
		p.err = &Error{Kind: kind, Msg: msg, Filename: p.filename, Lineno: int(t.Line), Offset: p.tok.cols(off, col), EndLineno: int(t.Line), EndOffset: -1, Text: text, HasText: true}
	}
	panic(bailout{})
}

func (p *parser) raiseNode(msg string, n ast.Node) {
	ps := n.(ast.Positioned).Position()
	p.raiseAt(SyntaxErrorKind, msg, ps.Lineno, ps.ColOffset, ps.EndLineno, ps.EndColOffset)
}

func (p *parser) raiseRange(msg string, a, b ast.Node) {
	pa := a.(ast.Positioned).Position()
	pb := b.(ast.Positioned).Position()
	p.raiseAt(SyntaxErrorKind, msg, pa.Lineno, pa.ColOffset, pb.EndLineno, pb.EndColOffset)
}

// genericError builds CPython's error for a parse that failed without a specific message,
// located at the furthest token the first pass examined. It also reports whether CPython would
// then look for tokenizer errors in the rest of the input.
func (p *parser) genericError() (*Error, bool) {
	i := p.maxPos
	if i >= len(p.toks) {
		i = len(p.toks) - 1
	}
	if i < 0 {
		return &Error{Msg: "error at start before reading any input", Filename: p.filename}, false
	}
	t := &p.toks[i]
	switch t.Kind {
	case INDENT, DEDENT:
		msg := "unexpected indent"
		if t.Kind == DEDENT {
			msg = "unexpected unindent"
		}
		text, off, _ := lineText(p.src, int(t.Line))
		w := 0
		for off+w < len(p.src) && (p.src[off+w] == ' ' || p.src[off+w] == '\t' || p.src[off+w] == '\f') {
			w++
		}
		e := &Error{Kind: IndentationErrorKind, Msg: msg, Filename: p.filename, Lineno: int(t.Line), Offset: w, EndLineno: int(t.Line), EndOffset: -1, Text: text, HasText: true}
		if p.fstr {
			e.Offset -= p.fstrCol
		}
		return e, false
	}
	return p.mkErr(SyntaxErrorKind, "invalid syntax", int(t.Line), int(t.Col), int(t.EndLine), int(t.EndCol)), true
}

const (
	memoLegacy = iota
	memoComma
)

// memo records that check kind was done at token i; it reports whether it had been done before.
func (p *parser) memo(kind, i int) bool {
	if p.memos == nil {
		p.memos = make(map[int64]bool)
	}
	k := int64(i)<<4 | int64(kind)
	if p.memos[k] {
		return true
	}
	p.memos[k] = true
	return false
}

// ---- positions ----

func (p *parser) span(start int) ast.Pos {
	s := &p.toks[start]
	m := p.pos - 1
	for m > start {
		k := p.toks[m].Kind
		if k != NEWLINE && k != INDENT && k != DEDENT && k != EOF {
			break
		}
		m--
	}
	e := &p.toks[m]
	return ast.Pos{Lineno: int(s.Line), ColOffset: int(s.Col), EndLineno: int(e.EndLine), EndColOffset: int(e.EndCol)}
}

func posOf(n ast.Node) ast.Pos { return *n.(ast.Positioned).Position() }

// maxLevels mirrors CPython's MAXSTACK: the parser's rule-nesting limit, past which CPython 3.11
// raises MemoryError. p.depth approximates CPython's rule levels: callers charge the number of
// grammar rules CPython would nest for the construct (for example 1 per unary operator, 2 per
// '**', 11 for the disjunction..factor chain). This also bounds the Go stack.
const maxLevels = 6000

// enter and leave need not be paired with defer: a bailout unwinds to try, which restores
// p.depth, or to run, which ends the parse.
func (p *parser) enter(n int) {
	p.depth += n
	if p.depth >= maxLevels {
		if p.err == nil {
			p.err = &Error{Kind: MemoryErrorKind, Filename: p.filename}
		}
		panic(bailout{})
	}
}

func (p *parser) leave(n int) { p.depth -= n }

// singleModeEOF mimics CPython for 'single' input: its parser turns the first ENDMARKER into a
// NEWLINE (and generates the pending DEDENTs), and a second one too if DEDENTs came in between.
// Our tokenizer already ends an unterminated last line with a NEWLINE, so an extra NEWLINE goes
// before the ENDMARKER when the source ended with a newline or when DEDENTs precede the end.
func singleModeEOF(t *tokenizer) {
	n := len(t.toks)
	if n == 0 || t.toks[n-1].Kind != EOF {
		return
	}
	eof := t.toks[n-1]
	dedents := n >= 2 && t.toks[n-2].Kind == DEDENT
	if !dedents && t.origLen < len(t.src) {
		return
	}
	nl := eof
	nl.Kind = NEWLINE
	t.toks = append(t.toks[:n-1], nl, eof)
}

// badSingleStatement reports whether anything but whitespace and comments follows the token
// at index i (CPython: "multiple statements found while compiling a single statement").
func (p *parser) badSingleStatement(i int) bool {
	s := p.src[min(int(p.toks[i].End), len(p.src)):]
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case ' ', '\t', '\n', '\f', '\r':
		case '#':
			for k < len(s) && s[k] != '\n' {
				k++
			}
		default:
			return true
		}
	}
	return false
}
