package syntax

import (
	"gopyc/ast"
)

// starTargets parses assignment targets for 'for' loops and comprehensions.
func (p *parser) starTargets() ast.Expr {
	start := p.pos
	first := p.starTarget()
	if p.kind() != COMMA {
		return first
	}
	elts := []ast.Expr{first}
	for p.got(COMMA) {
		if !p.startsExpression() {
			break
		}
		elts = append(elts, p.starTarget())
	}
	return &ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Store}
}

func (p *parser) starTarget() ast.Expr {
	if p.kind() == STAR {
		start := p.pos
		p.pos++
		if p.kind() == STAR {
			p.fail()
		}
		v := p.starTarget()
		return &ast.Starred{Pos: p.span(start), Value: v, Ctx: ast.Store}
	}
	e := p.bitwiseOr()
	return p.toStore(e, true)
}

func (p *parser) delTargets() []ast.Expr {
	var out []ast.Expr
	for {
		e := p.bitwiseOr()
		out = append(out, p.toDel(e))
		if !p.got(COMMA) {
			break
		}
		if p.atStmtEnd() {
			break
		}
	}
	return out
}

func (p *parser) toDel(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.Name:
		x.Ctx = ast.Del
	case *ast.Attribute:
		x.Ctx = ast.Del
	case *ast.Subscript:
		x.Ctx = ast.Del
	case *ast.Tuple:
		for _, el := range x.Elts {
			p.toDel(el)
		}
		x.Ctx = ast.Del
	case *ast.List:
		for _, el := range x.Elts {
			p.toDel(el)
		}
		x.Ctx = ast.Del
	default:
		if p.invalid {
			p.raiseNode("cannot delete "+exprName(e), e)
		}
		p.fail()
	}
	return e
}

// toStore converts an expression parsed as a load into an assignment target.
func (p *parser) toStore(e ast.Expr, forTarget bool) ast.Expr {
	switch x := e.(type) {
	case *ast.Name:
		x.Ctx = ast.Store
	case *ast.Attribute:
		x.Ctx = ast.Store
	case *ast.Subscript:
		x.Ctx = ast.Store
	case *ast.Starred:
		p.toStore(x.Value, forTarget)
		x.Ctx = ast.Store
	case *ast.Tuple:
		for _, el := range x.Elts {
			p.toStore(el, forTarget)
		}
		x.Ctx = ast.Store
	case *ast.List:
		for _, el := range x.Elts {
			p.toStore(el, forTarget)
		}
		x.Ctx = ast.Store
	default:
		if p.invalid {
			if forTarget {
				p.raiseNode("cannot assign to "+exprName(e), e)
			}
			if _, ok := e.(*ast.Yield); ok {
				p.raiseNode("assignment to yield expression not possible", e)
			}
			if _, ok := e.(*ast.YieldFrom); ok {
				p.raiseNode("assignment to yield expression not possible", e)
			}
			p.raiseNode("cannot assign to "+exprName(e)+" here. Maybe you meant '==' instead of '='?", e)
		}
		p.fail()
	}
	return e
}

func (p *parser) toAnnTarget(e ast.Expr, start int) ast.Expr {
	switch x := e.(type) {
	case *ast.Name:
		x.Ctx = ast.Store
		return e
	case *ast.Attribute:
		x.Ctx = ast.Store
		return e
	case *ast.Subscript:
		x.Ctx = ast.Store
		return e
	}
	if p.invalid {
		switch e.(type) {
		case *ast.Tuple, *ast.List:
			p.raiseNode("only single target (not "+exprName(e)+") can be annotated", e)
		}
		p.raiseNode("illegal target for annotation", e)
	}
	p.fail()
	return nil
}

func (p *parser) toAugTarget(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.Name:
		x.Ctx = ast.Store
		return e
	case *ast.Attribute:
		x.Ctx = ast.Store
		return e
	case *ast.Subscript:
		x.Ctx = ast.Store
		return e
	}
	if p.invalid {
		p.raiseNode("'"+exprName(e)+"' is an illegal expression for augmented assignment", e)
	}
	p.fail()
	return nil
}

// exprName is CPython's _PyPegen_get_expr_name.
func exprName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Constant:
		switch x.Value.Kind {
		case ast.NoneKind:
			return "None"
		case ast.BoolKind:
			if x.Value.Int != 0 {
				return "True"
			}
			return "False"
		case ast.EllipsisKind:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}

// invalidNamedEquals handles `expr = ...` where a named expression was expected.
func (p *parser) invalidNamedEquals(e ast.Expr) {
	// a=NAME '=' b=bitwise_or !('='|':=')
	save := p.pos
	p.pos++
	ok := p.try(func() { p.bitwiseOr() })
	after := p.kind()
	endTok := p.pos
	p.pos = save
	if !ok || after == EQUAL || after == COLONEQUAL {
		return
	}
	_ = endTok
	if n, isName := e.(*ast.Name); isName {
		p.pos = save + 1
		b := p.bitwiseOr()
		p.pos = save
		p.raiseRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n, b)
	}
	switch x := e.(type) {
	case *ast.List, *ast.Tuple, *ast.GeneratorExp:
		return
	case *ast.Constant:
		if x.Value.Kind == ast.NoneKind || x.Value.Kind == ast.BoolKind {
			return
		}
	}
	p.raiseNode("cannot assign to "+exprName(e)+" here. Maybe you meant '==' instead of '='?", e)
}

func (p *parser) invalidKwarg(e ast.Expr, start int) {
	switch x := e.(type) {
	case *ast.Constant:
		if x.Value.Kind == ast.NoneKind || x.Value.Kind == ast.BoolKind {
			p.raiseRange("cannot assign to "+exprName(e), e, e)
		}
	}
	p.raiseRange("expression cannot contain assignment, perhaps you meant \"==\"?", e, e)
}

func (p *parser) invalidExprStmt(e ast.Expr) {
}
