package syntax

import (
	"strconv"
	"strings"
)

// FormatError formats e the way CPython 3.11 prints an uncaught SyntaxError (PyErr_Display):
//
//	  File "x.py", line 3
//	    source line
//	        ^^^^
//	SyntaxError: message
func FormatError(e *Error) string {
	if e.Kind == MemoryErrorKind {
		return e.Error() + "\n"
	}
	if e.Lineno == 0 && !e.HasText {
		// CPython cannot read a location without a line number: it prints str(exc).
		msg := e.Msg
		if msg == "" {
			msg = "<no detail available>"
		}
		if e.Filename != "" {
			msg += " (" + e.Filename + ")"
		}
		return e.Kind.String() + ": " + msg + "\n"
	}
	end := e.EndOffset
	if e.Kind != SyntaxErrorKind {
		end = -1 // CPython shows one caret for IndentationError and TabError
	}
	msg := e.Msg
	if msg == "" {
		msg = "<no detail available>"
	}
	return FormatLocation(e.Filename, e.Lineno, e.Offset, e.EndLineno, end, e.Text, e.HasText) +
		e.Kind.String() + ": " + msg + "\n"
}

// FormatLocation is the part of CPython's report of an uncaught SyntaxError that comes before
// the "SyntaxError: message" line, made from the exception's attribute values: the File line,
// then the source line (stripped, indented by four) with carets under offset..endOffset
// (1-based character offsets; endOffset -1 or not past offset gives one caret; an error that
// continues on later lines is marked to the end of its first line). filename "" stands for
// None; hasText false for text None; endLineno 0 for None.
func FormatLocation(filename string, lineno, offset, endLineno, endOffset int, text string, hasText bool) string {
	var b strings.Builder
	if filename == "" {
		filename = "<string>"
	}
	b.WriteString("  File \"" + filename + "\", line " + strconv.Itoa(lineno) + "\n")
	if hasText {
		if endLineno > lineno {
			endOffset = len(text)
		}
		if endOffset > len(text)+1 {
			endOffset = len(text) + 1
		}
		writeErrorText(&b, offset, endOffset, text)
	}
	return b.String()
}

func writeErrorText(b *strings.Builder, offset, endOffset int, text string) {
	reps := 1
	if endOffset > 0 && endOffset > offset {
		reps = endOffset - offset
	}
	rs := []rune(text)
	offset--
	for len(rs) > 0 && (rs[0] == ' ' || rs[0] == '\t' || rs[0] == '\f') {
		rs = rs[1:]
		offset--
	}
	n := len(rs)
	if n > 0 && rs[n-1] == '\n' {
		n--
	}
	if offset > n {
		offset = n
	}
	for {
		nl := -1
		for i, r := range rs {
			if r == '\n' {
				nl = i
				break
			}
		}
		if nl < 0 || nl >= offset {
			break
		}
		nl++
		rs = rs[nl:]
		n -= nl
		offset -= nl
	}
	b.WriteString("    ")
	b.WriteString(string(rs))
	if n >= len(rs) || rs[n] != '\n' {
		b.WriteString("\n")
	}
	if offset < 0 {
		return
	}
	b.WriteString("    ")
	b.WriteString(strings.Repeat(" ", offset))
	b.WriteString(strings.Repeat("^", reps))
	b.WriteString("\n")
}
