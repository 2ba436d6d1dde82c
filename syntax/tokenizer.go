package syntax

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopyc/ast"
)

const (
	maxIndent = 100
	maxLevel  = 200
	tabSize   = 8
)

// tokenizer turns decoded UTF-8 source into tokens, as CPython 3.11's tokenizer does.
type tokenizer struct {
	src         []byte // always ends with '\n'
	origLen     int    // length before an implicit final newline was added
	pos         int
	line        int // current line number (1-based)
	lineOff     int // byte offset of the start of the current line
	atBOL       bool
	indents     []int
	altinds     []int
	pending     int // >0: INDENTs to emit, <0: DEDENTs
	parens      []paren
	typeComm    bool
	contLine    bool // previous line ended with a backslash
	interactive bool

	toks     []Token
	err      *Error
	warnings []Warning
	ignores  []typeIgnore
	filename string
	done     bool
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

func newTokenizer(src []byte, filename string, typeComments bool) *tokenizer {
	t := &tokenizer{filename: filename, typeComm: typeComments, line: 1, atBOL: true}
	t.origLen = len(src)
	if len(src) == 0 || src[len(src)-1] != '\n' {
		s := make([]byte, len(src)+1)
		copy(s, src)
		s[len(src)] = '\n'
		src = s
	}
	t.src = src
	t.indents = []int{0}
	t.altinds = []int{0}
	return t
}

// lineText returns the text of the line starting at off (without the newline).
func (t *tokenizer) lineAt(off int) string {
	end := off
	for end < len(t.src) && t.src[end] != '\n' {
		end++
	}
	return string(t.src[off:end])
}

func (t *tokenizer) errorAt(kind ErrorKind, msg string, line, col, endLine, endCol int) {
	if t.err != nil {
		return
	}
	t.err = newError(kind, msg, t.filename, t.src, line, col, endLine, endCol)
}

func (t *tokenizer) emit(k Kind, start, end int, sline, scol int, text string) {
	// end position
	eline, ecol := t.line, end-t.lineOff
	t.toks = append(t.toks, Token{Kind: k, Line: int32(sline), Col: int32(scol), EndLine: int32(eline), EndCol: int32(ecol), Start: int32(start), End: int32(end), Text: text, Level: int32(len(t.parens))})
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
		p := t.pos
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
			default:
				break indentLoop
			}
			p++
		}
		t.pos = p
		if p >= len(src) {
			// EOF
		} else if c := src[p]; c == '#' || c == '\n' || c == '\r' || c == '\\' && false {
			if t.interactive && t.line == 1 && false {
				blankline = false
			} else {
				blankline = true
			}
		}
		if p >= len(src) && t.interactive {
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
					t.errorAt(IndentationErrorKind, "too many levels of indentation", t.line, 0, t.line, p-t.lineOff)
					return
				}
				if altcol <= alttop {
					t.tabError()
					return
				}
				t.indents = append(t.indents, col)
				t.altinds = append(t.altinds, altcol)
				t.emit(INDENT, t.lineOff, p, t.line, 0, "")
				// CPython's INDENT token spans the indentation
			} else {
				for len(t.indents) > 1 && col < t.indents[len(t.indents)-1] {
					t.indents = t.indents[:len(t.indents)-1]
					t.altinds = t.altinds[:len(t.altinds)-1]
					t.emit(DEDENT, p, p, t.line, p-t.lineOff, "")
				}
				if col != t.indents[len(t.indents)-1] {
					t.errorAt(IndentationErrorKind, "unindent does not match any outer indentation level", t.line, p-t.lineOff, t.line, p-t.lineOff)
					return
				}
				if altcol != t.altinds[len(t.altinds)-1] {
					t.tabError()
					return
				}
			}
		}
	}
again:
	// skip spaces
	for t.pos < len(src) && (src[t.pos] == ' ' || src[t.pos] == '\t' || src[t.pos] == '\f') {
		t.pos++
	}
	start := t.pos
	if start >= len(src) {
		t.atEOF()
		return
	}
	c := src[start]
	scol := start - t.lineOff
	// comment
	if c == '#' {
		end := start
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
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
		src[t.pos] = '\n'
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
		if p >= t.origLen && t.origLen < len(t.src) {
			// implicit newline at EOF: CPython reports an empty NEWLINE token
			t.emit(NEWLINE, p, p, t.line, p-t.lineOff, "")
		} else {
			// CPython leaves the '\n' out of the NEWLINE token: it is zero-width
			t.emit(NEWLINE, p, p, t.line, p-t.lineOff, "")
		}
		t.newline(t.pos)
		t.atBOL = true
		return
	}
	// identifiers (and string prefixes)
	if c < 0x80 && isIDStart(rune(c)) || c >= 0x80 {
		if q, n := t.stringPrefix(start); q {
			t.pos = start + n
			t.str(start, scol)
			return
		}
		t.name(start, scol)
		return
	}
	if c >= '0' && c <= '9' || c == '.' && start+1 < len(src) && src[start+1] >= '0' && src[start+1] <= '9' {
		t.number(start, scol)
		return
	}
	if c == '"' || c == '\'' {
		t.str(start, scol)
		return
	}
	if c == '\\' {
		if start+1 < len(src) && (src[start+1] == '\n' || src[start+1] == '\r') {
			t.pos = start + 2
			if src[start+1] == '\r' && t.pos < len(src) && src[t.pos] == '\n' {
				t.pos++
			}
			t.newline(t.pos)
			if t.pos >= t.origLen {
				t.errorAt(SyntaxErrorKind, "unexpected EOF while parsing", t.line, 0, t.line, 0)
				return
			}
			goto again
		}
		t.errorAt(SyntaxErrorKind, "unexpected character after line continuation character", t.line, scol+1, t.line, scol+1)
		return
	}
	// operators
	n := 0
	var k Kind
	if start+3 <= len(src) {
		if kk, ok := opStrings[string(src[start:start+3])]; ok {
			k, n = kk, 3
		}
	}
	if n == 0 && start+2 <= len(src) {
		if kk, ok := opStrings[string(src[start:start+2])]; ok {
			k, n = kk, 2
		}
	}
	if n == 0 {
		if kk, ok := opStrings[string(src[start:start+1])]; ok && c != '!' {
			k, n = kk, 1
		}
	}
	if n == 0 {
		if c == '!' {
			// "!" alone is only valid inside f-strings
		}
		if c == '$' || c == '?' || c == '`' || c == '!' || c < 0x20 || c == 0x7f {
			if c == 0 {
				t.errorAt(SyntaxErrorKind, "source code cannot contain null bytes", t.line, scol, t.line, scol)
				return
			}
			t.errorAt(SyntaxErrorKind, fmt.Sprintf("invalid character '%c' (U+%04X)", rune(c), c), t.line, scol, t.line, scol+1)
			if c < 0x20 || c == 0x7f {
				t.err.Msg = fmt.Sprintf("invalid non-printable character U+%04X", c)
			}
			return
		}
		t.errorAt(SyntaxErrorKind, "invalid syntax", t.line, scol, t.line, scol+1)
		return
	}
	switch k {
	case LPAR, LSQB, LBRACE:
		if len(t.parens) >= maxLevel {
			t.errorAt(SyntaxErrorKind, "too many nested parentheses", t.line, scol, t.line, scol+1)
			return
		}
		t.parens = append(t.parens, paren{c, t.line, scol})
	case RPAR, RSQB, RBRACE:
		if len(t.parens) == 0 {
			t.errorAt(SyntaxErrorKind, fmt.Sprintf("unmatched '%c'", c), t.line, scol, t.line, scol+1)
			return
		}
		o := t.parens[len(t.parens)-1]
		t.parens = t.parens[:len(t.parens)-1]
		if !(o.ch == '(' && c == ')' || o.ch == '[' && c == ']' || o.ch == '{' && c == '}') {
			if o.line != t.line {
				t.errorAt(SyntaxErrorKind, fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, o.ch, o.line), t.line, scol, t.line, scol+1)
			} else {
				t.errorAt(SyntaxErrorKind, fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c'", c, o.ch), t.line, scol, t.line, scol+1)
			}
			return
		}
	}
	t.pos = start + n
	t.emit(k, start, t.pos, t.line, scol, "")
}

func (t *tokenizer) tabError() {
	t.errorAt(TabErrorKind, "inconsistent use of tabs and spaces in indentation", t.line, t.pos-t.lineOff, t.line, t.pos-t.lineOff)
}

func (t *tokenizer) atEOF() {
	// NEWLINE is always emitted by the implicit final newline; now DEDENTs and ENDMARKER
	for len(t.indents) > 1 {
		t.indents = t.indents[:len(t.indents)-1]
		t.emit(DEDENT, t.pos, t.pos, t.line, 0, "")
	}
	t.emit(EOF, t.pos, t.pos, t.line, 0, "")
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
		t.ignores = append(t.ignores, typeIgnore{t.line, string(src[ignoreEnd:end])})
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
	t.emit(TYPE_COMMENT, start, end, t.line, start-t.lineOff, string(src[p:end]))
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

func (t *tokenizer) name(start, scol int) {
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
		r, n := utf8.DecodeRune(src[p:])
		if !isIDContinue(r) && !isIDStart(r) {
			// could still be valid after NFKC; let verification decide
			if _, ok := nfkdMap[r]; !ok {
				break
			}
		}
		p += n
	}
	if p == start {
		r, _ := utf8.DecodeRune(src[p:])
		t.invalidChar(r, start, scol)
		return
	}
	text := string(src[start:p])
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
		text = norm
	}
	t.pos = p
	k := NAME
	if kw, ok := keywords[text]; ok && ascii {
		k = kw
	}
	t.emit(k, start, p, t.line, scol, text)
}

func (t *tokenizer) invalidChar(r rune, off, col int) {
	if ast.IsPrintable(r) {
		t.errorAt(SyntaxErrorKind, fmt.Sprintf("invalid character '%c' (U+%04X)", r, r), t.line, col, t.line, col)
	} else {
		t.errorAt(SyntaxErrorKind, fmt.Sprintf("invalid non-printable character U+%04X", r), t.line, col, t.line, col)
	}
}

func (t *tokenizer) number(start, scol int) {
	src := t.src
	p := start
	digits := func(ok func(byte) bool) bool {
		// digits with single underscores between them; returns false on a bad underscore
		for {
			for p < len(src) && ok(src[p]) {
				p++
			}
			if p < len(src) && src[p] == '_' {
				p++
				if p >= len(src) || !ok(src[p]) {
					t.errorAt(SyntaxErrorKind, "invalid decimal literal", t.line, p-t.lineOff, t.line, p-t.lineOff+1)
					return false
				}
				continue
			}
			return true
		}
	}
	isDec := func(c byte) bool { return c >= '0' && c <= '9' }
	isHex := func(c byte) bool { return isDec(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
	isOct := func(c byte) bool { return c >= '0' && c <= '7' }
	isBin := func(c byte) bool { return c == '0' || c == '1' }
	radixErr := func(kind string, ok func(byte) bool) {
		// after prefix
		if p < len(src) && src[p] == '_' {
			p++
		}
		if p >= len(src) || !ok(src[p]) {
			if p < len(src) && isDec(src[p]) {
				t.errorAt(SyntaxErrorKind, fmt.Sprintf("invalid digit '%c' in %s literal", src[p], kind), t.line, p-t.lineOff, t.line, p-t.lineOff+1)
			} else {
				t.errorAt(SyntaxErrorKind, "invalid "+kind+" literal", t.line, p-t.lineOff, t.line, p-t.lineOff+1)
			}
			return
		}
		if !digits(ok) {
			t.err.Msg = "invalid " + kind + " literal"
			return
		}
		if p < len(src) && isDec(src[p]) {
			t.errorAt(SyntaxErrorKind, fmt.Sprintf("invalid digit '%c' in %s literal", src[p], kind), t.line, p-t.lineOff, t.line, p-t.lineOff+1)
			return
		}
		t.verifyEnd(start, &p, kind)
	}
	if src[p] == '0' && p+1 < len(src) && (src[p+1]|0x20 == 'x' || src[p+1]|0x20 == 'o' || src[p+1]|0x20 == 'b') {
		c := src[p+1] | 0x20
		p += 2
		switch c {
		case 'x':
			radixErr("hexadecimal", isHex)
		case 'o':
			radixErr("octal", isOct)
		case 'b':
			radixErr("binary", isBin)
		}
		if t.err != nil {
			return
		}
		t.pos = p
		t.emit(NUMBER, start, p, t.line, scol, string(src[start:p]))
		return
	}
	isFloat := false
	if src[p] != '.' {
		leadingZero := src[p] == '0'
		if !digits(isDec) {
			return
		}
		if leadingZero {
			nonzero := false
			for _, c := range src[start:p] {
				if c != '0' && c != '_' {
					nonzero = true
				}
			}
			if nonzero && (p >= len(src) || (src[p] != '.' && src[p]|0x20 != 'e' && src[p]|0x20 != 'j')) {
				// find the end of the (decimal) digits for the error range
				nz := 0
				for start+nz < p && (src[start+nz] == '0' || src[start+nz] == '_') {
					nz++
				}
				t.errorAt(SyntaxErrorKind, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", t.line, scol, t.line, scol+nz)
				return
			}
		}
	}
	if p < len(src) && src[p] == '.' {
		isFloat = true
		p++
		if p < len(src) && isDec(src[p]) {
			if !digits(isDec) {
				return
			}
		}
	}
	if p < len(src) && src[p]|0x20 == 'e' {
		q := p
		p++
		if p < len(src) && (src[p] == '+' || src[p] == '-') {
			p++
		}
		if p >= len(src) || !isDec(src[p]) {
			p = q
			t.verifyEnd(start, &p, "decimal")
			if t.err != nil {
				return
			}
			t.pos = p
			t.emit(NUMBER, start, p, t.line, scol, string(src[start:p]))
			return
		}
		isFloat = true
		if !digits(isDec) {
			return
		}
	}
	_ = isFloat
	if p < len(src) && src[p]|0x20 == 'j' {
		p++
	}
	t.verifyEnd(start, &p, "decimal")
	if t.err != nil {
		return
	}
	t.pos = p
	t.emit(NUMBER, start, p, t.line, scol, string(src[start:p]))
}

// verifyEnd checks what follows a number literal, like CPython's verify_end_of_number.
func (t *tokenizer) verifyEnd(start int, p *int, kind string) {
	src := t.src
	if *p >= len(src) {
		return
	}
	c := src[*p]
	for _, kw := range [...]string{"and", "else", "for", "if", "in", "is", "not", "or"} {
		if strings.HasPrefix(string(src[*p:min(*p+len(kw)+1, len(src))]), kw) {
			// keyword directly after a number: DeprecationWarning in 3.11
			t.warnings = append(t.warnings, Warning{"DeprecationWarning", "invalid " + kind + " literal", t.line, *p - t.lineOff})
			return
		}
	}
	if c < 0x80 && isIDContinue(rune(c)) || c >= 0x80 {
		r, _ := utf8.DecodeRune(src[*p:])
		if c >= 0x80 && !isIDStart(r) {
			return
		}
		q := *p + 1
		t.errorAt(SyntaxErrorKind, "invalid "+kind+" literal", t.line, start-t.lineOff, t.line, q-t.lineOff)
	}
}

// str scans a string literal; t.pos is at the opening quote (after the prefix).
func (t *tokenizer) str(start, scol int) {
	src := t.src
	p := t.pos
	q := src[p]
	triple := p+2 < len(src) && src[p+1] == q && src[p+2] == q
	sline := t.line
	slineOff := t.lineOff
	if triple {
		p += 3
		for {
			if p >= t.origLen || p >= len(src) {
				t.line, t.lineOff = sline, slineOff
				t.errorAt(SyntaxErrorKind, fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", t.countLinesTo(len(src)-1, sline, slineOff)), sline, scol, sline, scol+1)
				return
			}
			c := src[p]
			if c == q && p+2 < len(src) && src[p+1] == q && src[p+2] == q {
				p += 3
				break
			}
			if c == '\\' {
				p++
				if p < len(src) && src[p] == '\r' {
					src[p] = '\n'
					if p+1 < len(src) && src[p+1] == '\n' {
						// keep CRLF as two chars; the parser normalises
					}
				}
				if p < len(src) && src[p] == '\n' {
					t.newline(p + 1)
				}
				p++
				continue
			}
			if c == '\r' {
				if p+1 < len(src) && src[p+1] == '\n' {
					p++
				} else {
					src[p] = '\n'
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
			if p >= len(src) {
				t.errorAt(SyntaxErrorKind, fmt.Sprintf("unterminated string literal (detected at line %d)", sline), sline, scol, sline, scol+1)
				return
			}
			c := src[p]
			if c == q {
				p++
				break
			}
			if c == '\n' || c == '\r' {
				t.errorAt(SyntaxErrorKind, fmt.Sprintf("unterminated string literal (detected at line %d)", t.line), sline, scol, sline, scol+1)
				return
			}
			if c == '\\' {
				p++
				if p < len(src) && src[p] == '\r' {
					if p+1 < len(src) && src[p+1] == '\n' {
						p++
					} else {
						src[p] = '\n'
					}
				}
				if p < len(src) && src[p] == '\n' {
					if p+1 >= t.origLen {
						t.errorAt(SyntaxErrorKind, fmt.Sprintf("unterminated string literal (detected at line %d)", t.line), sline, scol, sline, scol+1)
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
	t.toks = append(t.toks, Token{Kind: STRING, Line: int32(sline), Col: int32(scol), EndLine: int32(t.line), EndCol: int32(p - t.lineOff), Start: int32(start), End: int32(p), Text: string(src[start:p]), Level: int32(len(t.parens))})
}

func (t *tokenizer) countLinesTo(end, line, lineOff int) int {
	for i := lineOff; i < end && i < len(t.src); i++ {
		if t.src[i] == '\n' {
			line++
		}
	}
	return line
}
