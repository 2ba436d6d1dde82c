package syntax

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// decodeSource converts source bytes to UTF-8 following PEP 263 (BOM, coding cookie in the first
// two lines) and normalises newlines (CRLF and lone CR become LF), as CPython does for source
// given as bytes.
func decodeSource(filename string, src []byte, owned bool) (string, bool, *Error) {
	bom := bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF})
	if bom {
		src = src[3:]
	}
	enc, cookieLine := findCookie(src)
	if enc != "" {
		norm := normalEncoding(enc)
		if bom && norm != "utf-8" {
			return "", false, &Error{Msg: "encoding problem: " + norm + " with BOM", Filename: filename, Lineno: 0, Offset: -1}
		}
		if norm != "utf-8" {
			name := lookupCodec(norm)
			if name == "" {
				return "", false, &Error{Msg: "unknown encoding: " + enc, Filename: filename, Lineno: 0, Offset: -1}
			}
			if name != "utf_8" {
				tbl := singleByteCodecs()[name]
				var b []byte
				for i, c := range src {
					r := tbl[c]
					if r < 0 {
						return "", false, &Error{Msg: fmt.Sprintf("(unicode error) '%s' codec can't decode byte 0x%02x in position %d: character maps to <undefined>", strings.ReplaceAll(name, "_", "-"), c, i), Filename: filename, Lineno: cookieLine}
					}
					b = utf8.AppendRune(b, rune(r))
				}
				src = b
			}
		}
	}
	return textOf(src, owned), bom || enc != "", nil
}

// textOf returns src as a string with CRLF and lone CR turned into LF. It is a copy (the
// caller's bytes may change) unless src is owned (see SourceOwned): the caller then promises
// that nothing modifies src any more, which is what makes sharing its memory safe.
func textOf(src []byte, owned bool) string {
	if bytes.IndexByte(src, '\r') >= 0 {
		return normalizeNewlines(string(src))
	}
	if owned && len(src) > 0 {
		return unsafe.String(&src[0], len(src))
	}
	return string(src)
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// findCookie finds a coding declaration in the first two lines.
func findCookie(src []byte) (string, int) {
	line1, rest, _ := bytes.Cut(src, []byte("\n"))
	if e := cookieIn(line1); e != "" {
		return e, 1
	}
	// only if the first line is blank or a comment
	t := bytes.TrimLeft(line1, " \t\f\r")
	if len(t) != 0 && t[0] != '#' {
		return "", 0
	}
	line2, _, _ := bytes.Cut(rest, []byte("\n"))
	if e := cookieIn(line2); e != "" {
		return e, 2
	}
	return "", 0
}

func cookieIn(line []byte) string {
	t := bytes.TrimLeft(line, " \t\f")
	if len(t) == 0 || t[0] != '#' {
		return ""
	}
	i := bytes.Index(t, []byte("coding"))
	for i >= 0 {
		j := i + 6
		if j < len(t) && (t[j] == ':' || t[j] == '=') {
			j++
			for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
				j++
			}
			k := j
			for k < len(t) && (isAlnum(t[k]) || t[k] == '-' || t[k] == '_' || t[k] == '.') {
				k++
			}
			if k > j {
				return string(t[j:k])
			}
		}
		n := bytes.Index(t[i+6:], []byte("coding"))
		if n < 0 {
			break
		}
		i = i + 6 + n
	}
	return ""
}

// normalEncoding mirrors CPython's get_normal_name.
func normalEncoding(s string) string {
	t := s
	if len(t) > 12 {
		t = t[:12]
	}
	l := strings.ToLower(strings.ReplaceAll(t, "_", "-"))
	if l == "utf-8" || strings.HasPrefix(l, "utf-8-") {
		return "utf-8"
	}
	for _, p := range []string{"latin-1", "iso-8859-1", "iso-latin-1"} {
		if l == p || strings.HasPrefix(l, p+"-") {
			return "iso-8859-1"
		}
	}
	return s
}

// lookupCodec returns the codec's canonical name ("utf_8" or a key of singleByteCodecs), or "".
func lookupCodec(name string) string {
	n := strings.ToLower(name)
	n = strings.NewReplacer("-", "_", " ", "_").Replace(n)
	if a, ok := codecAliases()[n]; ok {
		n = a
	}
	if n == "utf_8" || n == "utf8" {
		return "utf_8"
	}
	if _, ok := singleByteCodecs()[n]; ok {
		return n
	}
	return ""
}
