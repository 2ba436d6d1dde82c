package pycompile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"gopyc/internal/pyerrno"
	"gopyc/objects"
	"gopyc/syntax"
)

// OSError is a Python OSError (or one of its subclasses) raised by a file operation, with the
// class name and message CPython would show.
type OSError struct {
	Class    string        // FileNotFoundError, PermissionError, FileExistsError, OSError, ...
	Errno    syscall.Errno // 0 when the error has only a message
	Strerror string        // the C library's message for Errno, or the whole message
	Filename string
	HasName  bool
}

// Error is str(exc): "[Errno N] strerror: 'filename'", or the bare message.
func (e *OSError) Error() string {
	if e.Errno == 0 {
		return e.Strerror
	}
	s := "[Errno " + strconv.Itoa(int(e.Errno)) + "] " + e.Strerror
	if e.HasName {
		s += ": " + Repr(e.Filename)
	}
	return s
}

// ToOSError converts a Go file-system error to the OSError Python would raise; name is the file
// name to report when the error does not carry one.
func ToOSError(err error, name string) *OSError {
	var oe *OSError
	if errors.As(err, &oe) {
		return oe
	}
	var n syscall.Errno
	if errors.As(err, &n) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			name = pe.Path
		}
		var le *os.LinkError
		if errors.As(err, &le) {
			name = le.Old
		}
		return &OSError{Class: oserrorClass(n), Errno: n, Strerror: pyerrno.Strerror(n), Filename: name, HasName: true}
	}
	return &OSError{Class: "OSError", Strerror: err.Error()}
}

// Repr is Python's repr() of a file name: bytes that are not UTF-8 are shown as the lone
// surrogates that os.fsdecode's surrogateescape makes of them.
func Repr(name string) string {
	return objects.ReprStr(surrogateEscape(name))
}

// surrogateEscape turns each byte of s that is not part of valid UTF-8 into U+DC80+byte, encoded
// as WTF-8 (gopyc's internal string form).
func surrogateEscape(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = objects.AppendWTF8(b, rune(0xdc00+int(s[i])))
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// nullBytesMsg is the SyntaxError CPython's compile() raises for a NUL in the source; CPython's
// exception carries no file name or position.
const nullBytesMsg = "source code string cannot contain null bytes"

// syntaxErrorStr is str() of a SyntaxError: the message with the base name of the file and the
// line, when known.
func syntaxErrorStr(e *syntax.Error) string {
	fn, hasFn := e.Filename, e.Filename != ""
	if e.Msg == nullBytesMsg && e.Lineno == 0 && !e.HasText {
		hasFn = false
	}
	if hasFn {
		if i := strings.LastIndexByte(fn, '/'); i >= 0 {
			fn = fn[i+1:]
		}
	}
	switch {
	case hasFn && e.HasLine():
		return fmt.Sprintf("%s (%s, line %d)", e.Msg, fn, e.Lineno)
	case hasFn:
		return fmt.Sprintf("%s (%s)", e.Msg, fn)
	case e.HasLine():
		return fmt.Sprintf("%s (line %d)", e.Msg, e.Lineno)
	}
	return e.Msg
}

// decodeReplace decodes UTF-8 as Python's errors="replace" does, one U+FFFD per bad byte.
func decodeReplace(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// formatSyntaxError is traceback.format_exception_only for a SyntaxError, as the Python-level
// traceback module of 3.11 writes it (py_compile uses that, not the interpreter's C printer):
// the location line, the source line stripped of leading spaces and form feeds, the carets, and
// "SyntaxError: msg".
func formatSyntaxError(e *syntax.Error) string {
	var b strings.Builder
	suffix := ""
	hasFn := e.Filename != ""
	if e.Msg == nullBytesMsg && e.Lineno == 0 && !e.HasText {
		hasFn = false
	}
	if e.HasLine() {
		fn := e.Filename
		if !hasFn {
			fn = "<string>"
		}
		fmt.Fprintf(&b, "  File \"%s\", line %d\n", fn, e.Lineno)
	} else if hasFn {
		suffix = " (" + e.Filename + ")"
	}
	if e.HasText {
		rtext := []rune(strings.TrimRight(decodeReplace(e.Text), "\n"))
		ltext := rtext
		for len(ltext) > 0 && (ltext[0] == ' ' || ltext[0] == '\n' || ltext[0] == '\f') {
			ltext = ltext[1:]
		}
		spaces := len(rtext) - len(ltext)
		b.WriteString("    " + string(ltext) + "\n")
		if e.Offset != 0 {
			offset := e.Offset
			end := e.EndOffset
			if end == 0 {
				end = offset
			}
			if offset == end || end == -1 {
				end = offset + 1
			}
			col, endCol := offset-1-spaces, end-1-spaces
			if col >= 0 {
				b.WriteString("    ")
				for k := 0; k < col && k < len(ltext); k++ {
					if isSpace(ltext[k]) {
						b.WriteRune(ltext[k])
					} else {
						b.WriteByte(' ')
					}
				}
				if endCol > col {
					b.WriteString(strings.Repeat("^", endCol-col))
				}
				b.WriteString("\n")
			}
		}
	}
	msg := e.Msg
	if msg == "" {
		msg = "<no detail available>"
	}
	b.WriteString(e.Kind.String() + ": " + msg + suffix + "\n")
	return b.String()
}

// isSpace is Python's str.isspace for one character.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0, 0x1680,
		0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// withProgramText returns e with its source line filled in, when it has a line number but no
// text (errors of the compiler proper: symbol table, __future__ checks), the way CPython's
// PyErr_ProgramTextObject does it: line lineno of the file named by the error's file name (the
// display name, which may not exist), decoded as UTF-8 with replacement.
func withProgramText(e *syntax.Error) *syntax.Error {
	if e.HasText || e.Lineno <= 0 || e.Filename == "" {
		return e
	}
	data, err := os.ReadFile(fsEncode(e.Filename))
	if err != nil {
		return e
	}
	lines := strings.SplitAfter(string(data), "\n")
	if e.Lineno > len(lines) || lines[e.Lineno-1] == "" {
		return e
	}
	c := *e
	c.Text, c.HasText = decodeReplace(lines[e.Lineno-1]), true
	return &c
}

// BackslashReplace is how Python writes a str holding undecodable file-name bytes (lone
// surrogates after os.fsdecode) to a UTF-8 stream with errors="backslashreplace", as sys.stderr
// always does and compileall does for messages: each surrogate, whether still a raw byte of an
// OS name or already WTF-8 (gopyc's str form, e.g. in a compiler error's file name), becomes the
// text \udcXX.
func BackslashReplace(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if r, ok := wtf8Surrogate(s[i:]); ok {
			fmt.Fprintf(&b, "\\u%04x", r)
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, "\\udc%02x", s[i])
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// wtf8Surrogate decodes a WTF-8 encoded surrogate (ED A0..BF 80..BF) at the start of s.
func wtf8Surrogate(s string) (rune, bool) {
	if len(s) >= 3 && s[0] == 0xed && s[1] >= 0xa0 && s[1] <= 0xbf && s[2] >= 0x80 && s[2] <= 0xbf {
		return 0xd000 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), true
	}
	return 0, false
}

// fsEncode is os.fsencode of a gopyc str: the surrogates U+DC80..U+DCFF (WTF-8) become the raw
// bytes they stand for, giving back the OS file name.
func fsEncode(s string) string {
	if !strings.Contains(s, "\xed") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if r, ok := wtf8Surrogate(s[i:]); ok && r >= 0xdc80 && r <= 0xdcff {
			b = append(b, byte(r-0xdc00))
			i += 3
			continue
		}
		b = append(b, s[i])
		i++
	}
	return string(b)
}

// LessFSName orders file names as Python sorts the str names os.listdir returns: by code point,
// with undecodable bytes as the surrogates U+DC80..U+DCFF. For valid UTF-8 that is byte order.
func LessFSName(a, b string) bool {
	if utf8.ValidString(a) && utf8.ValidString(b) {
		return a < b
	}
	for a != "" && b != "" {
		ra, na := fsRune(a)
		rb, nb := fsRune(b)
		if ra != rb {
			return ra < rb
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) < len(b)
}

func fsRune(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n == 1 {
		return rune(0xdc00 + int(s[0])), 1
	}
	return r, n
}

// oserrorClass is the OSError subclass Python raises for n.
func oserrorClass(n syscall.Errno) string {
	if c := pyerrno.Class(n); c != "" {
		return c
	}
	return "OSError"
}
