package compile

import (
	"strings"

	"gopyc/ast"
	"gopyc/objects"
)

// unparse renders an annotation as CPython's C unparser (ast_unparse.c) does, for
// "from __future__ import annotations".
func unparse(e ast.Expr) string {
	var u unparser
	u.expr(e, prTest)
	return u.b.String()
}

const (
	prTuple = iota
	prTest
	prOr
	prAnd
	prNot
	prCmp
	prBor
	prBxor
	prBand
	prShift
	prArith
	prTerm
	prFactor
	prPower
	prAwait
	prAtom
)

type unparser struct{ b strings.Builder }

func (u *unparser) s(x string) { u.b.WriteString(x) }

func (u *unparser) paren(cond bool, x string) {
	if cond {
		u.s(x)
	}
}

func constRepr(v ast.Value) string {
	if v.Kind == ast.EllipsisKind {
		return "..."
	}
	r := objects.ReprConst(constObject(v))
	if v.Kind == ast.FloatKind || v.Kind == ast.ComplexKind || v.Kind == ast.TupleKind || v.Kind == ast.FrozensetKind {
		r = strings.ReplaceAll(r, "inf", "1e309")
	}
	return r
}

func (u *unparser) exprs(l []ast.Expr, level int) {
	for i, e := range l {
		if i > 0 {
			u.s(", ")
		}
		u.expr(e, level)
	}
}

func (u *unparser) expr(e ast.Expr, level int) {
	switch e := e.(type) {
	case *ast.BoolOp:
		pr, op := prAnd, " and "
		if e.Op == ast.Or {
			pr, op = prOr, " or "
		}
		u.paren(level > pr, "(")
		for i, v := range e.Values {
			if i > 0 {
				u.s(op)
			}
			u.expr(v, pr+1)
		}
		u.paren(level > pr, ")")
	case *ast.NamedExpr:
		u.paren(level > prTuple, "(")
		u.expr(e.Target, prAtom)
		u.s(" := ")
		u.expr(e.Value, prAtom)
		u.paren(level > prTuple, ")")
	case *ast.BinOp:
		var op string
		var pr int
		rassoc := 0
		switch e.Op {
		case ast.Add:
			op, pr = " + ", prArith
		case ast.Sub:
			op, pr = " - ", prArith
		case ast.Mult:
			op, pr = " * ", prTerm
		case ast.MatMult:
			op, pr = " @ ", prTerm
		case ast.Div:
			op, pr = " / ", prTerm
		case ast.ModOp:
			op, pr = " % ", prTerm
		case ast.LShift:
			op, pr = " << ", prShift
		case ast.RShift:
			op, pr = " >> ", prShift
		case ast.BitOr:
			op, pr = " | ", prBor
		case ast.BitXor:
			op, pr = " ^ ", prBxor
		case ast.BitAnd:
			op, pr = " & ", prBand
		case ast.FloorDiv:
			op, pr = " // ", prTerm
		case ast.Pow:
			op, pr, rassoc = " ** ", prPower, 1
		}
		u.paren(level > pr, "(")
		u.expr(e.Left, pr+rassoc)
		u.s(op)
		u.expr(e.Right, pr+1-rassoc)
		u.paren(level > pr, ")")
	case *ast.UnaryOp:
		var op string
		pr := prFactor
		switch e.Op {
		case ast.Invert:
			op = "~"
		case ast.Not:
			op, pr = "not ", prNot
		case ast.UAdd:
			op = "+"
		case ast.USub:
			op = "-"
		}
		u.paren(level > pr, "(")
		u.s(op)
		u.expr(e.Operand, pr)
		u.paren(level > pr, ")")
	case *ast.Lambda:
		u.paren(level > prTest, "(")
		n := len(e.Args.Args) + len(e.Args.Posonlyargs) + len(e.Args.Kwonlyargs)
		if n > 0 || e.Args.Vararg != nil || e.Args.Kwarg != nil {
			u.s("lambda ")
			u.args(e.Args)
		} else {
			u.s("lambda")
		}
		u.s(": ")
		u.expr(e.Body, prTest)
		u.paren(level > prTest, ")")
	case *ast.IfExp:
		u.paren(level > prTest, "(")
		u.expr(e.Body, prTest+1)
		u.s(" if ")
		u.expr(e.Test, prTest+1)
		u.s(" else ")
		u.expr(e.Orelse, prTest)
		u.paren(level > prTest, ")")
	case *ast.Dict:
		u.s("{")
		for i := range e.Values {
			if i > 0 {
				u.s(", ")
			}
			if e.Keys[i] == nil {
				u.s("**")
				u.expr(e.Values[i], prExprLevel)
			} else {
				u.expr(e.Keys[i], prTest)
				u.s(": ")
				u.expr(e.Values[i], prTest)
			}
		}
		u.s("}")
	case *ast.Set:
		u.s("{")
		u.exprs(e.Elts, prTest)
		u.s("}")
	case *ast.List:
		u.s("[")
		u.exprs(e.Elts, prTest)
		u.s("]")
	case *ast.Tuple:
		if len(e.Elts) == 0 {
			u.s("()")
			return
		}
		u.paren(level > prTuple, "(")
		u.exprs(e.Elts, prTest)
		u.paren(len(e.Elts) == 1, ",")
		u.paren(level > prTuple, ")")
	case *ast.ListComp:
		u.s("[")
		u.expr(e.Elt, prTest)
		u.comps(e.Generators)
		u.s("]")
	case *ast.SetComp:
		u.s("{")
		u.expr(e.Elt, prTest)
		u.comps(e.Generators)
		u.s("}")
	case *ast.DictComp:
		u.s("{")
		u.expr(e.Key, prTest)
		u.s(": ")
		u.expr(e.Value, prTest)
		u.comps(e.Generators)
		u.s("}")
	case *ast.GeneratorExp:
		u.s("(")
		u.expr(e.Elt, prTest)
		u.comps(e.Generators)
		u.s(")")
	case *ast.Await:
		u.paren(level > prAwait, "(")
		u.s("await ")
		u.expr(e.Value, prAtom)
		u.paren(level > prAwait, ")")
	case *ast.Yield:
		u.paren(level > prAssignLevel, "(")
		u.s("yield")
		if e.Value != nil {
			u.s(" ")
			u.expr(e.Value, prTest)
		}
		u.paren(level > prAssignLevel, ")")
	case *ast.YieldFrom:
		u.paren(level > prAssignLevel, "(")
		u.s("yield from ")
		u.expr(e.Value, prTest)
		u.paren(level > prAssignLevel, ")")
	case *ast.Compare:
		u.paren(level > prCmp, "(")
		u.expr(e.Left, prCmp+1)
		for i, o := range e.Ops {
			u.s(" " + cmpText[o] + " ")
			u.expr(e.Comparators[i], prCmp+1)
		}
		u.paren(level > prCmp, ")")
	case *ast.Call:
		u.expr(e.Func, prAtom)
		if len(e.Args) == 1 && len(e.Keywords) == 0 {
			if g, ok := e.Args[0].(*ast.GeneratorExp); ok {
				u.expr(g, prTest)
				return
			}
		}
		u.s("(")
		first := true
		for _, a := range e.Args {
			if !first {
				u.s(", ")
			}
			first = false
			u.expr(a, prTest)
		}
		for _, k := range e.Keywords {
			if !first {
				u.s(", ")
			}
			first = false
			if k.Arg == "" {
				u.s("**")
			} else {
				u.s(k.Arg + "=")
			}
			u.expr(k.Value, prTest)
		}
		u.s(")")
	case *ast.Constant:
		u.s(constRepr(e.Value))
	case *ast.JoinedStr, *ast.FormattedValue:
		u.s("f''")
	case *ast.Attribute:
		u.expr(e.Value, prAtom)
		if c, ok := e.Value.(*ast.Constant); ok && c.Value.Kind == ast.IntKind {
			u.s(" .")
		} else {
			u.s(".")
		}
		u.s(e.Attr)
	case *ast.Subscript:
		u.expr(e.Value, prAtom)
		lvl := prTuple
		if t, ok := e.Slice.(*ast.Tuple); ok {
			for _, x := range t.Elts {
				if _, ok := x.(*ast.Starred); ok {
					lvl++
					break
				}
			}
		}
		u.s("[")
		u.expr(e.Slice, lvl)
		u.s("]")
	case *ast.Starred:
		u.s("*")
		u.expr(e.Value, prExprLevel)
	case *ast.Name:
		u.s(e.Id)
	case *ast.Slice:
		if e.Lower != nil {
			u.expr(e.Lower, prTest)
		}
		u.s(":")
		if e.Upper != nil {
			u.expr(e.Upper, prTest)
		}
		if e.Step != nil {
			u.s(":")
			u.expr(e.Step, prTest)
		}
	}
}

const (
	prExprLevel   = prBor
	prAssignLevel = prTuple
)

var cmpText = map[ast.Cmpop]string{ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=",
	ast.Gt: ">", ast.GtE: ">=", ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}

func (u *unparser) comps(gens []*ast.Comprehension) {
	for _, g := range gens {
		if g.IsAsync != 0 {
			u.s(" async for ")
		} else {
			u.s(" for ")
		}
		u.expr(g.Target, prTuple)
		u.s(" in ")
		u.expr(g.Iter, prTest+1)
		for _, c := range g.Ifs {
			u.s(" if ")
			u.expr(c, prTest+1)
		}
	}
}

func (u *unparser) args(a *ast.Arguments) {
	first := true
	sep := func() {
		if !first {
			u.s(", ")
		}
		first = false
	}
	all := append(append([]*ast.Arg(nil), a.Posonlyargs...), a.Args...)
	di := len(all) - len(a.Defaults)
	for i, x := range all {
		sep()
		u.s(x.Arg)
		if i >= di {
			u.s("=")
			u.expr(a.Defaults[i-di], prTest)
		}
		if len(a.Posonlyargs) > 0 && i == len(a.Posonlyargs)-1 {
			u.s(", /")
		}
	}
	if a.Vararg != nil || len(a.Kwonlyargs) > 0 {
		sep()
		u.s("*")
		if a.Vararg != nil {
			u.s(a.Vararg.Arg)
		}
	}
	for i, x := range a.Kwonlyargs {
		sep()
		u.s(x.Arg)
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			u.s("=")
			u.expr(a.KwDefaults[i], prTest)
		}
	}
	if a.Kwarg != nil {
		sep()
		u.s("**" + a.Kwarg.Arg)
	}
}
