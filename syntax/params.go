package syntax

import (
	"gopyc/ast"
)

// params parses a def's parameter list up to (not including) the closing token.
func (p *parser) params(closing Kind) *ast.Arguments {
	return p.paramList(closing, false)
}

func (p *parser) lambdaParams() *ast.Arguments {
	return p.paramList(COLON, true)
}

func (p *parser) param(lambda, starAnn bool) *ast.Arg {
	start := p.pos
	name := p.text(p.expect(NAME))
	var ann ast.Expr
	if !lambda && p.got(COLON) {
		if starAnn && p.kind() == STAR {
			s := p.pos
			p.pos++
			v := p.bitwiseOr()
			ann = &ast.Starred{Pos: p.span(s), Value: v, Ctx: ast.Load}
		} else {
			ann = p.expression()
		}
	}
	return newNode(&p.slabs.arg, ast.Arg{Pos: p.span(start), Arg: name, Annotation: ann})
}

func (p *parser) paramList(closing Kind, lambda bool) *ast.Arguments {
	a := newNode(&p.slabs.arguments, ast.Arguments{Posonlyargs: []*ast.Arg{}, Args: []*ast.Arg{}, Kwonlyargs: []*ast.Arg{}, KwDefaults: []ast.Expr{}, Defaults: []ast.Expr{}})
	sawDefault := false
	sawSlash := false
	sawStar := false
	// endParam handles the ',' TYPE_COMMENT? | TYPE_COMMENT? &')' after a parameter.
	endParam := func(arg *ast.Arg) bool {
		if p.got(COMMA) {
			if !lambda && p.kind() == TYPE_COMMENT {
				if arg != nil {
					arg.TypeComment = p.text(p.next())
				} else {
					p.fail()
				}
			}
			return true
		}
		if !lambda && p.kind() == TYPE_COMMENT && p.kindAt(1) == closing {
			if arg == nil {
				p.fail()
			}
			arg.TypeComment = p.text(p.next())
		}
		if p.kind() != closing {
			p.fail()
		}
		return false
	}
	for p.kind() != closing {
		switch p.kind() {
		case SLASH:
			if sawSlash || sawStar || len(a.Args) == 0 {
				if p.invalid {
					p.invalidSlash(sawSlash, sawStar, len(a.Args) == 0)
				}
				p.fail()
			}
			sawSlash = true
			p.pos++
			if p.invalid && p.kind() == STAR {
				p.raiseTok("expected comma between / and *", p.peek())
			}
			a.Posonlyargs, a.Args = a.Args, []*ast.Arg{}
			if !endParam(nil) {
				return a
			}
			continue
		case STAR:
			if sawStar {
				if p.invalid {
					p.raiseTok("* argument may appear only once", p.peek())
				}
				p.fail()
			}
			sawStar = true
			starTok := p.peek()
			p.pos++
			if p.kind() == COMMA {
				// bare '*': keyword-only marker; must be followed by a named parameter
				p.pos++
				if !lambda && p.kind() == TYPE_COMMENT {
					if p.invalid {
						p.raiseTok("bare * has associated type comment", p.peek())
					}
					p.fail()
				}
				if p.kind() == SLASH {
					continue // "/ must be ahead of *"
				}
				if p.kind() != NAME {
					if p.invalid && (p.kind() == closing || p.kind() == DOUBLESTAR) {
						if lambda {
							p.raiseTok("named arguments must follow bare *", p.peek())
						}
						p.raiseTok("named arguments must follow bare *", starTok)
					}
					p.fail()
				}
				continue
			}
			if p.kind() != NAME {
				if p.invalid && p.kind() == closing {
					if lambda {
						p.raiseTok("named arguments must follow bare *", p.peek())
					}
					p.raiseTok("named arguments must follow bare *", starTok)
				}
				p.fail()
			}
			arg := p.param(lambda, true)
			if p.kind() == EQUAL {
				if p.invalid {
					p.raiseTok("var-positional argument cannot have default value", p.peek())
				}
				p.fail()
			}
			a.Vararg = arg
			if !endParam(arg) {
				return a
			}
			continue
		case DOUBLESTAR:
			p.pos++
			arg := p.param(lambda, false)
			if p.kind() == EQUAL {
				if p.invalid {
					p.raiseTok("var-keyword argument cannot have default value", p.peek())
				}
				p.fail()
			}
			a.Kwarg = arg
			if p.got(COMMA) {
				if !lambda && p.kind() == TYPE_COMMENT {
					arg.TypeComment = p.text(p.next())
				}
			} else if !lambda && p.kind() == TYPE_COMMENT && p.kindAt(1) == closing {
				arg.TypeComment = p.text(p.next())
			}
			if p.kind() != closing {
				if p.invalid && p.toks[p.pos-1].Kind == COMMA {
					switch p.kind() {
					case NAME, STAR, DOUBLESTAR, SLASH:
						p.raiseTok("arguments cannot follow var-keyword argument", p.peek())
					}
				}
				p.fail()
			}
			return a
		case NAME:
		case LPAR:
			if p.invalid {
				p.invalidParenParams(lambda)
			}
			p.fail()
		default:
			p.fail()
		}
		arg := p.param(lambda, false)
		var def ast.Expr
		if p.kind() == EQUAL {
			if p.invalid && (p.kindAt(1) == RPAR || p.kindAt(1) == COMMA) {
				p.raiseTok("expected default value expression", p.peek())
			}
			p.pos++
			def = p.expression()
		}
		if sawStar {
			a.Kwonlyargs = append(a.Kwonlyargs, arg)
			a.KwDefaults = append(a.KwDefaults, def)
		} else {
			if def != nil {
				sawDefault = true
				a.Defaults = appendList(&p.slabs.exprFirsts, a.Defaults, def)
			} else if sawDefault {
				if k := p.kind(); p.invalid && (k == COMMA || k == closing || k == TYPE_COMMENT) {
					p.raiseNode("non-default argument follows default argument", arg)
				}
				p.fail()
			}
			a.Args = appendList(&p.slabs.argLists, a.Args, arg)
		}
		if !endParam(arg) {
			return a
		}
	}
	return a
}

func (p *parser) invalidSlash(sawSlash, sawStar, none bool) {
	t := p.peek()
	switch {
	case sawSlash:
		p.raiseTok("/ may appear only once", t)
	case sawStar:
		p.raiseTok("/ must be ahead of *", t)
	case none:
		if p.kindAt(1) == COMMA {
			p.raiseTok("at least one argument must precede /", t)
		}
	}
}

// invalidParenParams: '(' param+ ','? ')' in a parameter list.
func (p *parser) invalidParenParams(lambda bool) {
	save := p.pos
	lp := p.peek()
	ok := p.withoutInvalid(func() {
		p.pos++
		for {
			p.param(lambda, false)
			if !p.got(COMMA) || p.kind() == RPAR {
				break
			}
		}
		p.expect(RPAR)
	})
	if ok {
		rp := &p.toks[p.pos-1]
		msg := "Function parameters cannot be parenthesized"
		if lambda {
			msg = "Lambda expression parameters cannot be parenthesized"
		}
		p.raiseAt(SyntaxErrorKind, msg, int(lp.Line), int(lp.Col), int(rp.EndLine), int(rp.EndCol))
	}
	p.pos = save
}
