package syntax

import (
	"fmt"
	"strings"

	"gopyc/ast"
)

// fstring parses the body of one f-string token into sb (Python 3.11 semantics: the whole
// f-string is one STRING token; expressions are re-tokenized and parsed separately).
// body starts at byte offset off of p.text(t). depth is the format-spec nesting level.
func (p *parser) fstring(sb *strBuilder, t *Token, pr strPrefix, body string, off, depth int, whole ast.Pos, kind string) int {
	i := 0
	for i < len(body) {
		// literal part
		litStart := i
		doubled := false
		for i < len(body) {
			c := body[i]
			if !pr.raw && c == '\\' && i+1 < len(body) && body[i+1] != '{' && body[i+1] != '}' {
				if body[i+1] == 'N' && i+2 < len(body) && body[i+2] == '{' {
					j := strings.IndexByte(body[i+2:], '}')
					if j < 0 {
						i = len(body)
						break
					}
					i += 2 + j + 1
					continue
				}
				i += 2
				continue
			}
			if c == '{' || c == '}' {
				if depth == 0 {
					if i+1 < len(body) && body[i+1] == c {
						doubled = true
						break
					}
					if c == '}' {
						p.fstringError("f-string: single '}' is not allowed")
					}
				}
				break
			}
			i++
		}
		lit := body[litStart:i]
		if len(lit) > 0 {
			if pr.raw || strings.IndexByte(lit, '\\') < 0 {
				sb.lit = append(sb.lit, lit...)
			} else {
				sb.lit = p.unescape(sb.lit, t, lit, false)
			}
		}
		if doubled {
			sb.lit = append(sb.lit, body[i])
			i += 2
			continue
		}
		if i >= len(body) {
			break
		}
		if body[i] == '}' {
			// end of a nested format spec
			return i
		}
		// expression
		i = p.fstringExpr(sb, t, pr, body, off, i, depth, whole, kind)
	}
	return i
}

func (p *parser) fstringError(msg string) {
	p.raiseTok(msg, p.peek())
}

// fstringExpr parses "{expr[=][!c][:spec]}" starting at body[i] == '{'; it returns the index after '}'.
func (p *parser) fstringExpr(sb *strBuilder, t *Token, pr strPrefix, body string, off, i, depth int, whole ast.Pos, kind string) int {
	if depth >= 2 {
		p.fstringError("f-string: expressions nested too deeply")
	}
	braceIdx := i
	i++
	exprStart := i
	var quote byte
	strType := 0
	var stack []byte
	for i < len(body) {
		c := body[i]
		if c == '\\' {
			p.fstringError("f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if c == quote {
				if strType == 3 {
					if i+2 < len(body) && body[i+1] == c && body[i+2] == c {
						i += 3
						quote, strType = 0, 0
						continue
					}
				} else {
					quote, strType = 0, 0
				}
			}
			i++
			continue
		}
		switch {
		case c == '\'' || c == '"':
			if i+2 < len(body) && body[i+1] == c && body[i+2] == c {
				strType = 3
				i += 2
			} else {
				strType = 1
			}
			quote = c
		case c == '[' || c == '(' || c == '{':
			if len(stack) >= maxLevel {
				p.fstringError("f-string: too many nested parenthesis")
			}
			stack = append(stack, c)
		case c == '#':
			p.fstringError("f-string expression part cannot include '#'")
		case len(stack) == 0 && (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<'):
			if i+1 < len(body) {
				n := body[i+1]
				if c == '!' && n == '=' || c == '=' && n == '=' || c == '<' && n == '=' || c == '>' && n == '=' {
					i += 2
					continue
				}
			}
			if c == '>' || c == '<' {
				i++
				continue
			}
			goto endExpr
		case c == ']' || c == ')' || c == '}':
			if len(stack) == 0 {
				p.fstringError(fmt.Sprintf("f-string: unmatched '%c'", c))
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !(o == '(' && c == ')' || o == '[' && c == ']' || o == '{' && c == '}') {
				p.fstringError(fmt.Sprintf("f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", c, o))
			}
		}
		i++
	}
endExpr:
	exprEnd := i
	if quote != 0 {
		p.fstringError("f-string: unterminated string")
	}
	if len(stack) > 0 {
		p.fstringError(fmt.Sprintf("f-string: unmatched '%c'", stack[len(stack)-1]))
	}
	if i >= len(body) {
		p.fstringError("f-string: expecting '}'")
	}
	exprText := body[exprStart:exprEnd]
	if strings.Trim(exprText, " \t\n\r\f\v") == "" {
		if c := body[i]; c == '!' || c == ':' || c == '=' {
			p.fstringError(fmt.Sprintf("f-string: expression required before '%c'", c))
		}
		p.fstringError("f-string: empty expression not allowed")
	}
	value := p.fstringCompile(t, off+braceIdx, exprText)
	debug := ""
	isDebug := false
	if body[i] == '=' {
		i++
		for i < len(body) && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' || body[i] == '\f' || body[i] == '\v') {
			i++
		}
		debug = body[exprStart:i]
		isDebug = true
	}
	if i >= len(body) {
		p.fstringError("f-string: expecting '}'")
	}
	conversion := -1
	if body[i] == '!' {
		i++
		if i >= len(body) {
			p.fstringError("f-string: expecting '}'")
		}
		conversion = int(body[i])
		i++
		if conversion != 's' && conversion != 'r' && conversion != 'a' {
			p.fstringError("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
	}
	if i >= len(body) {
		p.fstringError("f-string: expecting '}'")
	}
	var spec ast.Expr
	if body[i] == ':' {
		i++
		sub := &strBuilder{}
		n := p.fstring(sub, t, pr, body[i:], off+i, depth+1, whole, kind)
		i += n
		tp := ast.Pos{Lineno: int(t.Line), ColOffset: int(t.Col), EndLineno: int(t.EndLine), EndColOffset: int(t.EndCol)}
		p.flushLit(sub, tp, kind) // CPython finishes a format spec with the token's own position
		spec = &ast.JoinedStr{Pos: tp, Values: sub.nonNilValues()}
	}
	if i >= len(body) || body[i] != '}' {
		p.fstringError("f-string: expecting '}'")
	}
	i++
	if isDebug {
		sb.lit = append(sb.lit, debug...)
		if conversion == -1 && spec == nil {
			conversion = 'r'
		}
	}
	p.flushLit(sb, whole, kind)
	sb.values = append(sb.values, &ast.FormattedValue{Pos: whole, Value: value, Conversion: conversion, FormatSpec: spec})
	return i
}

// fstringCompile parses the expression text found at byte offset braceOff ('{') of token t.
func (p *parser) fstringCompile(t *Token, braceOff int, expr string) ast.Expr {
	text := p.text(t)
	// location of the expression, as CPython's fstring_find_expr_location computes it
	lines, cols := 0, 0
	newlineAfterBrace := true
	for k := braceOff + 1; k < len(text) && text[k] != '}' && text[k] != '\n'; k++ {
		if text[k] != ' ' && text[k] != '\t' && text[k] != '\f' {
			newlineAfterBrace = false
			break
		}
	}
	if !newlineAfterBrace {
		s := braceOff
		for s > 0 && text[s] != '\n' {
			s--
		}
		cols = braceOff - s
		if text[s] == '\n' {
			cols--
		}
	}
	for k := 0; k < braceOff; k++ {
		if text[k] == '\n' {
			lines++
		}
	}
	startCol := cols
	if lines == 0 {
		startCol += int(t.Col)
	}
	lineBase := int(t.Line) + lines - 1
	tk := newTokenizer("("+expr+")", p.filename, false)
	tk.run()
	for k := range tk.toks {
		tt := &tk.toks[k]
		if tt.Line == 1 {
			tt.Col += int32(startCol)
		}
		if tt.EndLine == 1 {
			tt.EndCol += int32(startCol)
		}
		tt.Line += int32(lineBase)
		tt.EndLine += int32(lineBase)
	}
	fix := func(e *Error) *Error {
		if e == nil || e.fromFstring {
			return e
		}
		e2 := *e
		e2.fromFstring = true
		if e == tk.err {
			// tokenizer errors keep their message; lines are made absolute
			e2.Lineno += lineBase
			e2.EndLineno += lineBase
			return &e2
		}
		e2.Msg = "f-string: " + e.Msg
		return &e2
	}
	sub := &parser{toks: tk.toks, src: tk.src, filename: p.filename, tok: tk, depth: p.depth, fstr: true, fstrCol: startCol, fstrLine: lineBase}
	sub.slabs, sub.es, sub.ss = p.slabs, p.es, p.ss // share the node arrays and list stacks
	nes, nss := len(p.es), len(p.ss)
	e := sub.fstringInput()
	p.esTop, p.ssTop = max(p.esTop, sub.esTop, len(sub.es)), max(p.ssTop, sub.ssTop, len(sub.ss))
	p.slabs, p.es, p.ss = sub.slabs, sub.es[:nes], sub.ss[:nss]
	if e == nil {
		err := sub.err
		if err == nil {
			sub2 := &parser{slabs: new(nodeSlabs), toks: tk.toks, src: tk.src, filename: p.filename, tok: tk, depth: p.depth, invalid: true, pass2: true, fstr: true, fstrCol: startCol, fstrLine: lineBase}
			sub2.fstringInput()
			err = sub2.err
			if err == nil {
				err, _ = sub.genericError()
			}
		}
		if p.err == nil {
			p.err = fix(err)
		}
		panic(bailout{})
	}
	p.warnings = append(p.warnings, sub.warnings...)
	return e
}

func (p *parser) fstringInput() (e ast.Expr) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			e = nil
		}
	}()
	e = p.starExpressions()
	for p.kind() == NEWLINE {
		p.pos++
	}
	p.expect(EOF)
	return e
}
