package syntax

import (
	"gopyc/ast"
)

// looksLikeMatch reports whether a statement starting with the soft keyword "match" is a match
// statement: "match" subject_expr ':' NEWLINE.
func (p *parser) looksLikeMatch() bool {
	save, nwarn := p.pos, len(p.warnings)
	defer func() { p.warnings = p.warnings[:nwarn] }() // the subject is parsed again
	ok := p.try(func() {
		p.pos++
		p.subjectExpr()
		if p.invalid && p.kind() == NEWLINE {
			p.raiseTok("expected ':'", p.peek())
		}
		p.expect(COLON)
		p.expect(NEWLINE)
	})
	p.pos = save
	return ok
}

func (p *parser) subjectExpr() ast.Expr {
	start := p.pos
	first := p.starNamedExpression()
	if p.kind() != COMMA {
		if _, ok := first.(*ast.Starred); ok {
			p.fail()
		}
		return first
	}
	elts := []ast.Expr{first}
	for p.got(COMMA) {
		if p.kind() == COLON {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	return newNode(&p.slabs.tuple, ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Load})
}

func (p *parser) matchStmt() ast.Stmt {
	start := p.pos
	p.pos++ // match
	subject := p.subjectExpr()
	p.expect(COLON)
	p.expect(NEWLINE)
	if p.kind() != INDENT {
		if p.invalid {
			n := p.peek()
			p.raiseTokKind(IndentationErrorKind, "expected an indented block after 'match' statement on line "+itoa(int(p.toks[start].Line)), n)
		}
		p.fail()
	}
	p.pos++
	var cases []*ast.MatchCase
	for p.isSoft("case") {
		cases = append(cases, p.caseBlock())
	}
	if len(cases) == 0 {
		p.fail()
	}
	p.expect(DEDENT)
	return &ast.Match{Pos: p.span(start), Subject: subject, Cases: cases}
}

func (p *parser) caseBlock() *ast.MatchCase {
	caseTok := p.pos
	p.pos++
	pat := p.patterns()
	var guard ast.Expr
	if p.got(KW_if) {
		guard = p.namedExpression()
	}
	p.expectColon(false)
	body := p.block("'case' statement", caseTok)
	return &ast.MatchCase{Pattern: pat, Guard: guard, Body: body}
}

// patterns: open_sequence_pattern | pattern
func (p *parser) patterns() ast.Pattern {
	start := p.pos
	first := p.maybeStarPattern()
	if p.kind() != COMMA {
		if _, ok := first.(*ast.MatchStar); ok {
			p.fail()
		}
		return first
	}
	pats := []ast.Pattern{first}
	for p.got(COMMA) {
		if p.kind() == COLON || p.kind() == KW_if {
			break
		}
		pats = append(pats, p.maybeStarPattern())
	}
	return &ast.MatchSequence{Pos: p.span(start), Patterns: pats}
}

func (p *parser) maybeStarPattern() ast.Pattern {
	if p.kind() == STAR {
		start := p.pos
		p.pos++
		name := p.text(p.expect(NAME))
		if name == "_" {
			name = ""
		}
		return &ast.MatchStar{Pos: p.span(start), Name: name}
	}
	return p.pattern()
}

// pattern: as_pattern | or_pattern
func (p *parser) pattern() ast.Pattern {
	p.enter(4)
	defer p.leave(4)
	start := p.pos
	or := p.orPattern()
	if p.got(KW_as) {
		t := p.peek()
		if t.Kind != NAME {
			if p.invalid {
				s := p.pos
				var e ast.Expr
				if p.withoutInvalid(func() { e = p.expression() }) {
					p.pos = s
					p.raiseNode("invalid pattern target", e)
				}
			}
			p.fail()
		}
		if p.text(t) == "_" {
			if p.invalid {
				p.raiseTok("cannot use '_' as a target", t)
			}
			p.fail()
		}
		p.pos++
		if k := p.kind(); k == DOT || k == LPAR || k == EQUAL {
			p.fail()
		}
		return &ast.MatchAs{Pos: p.span(start), Pattern: or, Name: p.text(t)}
	}
	return or
}

func (p *parser) orPattern() ast.Pattern {
	start := p.pos
	first := p.closedPattern()
	if p.kind() != VBAR {
		return first
	}
	pats := []ast.Pattern{first}
	for p.got(VBAR) {
		pats = append(pats, p.closedPattern())
	}
	return &ast.MatchOr{Pos: p.span(start), Patterns: pats}
}

// signedNumber: NUMBER | '-' NUMBER, optionally followed by (+|-) imaginary NUMBER.
func (p *parser) literalExpr() ast.Expr {
	start := p.pos
	t := p.peek()
	switch t.Kind {
	case KW_None, KW_True, KW_False:
		return p.atom()
	case STRING:
		return p.strings()
	case NUMBER, MINUS:
	default:
		p.fail()
	}
	var e ast.Expr
	if p.got(MINUS) {
		n := p.expect(NUMBER)
		c := &ast.Constant{Pos: p.span(p.pos - 1), Value: p.number(n)}
		e = newNode(&p.slabs.unaryOp, ast.UnaryOp{Pos: p.span(start), Op: ast.USub, Operand: c})
	} else {
		p.pos++
		e = &ast.Constant{Pos: p.span(start), Value: p.number(t)}
	}
	if k := p.kind(); k == PLUS || k == MINUS {
		op := ast.Add
		if k == MINUS {
			op = ast.Sub
		}
		p.pos++
		n := p.expect(NUMBER)
		v := p.number(n)
		c := &ast.Constant{Pos: p.span(p.pos - 1), Value: v}
		if lv := leftReal(e); lv == nil {
			if p.invalid {
				p.raiseNode("real number required in complex literal", e)
			}
			p.fail()
		}
		if v.Kind != ast.ComplexKind {
			if p.invalid {
				p.raiseNode("imaginary number required in complex literal", c)
			}
			p.fail()
		}
		e = newNode(&p.slabs.binOp, ast.BinOp{Pos: p.span(start), Left: e, Op: op, Right: c})
	}
	return e
}

func leftReal(e ast.Expr) ast.Expr {
	c, ok := e.(*ast.Constant)
	if !ok {
		if u, ok2 := e.(*ast.UnaryOp); ok2 {
			c, ok = u.Operand.(*ast.Constant)
		}
	}
	if !ok || c.Value.Kind == ast.ComplexKind {
		return nil
	}
	return e
}

func (p *parser) nameOrAttr() ast.Expr {
	start := p.pos
	t := p.expect(NAME)
	var e ast.Expr = &ast.Name{Pos: p.span(start), Id: p.text(t), Ctx: ast.Load}
	for p.kind() == DOT {
		p.pos++
		n := p.expect(NAME)
		e = &ast.Attribute{Pos: p.span(start), Value: e, Attr: p.text(n), Ctx: ast.Load}
	}
	return e
}

func (p *parser) closedPattern() ast.Pattern {
	start := p.pos
	t := p.peek()
	switch t.Kind {
	case KW_None:
		p.pos++
		return &ast.MatchSingleton{Pos: p.span(start), Value: ast.None}
	case KW_True:
		p.pos++
		return &ast.MatchSingleton{Pos: p.span(start), Value: ast.True}
	case KW_False:
		p.pos++
		return &ast.MatchSingleton{Pos: p.span(start), Value: ast.False}
	case NUMBER, MINUS, STRING:
		e := p.literalExpr()
		return &ast.MatchValue{Pos: posOf(e), Value: e}
	case NAME:
		e := p.nameOrAttr()
		if p.kind() == LPAR {
			return p.classPattern(start, e)
		}
		if n, ok := e.(*ast.Name); ok {
			if n.Id == "_" {
				return &ast.MatchAs{Pos: p.span(start)}
			}
			if k := p.kind(); k == EQUAL {
				p.fail()
			}
			return &ast.MatchAs{Pos: p.span(start), Name: n.Id}
		}
		if k := p.kind(); k == EQUAL {
			p.fail()
		}
		return &ast.MatchValue{Pos: posOf(e), Value: e}
	case LPAR:
		p.pos++
		if p.got(RPAR) {
			return &ast.MatchSequence{Pos: p.span(start), Patterns: []ast.Pattern{}}
		}
		first := p.maybeStarPattern()
		if p.got(RPAR) {
			if _, ok := first.(*ast.MatchStar); ok {
				return &ast.MatchSequence{Pos: p.span(start), Patterns: []ast.Pattern{first}}
			}
			return first // group pattern
		}
		pats := []ast.Pattern{first}
		p.expect(COMMA)
		for p.kind() != RPAR {
			pats = append(pats, p.maybeStarPattern())
			if !p.got(COMMA) {
				break
			}
		}
		p.expect(RPAR)
		return &ast.MatchSequence{Pos: p.span(start), Patterns: pats}
	case LSQB:
		p.pos++
		pats := []ast.Pattern{}
		for p.kind() != RSQB {
			pats = append(pats, p.maybeStarPattern())
			if !p.got(COMMA) {
				break
			}
		}
		p.expect(RSQB)
		return &ast.MatchSequence{Pos: p.span(start), Patterns: pats}
	case LBRACE:
		return p.mappingPattern()
	}
	p.fail()
	return nil
}

func (p *parser) mappingPattern() ast.Pattern {
	start := p.pos
	p.pos++
	keys := []ast.Expr{}
	pats := []ast.Pattern{}
	rest := ""
	for p.kind() != RBRACE {
		if p.got(DOUBLESTAR) {
			if t := p.peek(); t.Kind != NAME || p.text(t) == "_" {
				p.fail()
			}
			rest = p.text(p.next())
			if k := p.kind(); k == DOT || k == LPAR || k == EQUAL {
				p.fail()
			}
			p.got(COMMA)
			if p.kind() != RBRACE && p.invalid {
				p.raiseTok("invalid syntax", p.peek())
			}
			break
		}
		var k ast.Expr
		if p.kind() == NAME {
			k = p.nameOrAttr()
			if _, ok := k.(*ast.Attribute); !ok {
				p.fail()
			}
		} else {
			k = p.literalExpr()
		}
		p.expect(COLON)
		keys = append(keys, k)
		pats = append(pats, p.pattern())
		if !p.got(COMMA) {
			break
		}
	}
	p.expect(RBRACE)
	return &ast.MatchMapping{Pos: p.span(start), Keys: keys, Patterns: pats, Rest: rest}
}

func (p *parser) classPattern(start int, cls ast.Expr) ast.Pattern {
	p.expect(LPAR)
	pats := []ast.Pattern{}
	kwdAttrs := []string{}
	kwdPats := []ast.Pattern{}
	for p.kind() != RPAR {
		if p.kind() == NAME && p.kindAt(1) == EQUAL {
			kwdAttrs = append(kwdAttrs, p.text(p.next()))
			p.pos++
			kwdPats = append(kwdPats, p.pattern())
		} else {
			pat := p.pattern()
			if len(kwdAttrs) > 0 {
				if p.invalid {
					p.raiseNode("positional patterns follow keyword patterns", pat)
				}
				p.fail()
			}
			pats = append(pats, pat)
		}
		if !p.got(COMMA) {
			break
		}
	}
	p.expect(RPAR)
	return &ast.MatchClass{Pos: p.span(start), Cls: cls, Patterns: pats, KwdAttrs: kwdAttrs, KwdPatterns: kwdPats}
}
