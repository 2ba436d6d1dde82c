package syntax

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"gopyc/ast"
)

// number converts a NUMBER token to a constant.
func (p *parser) number(t *Token) ast.Value {
	s := p.text(t)
	if len(s) <= 18 {
		// fast path: a decimal integer of at most 18 digits (no sign, no overflow)
		v := int64(0)
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				goto general
			}
			v = v*10 + int64(c-'0')
		}
		return ast.IntValue(v)
	}
general:
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "_", "")
	}
	last := s[len(s)-1]
	if last == 'j' || last == 'J' {
		f, _ := strconv.ParseFloat(s[:len(s)-1], 64)
		return ast.ComplexValue(0, f)
	}
	if len(s) > 1 && s[0] == '0' && (s[1]|0x20 == 'x' || s[1]|0x20 == 'o' || s[1]|0x20 == 'b') {
		base := 16
		switch s[1] | 0x20 {
		case 'o':
			base = 8
		case 'b':
			base = 2
		}
		if v, err := strconv.ParseInt(s[2:], base, 64); err == nil {
			return ast.IntValue(v)
		}
		b, _ := new(big.Int).SetString(s[2:], base)
		return ast.BigValue(b)
	}
	if strings.ContainsAny(s, ".eE") {
		f, _ := strconv.ParseFloat(s, 64)
		return ast.FloatValue(f)
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return ast.IntValue(v)
	}
	if len(s) > 4300 {
		p.raiseTok(fmt.Sprintf("Exceeds the limit (4300 digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", len(s)), t)
	}
	b, _ := new(big.Int).SetString(s, 10)
	return ast.BigValue(b)
}

type strPrefix struct {
	raw, bytes, fmt, u bool
}

func splitString(text string) (strPrefix, string, int) {
	var pr strPrefix
	i := 0
	for ; i < len(text); i++ {
		switch text[i] | 0x20 {
		case 'r':
			pr.raw = true
			continue
		case 'b':
			pr.bytes = true
			continue
		case 'f':
			pr.fmt = true
			continue
		case 'u':
			pr.u = true
			continue
		}
		break
	}
	q := 1
	if len(text)-i >= 6 && text[i+1] == text[i] && text[i+2] == text[i] {
		q = 3
	}
	return pr, text[i+q : len(text)-q], i + q
}

// strBuilder accumulates the parts of a (possibly implicitly concatenated) string.
type strBuilder struct {
	values []ast.Expr
	lit    []byte
	hasLit bool
}

// strings parses STRING+ into a Constant or JoinedStr.
func (p *parser) strings() ast.Expr {
	start := p.pos
	first := p.peek()
	if p.kindAt(1) != STRING && first.flags&tokNonASCII == 0 {
		// fast path: one ASCII literal, not an f-string, without escapes to decode (the
		// general code below examines the same tokens and comes to the same constant)
		pr, body, _ := splitString(p.text(first))
		if !pr.fmt && (pr.raw || strings.IndexByte(body, '\\') < 0) {
			p.pos++
			pos := p.span(start)
			if pr.bytes {
				return p.newConstant(pos, ast.BytesValue(body), "")
			}
			kind := ""
			if pr.u {
				kind = "u"
			}
			return p.newConstant(pos, ast.StrValue(body), kind)
		}
	}
	for p.kind() == STRING {
		p.pos++
	}
	end := p.pos
	pos := p.span(start)
	toks := p.toks[start:end]
	pr0, _, _ := splitString(p.text(first))
	anyF, anyBytes, anyStr := false, false, false
	for i := range toks {
		pr, _, _ := splitString(p.text(&toks[i]))
		if pr.fmt {
			anyF = true
		}
		if pr.bytes {
			anyBytes = true
		} else {
			anyStr = true
		}
	}
	if anyBytes && anyStr {
		p.raiseTok("cannot mix bytes and nonbytes literals", p.peek())
	}
	for i := range toks {
		if toks[i].flags&tokNonASCII != 0 && !utf8.ValidString(p.text(&toks[i])) {
			_, body, _ := splitString(p.text(&toks[i]))
			if msg := pyUTF8Error(body); msg != "" {
				p.raiseTok("(unicode error) "+msg, p.peek())
			}
		}
	}
	kind := ""
	if pr0.u {
		kind = "u"
	}
	if !anyF {
		if len(toks) == 1 {
			pr, body, _ := splitString(p.text(first))
			if pr.raw || strings.IndexByte(body, '\\') < 0 {
				if pr.bytes {
					p.decodeLiteral(nil, first, pr, body, 0) // ASCII check
					return p.newConstant(pos, ast.BytesValue(body), "")
				}
				return p.newConstant(pos, ast.StrValue(body), kind)
			}
		}
		// the value is at most as long as the literals (escapes only shrink), so one array
		// holds it; it becomes the string without a copy, as nothing else refers to it
		n := 0
		for i := range toks {
			n += int(toks[i].End - toks[i].Start)
		}
		b := make([]byte, 0, n)
		for i := range toks {
			t := &toks[i]
			pr, body, off := splitString(p.text(t))
			b = p.decodeLiteral(b, t, pr, body, off)
		}
		v := unsafe.String(unsafe.SliceData(b), len(b))
		if anyBytes {
			return p.newConstant(pos, ast.BytesValue(v), "")
		}
		return p.newConstant(pos, ast.StrValue(v), kind)
	}
	sb := &strBuilder{}
	for i := range toks {
		t := &toks[i]
		pr, body, off := splitString(p.text(t))
		if !pr.fmt {
			sb.lit = p.decodeLiteral(sb.lit, t, pr, body, off)
			sb.hasLit = true
			continue
		}
		p.fstring(sb, t, pr, body, off, 0, pos, kind)
	}
	p.flushLit(sb, pos, kind)
	return &ast.JoinedStr{Pos: pos, Values: sb.nonNilValues()}
}

func (sb *strBuilder) nonNilValues() []ast.Expr {
	if sb.values == nil {
		return []ast.Expr{}
	}
	return sb.values
}

func (p *parser) flushLit(sb *strBuilder, pos ast.Pos, kind string) {
	if len(sb.lit) > 0 {
		sb.values = append(sb.values, &ast.Constant{Pos: pos, Value: ast.StrValue(string(sb.lit)), Kind: kind})
	}
	sb.lit = sb.lit[:0:0]
	sb.hasLit = false
}

func (p *parser) warnAt(t *Token, msg string) {
	p.warnings = append(p.warnings, Warning{Category: "DeprecationWarning", Msg: msg, Lineno: int(t.Line), Offset: int(t.Col) + 1})
}

// decodeLiteral appends the value of a non-f string literal body to b.
func (p *parser) decodeLiteral(b []byte, t *Token, pr strPrefix, body string, off int) []byte {
	if pr.bytes {
		for i := 0; i < len(body); i++ {
			if body[i] >= 0x80 {
				p.raiseTok("bytes can only contain ASCII literal characters", t)
			}
		}
	}
	if pr.raw || strings.IndexByte(body, '\\') < 0 {
		return append(b, body...)
	}
	return p.unescape(b, t, body, pr.bytes)
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f'
}

// unescape processes backslash escapes.
func (p *parser) unescape(b []byte, t *Token, s string, isBytes bool) []byte {
	firstInvalid := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		i++
		if i >= len(s) {
			// cannot happen: the tokenizer ensures a closing quote follows
			b = append(b, '\\')
			break
		}
		c = s[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"':
			b = append(b, c)
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'f':
			b = append(b, 12)
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, 11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for n := 0; n < 2 && i < len(s) && s[i] >= '0' && s[i] <= '7'; n++ {
				v = v*8 + int(s[i]-'0')
				i++
			}
			if v > 0o377 {
				if firstInvalid < 0 {
					p.warnings = append(p.warnings, Warning{Category: "DeprecationWarning", Msg: fmt.Sprintf("invalid octal escape sequence '\\%o'", v), Lineno: int(t.Line), Offset: int(t.Col) + 1})
				}
			}
			if isBytes {
				b = append(b, byte(v))
			} else {
				b = ast.AppendRune(b, rune(v))
			}
		case 'x':
			if i+2 > len(s) || !isHexDigit(s[i]) || !isHexDigit(s[i+1]) {
				if isBytes {
					p.raiseTok(fmt.Sprintf("(value error) invalid \\x escape at position %d", i-2), p.peek())
				}
				nh := 0
				for nh < 2 && i+nh < len(s) && isHexDigit(s[i+nh]) {
					nh++
				}
				p.raiseTok(fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated \\xXX escape", i-2, i-1+nh), p.peek())
			}
			v, _ := strconv.ParseUint(s[i:i+2], 16, 8)
			i += 2
			if isBytes {
				b = append(b, byte(v))
			} else {
				b = ast.AppendRune(b, rune(v))
			}
		case 'u', 'U', 'N':
			if isBytes {
				goto invalid
			}
			if c == 'N' {
				if i >= len(s) || s[i] != '{' {
					p.raiseTok(fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: malformed \\N character escape", i-2, i-1), p.peek())
				}
				j := strings.IndexByte(s[i:], '}')
				if j < 0 {
					p.raiseTok(fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: malformed \\N character escape", i-2, len(s)-1), p.peek())
				}
				name := s[i+1 : i+j]
				if name == "" {
					p.raiseTok(fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: malformed \\N character escape", i-2, i+j-1), p.peek())
				}
				r, ok := lookupName(name)
				if !ok {
					p.raiseTok(fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: unknown Unicode character name", i-2, i+j), p.peek())
				}
				b = ast.AppendRune(b, r)
				i += j + 1
				continue
			}
			n := 4
			if c == 'U' {
				n = 8
			}
			j := i
			for j < len(s) && j < i+n && isHexDigit(s[j]) {
				j++
			}
			if j-i < n {
				esc := "\\uXXXX"
				if c == 'U' {
					esc = "\\UXXXXXXXX"
				}
				p.raiseTok(fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated %s escape", i-2, j-1, esc), p.peek())
			}
			v, _ := strconv.ParseUint(s[i:j], 16, 32)
			if v > 0x10FFFF {
				p.raiseTok(fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character", i-2, j-1), p.peek())
			}
			b = ast.AppendRune(b, rune(v))
			i = j
		default:
			goto invalid
		}
		continue
	invalid:
		if firstInvalid < 0 {
			firstInvalid = i - 2
			if c >= 0x80 {
				r, _ := utf8.DecodeRuneInString(s[i-1:])
				p.warnAt(t, fmt.Sprintf("invalid escape sequence '\\%c'", r))
			} else {
				p.warnAt(t, fmt.Sprintf("invalid escape sequence '\\%c'", c))
			}
		}
		b = append(b, '\\', c)
	}
	return b
}

var (
	namesOnce sync.Once
	namesMap  map[string]rune
)

func lookupName(name string) (rune, bool) {
	name = strings.ToUpper(name)
	if strings.HasPrefix(name, "CJK UNIFIED IDEOGRAPH-") || strings.HasPrefix(name, "CJK COMPATIBILITY IDEOGRAPH-") ||
		strings.HasPrefix(name, "TANGUT IDEOGRAPH-") || strings.HasPrefix(name, "NUSHU CHARACTER-") || strings.HasPrefix(name, "KHITAN SMALL SCRIPT CHARACTER-") {
		h := name[strings.LastIndexByte(name, '-')+1:]
		v, err := strconv.ParseUint(h, 16, 32)
		if err == nil && (len(h) == 4 || len(h) == 5) {
			return rune(v), true
		}
		return 0, false
	}
	if strings.HasPrefix(name, "HANGUL SYLLABLE ") {
		return hangulSyllable(name[len("HANGUL SYLLABLE "):])
	}
	namesOnce.Do(func() {
		namesMap = make(map[string]rune, 40000)
		s := unicodeNames
		for len(s) > 0 {
			nl := strings.IndexByte(s, '\n')
			line := s[:nl]
			s = s[nl+1:]
			semi := strings.IndexByte(line, ';')
			v, _ := strconv.ParseUint(line[semi+1:], 16, 32)
			namesMap[line[:semi]] = rune(v)
		}
		for k, v := range nameAliases {
			namesMap[k] = v
		}
	})
	r, ok := namesMap[name]
	return r, ok
}

var nameAliases = map[string]rune{
	"BYTE ORDER MARK": 0xFEFF, "BOM": 0xFEFF, "ZWNBSP": 0xFEFF, "NBSP": 0xA0, "SHY": 0xAD,
	"LINE FEED": 0x0A, "LF": 0x0A, "NEW LINE": 0x0A, "END OF LINE": 0x0A, "NL": 0x0A, "EOL": 0x0A,
	"CARRIAGE RETURN": 0x0D, "CR": 0x0D, "CHARACTER TABULATION": 0x09, "TAB": 0x09,
	"NULL": 0, "NUL": 0, "ESCAPE": 0x1B, "ESC": 0x1B, "DELETE": 0x7F, "DEL": 0x7F,
	"SPACE": 0x20, "SP": 0x20, "FORM FEED": 0x0C, "FF": 0x0C, "BACKSPACE": 0x08, "BS": 0x08,
	"BELL": 0x07, "BEL": 0x07, "ALERT": 0x07, "LINE TABULATION": 0x0B, "VT": 0x0B,
	"ZWSP": 0x200B, "ZWNJ": 0x200C, "ZWJ": 0x200D, "LRM": 0x200E, "RLM": 0x200F,
	"NEXT LINE": 0x85, "NEL": 0x85, "WJ": 0x2060, "NNBSP": 0x202F, "MMSP": 0x205F,
	"VS1": 0xFE00, "VS16": 0xFE0F, "CGJ": 0x34F, "ALM": 0x61C,
	"LATIN CAPITAL LETTER GHA": 0x1A2, "LATIN SMALL LETTER GHA": 0x1A3,
}

var (
	jamoL = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoV = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoT = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

func hangulSyllable(s string) (rune, bool) {
	for l, ls := range jamoL {
		if !strings.HasPrefix(s, ls) {
			continue
		}
		for v, vs := range jamoV {
			if !strings.HasPrefix(s[len(ls):], vs) {
				continue
			}
			for tt, ts := range jamoT {
				if s[len(ls)+len(vs):] == ts {
					return rune(hangulSBase + (l*hangulVCount+v)*hangulTCount + tt), true
				}
			}
		}
	}
	return 0, false
}

// pyUTF8Error describes the first invalid UTF-8 sequence of s as Python's utf-8 codec does.
func pyUTF8Error(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			continue
		}
		n := 0
		switch {
		case c >= 0xC2 && c <= 0xDF:
			n = 2
		case c >= 0xE0 && c <= 0xEF:
			n = 3
		case c >= 0xF0 && c <= 0xF4:
			n = 4
		default:
			return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", c, i)
		}
		for k := 1; k < n; k++ {
			if i+k >= len(s) {
				return fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: unexpected end of data", i, len(s)-1)
			}
			b := s[i+k]
			lo, hi := byte(0x80), byte(0xBF)
			if k == 1 {
				switch c {
				case 0xE0:
					lo = 0xA0
				case 0xED:
					hi = 0x9F
				case 0xF0:
					lo = 0x90
				case 0xF4:
					hi = 0x8F
				}
			}
			if b < lo || b > hi {
				if k == 1 {
					return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: invalid continuation byte", c, i)
				}
				return fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: invalid continuation byte", i, i+k-1)
			}
		}
		i += n
	}
	return ""
}
