package syntax

import (
	"fmt"
	"gopyc/ast"
	"gopyc/internal/pystr"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

const (
	maxIndent = 100
	maxLevel  = 200
	tabSize   = 8
)

// tokenizer turns decoded UTF-8 source into tokens, as CPython 3.11's tokenizer does.
type tokenizer struct {
	src         string // always ends with '\n', never contains '\r'; token texts are substrings of it
	origLen     int    // length before an implicit final newline was added
	pos         int
	line        int // current line number (1-based)
	lineOff     int // byte offset of the start of the current line
	atBOL       bool
	indents     []int
	altinds     []int
	indBufs     [2][8]int // first arrays of indents and altinds (one allocation fewer each)
	parens      []paren
	typeComm    bool
	interactive bool

	toks        []Token
	buf         *tokBuf          // where toks came from; release gives it back
	spare       bool             // buf is to go back to spareBuf
	norms       map[int32]string // NFKC-normalised identifiers that differ from the source, by start offset
	err         *Error
	errRaising  bool // err comes from CPython's syntaxerror() (see errCur)
	unclosedEOF bool // err is "'(' was never closed" at the end of the input
	// charOffsets: report parser-level error offsets in characters (CPython does so only when
	// the source had a coding cookie or BOM, or was given as text); otherwise in bytes.
	charOffsets bool
	warnings    []Warning
	ignores     []typeIgnore
	filename    string
	done        bool
}

type paren struct {
	ch        byte
	line, col int
}

type typeIgnore struct {
	line int
	tag  string
}

// Warning is a warning raised while parsing (for example the DeprecationWarning for an invalid
// escape sequence).
type Warning struct {
	Category string // "DeprecationWarning", "SyntaxWarning"
	Msg      string
	Lineno   int
	Offset   int
}

func newTokenizer(src string, filename string, typeComments bool) *tokenizer {
	return newTokenizerWith(src, filename, typeComments, nil)
}

// newTokenizerWith is newTokenizer appending the tokens to toks[:0] (nil: a new array).
func newTokenizerWith(src string, filename string, typeComments bool, toks []Token) *tokenizer {
	t := &tokenizer{filename: filename, typeComm: typeComments, line: 1, atBOL: true}
	if strings.IndexByte(src, '\r') >= 0 {
		// decoded sources have none; keep the invariant for any other caller
		src = normalizeNewlines(src)
	}
	t.origLen = len(src)
	if len(src) == 0 || src[len(src)-1] != '\n' {
		src += "\n"
	}
	t.src = src
	t.toks = toks
	if t.toks == nil {
		t.toks = make([]Token, 0, len(src)/6+16)
	}
	t.indents = append(t.indBufs[0][:0], 0)
	t.altinds = append(t.indBufs[1][:0], 0)
	return t
}

// tokBuf holds the arrays a parse can reuse from the previous one: tokens hold no pointers and
// the AST never refers to them, and the parser's list stacks are empty (and cleared) between
// parses.
type tokBuf struct {
	toks []Token
	es   []ast.Expr
	ss   []ast.Stmt
}

// maxPooledToks bounds the token array kept for reuse (1.8 MB, enough for sources up to about
// 400 KB): the spare arrays are live memory, which raises the collector's heap goal (5 times
// over in gopyc compileall, which runs at GOGC=400).
const maxPooledToks = 1 << 16

// spareBuf holds the one tokBuf kept between parses (a sync.Pool would keep one per P, and
// again in its victim cache); concurrent parses that find it taken allocate their own.
var spareBuf atomic.Pointer[tokBuf]

// newPooledTokenizer is newTokenizer with arrays reused from an earlier parse (see release):
// from b (an Arena's), or if b is nil from spareBuf. Only whole sources use the pool: an
// f-string expression's tokenizer, much smaller, would otherwise take the place of a large
// array there.
func newPooledTokenizer(src string, filename string, typeComments bool, b *tokBuf) *tokenizer {
	spare := b == nil
	if spare {
		b = spareBuf.Swap(nil)
	}
	if b == nil {
		b = new(tokBuf)
	}
	toks := b.toks
	if n := len(src)/6 + 16; cap(toks) < n {
		toks = make([]Token, 0, n)
	}
	t := newTokenizerWith(src, filename, typeComments, toks[:0])
	t.buf, t.spare = b, spare
	return t
}

// release hands the token array back for reuse; t.toks must not be used afterwards. An array
// too large to keep does not replace the kept one.
func (t *tokenizer) release() {
	if t.buf == nil {
		return
	}
	if cap(t.toks) <= maxPooledToks {
		t.buf.toks = t.toks[:0]
	}
	if t.spare {
		spareBuf.Store(t.buf)
	}
	t.buf, t.toks = nil, nil
}

// lineAt returns the text of the line starting at off (without the newline).
func (t *tokenizer) lineAt(off int) string {
	end := off
	for end < len(t.src) && t.src[end] != '\n' {
		end++
	}
	return strings.Clone(t.src[off:end])
}

// errCur reports an error the way CPython's tokenizer syntaxerror() does: offset and end offset
// are the number of characters of the current line before byte offset cur. Such errors are
// "raising": they win over parser errors even when the parser failed earlier in the file.
func (t *tokenizer) errCur(msg string, cur int) {
	if t.err != nil {
		return
	}
	n := utf8.RuneCountInString(t.src[t.lineOff:min(cur, len(t.src))])
	t.errLine(SyntaxErrorKind, msg, t.line, n, n)
	t.errRaising = true
}

// errRange is syntaxerror_known_range: 1-based offsets given as byte columns (converted).
func (t *tokenizer) errRange(msg string, col, endCol int) {
	if t.err != nil {
		return
	}
	t.errLine(SyntaxErrorKind, msg, t.line, col+1, endCol+1)
	t.errRaising = true
}

// errLine sets a tokenizer error with explicit 1-based offsets on line.
func (t *tokenizer) errLine(kind ErrorKind, msg string, line, off, end int) {
	if t.err != nil {
		return
	}
	e := &Error{Kind: kind, Msg: msg, Filename: t.filename, Lineno: line, Offset: off, EndLineno: line, EndOffset: end}
	if text, _, ok := lineText(t.src, line); ok {
		e.Text, e.HasText = text, true
	}
	t.err = e
}

// emit appends a token ending at byte offset end of the current line; its text is
// src[start:end].
func (t *tokenizer) emit(k Kind, start, end int, sline, scol int) {
	t.put(k, sline, scol, t.line, end-t.lineOff, start, end)
}

// put appends a token. The fields are stored one by one into the array: building a Token
// value and copying it in made the CPU reload the bytes just written as wider words (a
// store-forwarding stall) on every token. Every field is set: the array is reused.
func (t *tokenizer) put(k Kind, line, col, endLine, endCol, start, end int) {
	if len(t.toks) == cap(t.toks) {
		t.grow()
	}
	t.toks = t.toks[:len(t.toks)+1]
	tk := &t.toks[len(t.toks)-1]
	tk.Kind, tk.flags, tk.Level = k, 0, int16(len(t.parens))
	tk.Line, tk.Col, tk.EndLine, tk.EndCol = int32(line), int32(col), int32(endLine), int32(endCol)
	tk.Start, tk.End = int32(start), int32(end)
}

// emitLine is emit for next's fast paths: a token on the current line, with room for it
// reserved at next's loop head; small enough to be inlined there.
func (t *tokenizer) emitLine(k Kind, start, end, scol int) {
	n := len(t.toks)
	t.toks = t.toks[:n+1]
	tk := &t.toks[n]
	tk.Kind, tk.flags, tk.Level = k, 0, int16(len(t.parens))
	tk.Line, tk.Col, tk.EndLine, tk.EndCol = int32(t.line), int32(scol), int32(t.line), int32(scol+end-start)
	tk.Start, tk.End = int32(start), int32(end)
}

// text returns a token's text: the NFKC-normalised identifier for a NAME, otherwise the source
// text of the token (for a NEWLINE, the comment before it, if any).
func (t *tokenizer) text(tok *Token) string {
	if tok.flags&tokNorm != 0 {
		return t.norms[tok.Start]
	}
	return t.src[tok.Start:tok.End]
}

// grow makes room for one more token.
func (t *tokenizer) grow() {
	t.toks = append(t.toks, Token{})[:len(t.toks)]
}

// run tokenizes the whole input; on error, t.err is set and t.toks holds the tokens before it.
func (t *tokenizer) run() {
	for !t.done && t.err == nil {
		t.next()
	}
}

func (t *tokenizer) newline(at int) {
	t.line++
	t.lineOff = at
}

// next produces one or more tokens.
func (t *tokenizer) next() {
	src := t.src
	blankline := false
	if t.atBOL {
		t.atBOL = false
		col, altcol := 0, 0
		contCol := 0 // CPython's cont_line_col: the indentation where a backslash was found
		p := t.pos
		// the usual indentation, spaces only, in a tight loop
		for p < len(src) && src[p] == ' ' {
			p++
		}
		col, altcol = p-t.pos, p-t.pos
	indentLoop:
		for p < len(src) {
			switch src[p] {
			case ' ':
				col++
				altcol++
			case '\t':
				col = (col/tabSize + 1) * tabSize
				altcol++
			case '\f':
				col, altcol = 0, 0
			case '\\':
				// indentation cannot be split over lines with backslashes: the first one
				// found fixes the indentation of what follows
				if p+1 >= len(src) || src[p+1] != '\n' || p+2 >= t.origLen {
					break indentLoop
				}
				if contCol == 0 {
					contCol = col
				}
				p += 2
				t.newline(p)
				continue
			default:
				break indentLoop
			}
			p++
		}
		if contCol != 0 {
			col, altcol = contCol, contCol
		}
		t.pos = p
		if p >= len(src) {
			// EOF
		} else if c := src[p]; c == '#' || c == '\n' || c == '\r' {
			// lines with only whitespace, a comment or a line continuation do not change
			// the indentation
			blankline = true
		}
		if !blankline && len(t.parens) == 0 && p < len(src) {
			top := t.indents[len(t.indents)-1]
			alttop := t.altinds[len(t.altinds)-1]
			if col == top {
				if altcol != alttop {
					t.tabError()
					return
				}
			} else if col > top {
				if len(t.indents) >= maxIndent {
					t.errLine(IndentationErrorKind, "too many levels of indentation", t.line, 1, 0)
					return
				}
				if altcol <= alttop {
					t.tabError()
					return
				}
				t.indents = append(t.indents, col)
				t.altinds = append(t.altinds, altcol)
				t.emitNoPos(INDENT, t.lineOff, p, t.line)
				// CPython's INDENT token spans the indentation
			} else {
				// like CPython, check the new level before producing any DEDENT
				k := len(t.indents) - 1
				for k > 0 && col < t.indents[k] {
					k--
				}
				if col != t.indents[k] {
					t.errLine(IndentationErrorKind, "unindent does not match any outer indentation level", t.line, t.cols(t.lineOff, len(t.lineAt(t.lineOff)))+1, -1)
					return
				}
				if altcol != t.altinds[k] {
					t.tabError()
					return
				}
				for len(t.indents)-1 > k {
					t.indents = t.indents[:len(t.indents)-1]
					t.altinds = t.altinds[:len(t.altinds)-1]
					t.emitNoPos(DEDENT, p, p, t.line)
				}
			}
		}
	}
	// Tokens after the first of a line are scanned in a loop here (goto again) rather than
	// one call of next each.
again:
	// skip spaces (in a local: the loop runs before nearly every token)
	start := t.pos
	for start < len(src) && spaceByte[src[start]] {
		start++
	}
	t.pos = start
	if start >= len(src) {
		t.atEOF()
		return
	}
	c := src[start]
	scol := start - t.lineOff
	// fast paths for the commonest tokens (anything unusual falls through to the general code)
	if len(t.toks) == cap(t.toks) {
		t.grow() // room for emitLine
	}
	switch fastClass[c] {
	case fastName:
		// src ends with '\n', which stops the loop
		p := start + 1
		for asciiIDCont[src[p]] {
			p++
		}
		if d := src[p]; d < 0x80 && !(strPrefixByte[c] && (d == '\'' || d == '"')) {
			t.pos = p
			t.emitLine(keywordKind(src[start:p]), start, p, scol)
			goto again
		}
	case fastOp:
		// a one-character operator, unless the next character makes it longer (or a number)
		if !fastOpLonger[src[start+1]] || c != '.' && c != ':' && c != '=' {
			t.pos = start + 1
			t.emitLine(fastOpKind[c], start, start+1, scol)
			goto again
		}
	case fastOpen:
		if len(t.parens) < maxLevel {
			t.parens = append(t.parens, paren{c, t.line, scol})
			t.pos = start + 1
			t.emitLine(fastOpKind[c], start, start+1, scol)
			goto again
		}
	case fastClose:
		if n := len(t.parens); n > 0 && t.parens[n-1].ch == closeOf[c] {
			t.parens = t.parens[:n-1]
			t.pos = start + 1
			t.emitLine(fastOpKind[c], start, start+1, scol)
			goto again
		}
	case fastQuote:
		t.str(start, scol)
		if t.err == nil {
			goto again
		}
		return
	case fastDigit:
		t.number(start, scol)
		if t.err == nil {
			goto again
		}
		return
	}
	// comment
	if c == '#' {
		end := len(src) // src ends with '\n' and has no '\r'
		if i := strings.IndexByte(src[start:], '\n'); i >= 0 {
			end = start + i
		}
		if t.typeComm {
			if ok := t.typeComment(start, end, blankline); ok {
				return
			}
		}
		t.pos = end
		c = src[end]
	}
	if c == '\r' {
		// lone CR or CRLF: treat as newline
		if start+1 < len(src) && src[start+1] == '\n' {
			t.pos++
		}
		c = '\n'
	}
	if c == '\n' {
		p := t.pos
		t.pos++
		if blankline || len(t.parens) > 0 {
			t.newline(t.pos)
			t.atBOL = true
			if len(t.parens) > 0 {
				t.atBOL = false
				blankline = false
				goto again
			}
			return
		}
		// CPython leaves the '\n' out of the NEWLINE token, and its start is that of a
		// comment before the newline, if any
		t.emit(NEWLINE, start, p, t.line, start-t.lineOff)
		t.newline(t.pos)
		t.atBOL = true
		return
	}
	// identifiers (and string prefixes)
	if c < 0x80 && isIDStart(rune(c)) || c >= 0x80 {
		if strPrefixByte[c] {
			if q, n := t.stringPrefix(start); q {
				t.pos = start + n
				t.str(start, scol)
				if t.err == nil {
					goto again
				}
				return
			}
		}
		t.name(start, scol)
		if t.err == nil {
			goto again
		}
		return
	}
	if c >= '0' && c <= '9' || c == '.' && start+1 < len(src) && src[start+1] >= '0' && src[start+1] <= '9' {
		t.number(start, scol)
		if t.err == nil {
			goto again
		}
		return
	}
	if c == '"' || c == '\'' {
		t.str(start, scol)
		if t.err == nil {
			goto again
		}
		return
	}
	if c == '\\' {
		if start+1 < len(src) && (src[start+1] == '\n' || src[start+1] == '\r') {
			t.pos = start + 2
			if t.pos >= t.origLen {
				t.errLine(SyntaxErrorKind, "unexpected EOF while parsing", t.line, t.pos-t.lineOff, -1)
				return
			}
			t.newline(t.pos)
			goto again
		}
		t.errLine(SyntaxErrorKind, "unexpected character after line continuation character", t.line, t.cols(t.lineOff, min(start+2, len(src))-t.lineOff), 0)
		return
	}
	// operators
	k, n := opLookup(src[start:])
	if c == '<' && start+2 <= len(src) && src[start+1] == '>' {
		// '<>' is only valid with barry_as_FLUFL; CPython's parser rejects the token
		t.pos = start + 2
		t.emit(ERRORTOKEN, start, t.pos, t.line, scol)
		return
	}
	if n == 0 {
		if c < 0x20 || c == 0x7f {
			t.errCur(fmt.Sprintf("invalid non-printable character U+%04X", c), start+1)
			return
		}
		// '$', '?', '`', a lone '!': CPython makes an OP token that no rule accepts
		t.pos = start + 1
		t.emit(ERRORTOKEN, start, t.pos, t.line, scol)
		return
	}
	switch k {
	case LPAR, LSQB, LBRACE:
		if len(t.parens) >= maxLevel {
			t.errCur("too many nested parentheses", start+1)
			return
		}
		t.parens = append(t.parens, paren{c, t.line, scol})
	case RPAR, RSQB, RBRACE:
		if len(t.parens) == 0 {
			t.errCur(fmt.Sprintf("unmatched '%c'", c), start+1)
			return
		}
		o := t.parens[len(t.parens)-1]
		t.parens = t.parens[:len(t.parens)-1]
		if !(o.ch == '(' && c == ')' || o.ch == '[' && c == ']' || o.ch == '{' && c == '}') {
			if o.line != t.line {
				t.errCur(fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, o.ch, o.line), start+1)
			} else {
				t.errCur(fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c'", c, o.ch), start+1)
			}
			return
		}
	}
	t.pos = start + n
	t.emit(k, start, t.pos, t.line, scol)
	goto again
}

// Byte classes of next's fast paths.
const (
	fastNone  = iota
	fastName  // ASCII identifier start
	fastOp    // , ; ~ . : = (the last three only when not followed by fastOpLonger)
	fastOpen  // ( [ {
	fastClose // ) ] }
	fastQuote // ' "
	fastDigit // 0-9
)

var fastClass = func() (t [256]uint8) {
	for c := 0; c < 128; c++ {
		if asciiID[c]&idStart != 0 {
			t[c] = fastName
		}
	}
	for _, c := range ",;~.:=" {
		t[c] = fastOp
	}
	for _, c := range "([{" {
		t[c] = fastOpen
	}
	for _, c := range ")]}" {
		t[c] = fastClose
	}
	t['\''], t['"'] = fastQuote, fastQuote
	for c := '0'; c <= '9'; c++ {
		t[c] = fastDigit
	}
	return t
}()

// fastOpKind is the token kind of the fast one-character operators.
var fastOpKind = [256]Kind{',': COMMA, ';': SEMI, '~': TILDE, '.': DOT, ':': COLON, '=': EQUAL,
	'(': LPAR, '[': LSQB, '{': LBRACE, ')': RPAR, ']': RSQB, '}': RBRACE}

// fastOpLonger marks the characters that, after '.', ':' or '=', may make a longer token
// ("...", ".5", ":=", "=="): the general code handles those.
var fastOpLonger = func() (t [256]bool) {
	for _, c := range ".=0123456789" {
		t[c] = true
	}
	return t
}()

// closeOf maps a closing bracket to its opening one.
var closeOf = [256]byte{')': '(', ']': '[', '}': '{'}

// spaceByte marks the blanks between tokens.
var spaceByte = [256]bool{' ': true, '\t': true, '\f': true}

func (t *tokenizer) tabError() {
	t.errLine(TabErrorKind, "inconsistent use of tabs and spaces in indentation", t.line, 1, 0)
}

func (t *tokenizer) atEOF() {
	if len(t.parens) > 0 {
		o := t.parens[len(t.parens)-1]
		_, off, _ := lineText(t.src, o.line)
		t.errLine(SyntaxErrorKind, fmt.Sprintf("'%c' was never closed", o.ch), o.line, t.cols(off, o.col)+1, 0)
		t.unclosedEOF = true
		return
	}
	// NEWLINE is always emitted by the implicit final newline; now DEDENTs and ENDMARKER
	for len(t.indents) > 1 {
		t.indents = t.indents[:len(t.indents)-1]
		t.emitNoPos(DEDENT, t.pos, t.pos, max(1, t.line-1))
	}
	t.emitNoPos(EOF, t.pos, t.pos, max(1, t.line-1))
	t.done = true
}

// typeComment handles a comment that may be a type comment; it reports whether it produced a token.
func (t *tokenizer) typeComment(start, end int, blankline bool) bool {
	src := t.src
	p := start + 1
	prefix := " type: "
	for i := 0; i < len(prefix); i++ {
		if prefix[i] == ' ' {
			for p < end && (src[p] == ' ' || src[p] == '\t') {
				p++
			}
			continue
		}
		if p < end && src[p] == prefix[i] {
			p++
			continue
		}
		return false
	}
	ignoreEnd := p + 6
	isIgnore := end >= ignoreEnd && string(src[p:min(ignoreEnd, end)]) == "ignore" &&
		!(end > ignoreEnd && (src[ignoreEnd] >= 128 || isAlnum(src[ignoreEnd])))
	if isIgnore {
		t.ignores = append(t.ignores, typeIgnore{t.line, t.src[ignoreEnd:end]})
		t.pos = end
		if blankline {
			// consume the newline too
			if t.pos < len(src) && src[t.pos] == '\r' {
				t.pos++
			}
			if t.pos < len(src) && src[t.pos] == '\n' {
				t.pos++
			}
			t.newline(t.pos)
			t.atBOL = true
		}
		return true
	}
	t.emit(TYPE_COMMENT, p, end, t.line, p-t.lineOff) // CPython: the token is the text after "# type: "
	t.pos = end
	return true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// stringPrefix reports whether an identifier-like run at start is a string prefix followed by a quote.
func (t *tokenizer) stringPrefix(start int) (bool, int) {
	src := t.src
	n := 0
	saw := [4]bool{}
	for start+n < len(src) && n < 3 {
		c := src[start+n] | 0x20
		var i int
		switch c {
		case 'r':
			i = 0
		case 'b':
			i = 1
		case 'u':
			i = 2
		case 'f':
			i = 3
		default:
			goto done
		}
		if saw[i] {
			return false, 0
		}
		saw[i] = true
		n++
	}
done:
	if n == 0 || start+n >= len(src) || (src[start+n] != '\'' && src[start+n] != '"') {
		return false, 0
	}
	if saw[2] && n > 1 || saw[1] && saw[3] {
		return false, 0
	}
	return true, n
}

// strPrefixByte marks the letters that can start a string prefix: only identifiers starting
// with one of them need the stringPrefix check.
var strPrefixByte = [256]bool{'r': true, 'R': true, 'b': true, 'B': true, 'u': true, 'U': true, 'f': true, 'F': true}

// asciiIDCont marks the ASCII bytes that continue an identifier, for name's fast loop.
var asciiIDCont = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = asciiID[c]&idContinue != 0
	}
	return t
}()

func (t *tokenizer) name(start, scol int) {
	src := t.src
	p := start
	// fast path: the ASCII part of the identifier (all of it, nearly always)
	for p < len(src) && asciiIDCont[src[p]] {
		p++
	}
	if p < len(src) && src[p] >= 0x80 || p == start {
		t.nameSlow(start, scol)
		return
	}
	t.pos = p
	t.emit(keywordKind(src[start:p]), start, p, t.line, scol)
}

// nameSlow is name for identifiers with non-ASCII characters.
func (t *tokenizer) nameSlow(start, scol int) {
	src := t.src
	p := start
	ascii := true
	for p < len(src) {
		c := src[p]
		if c < 0x80 {
			if !isIDContinue(rune(c)) {
				break
			}
			p++
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(src[p:])
		if r == utf8.RuneError && n == 1 {
			// CPython takes every byte >= 0x80 as part of the identifier and decodes the run
			q := p
			for q < len(src) && (src[q] >= 0x80 || isIDContinue(rune(src[q]))) {
				q++
			}
			if msg := pyUTF8Error(string(src[start:q])); msg != "" {
				t.errLine(SyntaxErrorKind, "(unicode error) "+msg, t.line, q-t.lineOff, -1)
				t.errRaising = true
				return
			}
		}
		if !isIDContinue(r) && !isIDStart(r) {
			// could still be valid after NFKC; let verification decide
			if _, ok := nfkdMap()[r]; !ok {
				break
			}
		}
		p += n
	}
	if p == start {
		r, _ := utf8.DecodeRuneInString(src[p:])
		t.invalidChar(r, start, scol)
		return
	}
	text := t.src[start:p]
	if !ascii {
		norm := nfkc(text)
		// verify
		for i, r := range norm {
			if i == 0 && !isIDStart(r) || i > 0 && !isIDContinue(r) {
				// CPython reports the first invalid character of the original text
				bad := rune(0)
				bp := start
				for j, rr := range text {
					ok := isIDContinue(rr)
					if j == 0 {
						ok = isIDStart(rr)
					}
					if !ok {
						bad = rr
						bp = start + j
						break
					}
				}
				if bad == 0 {
					bad = r
				}
				t.invalidChar(bad, bp, bp-t.lineOff)
				return
			}
		}
		if norm != text {
			if t.norms == nil {
				t.norms = make(map[int32]string)
			}
			t.norms[int32(start)] = norm
			t.pos = p
			t.emit(NAME, start, p, t.line, scol)
			t.toks[len(t.toks)-1].flags = tokNorm
			return
		}
	}
	t.pos = p
	k := NAME
	if ascii {
		k = keywordKind(text)
	}
	t.emit(k, start, p, t.line, scol)
}

func (t *tokenizer) invalidChar(r rune, off, col int) {
	_, n := utf8.DecodeRuneInString(t.src[off:])
	if pystr.IsPrintable(r) {
		t.errCur(fmt.Sprintf("invalid character '%c' (U+%04X)", r, r), off+n)
	} else {
		t.errCur(fmt.Sprintf("invalid non-printable character U+%04X", r), off+n)
	}
}

func isDecDigit(c byte) bool { return c >= '0' && c <= '9' }

func (t *tokenizer) at(p int) byte {
	if p < len(t.src) {
		return t.src[p]
	}
	return 0
}

// decimalTail scans digits with single underscores; on a bad underscore it reports the error.
func (t *tokenizer) decimalTail(p int) (int, bool) {
	for {
		for isDecDigit(t.at(p)) {
			p++
		}
		if t.at(p) != '_' {
			return p, true
		}
		p++
		if !isDecDigit(t.at(p)) {
			t.errCur("invalid decimal literal", p)
			return p, false
		}
	}
}

func (t *tokenizer) number(start, scol int) {
	p := start
	ok := true
	kind := "decimal"
	if t.at(p) == '0' && (t.at(p+1)|0x20 == 'x' || t.at(p+1)|0x20 == 'o' || t.at(p+1)|0x20 == 'b') {
		var isDigit func(byte) bool
		switch t.at(p+1) | 0x20 {
		case 'x':
			kind = "hexadecimal"
			isDigit = func(c byte) bool { return isHexDigit(c) }
		case 'o':
			kind = "octal"
			isDigit = func(c byte) bool { return c >= '0' && c <= '7' }
		default:
			kind = "binary"
			isDigit = func(c byte) bool { return c == '0' || c == '1' }
		}
		p += 2
		for {
			if t.at(p) == '_' {
				p++
			}
			if !isDigit(t.at(p)) {
				if kind != "hexadecimal" && isDecDigit(t.at(p)) {
					t.errCur(fmt.Sprintf("invalid digit '%c' in %s literal", t.at(p), kind), p+1)
				} else {
					t.errCur("invalid "+kind+" literal", p)
				}
				return
			}
			for isDigit(t.at(p)) {
				p++
			}
			if t.at(p) != '_' {
				break
			}
		}
		if kind != "hexadecimal" && isDecDigit(t.at(p)) {
			t.errCur(fmt.Sprintf("invalid digit '%c' in %s literal", t.at(p), kind), p+1)
			return
		}
		if !t.verifyEnd(p, kind) {
			return
		}
		t.pos = p
		t.emit(NUMBER, start, p, t.line, scol)
		return
	}
	isInt := true
	if t.at(p) == '0' {
		// leading zeros: only zeros allowed unless it turns out to be a float/imaginary
		nonzero := false
		for {
			for t.at(p) == '0' {
				p++
			}
			if t.at(p) == '_' {
				p++
				if !isDecDigit(t.at(p)) {
					t.errCur("invalid decimal literal", p)
					return
				}
				continue
			}
			break
		}
		zerosEnd := p
		if isDecDigit(t.at(p)) {
			nonzero = true
			if p, ok = t.decimalTail(p); !ok {
				return
			}
		}
		c := t.at(p)
		if c == '.' || c|0x20 == 'e' || c|0x20 == 'j' {
			// float or imaginary: handled below
		} else if nonzero {
			t.errRange("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", scol, zerosEnd-t.lineOff)
			return
		}
	} else if t.at(p) != '.' {
		if p, ok = t.decimalTail(p); !ok {
			return
		}
	}
	if t.at(p) == '.' {
		isInt = false
		p++
		if isDecDigit(t.at(p)) {
			if p, ok = t.decimalTail(p); !ok {
				return
			}
		}
	}
	if t.at(p)|0x20 == 'e' {
		e := p
		p++
		if t.at(p) == '+' || t.at(p) == '-' {
			p++
			if !isDecDigit(t.at(p)) {
				t.errCur("invalid decimal literal", p)
				return
			}
		} else if !isDecDigit(t.at(p)) {
			if !t.verifyEnd(e, "decimal") {
				return
			}
			t.pos = e
			t.emit(NUMBER, start, e, t.line, scol)
			return
		}
		isInt = false
		if p, ok = t.decimalTail(p); !ok {
			return
		}
	}
	_ = isInt
	if t.at(p)|0x20 == 'j' {
		p++
		kind = "imaginary"
	}
	if !t.verifyEnd(p, kind) {
		return
	}
	t.pos = p
	t.emit(NUMBER, start, p, t.line, scol)
}

// verifyEnd checks what follows a number literal at p, like CPython's verify_end_of_number.
func (t *tokenizer) verifyEnd(p int, kind string) bool {
	c := t.at(p)
	r := false
	rest := string(t.src[p:min(p+6, len(t.src))])
	switch c {
	case 'a':
		r = strings.HasPrefix(rest, "and")
	case 'e':
		r = strings.HasPrefix(rest, "else")
	case 'f':
		r = strings.HasPrefix(rest, "for")
	case 'i':
		r = strings.HasPrefix(rest, "if") || strings.HasPrefix(rest, "in") || strings.HasPrefix(rest, "is")
	case 'o':
		r = strings.HasPrefix(rest, "or")
	case 'n':
		r = strings.HasPrefix(rest, "not")
	}
	if r {
		t.warnings = append(t.warnings, Warning{"SyntaxWarning", "invalid " + kind + " literal", t.line, p - t.lineOff})
		return true
	}
	if c < 0x80 && isIDContinue(rune(c)) {
		t.errCur("invalid "+kind+" literal", p)
		return false
	}
	return true
}

// str scans a string literal; t.pos is at the opening quote (after the prefix).
func (t *tokenizer) str(start, scol int) {
	src := t.src
	p := t.pos
	q := src[p]
	triple := p+2 < len(src) && src[p+1] == q && src[p+2] == q
	sline := t.line
	slineOff := t.lineOff
	var hi byte // OR of the literal's bytes: >= 0x80 if any is not ASCII
	if triple {
		p += 3
		for {
			// skip ordinary characters
			for p < t.origLen && !strSpecial[src[p]] {
				p++
			}
			if p >= t.origLen || p >= len(src) {
				t.line, t.lineOff = sline, slineOff
				t.errLine(SyntaxErrorKind, fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", t.countLinesTo(len(src)-1, sline, slineOff)), sline, utf8.RuneCountInString(src[slineOff:slineOff+scol])+1, utf8.RuneCountInString(src[slineOff:slineOff+scol])+1)
				t.errRaising = true
				return
			}
			c := src[p]
			hi |= c
			if c == q && p+2 < len(src) && src[p+1] == q && src[p+2] == q {
				p += 3
				break
			}
			if c == '\\' {
				p++
				if p < len(src) {
					hi |= src[p]
					if src[p] == '\n' {
						t.newline(p + 1)
					}
				}
				p++
				continue
			}
			if c == '\r' {
				if p+1 < len(src) && src[p+1] == '\n' {
					p++
				}
				c = '\n'
			}
			if c == '\n' {
				t.newline(p + 1)
			}
			p++
		}
	} else {
		p++
		for {
			for p < len(src) && !strSpecial[src[p]] {
				p++
			}
			if p >= len(src) {
				t.unterminated(sline, slineOff, scol)
				return
			}
			c := src[p]
			hi |= c
			if c == q {
				p++
				break
			}
			if c == '\n' || c == '\r' {
				t.unterminated(sline, slineOff, scol)
				return
			}
			if c == '\\' {
				p++
				if p < len(src) && src[p] == '\r' && p+1 < len(src) && src[p+1] == '\n' {
					p++
				}
				if p < len(src) {
					hi |= src[p]
				}
				if p < len(src) && src[p] == '\n' {
					if p+1 >= t.origLen {
						t.unterminated(sline, slineOff, scol)
						return
					}
					t.newline(p + 1)
				}
				p++
				continue
			}
			p++
		}
	}
	t.pos = p
	t.put(STRING, sline, scol, t.line, p-t.lineOff, start, p)
	if hi >= 0x80 {
		t.toks[len(t.toks)-1].flags = tokNonASCII
	}
}

// strSpecial marks the bytes a string literal scan must look at: quotes, backslash, line ends
// and non-ASCII bytes (recorded for the UTF-8 check).
var strSpecial = func() (t [256]bool) {
	for _, c := range "'\"\\\n\r" {
		t[c] = true
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	return t
}()

func (t *tokenizer) countLinesTo(end, line, lineOff int) int {
	for i := lineOff; i < end && i < len(t.src); i++ {
		if t.src[i] == '\n' {
			line++
		}
	}
	return line
}

func (t *tokenizer) unterminated(sline, slineOff, scol int) {
	n := utf8.RuneCountInString(t.src[slineOff:slineOff+scol]) + 1
	t.errLine(SyntaxErrorKind, fmt.Sprintf("unterminated string literal (detected at line %d)", t.line), sline, n, n)
	t.errRaising = true
}

// cols converts a byte column of the line starting at lineOff to the offset unit CPython's
// parser-level errors use (characters or bytes, see charOffsets).
func (t *tokenizer) cols(lineOff, col int) int {
	if !t.charOffsets {
		return col
	}
	return utf8.RuneCountInString(t.src[lineOff:min(lineOff+col, len(t.src))])
}

// emitNoPos emits INDENT, DEDENT and ENDMARKER tokens, which in CPython have no column
// (col_offset and end_col_offset are -1).
func (t *tokenizer) emitNoPos(k Kind, start, end, line int) {
	t.put(k, line, -1, line, -1, start, end)
}

// opLookup returns the operator token at the start of b (longest match) and its length.
func opLookup(b string) (Kind, int) {
	var c1, c2 byte
	if len(b) > 1 {
		c1 = b[1]
	}
	if len(b) > 2 {
		c2 = b[2]
	}
	switch b[0] {
	case '(':
		return LPAR, 1
	case ')':
		return RPAR, 1
	case '[':
		return LSQB, 1
	case ']':
		return RSQB, 1
	case '{':
		return LBRACE, 1
	case '}':
		return RBRACE, 1
	case ',':
		return COMMA, 1
	case ';':
		return SEMI, 1
	case '~':
		return TILDE, 1
	case ':':
		if c1 == '=' {
			return COLONEQUAL, 2
		}
		return COLON, 1
	case '.':
		if c1 == '.' && c2 == '.' {
			return ELLIPSIS, 3
		}
		return DOT, 1
	case '+':
		if c1 == '=' {
			return PLUSEQUAL, 2
		}
		return PLUS, 1
	case '-':
		if c1 == '=' {
			return MINEQUAL, 2
		}
		if c1 == '>' {
			return RARROW, 2
		}
		return MINUS, 1
	case '*':
		if c1 == '*' {
			if c2 == '=' {
				return DOUBLESTAREQUAL, 3
			}
			return DOUBLESTAR, 2
		}
		if c1 == '=' {
			return STAREQUAL, 2
		}
		return STAR, 1
	case '/':
		if c1 == '/' {
			if c2 == '=' {
				return DOUBLESLASHEQUAL, 3
			}
			return DOUBLESLASH, 2
		}
		if c1 == '=' {
			return SLASHEQUAL, 2
		}
		return SLASH, 1
	case '|':
		if c1 == '=' {
			return VBAREQUAL, 2
		}
		return VBAR, 1
	case '&':
		if c1 == '=' {
			return AMPEREQUAL, 2
		}
		return AMPER, 1
	case '^':
		if c1 == '=' {
			return CIRCUMFLEXEQUAL, 2
		}
		return CIRCUMFLEX, 1
	case '%':
		if c1 == '=' {
			return PERCENTEQUAL, 2
		}
		return PERCENT, 1
	case '@':
		if c1 == '=' {
			return ATEQUAL, 2
		}
		return AT, 1
	case '=':
		if c1 == '=' {
			return EQEQUAL, 2
		}
		return EQUAL, 1
	case '!':
		if c1 == '=' {
			return NOTEQUAL, 2
		}
		return 0, 0
	case '<':
		if c1 == '<' {
			if c2 == '=' {
				return LEFTSHIFTEQUAL, 3
			}
			return LEFTSHIFT, 2
		}
		if c1 == '=' {
			return LESSEQUAL, 2
		}
		return LESS, 1
	case '>':
		if c1 == '>' {
			if c2 == '=' {
				return RIGHTSHIFTEQUAL, 3
			}
			return RIGHTSHIFT, 2
		}
		if c1 == '=' {
			return GREATEREQUAL, 2
		}
		return GREATER, 1
	}
	return 0, 0
}

// keywordKind returns the keyword kind of an ASCII identifier, or NAME. It looks the
// identifier up in kwHash, a table indexed by a hash of its length and first and last bytes
// (collision-free for the keywords, checked by init), so that an identifier costs one string
// comparison at most.
func keywordKind(s string) Kind {
	if len(s) < 2 || len(s) > 8 {
		return NAME
	}
	e := &kwHash[kwHashOf(s)]
	if e.s == s {
		return e.k
	}
	return NAME
}

func kwHashOf(s string) uint8 {
	return uint8(uint(s[0])*kwMulFirst + uint(s[len(s)-1])*kwMulLast + uint(len(s)))
}

// multipliers chosen so that no two keywords share a slot of kwHash
const (
	kwMulFirst = 1
	kwMulLast  = 11
)

var kwHash = func() (t [256]struct {
	s string
	k Kind
}) {
	for s, k := range keywords {
		h := kwHashOf(s)
		if t[h].s != "" {
			panic("syntax: keyword hash collision: " + s + " " + t[h].s)
		}
		t[h].s, t[h].k = s, k
	}
	return t
}()
