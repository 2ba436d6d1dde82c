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
	var b strings.Builder
	suffix := ""
	if e.Lineno != 0 || e.HasText {
		fn := e.Filename
		if fn == "" {
			fn = "<string>"
		}
		b.WriteString("  File \"" + fn + "\", line " + strconv.Itoa(e.Lineno) + "\n")
	} else if e.Filename != "" {
		suffix = " (" + e.Filename + ")"
	}
	if e.HasText {
		end := e.EndOffset
		if e.Kind != SyntaxErrorKind {
			end = -1 // CPython shows one caret for IndentationError and TabError
		}
		writeErrorText(&b, e.Offset, end, e.Text)
	}
	msg := e.Msg
	if msg == "" {
		msg = "<no detail available>"
	}
	b.WriteString(e.Kind.String() + ": " + msg + suffix + "\n")
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
