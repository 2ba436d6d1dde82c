package ast

import "unicode/utf8"

func decodeUTF8(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

func appendUTF8(b []byte, r rune) []byte { return utf8.AppendRune(b, r) }
