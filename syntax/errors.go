package syntax

import (
	"strings"
	"unicode/utf8"
)

// ErrorKind is the Python exception class of an Error.
type ErrorKind uint8

// Error kinds.
const (
	SyntaxErrorKind ErrorKind = iota
	IndentationErrorKind
	TabErrorKind
	// MemoryErrorKind is CPython's MemoryError for sources nested too deeply for its parser
	// (Msg is empty).
	MemoryErrorKind
)

func (k ErrorKind) String() string {
	switch k {
	case IndentationErrorKind:
		return "IndentationError"
	case TabErrorKind:
		return "TabError"
	case MemoryErrorKind:
		return "MemoryError"
	}
	return "SyntaxError"
}

// Error is a Python SyntaxError (or IndentationError / TabError). Lineno, Offset, EndLineno and
// EndOffset are the attributes of CPython's exception: lines are 1-based, offsets are 1-based
// character (code point) offsets; zero means None, and NoOffset (-1) is CPython's -1.
type Error struct {
	Kind      ErrorKind
	Msg       string
	Filename  string
	Lineno    int
	Offset    int
	EndLineno int
	EndOffset int
	Text      string // the source line, with its newline; "" for None
	HasText   bool

	fromFstring bool // already adjusted by an f-string sub-parser
}

func (e *Error) Error() string {
	if e.Msg == "" {
		return e.Kind.String()
	}
	return e.Kind.String() + ": " + e.Msg
}

// lineText returns line number ln (1-based) of src including its newline.
func lineText(src string, ln int) (string, int, bool) {
	off := 0
	for l := 1; l < ln; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return "", 0, false
		}
		off += i + 1
	}
	if off > len(src) {
		return "", 0, false
	}
	end := off
	for end < len(src) && src[end] != '\n' {
		end++
	}
	if end < len(src) {
		end++
	}
	return strings.Clone(src[off:end]), off, true // an error must not keep the whole source alive
}

// pyOffset is CPython's _PyPegen_byte_offset_to_character_offset(line, n) for a 1-based byte
// offset n: the line is decoded with errors="replace" (each invalid byte becomes U+FFFD, 3
// bytes in UTF-8), and the characters of the first n bytes of that text are counted.
func pyOffset(line string, n int) int {
	if n < 0 {
		return n
	}
	if !utf8.ValidString(line) {
		var b strings.Builder
		for i := 0; i < len(line); {
			r, k := utf8.DecodeRuneInString(line[i:])
			b.WriteRune(r)
			i += k
		}
		line = b.String()
	}
	if n > len(line) {
		return utf8.RuneCountInString(line) + 1
	}
	return utf8.RuneCountInString(line[:n])
}

// newError builds an Error from byte positions (col and endCol are 0-based byte columns).
func newError(kind ErrorKind, msg, filename string, src string, line, col, endLine, endCol int) *Error {
	e := &Error{Kind: kind, Msg: msg, Filename: filename, Lineno: line, EndLineno: endLine}
	text, _, ok := lineText(src, line)
	if ok {
		e.Text, e.HasText = text, true
		e.Offset = pyOffset(text, col+1)
	} else {
		e.Offset = col + 1
	}
	if endLine == line {
		e.EndOffset = pyOffset(text, endCol+1)
	} else if t2, _, ok := lineText(src, endLine); ok {
		e.EndOffset = pyOffset(t2, endCol+1)
	} else {
		e.EndOffset = endCol + 1
	}
	return e
}

// HasLine reports whether the error has a line number (CPython's lineno is not None).
func (e *Error) HasLine() bool { return e.Lineno != 0 || e.Offset != 0 }
