package syntax

import (
	"sort"

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
	return newNode(&p.slabs.tuple, ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Store})
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
			p.raiseNode("cannot assign to "+exprName(e), e)
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
	if p.invalid && p.withoutInvalidLookahead(func() { p.expression() }) {
		switch x := e.(type) {
		case *ast.Tuple:
			if p.toks[start].Kind != LPAR && len(x.Elts) > 0 {
				p.raiseNode("only single target (not tuple) can be annotated", x.Elts[0])
			}
			p.raiseNode("only single target (not "+exprName(e)+") can be annotated", e)
		case *ast.List:
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

// invalidNamed emulates invalid_named_expression for e, parsed as an expression starting at
// token start, with the parser positioned after it.
func (p *parser) invalidNamed(start int, e ast.Expr) {
	switch p.kind() {
	case COLONEQUAL:
		// a=expression ':=' expression
		save := p.pos
		p.pos++
		ok := p.withoutInvalidLookahead(func() { p.expression() })
		p.pos = save
		if ok {
			p.raiseNode("cannot use assignment expressions with "+exprName(e), e)
		}
		return
	case EQUAL:
	default:
		return
	}
	paren := p.toks[start].Kind == LPAR && !(posOf(e).Lineno == int(p.toks[start].Line) && posOf(e).ColOffset == int(p.toks[start].Col))
	if !paren && !isBitwiseOrLevel(e) {
		return
	}
	save := p.pos
	p.pos++
	var b ast.Expr
	ok := p.withoutInvalid(func() { b = p.bitwiseOr() })
	after := p.kind()
	p.pos = save
	if !ok || after == EQUAL || after == COLONEQUAL {
		return
	}
	if n, isName := e.(*ast.Name); isName && start+1 == save {
		p.raiseRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", n, b)
	}
	if p.startsExcludedAtom(start) {
		return
	}
	p.raiseNode("cannot assign to "+exprName(e)+" here. Maybe you meant '==' instead of '='?", e)
}

// isBitwiseOrLevel reports whether e could be the whole result of the bitwise_or rule.
func isBitwiseOrLevel(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Compare, *ast.BoolOp, *ast.IfExp, *ast.Lambda, *ast.NamedExpr, *ast.Starred, *ast.Yield, *ast.YieldFrom:
		return false
	case *ast.UnaryOp:
		return x.Op != ast.Not
	}
	return true
}

// startsExcludedAtom implements !(list|tuple|genexp|'True'|'None'|'False') at token i.
func (p *parser) startsExcludedAtom(i int) bool {
	switch p.toks[i].Kind {
	case KW_True, KW_None, KW_False:
		return true
	case LSQB, LPAR:
	default:
		return false
	}
	save := p.pos
	p.pos = i
	var a ast.Expr
	ok := p.withoutInvalid(func() { a = p.atom() })
	p.pos = save
	if !ok {
		return false
	}
	switch a.(type) {
	case *ast.List, *ast.GeneratorExp:
		return true
	case *ast.Tuple:
		return p.toks[i].Kind == LPAR && posOf(a).ColOffset == int(p.toks[i].Col) && posOf(a).Lineno == int(p.toks[i].Line)
	}
	return false
}

// invalidTarget is CPython's _PyPegen_get_invalid_target: the first sub-expression of e that
// cannot be assigned to (or deleted, if del), or nil.
func invalidTarget(e ast.Expr, del bool) ast.Expr {
	switch x := e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return nil
	case *ast.Tuple:
		for _, el := range x.Elts {
			if b := invalidTarget(el, del); b != nil {
				return b
			}
		}
		return nil
	case *ast.List:
		for _, el := range x.Elts {
			if b := invalidTarget(el, del); b != nil {
				return b
			}
		}
		return nil
	case *ast.Starred:
		if del {
			return e
		}
		return invalidTarget(x.Value, del)
	}
	return e
}

// tokIndexAt returns the index of the token starting at the node's start position.
func (p *parser) tokIndexAt(n ast.Node) int {
	ps := posOf(n)
	i := sort.Search(len(p.toks), func(i int) bool {
		t := &p.toks[i]
		return int(t.Line) > ps.Lineno || int(t.Line) == ps.Lineno && int(t.Col) >= ps.ColOffset
	})
	return i
}

// tokIndexAfter returns the index of the first token after the node's end.
func (p *parser) tokIndexAfter(n ast.Node) int {
	ps := posOf(n)
	i := sort.Search(len(p.toks), func(i int) bool {
		t := &p.toks[i]
		return int(t.Line) > ps.EndLineno || int(t.Line) == ps.EndLineno && int(t.Col) >= ps.EndColOffset
	})
	return i
}

// invalidAssignment emulates invalid_assignment for `targets = value` when a target is invalid.
func (p *parser) invalidAssignment(start, firstEq int, targets []ast.Expr) {
	bad := -1
	for i, t := range targets {
		if invalidTarget(t, false) != nil {
			bad = i
			break
		}
	}
	if bad < 0 {
		return
	}
	// alternative 2: the elements of the first target list go through named_expression
	first := targets[0]
	elems := []ast.Expr{first}
	single := true
	if tup, ok := first.(*ast.Tuple); ok && p.toks[start].Kind != LPAR {
		elems = tup.Elts
		single = false
	}
	save := p.pos
	for _, el := range elems {
		if _, ok := el.(*ast.Starred); ok {
			continue
		}
		at := p.tokIndexAt(el)
		p.pos = p.tokIndexAfter(el)
		if single {
			at, p.pos = start, firstEq
		}
		p.invalidNamed(at, el)
	}
	p.pos = save
	t := targets[bad]
	switch t.(type) {
	case *ast.Yield, *ast.YieldFrom:
		p.raiseNode("assignment to yield expression not possible", t)
	}
	inv := invalidTarget(t, false)
	p.raiseNode("cannot assign to "+exprName(inv), inv)
}

// withoutInvalidLookahead reports whether f parses at the current position (invalid_ rules off);
// the position is restored.
func (p *parser) withoutInvalidLookahead(f func()) bool {
	save := p.pos
	ok := p.withoutInvalid(f)
	p.pos = save
	return ok
}

// invalidForTarget is _PyPegen_get_invalid_target with FOR_TARGETS: in `for a in b` parsed as
// an expression, the comparison's left side is searched.
func invalidForTarget(e ast.Expr) ast.Expr {
	if c, ok := e.(*ast.Compare); ok {
		if c.Ops[0] == ast.In {
			return invalidForTarget(c.Left)
		}
		return nil
	}
	switch x := e.(type) {
	case *ast.Tuple:
		for _, el := range x.Elts {
			if b := invalidForTarget(el); b != nil {
				return b
			}
		}
		return nil
	case *ast.List:
		for _, el := range x.Elts {
			if b := invalidForTarget(el); b != nil {
				return b
			}
		}
		return nil
	case *ast.Starred:
		return invalidForTarget(x.Value)
	}
	return invalidTarget(e, false)
}

// invalidFor emulates invalid_for_target: 'async'? 'for' a=star_expressions, with the parser
// positioned after 'for'.
func (p *parser) invalidFor() {
	save := p.pos
	var a ast.Expr
	if p.try(func() { a = p.starExpressions() }) {
		if inv := invalidForTarget(a); inv != nil {
			p.raiseNode("cannot assign to "+exprName(inv), inv)
		}
	}
	p.pos = save
}
