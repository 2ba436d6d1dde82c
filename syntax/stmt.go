package syntax

import (
	"gopyc/ast"
)

func (p *parser) fileInput() ast.Mod {
	mark := len(p.ss)
	for p.kind() != EOF {
		p.ss = p.statement(p.ss)
	}
	return &ast.Module{Body: p.stmtsFrom(mark), TypeIgnores: p.typeIgnores()}
}

func (p *parser) typeIgnores() []*ast.TypeIgnore {
	out := []*ast.TypeIgnore{}
	for _, ti := range p.tok.ignores {
		out = append(out, &ast.TypeIgnore{Lineno: ti.line, Tag: ti.tag})
	}
	return out
}

func (p *parser) evalInput() ast.Mod {
	e := p.expressions()
	for p.kind() == NEWLINE {
		p.pos++
	}
	p.expect(EOF)
	return &ast.Expression{Body: e}
}

func (p *parser) interactiveInput() ast.Mod {
	// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
	var body []ast.Stmt
	switch p.kind() {
	case NEWLINE:
		start := p.pos
		p.pos++
		body = []ast.Stmt{&ast.Pass{Pos: p.span(start)}}
	case EOF:
		p.fail()
	default:
		if p.isCompoundStart() {
			body = p.compoundStmt(nil)
			p.expect(NEWLINE)
		} else {
			body = p.simpleStmts(nil)
		}
	}
	if p.badSingleStatement(p.maxPos) {
		p.raiseTok("multiple statements found while compiling a single statement", &p.toks[p.maxPos])
	}
	return &ast.Interactive{Body: body}
}

func (p *parser) funcTypeInput() ast.Mod {
	// '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
	p.expect(LPAR)
	var args []ast.Expr
	if p.kind() != RPAR {
		args = p.typeExpressions()
	}
	p.expect(RPAR)
	p.expect(RARROW)
	ret := p.expression()
	for p.kind() == NEWLINE {
		p.pos++
	}
	p.expect(EOF)
	if args == nil {
		args = []ast.Expr{}
	}
	return &ast.FunctionType{Argtypes: args, Returns: ret}
}

func (p *parser) typeExpressions() []ast.Expr {
	var out []ast.Expr
	for {
		start := p.pos
		if p.got(STAR) {
			e := p.expression()
			_ = start
			out = append(out, e)
		} else if p.got(DOUBLESTAR) {
			out = append(out, p.expression())
		} else {
			out = append(out, p.expression())
		}
		if !p.got(COMMA) {
			break
		}
	}
	return out
}

func (p *parser) isCompoundStart() bool {
	switch p.kind() {
	case KW_def, AT, KW_class, KW_if, KW_while, KW_for, KW_with, KW_try:
		return true
	case KW_async:
		k := p.kindAt(1)
		return k == KW_def || k == KW_for || k == KW_with
	case NAME:
		if p.isSoft("match") {
			return p.looksLikeMatch()
		}
	}
	return false
}

// statement appends one statement (or a line of simple statements) to body.
func (p *parser) statement(body []ast.Stmt) []ast.Stmt {
	// enter and leave are not deferred (see enter)
	if p.isCompoundStart() {
		p.enter(6)
		body = p.compoundStmt(body)
		p.leave(6)
		return body
	}
	p.enter(18)
	body = p.simpleStmts(body)
	p.leave(18)
	return body
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
func (p *parser) block(what string, kwTok int) []ast.Stmt {
	if p.kind() == NEWLINE {
		p.pos++
		if p.kind() != INDENT {
			if p.invalid && what != "" {
				t := &p.toks[kwTok]
				n := p.peek()
				p.raiseTokKind(IndentationErrorKind, "expected an indented block after "+what+" on line "+itoa(int(t.Line)), n)
			}
			p.fail()
		}
		p.pos++
		mark := len(p.ss)
		for p.kind() != DEDENT && p.kind() != EOF {
			p.ss = p.statement(p.ss)
		}
		p.expect(DEDENT)
		return p.stmtsFrom(mark)
	}
	mark := len(p.ss)
	p.ss = p.simpleStmts(p.ss)
	return p.stmtsFrom(mark)
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func (p *parser) simpleStmts(body []ast.Stmt) []ast.Stmt {
	for {
		body = append(body, p.simpleStmt())
		if !p.got(SEMI) {
			break
		}
		if p.kind() == NEWLINE {
			break
		}
	}
	if p.kind() != NEWLINE {
		p.fail()
	}
	p.pos++
	return body
}

func (p *parser) typeComment() string {
	if p.kind() == TYPE_COMMENT {
		return p.text(p.next())
	}
	return ""
}

func (p *parser) simpleStmt() ast.Stmt {
	start := p.pos
	t := p.peek()
	switch t.Kind {
	case KW_return:
		p.pos++
		var v ast.Expr
		if !p.atStmtEnd() {
			v = p.starExpressions()
		}
		return newNode(&p.slabs.ret, ast.Return{Pos: p.span(start), Value: v})
	case KW_import:
		return p.importName()
	case KW_from:
		return p.importFrom()
	case KW_raise:
		p.pos++
		var exc, cause ast.Expr
		if !p.atStmtEnd() {
			exc = p.expression()
			if p.got(KW_from) {
				cause = p.expression()
			}
		}
		return newNode(&p.slabs.raise, ast.Raise{Pos: p.span(start), Exc: exc, Cause: cause})
	case KW_pass:
		p.pos++
		return newNode(&p.slabs.pass, ast.Pass{Pos: p.span(start)})
	case KW_break:
		p.pos++
		return &ast.Break{Pos: p.span(start)}
	case KW_continue:
		p.pos++
		return &ast.Continue{Pos: p.span(start)}
	case KW_del:
		p.pos++
		if p.invalid {
			s := p.pos
			var a ast.Expr
			if p.withoutInvalid(func() { a = p.starExpressions() }) {
				if inv := invalidTarget(a, true); inv != nil {
					p.raiseNode("cannot delete "+exprName(inv), inv)
				}
			}
			p.pos = s
		}
		targets := p.delTargets()
		if !p.atStmtEnd() {
			p.fail()
		}
		return &ast.Delete{Pos: p.span(start), Targets: targets}
	case KW_assert:
		p.pos++
		test := p.expression()
		var msg ast.Expr
		if p.got(COMMA) {
			msg = p.expression()
		}
		return &ast.Assert{Pos: p.span(start), Test: test, Msg: msg}
	case KW_global, KW_nonlocal:
		p.pos++
		var names []string
		for {
			names = append(names, p.text(p.expect(NAME)))
			if !p.got(COMMA) {
				break
			}
		}
		if t.Kind == KW_global {
			return &ast.Global{Pos: p.span(start), Names: names}
		}
		return &ast.Nonlocal{Pos: p.span(start), Names: names}
	}
	return p.exprOrAssign()
}

func (p *parser) atStmtEnd() bool {
	k := p.kind()
	return k == NEWLINE || k == SEMI || k == EOF
}

// exprOrAssign parses expression statements and all forms of assignment.
func (p *parser) exprOrAssign() ast.Stmt {
	start := p.pos
	// annotated assignment: NAME ':' | '(' single_target ')' ':' | single_subscript_attribute_target ':'
	var first ast.Expr
	if p.kind() == KW_yield {
		first = p.yieldExpr()
	} else {
		first = p.starExpressions()
	}
	switch k := p.kind(); k {
	case COLON:
		p.pos++
		target := p.toAnnTarget(first, start)
		simple := 0
		if _, ok := target.(*ast.Name); ok && p.toks[start].Kind != LPAR {
			simple = 1
		}
		ann := p.expression()
		var value ast.Expr
		if p.got(EQUAL) {
			value = p.annotatedRHS()
		}
		return &ast.AnnAssign{Pos: p.span(start), Target: target, Annotation: ann, Value: value, Simple: simple}
	case EQUAL:
		mark := len(p.es)
		p.es = append(p.es, first)
		firstEq := p.pos
		for p.kind() == EQUAL {
			if p.invalid {
				p.invalidAssignment(start, firstEq, p.es[mark:])
			}
			p.pos++
			var e ast.Expr
			if p.kind() == KW_yield {
				e = p.yieldExpr()
			} else {
				e = p.starExpressions()
			}
			p.es = append(p.es, e)
		}
		value := p.es[len(p.es)-1]
		p.es[len(p.es)-1] = nil
		p.es = p.es[:len(p.es)-1]
		targets := p.exprsFrom(mark)
		if p.invalid {
			p.invalidAssignment(start, firstEq, targets)
		}
		for _, t := range targets {
			p.toStore(t, false)
		}
		tc := p.typeComment()
		return p.newAssign(p.span(start), targets, value, tc)
	case PLUSEQUAL, MINEQUAL, STAREQUAL, ATEQUAL, SLASHEQUAL, PERCENTEQUAL, AMPEREQUAL, VBAREQUAL,
		CIRCUMFLEXEQUAL, LEFTSHIFTEQUAL, RIGHTSHIFTEQUAL, DOUBLESTAREQUAL, DOUBLESLASHEQUAL:
		p.pos++
		target := p.toAugTarget(first)
		var value ast.Expr
		if p.kind() == KW_yield {
			value = p.yieldExpr()
		} else {
			value = p.starExpressions()
		}
		return &ast.AugAssign{Pos: p.span(start), Target: target, Op: augOps[k], Value: value}
	}
	if p.invalid && p.kind() == COLONEQUAL && !(p.pos == start+1 && p.toks[start].Kind == NAME) {
		// invalid_assignment: the statement's first element goes through named_expression
		// (NAME ':=' is a valid assignment_expression there, which then fails as a statement)
		if _, isTuple := first.(*ast.Tuple); !isTuple || p.toks[start].Kind == LPAR {
			p.invalidNamed(start, first)
		} else if elts := first.(*ast.Tuple).Elts; len(elts) > 0 {
			last := elts[len(elts)-1]
			p.invalidNamed(p.tokIndexAt(last), last)
		}
	}
	return p.newExprStmt(p.span(start), first)
}

var augOps = map[Kind]ast.Operator{
	PLUSEQUAL: ast.Add, MINEQUAL: ast.Sub, STAREQUAL: ast.Mult, ATEQUAL: ast.MatMult,
	SLASHEQUAL: ast.Div, PERCENTEQUAL: ast.ModOp, AMPEREQUAL: ast.BitAnd, VBAREQUAL: ast.BitOr,
	CIRCUMFLEXEQUAL: ast.BitXor, LEFTSHIFTEQUAL: ast.LShift, RIGHTSHIFTEQUAL: ast.RShift,
	DOUBLESTAREQUAL: ast.Pow, DOUBLESLASHEQUAL: ast.FloorDiv,
}

func (p *parser) annotatedRHS() ast.Expr {
	if p.kind() == KW_yield {
		return p.yieldExpr()
	}
	return p.starExpressions()
}

func (p *parser) importName() ast.Stmt {
	start := p.pos
	p.pos++
	var names []*ast.Alias
	for {
		names = appendList(&p.slabs.aliasLists, names, p.alias(true))
		if !p.got(COMMA) {
			break
		}
	}
	return &ast.Import{Pos: p.span(start), Names: names}
}

func (p *parser) dottedName() string {
	s := p.text(p.expect(NAME))
	for p.kind() == DOT && p.kindAt(1) == NAME {
		p.pos++
		s += "." + p.text(p.next())
	}
	if p.kind() == DOT {
		p.pos++
		p.fail()
	}
	return s
}

func (p *parser) alias(dotted bool) *ast.Alias {
	start := p.pos
	var name string
	if dotted {
		name = p.dottedName()
	} else {
		name = p.text(p.expect(NAME))
	}
	as := ""
	if p.got(KW_as) {
		as = p.text(p.expect(NAME))
	}
	return newNode(&p.slabs.alias, ast.Alias{Pos: p.span(start), Name: name, Asname: as})
}

func (p *parser) importFrom() ast.Stmt {
	start := p.pos
	p.pos++
	level := 0
	for {
		if p.got(DOT) {
			level++
		} else if p.got(ELLIPSIS) {
			level += 3
		} else {
			break
		}
	}
	module := ""
	if p.kind() == NAME {
		module = p.dottedName()
	} else if level == 0 {
		p.fail()
	}
	p.expect(KW_import)
	var names []*ast.Alias
	if p.kind() == STAR {
		s := p.pos
		p.pos++
		names = []*ast.Alias{{Pos: p.span(s), Name: "*"}}
	} else if p.got(LPAR) {
		for {
			names = appendList(&p.slabs.aliasLists, names, p.alias(false))
			if !p.got(COMMA) || p.kind() == RPAR {
				break
			}
		}
		p.expect(RPAR)
	} else {
		for {
			names = appendList(&p.slabs.aliasLists, names, p.alias(false))
			if !p.got(COMMA) {
				break
			}
			if p.invalid && p.kind() == NEWLINE {
				p.raiseTok("trailing comma not allowed without surrounding parentheses", p.peek())
			}
		}
	}
	return &ast.ImportFrom{Pos: p.span(start), Module: module, Names: names, Level: level}
}

// ---- compound statements ----

func (p *parser) compoundStmt(body []ast.Stmt) []ast.Stmt {
	var s ast.Stmt
	switch p.kind() {
	case KW_def:
		s = p.funcDef(p.pos, nil, false)
	case AT:
		s = p.decorated()
	case KW_class:
		s = p.classDef(nil)
	case KW_if:
		s = p.ifStmt()
	case KW_while:
		s = p.whileStmt()
	case KW_for:
		s = p.forStmt(p.pos, false)
	case KW_with:
		s = p.withStmt(p.pos, false)
	case KW_try:
		s = p.tryStmt()
	case KW_async:
		start := p.pos
		p.pos++
		switch p.kind() {
		case KW_def:
			s = p.funcDef(start, nil, true)
		case KW_for:
			s = p.forStmt(start, true)
		case KW_with:
			s = p.withStmt(start, true)
		default:
			p.fail()
		}
	case NAME:
		s = p.matchStmt()
	default:
		p.fail()
	}
	return append(body, s)
}

func (p *parser) decorated() ast.Stmt {
	var decos []ast.Expr
	for p.got(AT) {
		decos = appendList(&p.slabs.exprFirsts, decos, p.namedExpression())
		p.expect(NEWLINE)
	}
	switch p.kind() {
	case KW_def:
		return p.funcDef(p.pos, decos, false)
	case KW_async:
		start := p.pos
		p.pos++
		if p.kind() != KW_def {
			p.fail()
		}
		return p.funcDef(start, decos, true)
	case KW_class:
		return p.classDef(decos)
	}
	p.fail()
	return nil
}

func (p *parser) funcDef(start int, decos []ast.Expr, async bool) ast.Stmt {
	defTok := p.pos
	p.expect(KW_def)
	name := p.text(p.expect(NAME))
	if p.kind() != LPAR {
		p.raiseTok("expected '('", p.peek())
	}
	p.pos++
	args := p.params(RPAR)
	p.expect(RPAR)
	var returns ast.Expr
	if p.kind() == RARROW {
		arrow := p.pos
		p.pos++
		if !p.try(func() { returns = p.expression() }) {
			p.pos = arrow
		}
	}
	p.expectColon(true)
	tc := ""
	if p.kind() == TYPE_COMMENT {
		tc = p.text(p.next())
	} else if p.kind() == NEWLINE && p.kindAt(1) == TYPE_COMMENT && p.kindAt(2) == NEWLINE && p.kindAt(3) == INDENT {
		p.pos++
		tc = p.text(p.next())
	}
	_ = defTok
	body := p.block("function definition", defTok)
	if decos == nil {
		decos = []ast.Expr{}
	}
	if async {
		return &ast.AsyncFunctionDef{Pos: p.span(start), Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns, TypeComment: tc}
	}
	return newNode(&p.slabs.funcDef, ast.FunctionDef{Pos: p.span(start), Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns, TypeComment: tc})
}

func (p *parser) classDef(decos []ast.Expr) ast.Stmt {
	start := p.pos
	p.expect(KW_class)
	name := p.text(p.expect(NAME))
	var bases []ast.Expr
	var kws []*ast.Keyword
	if p.got(LPAR) {
		if p.kind() != RPAR {
			bases, kws = p.arguments()
		}
		p.expect(RPAR)
	}
	p.expectColon(false)
	body := p.block("class definition", start)
	if decos == nil {
		decos = []ast.Expr{}
	}
	if bases == nil {
		bases = []ast.Expr{}
	}
	if kws == nil {
		kws = []*ast.Keyword{}
	}
	return newNode(&p.slabs.classDef, ast.ClassDef{Pos: p.span(start), Name: name, Bases: bases, Keywords: kws, Body: body, DecoratorList: decos})
}

func (p *parser) ifStmt() ast.Stmt {
	start := p.pos
	p.pos++ // if or elif
	kw := "'if' statement"
	if p.toks[start].Kind == KW_elif {
		kw = "'elif' statement"
	}
	test := p.namedExpression()
	p.expectColon(false)
	body := p.block(kw, start)
	orelse := []ast.Stmt{}
	if p.kind() == KW_elif {
		orelse = []ast.Stmt{p.ifStmt()}
	} else if p.kind() == KW_else {
		orelse = p.elseBlock()
	}
	return newNode(&p.slabs.ifStmt, ast.If{Pos: p.span(start), Test: test, Body: body, Orelse: orelse})
}

func (p *parser) elseBlock() []ast.Stmt {
	s := p.pos
	p.expect(KW_else)
	p.expectColon(true)
	return p.block("'else' statement", s)
}

func (p *parser) whileStmt() ast.Stmt {
	start := p.pos
	p.pos++
	test := p.namedExpression()
	p.expectColon(false)
	body := p.block("'while' statement", start)
	orelse := []ast.Stmt{}
	if p.kind() == KW_else {
		orelse = p.elseBlock()
	}
	return &ast.While{Pos: p.span(start), Test: test, Body: body, Orelse: orelse}
}

func (p *parser) forStmt(start int, async bool) ast.Stmt {
	forTok := p.pos
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
	p.expect(KW_in)
	iter := p.starExpressions()
	p.expectColon(false)
	tc := p.typeComment()
	body := p.block("'for' statement", forTok)
	orelse := []ast.Stmt{}
	if p.kind() == KW_else {
		orelse = p.elseBlock()
	}
	if async {
		return &ast.AsyncFor{Pos: p.span(start), Target: target, Iter: iter, Body: body, Orelse: orelse, TypeComment: tc}
	}
	return &ast.For{Pos: p.span(start), Target: target, Iter: iter, Body: body, Orelse: orelse, TypeComment: tc}
}

func (p *parser) withStmt(start int, async bool) ast.Stmt {
	withTok := p.pos
	p.expect(KW_with)
	var items []*ast.Withitem
	tc := ""
	parenthesized := false
	if p.kind() == LPAR {
		parenthesized = p.try(func() {
			p.pos++
			var its []*ast.Withitem
			for {
				its = append(its, p.withItem())
				if !p.got(COMMA) || p.kind() == RPAR {
					break
				}
			}
			p.expect(RPAR)
			if p.kind() != COLON {
				if p.invalid && p.kind() == NEWLINE {
					p.raiseTok("expected ':'", p.peek())
				}
				p.fail()
			}
			items = its
		})
	}
	if !parenthesized {
		for {
			items = appendList(&p.slabs.itemLists, items, p.withItem())
			if !p.got(COMMA) {
				break
			}
		}
	}
	p.expectColon(false)
	if !parenthesized {
		tc = p.typeComment()
	}
	body := p.block("'with' statement", withTok)
	if async {
		return &ast.AsyncWith{Pos: p.span(start), Items: items, Body: body, TypeComment: tc}
	}
	return newNode(&p.slabs.with, ast.With{Pos: p.span(start), Items: items, Body: body, TypeComment: tc})
}

func (p *parser) withItem() *ast.Withitem {
	e := p.expression()
	var vars ast.Expr
	if p.got(KW_as) {
		vars = p.starTarget()
		switch p.kind() {
		case COMMA, RPAR, COLON, NEWLINE:
		default:
			p.fail()
		}
	}
	return &ast.Withitem{ContextExpr: e, OptionalVars: vars}
}

func (p *parser) tryStmt() ast.Stmt {
	start := p.pos
	p.pos++
	p.expectColon(true)
	body := p.block("'try' statement", start)
	handlers := []*ast.ExceptHandler{}
	orelse := []ast.Stmt{}
	final := []ast.Stmt{}
	star := false
	for p.kind() == KW_except {
		hs := p.pos
		p.pos++
		thisStar := p.got(STAR)
		if len(handlers) > 0 && thisStar != star {
			if p.invalid {
				p.raiseAt(SyntaxErrorKind, "cannot have both 'except' and 'except*' on the same 'try'", int(p.toks[hs].Line), int(p.toks[hs].Col), int(p.toks[p.pos-1].EndLine), int(p.toks[p.pos-1].EndCol))
			}
			p.fail()
		}
		star = thisStar
		if star && p.kind() == COLON {
			if p.invalid {
				p.raiseTok("expected one or more exception types", p.peek())
			}
			p.fail()
		}
		var typ ast.Expr
		name := ""
		if p.invalid && p.kind() == NEWLINE {
			p.raiseTok("expected ':'", p.peek())
		}
		if p.kind() != COLON {
			typ = p.expression()
			if p.got(KW_as) {
				name = p.text(p.expect(NAME))
			} else if p.kind() == COMMA {
				if p.invalid {
					save := p.pos
					p.pos++
					var last ast.Expr
					if p.withoutInvalid(func() { last = p.expressions() }) {
						if p.kind() == KW_as {
							p.pos++
							p.expect(NAME)
						}
						if p.kind() == COLON {
							lt := &p.toks[p.pos-1]
							ps := posOf(typ)
							_ = last
							p.raiseAt(SyntaxErrorKind, "multiple exception types must be parenthesized", ps.Lineno, ps.ColOffset, int(lt.EndLine), int(lt.EndCol))
						}
					}
					p.pos = save
				}
				p.fail()
			}
		}
		p.expectColon(false)
		what := "'except' statement"
		if star {
			what = "'except*' statement"
		}
		hb := p.block(what, hs)
		handlers = appendList(&p.slabs.handlerLists, handlers, newNode(&p.slabs.handler, ast.ExceptHandler{Pos: p.span(hs), Type: typ, Name: name, Body: hb}))
	}
	if p.kind() == KW_else && len(handlers) > 0 {
		orelse = p.elseBlock()
	}
	if p.kind() == KW_finally {
		fs := p.pos
		p.pos++
		p.expectColon(true)
		final = p.block("'finally' statement", fs)
	}
	if len(handlers) == 0 && len(final) == 0 {
		if p.invalid {
			t := p.peek()
			p.raiseTok("expected 'except' or 'finally' block", t)
		}
		p.fail()
	}
	if star {
		return &ast.TryStar{Pos: p.span(start), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
	}
	return newNode(&p.slabs.try, ast.Try{Pos: p.span(start), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final})
}

// expectColon consumes the ':' that introduces a block. forced is the grammar's &&':' (the error
// is raised at once); otherwise "expected ':'" comes from the invalid_ rules, only before a NEWLINE.
func (p *parser) expectColon(forced bool) {
	if p.kind() == COLON {
		p.pos++
		return
	}
	if forced || p.invalid && p.kind() == NEWLINE {
		p.raiseTok("expected ':'", p.peek())
	}
	p.fail()
}
