package syntax

import (
	"gopyc/ast"
)

// expressions: expression (',' expression)* [','] (eval input)
func (p *parser) expressions() ast.Expr {
	start := p.pos
	e := p.expression()
	if p.kind() != COMMA {
		return e
	}
	elts := []ast.Expr{e}
	for p.got(COMMA) {
		if !p.startsExpression() {
			break
		}
		elts = append(elts, p.expression())
	}
	return newNode(&p.slabs.tuple, ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Load})
}

// startsExpression reports whether the next token can start an expression.
func (p *parser) startsExpression() bool {
	switch p.kind() {
	case NAME, NUMBER, STRING, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE, ELLIPSIS,
		KW_not, KW_lambda, KW_await, KW_None, KW_True, KW_False, STAR:
		return true
	}
	return false
}

// star_expressions
func (p *parser) starExpressions() ast.Expr {
	start := p.pos
	e := p.starExpression()
	if p.kind() != COMMA {
		return e
	}
	mark := len(p.es)
	p.es = append(p.es, e)
	for p.got(COMMA) {
		if !p.startsExpression() {
			break
		}
		p.es = append(p.es, p.starExpression())
	}
	return newNode(&p.slabs.tuple, ast.Tuple{Pos: p.span(start), Elts: p.exprsFrom(mark), Ctx: ast.Load})
}

func (p *parser) starExpression() ast.Expr {
	if p.kind() == STAR {
		start := p.pos
		p.pos++
		v := p.bitwiseOr()
		return &ast.Starred{Pos: p.span(start), Value: v, Ctx: ast.Load}
	}
	return p.expression()
}

// star_named_expression
func (p *parser) starNamedExpression() ast.Expr {
	if p.kind() == STAR {
		start := p.pos
		p.pos++
		v := p.bitwiseOr()
		return &ast.Starred{Pos: p.span(start), Value: v, Ctx: ast.Load}
	}
	return p.namedExpression()
}

func (p *parser) namedExpression() ast.Expr {
	if p.kind() == NAME && p.kindAt(1) == COLONEQUAL {
		start := p.pos
		t := p.next()
		target := &ast.Name{Pos: p.span(start), Id: p.text(t), Ctx: ast.Store}
		p.pos++
		v := p.expression()
		return &ast.NamedExpr{Pos: p.span(start), Target: target, Value: v}
	}
	start := p.pos
	e := p.expression()
	if p.invalid {
		p.invalidNamed(start, e)
	}
	if p.kind() == COLONEQUAL {
		p.fail()
	}
	return e
}

func (p *parser) expression() ast.Expr {
	// Fast path (first pass): an expression that starts with a primary is the primary when
	// no operator follows it, which is most of the time; this is expressionBody and
	// disjunction inlined, with the same tokens examined and depth charged.
	if k := p.kind(); !p.invalid && k != KW_lambda && !exprPrefixKinds[k] {
		start := p.pos
		p.enter(12)
		e := p.atom()
		if k := p.kind(); primaryTrailerKinds[k] {
			e = p.primaryRest(start, e)
		}
		if exprOpKinds[p.kind()] {
			e = p.disjunctionOps(start, e)
		}
		p.leave(11)
		if p.kind() == KW_if {
			e = p.ifExp(start, e)
		}
		p.leave(1)
		return e
	}
	p.enter(1)
	e := p.expressionBody()
	p.leave(1) // not deferred (see enter)
	return e
}

func (p *parser) expressionBody() ast.Expr {
	if p.kind() == KW_lambda {
		return p.lambdef()
	}
	start := p.pos
	p.enter(11)
	e := p.disjunction()
	p.leave(11)
	if p.invalid {
		// invalid_expression comes before invalid_legacy_expression in CPython's grammar
		p.invalidComma(start, e)
		end := p.pos
		p.pos = start
		p.invalidLegacy()
		p.pos = end
	}
	if p.kind() == KW_if {
		return p.ifExp(start, e)
	}
	return e
}

// ifExp continues an expression whose disjunction e (from token start) is followed by 'if'.
func (p *parser) ifExp(start int, e ast.Expr) ast.Expr {
	ifPos := p.pos
	p.pos++
	var test ast.Expr
	if p.pass2 {
		// PEG: if the conditional alternative fails, expression is just the disjunction
		if !p.try(func() { p.enter(11); test = p.disjunction(); p.leave(11) }) {
			p.pos = ifPos
			return e
		}
	} else {
		p.enter(11)
		test = p.disjunction()
		p.leave(11)
	}
	if p.kind() != KW_else {
		if p.invalid && p.kind() != COLON {
			p.raiseRange("expected 'else' after 'if' expression", e, test)
		}
		if p.pass2 {
			p.pos = ifPos
			return e
		}
		p.fail()
	}
	p.pos++
	orelse := p.expression()
	return &ast.IfExp{Pos: p.span(start), Test: test, Body: e, Orelse: orelse}
}

func (p *parser) yieldExpr() ast.Expr {
	start := p.pos
	p.expect(KW_yield)
	if p.got(KW_from) {
		v := p.expression()
		return &ast.YieldFrom{Pos: p.span(start), Value: v}
	}
	var v ast.Expr
	if p.startsExpression() {
		v = p.starExpressions()
	}
	return &ast.Yield{Pos: p.span(start), Value: v}
}

// exprPrefixKinds are the tokens that start a disjunction with a prefix operator ('not',
// unary '+' '-' '~', 'await'); exprOpKinds are those that can follow a primary inside a
// disjunction. For any other first token, the disjunction starts with a primary, and when no
// operator follows it (most of the time) the primary is the whole disjunction: disjunction
// then skips the ten levels of the chain.
var exprPrefixKinds = [256]bool{KW_not: true, PLUS: true, MINUS: true, TILDE: true, KW_await: true}

var exprOpKinds = func() (t [256]bool) {
	t = binOpKinds
	for _, k := range []Kind{DOUBLESTAR, EQEQUAL, NOTEQUAL, LESS, LESSEQUAL, GREATER, GREATEREQUAL,
		KW_in, KW_not, KW_is, KW_and, KW_or} {
		t[k] = true
	}
	return t
}()

func (p *parser) disjunction() ast.Expr {
	start := p.pos
	if exprPrefixKinds[p.kind()] {
		return p.disjunctionRest(start, p.conjunction())
	}
	// no prefix operator: conjunction() == conjunctionRest(start, comparisonRest(start,
	// bitwiseOrRest(start, powerRest(start, primary()))))
	e := p.primary()
	if !exprOpKinds[p.kind()] {
		return e
	}
	return p.disjunctionOps(start, e)
}

// primaryTrailerKinds are the tokens that continue a primary.
var primaryTrailerKinds = [256]bool{DOT: true, LPAR: true, LSQB: true}

// disjunctionOps continues a disjunction whose primary e (from token start) is followed by
// an operator.
func (p *parser) disjunctionOps(start int, e ast.Expr) ast.Expr {
	e = p.bitwiseOrRest(start, p.powerRest(start, e))
	e = p.conjunctionRest(start, p.comparisonRest(start, e))
	return p.disjunctionRest(start, e)
}

func (p *parser) disjunctionRest(start int, e ast.Expr) ast.Expr {
	if p.kind() != KW_or {
		return e
	}
	mark := len(p.es)
	p.es = append(p.es, e)
	for p.got(KW_or) {
		p.es = append(p.es, p.conjunction())
	}
	return &ast.BoolOp{Pos: p.span(start), Op: ast.Or, Values: p.exprsFrom(mark)}
}

func (p *parser) conjunction() ast.Expr {
	start := p.pos
	return p.conjunctionRest(start, p.inversion())
}

func (p *parser) conjunctionRest(start int, e ast.Expr) ast.Expr {
	if p.kind() != KW_and {
		return e
	}
	mark := len(p.es)
	p.es = append(p.es, e)
	for p.got(KW_and) {
		p.es = append(p.es, p.inversion())
	}
	return &ast.BoolOp{Pos: p.span(start), Op: ast.And, Values: p.exprsFrom(mark)}
}

func (p *parser) inversion() ast.Expr {
	if p.kind() == KW_not {
		p.enter(1)
		defer p.leave(1)
		start := p.pos
		p.pos++
		v := p.inversion()
		return newNode(&p.slabs.unaryOp, ast.UnaryOp{Pos: p.span(start), Op: ast.Not, Operand: v})
	}
	return p.comparison()
}

func (p *parser) compOp() (ast.Cmpop, bool) {
	switch p.kind() {
	case EQEQUAL:
		return ast.Eq, true
	case NOTEQUAL:
		return ast.NotEq, true
	case LESS:
		return ast.Lt, true
	case LESSEQUAL:
		return ast.LtE, true
	case GREATER:
		return ast.Gt, true
	case GREATEREQUAL:
		return ast.GtE, true
	case KW_in:
		return ast.In, true
	case KW_not:
		if p.kindAt(1) == KW_in {
			return ast.NotIn, true
		}
	case KW_is:
		if p.kindAt(1) == KW_not {
			return ast.IsNot, true
		}
		return ast.Is, true
	}
	return 0, false
}

func (p *parser) comparison() ast.Expr {
	start := p.pos
	return p.comparisonRest(start, p.bitwiseOr())
}

func (p *parser) comparisonRest(start int, e ast.Expr) ast.Expr {
	op, ok := p.compOp()
	if !ok {
		return e
	}
	var ops []ast.Cmpop
	mark := len(p.es) // the comparators
	for ok {
		p.pos++
		if op == ast.NotIn || op == ast.IsNot {
			p.pos++
		}
		ops = appendList(&p.slabs.opLists, ops, op)
		p.es = append(p.es, p.bitwiseOr())
		op, ok = p.compOp()
	}
	return newNode(&p.slabs.compare, ast.Compare{Pos: p.span(start), Left: e, Ops: ops, Comparators: p.exprsFrom(mark)})
}

// binOpKinds marks the tokens that continue a bitwise_or with a binary operator: when none
// follows the first factor (most of the time), bitwiseOr returns it without going through the
// six precedence levels.
var binOpKinds = [256]bool{
	VBAR: true, CIRCUMFLEX: true, AMPER: true, LEFTSHIFT: true, RIGHTSHIFT: true, PLUS: true,
	MINUS: true, STAR: true, SLASH: true, DOUBLESLASH: true, PERCENT: true, AT: true,
}

// Each binary-operator level X has X() and xRest(start, e), which continues X with e, the
// first factor, already parsed from token start: X() == xRest(start, factor()).

func (p *parser) bitwiseOr() ast.Expr {
	start := p.pos
	e := p.factor()
	if !binOpKinds[p.kind()] {
		return e
	}
	return p.bitwiseOrRest(start, e)
}

func (p *parser) bitwiseOrRest(start int, e ast.Expr) ast.Expr {
	e = p.bitwiseXorRest(start, e)
	for p.kind() == VBAR {
		p.pos++
		r, ok := p.operand(p.bitwiseXor)
		if !ok {
			return e
		}
		e = newNode(&p.slabs.binOp, ast.BinOp{Pos: p.span(start), Left: e, Op: ast.BitOr, Right: r})
	}
	return e
}

func (p *parser) bitwiseXor() ast.Expr {
	start := p.pos
	return p.bitwiseXorRest(start, p.factor())
}

func (p *parser) bitwiseXorRest(start int, e ast.Expr) ast.Expr {
	e = p.bitwiseAndRest(start, e)
	for p.kind() == CIRCUMFLEX {
		p.pos++
		r, ok := p.operand(p.bitwiseAnd)
		if !ok {
			return e
		}
		e = newNode(&p.slabs.binOp, ast.BinOp{Pos: p.span(start), Left: e, Op: ast.BitXor, Right: r})
	}
	return e
}

func (p *parser) bitwiseAnd() ast.Expr {
	start := p.pos
	return p.bitwiseAndRest(start, p.factor())
}

func (p *parser) bitwiseAndRest(start int, e ast.Expr) ast.Expr {
	e = p.shiftExprRest(start, e)
	for p.kind() == AMPER {
		p.pos++
		r, ok := p.operand(p.shiftExpr)
		if !ok {
			return e
		}
		e = newNode(&p.slabs.binOp, ast.BinOp{Pos: p.span(start), Left: e, Op: ast.BitAnd, Right: r})
	}
	return e
}

func (p *parser) shiftExpr() ast.Expr {
	start := p.pos
	return p.shiftExprRest(start, p.factor())
}

func (p *parser) shiftExprRest(start int, e ast.Expr) ast.Expr {
	e = p.sumRest(start, e)
	for {
		var op ast.Operator
		switch p.kind() {
		case LEFTSHIFT:
			op = ast.LShift
		case RIGHTSHIFT:
			op = ast.RShift
		default:
			return e
		}
		p.pos++
		r, ok := p.operand(p.sum)
		if !ok {
			return e
		}
		e = newNode(&p.slabs.binOp, ast.BinOp{Pos: p.span(start), Left: e, Op: op, Right: r})
	}
}

func (p *parser) sum() ast.Expr {
	start := p.pos
	return p.sumRest(start, p.factor())
}

func (p *parser) sumRest(start int, e ast.Expr) ast.Expr {
	e = p.termRest(start, e)
	for {
		var op ast.Operator
		switch p.kind() {
		case PLUS:
			op = ast.Add
		case MINUS:
			op = ast.Sub
		default:
			return e
		}
		p.pos++
		r, ok := p.operand(p.term)
		if !ok {
			return e
		}
		e = newNode(&p.slabs.binOp, ast.BinOp{Pos: p.span(start), Left: e, Op: op, Right: r})
	}
}

func (p *parser) term() ast.Expr {
	start := p.pos
	return p.termRest(start, p.factor())
}

func (p *parser) termRest(start int, e ast.Expr) ast.Expr {
	for {
		var op ast.Operator
		switch p.kind() {
		case STAR:
			op = ast.Mult
		case SLASH:
			op = ast.Div
		case DOUBLESLASH:
			op = ast.FloorDiv
		case PERCENT:
			op = ast.ModOp
		case AT:
			op = ast.MatMult
		default:
			return e
		}
		p.pos++
		r := p.factor()
		e = newNode(&p.slabs.binOp, ast.BinOp{Pos: p.span(start), Left: e, Op: op, Right: r})
	}
}

func (p *parser) factor() ast.Expr {
	var op ast.Unaryop
	switch p.kind() {
	case PLUS:
		op = ast.UAdd
	case MINUS:
		op = ast.USub
	case TILDE:
		op = ast.Invert
	default:
		return p.power()
	}
	p.enter(1)
	defer p.leave(1)
	start := p.pos
	p.pos++
	v := p.factor()
	return newNode(&p.slabs.unaryOp, ast.UnaryOp{Pos: p.span(start), Op: op, Operand: v})
}

func (p *parser) power() ast.Expr {
	start := p.pos
	return p.powerRest(start, p.awaitPrimary())
}

func (p *parser) powerRest(start int, e ast.Expr) ast.Expr {
	if p.kind() == DOUBLESTAR {
		p.pos++
		p.enter(2)
		r := p.factor()
		p.leave(2)
		return newNode(&p.slabs.binOp, ast.BinOp{Pos: p.span(start), Left: e, Op: ast.Pow, Right: r})
	}
	return e
}

func (p *parser) awaitPrimary() ast.Expr {
	if p.kind() == KW_await {
		start := p.pos
		p.pos++
		v := p.primary()
		return &ast.Await{Pos: p.span(start), Value: v}
	}
	return p.primary()
}

func (p *parser) primary() ast.Expr {
	start := p.pos
	return p.primaryRest(start, p.atom())
}

// primaryRest continues a primary with its atom e, from token start.
func (p *parser) primaryRest(start int, e ast.Expr) ast.Expr {
	for {
		switch p.kind() {
		case DOT:
			p.pos++
			name := p.text(p.expect(NAME))
			e = p.newAttribute(p.span(start), e, name)
		case LPAR:
			if p.pass2 {
				// PEG: a failed trailer leaves the shorter primary
				var c ast.Expr
				if !p.try(func() { c = p.call(start, e) }) {
					return e
				}
				e = c
				continue
			}
			e = p.call(start, e)
		case LSQB:
			if p.pass2 {
				var s ast.Expr
				if !p.try(func() { p.pos++; s = p.slices(); p.expect(RSQB) }) {
					return e
				}
				e = newNode(&p.slabs.subscript, ast.Subscript{Pos: p.span(start), Value: e, Slice: s, Ctx: ast.Load})
				continue
			}
			p.pos++
			s := p.slices()
			p.expect(RSQB)
			e = newNode(&p.slabs.subscript, ast.Subscript{Pos: p.span(start), Value: e, Slice: s, Ctx: ast.Load})
		default:
			return e
		}
	}
}

func (p *parser) call(start int, fn ast.Expr) ast.Expr {
	lp := p.pos
	p.pos++
	if p.got(RPAR) {
		return p.newCall(p.span(start), fn, []ast.Expr{}, []*ast.Keyword{})
	}
	// genexp as the sole argument
	if p.kind() != STAR && p.kind() != DOUBLESTAR && !(p.kind() == NAME && p.kindAt(1) == EQUAL) {
		save := p.pos
		var e ast.Expr
		if p.invalid {
			if !p.withoutInvalid(func() { e = p.assignmentOrExpression() }) {
				e = nil
			}
		} else {
			e = p.assignmentOrExpression()
		}
		if e != nil && (p.kind() == KW_for || p.kind() == KW_async) {
			gens := p.forIfClauses()
			if p.kind() != RPAR {
				if p.invalid && p.kind() == COMMA {
					p.raiseRange("Generator expression must be parenthesized", e, gens[len(gens)-1].iterOrLast())
				}
				p.fail()
			}
			p.pos++
			g := &ast.GeneratorExp{Pos: p.span(lp), Elt: e, Generators: gensOf(gens)}
			return &ast.Call{Pos: p.span(start), Func: fn, Args: []ast.Expr{g}, Keywords: []*ast.Keyword{}}
		}
		if !p.invalid {
			// the first pass parses the first argument only once (as CPython's memo does,
			// which also matters for its warnings)
			args, kws := p.argumentsAfter(e)
			p.expect(RPAR)
			return p.newCall(p.span(start), fn, args, kws)
		}
		p.pos = save
	}
	args, kws := p.arguments()
	p.expect(RPAR)
	return p.newCall(p.span(start), fn, args, kws)
}

// arguments parses call arguments up to (not including) the closing parenthesis.
func (p *parser) arguments() ([]ast.Expr, []*ast.Keyword) {
	return p.argumentsAfter(nil)
}

// argumentsAfter is arguments where the first pass has already parsed the first argument, a
// positional one (assignment_expression | expression !':=') not followed by 'for'.
func (p *parser) argumentsAfter(first ast.Expr) ([]ast.Expr, []*ast.Keyword) {
	mark := len(p.es) // the positional arguments are p.es[mark:]
	kws := []*ast.Keyword{}
	sawDoubleStar := false
	if first != nil {
		// the rest of the default case below, for the first argument
		if p.kind() == EQUAL {
			p.fail()
		}
		p.es = append(p.es, first)
		if !p.got(COMMA) {
			return p.argList(mark), kws
		}
	}
	for p.kind() != RPAR {
		start := p.pos
		switch {
		case p.kind() == STAR:
			if sawDoubleStar {
				if p.invalid {
					p.raiseTok("iterable argument unpacking follows keyword argument unpacking", p.peek())
				}
				p.fail()
			}
			p.pos++
			v := p.expression()
			p.es = append(p.es, &ast.Starred{Pos: p.span(start), Value: v, Ctx: ast.Load})
		case p.kind() == DOUBLESTAR:
			p.pos++
			v := p.expression()
			kws = appendList(&p.slabs.kwLists, kws, newNode(&p.slabs.keyword, ast.Keyword{Pos: p.span(start), Value: v}))
			sawDoubleStar = true
		case p.kind() == NAME && p.kindAt(1) == EQUAL:
			name := p.text(p.next())
			p.pos++
			v := p.expression()
			if p.invalid && (p.kind() == KW_for || p.kind() == KW_async && p.kindAt(1) == KW_for) {
				p.raiseAt(SyntaxErrorKind, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", int(p.toks[start].Line), int(p.toks[start].Col), int(p.toks[start+1].EndLine), int(p.toks[start+1].EndCol))
			}
			kws = appendList(&p.slabs.kwLists, kws, newNode(&p.slabs.keyword, ast.Keyword{Pos: p.span(start), Arg: name, Value: v}))
		default:
			if p.invalid && (p.kind() == KW_True || p.kind() == KW_False || p.kind() == KW_None) && p.kindAt(1) == EQUAL {
				t := p.peek()
				p.raiseAt(SyntaxErrorKind, "cannot assign to "+t.Kind.String(), int(t.Line), int(t.Col), int(p.toks[p.pos+1].EndLine), int(p.toks[p.pos+1].EndCol))
			}
			e := p.assignmentOrExpression()
			if p.kind() == KW_for || p.kind() == KW_async && p.kindAt(1) == KW_for {
				if !p.invalid {
					p.fail()
				}
				gens := p.forIfClauses()
				if p.kind() == COMMA || len(p.es) > mark || len(kws) > 0 {
					p.raiseRange("Generator expression must be parenthesized", e, gens[len(gens)-1].iterOrLast())
				}
				p.fail()
			}
			if p.kind() == EQUAL {
				if p.invalid {
					eq := p.peek()
					ps := posOf(e)
					p.raiseAt(SyntaxErrorKind, "expression cannot contain assignment, perhaps you meant \"==\"?", ps.Lineno, ps.ColOffset, int(eq.EndLine), int(eq.EndCol))
				}
				p.fail()
			}
			if len(kws) > 0 {
				if p.invalid {
					// CPython's `args ',' args` reads the rest of the arguments before
					// reporting at the last token it fetched
					save := p.pos
					if p.got(COMMA) && p.kind() != RPAR {
						p.withoutInvalid(func() { p.arguments() })
					}
					p.kind()
					p.pos = save
					msg := "positional argument follows keyword argument"
					if sawDoubleStar {
						msg += " unpacking"
					}
					p.raiseTok(msg, &p.toks[min(p.maxPos, len(p.toks)-1)])
				}
				p.fail()
			}
			p.es = append(p.es, e)
		}
		if !p.got(COMMA) {
			break
		}
	}
	return p.argList(mark), kws
}

// argList pops the positional arguments p.es[mark:] (an empty list is not nil).
func (p *parser) argList(mark int) []ast.Expr {
	args := p.exprsFrom(mark)
	if args == nil {
		args = []ast.Expr{}
	}
	return args
}

// assignmentOrExpression: assignment_expression | expression !':='
func (p *parser) assignmentOrExpression() ast.Expr {
	if p.kind() == NAME && p.kindAt(1) == COLONEQUAL {
		return p.namedExpression()
	}
	e := p.expression()
	if p.kind() == COLONEQUAL {
		p.fail()
	}
	return e
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
func (p *parser) slices() ast.Expr {
	start := p.pos
	first := p.sliceOrStarred()
	if p.kind() != COMMA {
		if _, ok := first.(*ast.Starred); !ok {
			return first
		}
	}
	elts := []ast.Expr{first}
	for p.got(COMMA) {
		if p.kind() == RSQB {
			break
		}
		elts = append(elts, p.sliceOrStarred())
	}
	return newNode(&p.slabs.tuple, ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Load})
}

func (p *parser) sliceOrStarred() ast.Expr {
	if p.kind() == STAR {
		start := p.pos
		p.pos++
		v := p.bitwiseOr()
		return &ast.Starred{Pos: p.span(start), Value: v, Ctx: ast.Load}
	}
	start := p.pos
	var lower, upper, step ast.Expr
	if p.kind() != COLON {
		lower = p.namedExprOrExpr()
		if p.kind() != COLON {
			return lower
		}
		if _, ok := lower.(*ast.NamedExpr); ok {
			p.fail()
		}
	}
	p.expect(COLON)
	if k := p.kind(); k != COLON && k != COMMA && k != RSQB {
		upper = p.expression()
	}
	if p.got(COLON) {
		if k := p.kind(); k != COMMA && k != RSQB {
			step = p.expression()
		}
	}
	return &ast.Slice{Pos: p.span(start), Lower: lower, Upper: upper, Step: step}
}

func (p *parser) namedExprOrExpr() ast.Expr { return p.namedExpression() }

func (p *parser) atom() ast.Expr {
	start := p.pos
	t := p.peek()
	switch t.Kind {
	case NAME:
		p.pos++
		return p.newName(p.span(start), p.text(t), ast.Load)
	case KW_True:
		p.pos++
		return p.newConstant(p.span(start), ast.True, "")
	case KW_False:
		p.pos++
		return p.newConstant(p.span(start), ast.False, "")
	case KW_None:
		p.pos++
		return p.newConstant(p.span(start), ast.None, "")
	case ELLIPSIS:
		p.pos++
		return p.newConstant(p.span(start), ast.Ellipsis, "")
	case NUMBER:
		p.pos++
		return p.newConstant(p.span(start), p.number(t), "")
	case STRING:
		return p.strings()
	case LPAR:
		return p.parenAtom()
	case LSQB:
		return p.listAtom()
	case LBRACE:
		return p.braceAtom()
	}
	if p.invalid && t.Kind == KW_lambda {
		return p.lambdef()
	}
	p.fail()
	return nil
}

func (p *parser) parenAtom() ast.Expr {
	p.enter(6)
	e := p.parenAtomBody()
	p.leave(6) // not deferred (see enter)
	return e
}

func (p *parser) parenAtomBody() ast.Expr {
	start := p.pos
	p.pos++
	if p.got(RPAR) {
		return newNode(&p.slabs.tuple, ast.Tuple{Pos: p.span(start), Elts: []ast.Expr{}, Ctx: ast.Load})
	}
	if p.kind() == KW_yield {
		e := p.yieldExpr()
		p.expect(RPAR)
		return e
	}
	if p.invalid && p.kind() == DOUBLESTAR {
		ds := p.peek()
		p.pos++
		e := p.expression()
		if p.kind() == RPAR {
			p.raiseTok("cannot use double starred expression here", ds)
		}
		_ = e
		p.fail()
	}
	first := p.starNamedExpression()
	switch p.kind() {
	case RPAR:
		p.pos++
		if _, ok := first.(*ast.Starred); ok {
			if p.invalid {
				p.raiseNode("cannot use starred expression here", first)
			}
			p.fail()
		}
		return first
	case KW_for, KW_async:
		if _, ok := first.(*ast.Starred); ok {
			p.invalidStarComp(first)
			p.fail()
		}
		gens := p.forIfClauses()
		p.expect(RPAR)
		return &ast.GeneratorExp{Pos: p.span(start), Elt: first, Generators: gensOf(gens)}
	case COMMA:
		mark := len(p.es)
		p.es = append(p.es, first)
		for p.got(COMMA) {
			if p.kind() == RPAR {
				break
			}
			p.es = append(p.es, p.starNamedExpression())
		}
		p.expect(RPAR)
		return newNode(&p.slabs.tuple, ast.Tuple{Pos: p.span(start), Elts: p.exprsFrom(mark), Ctx: ast.Load})
	}
	p.fail()
	return nil
}

func (p *parser) listAtom() ast.Expr {
	p.enter(6)
	e := p.listAtomBody()
	p.leave(6) // not deferred (see enter)
	return e
}

func (p *parser) listAtomBody() ast.Expr {
	start := p.pos
	p.pos++
	if p.got(RSQB) {
		return newNode(&p.slabs.list, ast.List{Pos: p.span(start), Elts: []ast.Expr{}, Ctx: ast.Load})
	}
	first := p.starNamedExpression()
	if p.kind() == KW_for || p.kind() == KW_async {
		if _, ok := first.(*ast.Starred); ok {
			p.invalidStarComp(first)
			p.fail()
		}
		gens := p.forIfClauses()
		p.expect(RSQB)
		return &ast.ListComp{Pos: p.span(start), Elt: first, Generators: gensOf(gens)}
	}
	mark := len(p.es)
	p.es = append(p.es, first)
	for p.got(COMMA) {
		if p.kind() == RSQB {
			break
		}
		if p.invalid && (p.kind() == KW_for || p.kind() == KW_async && p.kindAt(1) == KW_for) {
			p.raiseRange("did you forget parentheses around the comprehension target?", first, &ast.Name{Pos: p.span(p.pos - 1)})
		}
		p.es = append(p.es, p.starNamedExpression())
	}
	if p.invalid && len(p.es)-mark > 1 && (p.kind() == KW_for || p.kind() == KW_async && p.kindAt(1) == KW_for) {
		p.raiseRange("did you forget parentheses around the comprehension target?", first, p.es[len(p.es)-1])
	}
	p.expect(RSQB)
	return newNode(&p.slabs.list, ast.List{Pos: p.span(start), Elts: p.exprsFrom(mark), Ctx: ast.Load})
}

func (p *parser) braceAtom() ast.Expr {
	p.enter(6)
	e := p.braceAtomBody()
	p.leave(6) // not deferred (see enter)
	return e
}

func (p *parser) braceAtomBody() ast.Expr {
	start := p.pos
	p.pos++
	if p.got(RBRACE) {
		return &ast.Dict{Pos: p.span(start), Keys: []ast.Expr{}, Values: []ast.Expr{}}
	}
	if p.kind() == DOUBLESTAR {
		if p.invalid {
			ds := p.peek()
			save := p.pos
			p.pos++
			if p.withoutInvalid(func() { p.bitwiseOr(); p.forIfClauses() }) && p.kind() == RBRACE && p.toks[p.pos-1].Kind != STAR {
				if _, isFor := p.forIfPresent(save); isFor {
					p.raiseTok("dict unpacking cannot be used in dict comprehension", ds)
				}
			}
			p.pos = save
		}
		return p.dictRest(start, nil, nil)
	}
	first := p.starNamedExpression()
	if p.kind() == COLON {
		if _, ok := first.(*ast.Starred); ok {
			p.fail()
		}
		if _, ok := first.(*ast.NamedExpr); ok && p.toks[start+1].Kind != LPAR {
			p.fail()
		}
		p.pos++
		v := p.dictValue()
		if p.kind() == KW_for || p.kind() == KW_async {
			gens := p.forIfClauses()
			p.expect(RBRACE)
			return &ast.DictComp{Pos: p.span(start), Key: first, Value: v, Generators: gensOf(gens)}
		}
		return p.dictRest(start, first, v)
	}
	if p.kind() == KW_for || p.kind() == KW_async {
		if _, ok := first.(*ast.Starred); ok {
			p.invalidStarComp(first)
			p.fail()
		}
		gens := p.forIfClauses()
		p.expect(RBRACE)
		return &ast.SetComp{Pos: p.span(start), Elt: first, Generators: gensOf(gens)}
	}
	elts := []ast.Expr{first}
	for p.got(COMMA) {
		if p.kind() == RBRACE {
			break
		}
		if p.invalid && (p.kind() == KW_for || p.kind() == KW_async && p.kindAt(1) == KW_for) {
			p.raiseRange("did you forget parentheses around the comprehension target?", first, &ast.Name{Pos: p.span(p.pos - 1)})
		}
		elts = append(elts, p.starNamedExpression())
	}
	if p.invalid && len(elts) > 1 && (p.kind() == KW_for || p.kind() == KW_async && p.kindAt(1) == KW_for) {
		p.raiseRange("did you forget parentheses around the comprehension target?", first, elts[len(elts)-1])
	}
	p.expect(RBRACE)
	return &ast.Set{Pos: p.span(start), Elts: elts}
}

// dictRest parses the remaining items of a dict display; k, v is the first pair if already parsed.
func (p *parser) dictRest(start int, k, v ast.Expr) ast.Expr {
	// the items are pushed on p.es in pairs (see pairsFrom) rather than appended to two
	// slices grown from nothing
	mark := len(p.es)
	if v != nil {
		p.es = append(p.es, k, v)
		if !p.got(COMMA) {
			p.expect(RBRACE)
			keys, vals := p.pairsFrom(mark)
			return &ast.Dict{Pos: p.span(start), Keys: keys, Values: vals}
		}
	}
	for p.kind() != RBRACE {
		if p.got(DOUBLESTAR) {
			val := p.bitwiseOr() // before append reads p.es: the call pushes and pops on it
			p.es = append(p.es, nil, val)
		} else {
			var kk ast.Expr
			if p.invalid && len(p.es) > mark {
				// after a complete pair, CPython reports a key without ':' (invalid_kvpair)
				// before any error inside the key expression
				if !p.withoutInvalid(func() { kk = p.expression() }) {
					kk = p.expression()
				}
			} else {
				kk = p.expression()
			}
			if p.kind() != COLON {
				if p.invalid && (p.kind() == RBRACE || p.kind() == COMMA || len(p.es) > mark) {
					ps := posOf(kk)
					text, off, _ := lineText(p.src, ps.EndLineno)
					p.err = &Error{Msg: "':' expected after dictionary key", Filename: p.filename, Lineno: ps.EndLineno, Offset: p.tok.cols(off, ps.EndColOffset), EndLineno: ps.EndLineno, EndOffset: 0, Text: text, HasText: true}
					panic(bailout{})
				}
				p.fail()
			}
			p.pos++
			p.es = append(p.es, kk)
			val := p.dictValue()
			p.es = append(p.es, val)
		}
		if !p.got(COMMA) {
			break
		}
	}
	p.expect(RBRACE)
	keys, vals := p.pairsFrom(mark)
	return &ast.Dict{Pos: p.span(start), Keys: keys, Values: vals}
}

type genClause struct {
	c *ast.Comprehension
}

func (g genClause) iterOrLast() ast.Node {
	if len(g.c.Ifs) > 0 {
		return g.c.Ifs[len(g.c.Ifs)-1]
	}
	return g.c.Iter
}

func gensOf(gs []genClause) []*ast.Comprehension {
	out := make([]*ast.Comprehension, len(gs))
	for i, g := range gs {
		out[i] = g.c
	}
	return out
}

func (p *parser) forIfClauses() []genClause {
	var out []genClause
	for p.kind() == KW_for || p.kind() == KW_async && p.kindAt(1) == KW_for {
		async := 0
		if p.got(KW_async) {
			async = 1
		}
		p.expect(KW_for)
		afterFor := p.pos
		var target ast.Expr
		if p.invalid {
			if !p.withoutInvalid(func() { target = p.starTargets() }) || p.kind() != KW_in {
				p.pos = afterFor
				p.invalidFor()
				p.fail()
			}
		} else {
			target = p.starTargets()
		}
		if p.kind() != KW_in {
			p.fail()
		}
		p.pos++
		iter := p.disjunction()
		ifs := []ast.Expr{}
		for p.got(KW_if) {
			ifs = append(ifs, p.disjunction())
		}
		out = append(out, genClause{&ast.Comprehension{Target: target, Iter: iter, Ifs: ifs, IsAsync: async}})
	}
	return out
}

func (p *parser) lambdef() ast.Expr {
	p.enter(1)
	defer p.leave(1)
	start := p.pos
	p.expect(KW_lambda)
	args := p.lambdaParams()
	p.expect(COLON)
	body := p.expression()
	return &ast.Lambda{Pos: p.span(start), Args: args, Body: body}
}

// invalidLegacy implements invalid_legacy_expression: print / exec used as statements.
func (p *parser) invalidLegacy() {
	t := p.peek()
	if t.Kind != NAME || p.kindAt(1) == LPAR {
		return
	}
	// Like CPython's memoised rules, try each position once: without this the nested
	// attempts (NAME NAME NAME ...) would take exponential time.
	if p.memo(memoLegacy, p.pos) {
		return
	}
	save := p.pos
	p.pos++
	var b ast.Expr
	ok := p.try(func() { b = p.starExpressions() })
	p.pos = save
	if ok && (p.text(t) == "print" || p.text(t) == "exec") {
		n := &ast.Name{Pos: ast.Pos{Lineno: int(t.Line), ColOffset: int(t.Col), EndLineno: int(t.EndLine), EndColOffset: int(t.EndCol)}}
		p.raiseRange("Missing parentheses in call to '"+p.text(t)+"'. Did you mean "+p.text(t)+"(...)?", n, b)
	}
}

// withoutInvalid runs f as a soft attempt with the invalid_ rules disabled.
func (p *parser) withoutInvalid(f func()) bool {
	p.invalid = false
	defer func() { p.invalid = true }()
	return p.try(f)
}

func (p *parser) isSoftKeyword(t *Token) bool {
	return t.Kind == NAME && (p.text(t) == "match" || p.text(t) == "case" || p.text(t) == "_")
}

// invalidComma implements the first alternative of invalid_expression:
// !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid.
func (p *parser) invalidComma(start int, a ast.Expr) {
	if p.memo(memoComma, p.pos) {
		return
	}
	st := &p.toks[start]
	if st.Kind == NAME && p.toks[start+1].Kind == STRING || p.isSoftKeyword(st) {
		return
	}
	if !p.startsExpression() || p.kind() == STAR {
		return
	}
	save := p.pos
	var b ast.Expr
	ok := p.withoutInvalid(func() { b = p.expression() })
	p.pos = save
	if !ok || p.toks[p.pos-1].Level == 0 {
		return
	}
	if n, isName := a.(*ast.Name); isName && (n.Id == "print" || n.Id == "exec") {
		return
	}
	p.raiseRange("invalid syntax. Perhaps you forgot a comma?", a, b)
}

// invalidStarComp: ('[' | '(' | '{') a=starred_expression for_if_clauses
func (p *parser) invalidStarComp(first ast.Expr) {
	if p.invalid {
		p.raiseNode("iterable unpacking cannot be used in comprehension", first)
	}
}

// dictValue parses the value after "key:" with the invalid_kvpair checks.
func (p *parser) dictValue() ast.Expr {
	if p.invalid {
		switch p.kind() {
		case STAR:
			st := p.peek()
			p.pos++
			v := p.bitwiseOr()
			ps := posOf(v)
			p.raiseAt(SyntaxErrorKind, "cannot use a starred expression in a dictionary value", int(st.Line), int(st.Col), ps.EndLineno, ps.EndColOffset)
		case RBRACE, COMMA:
			p.raiseTok("expression expected after dictionary key and ':'", &p.toks[p.pos-1])
		}
	}
	return p.expression()
}

// forIfPresent reports whether a for_if_clauses follows the expression starting at token i+1.
func (p *parser) forIfPresent(i int) (int, bool) {
	for j := i + 1; j < len(p.toks); j++ {
		switch p.toks[j].Kind {
		case KW_for:
			return j, true
		case RBRACE, COMMA, COLON, NEWLINE, EOF:
			return j, false
		}
	}
	return 0, false
}

// operand parses the right operand of a binary operator. In the second (error) pass a failure
// backtracks to before the operator, as the PEG's left-recursive rules do, so that lookaheads
// in the invalid_ rules see the same prefixes as CPython.
func (p *parser) operand(f func() ast.Expr) (ast.Expr, bool) {
	if !p.pass2 {
		return f(), true
	}
	save := p.pos
	var r ast.Expr
	if !p.try(func() { r = f() }) {
		p.pos = save - 1
		return nil, false
	}
	return r, true
}
