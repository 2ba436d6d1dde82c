package compile

import (
	"math"
	"math/big"
	"strings"
	"unicode/utf8"

	"gopyc/ast"
	"gopyc/internal/pymath"
)

// The AST optimiser: CPython's ast_opt.c rules, bottom-up. Compile rewrites the tree it is given
// in place (fields of the nodes that hold foldable children are replaced).

// Limits on folded values, as CPython's.
const (
	maxIntSize        = 128 // bits
	maxCollectionSize = 256
	maxStrSize        = 4096
	maxTotalItems     = 1024
)

type folder struct {
	optimize, flags int
	guard           depthGuard
}

func foldModule(mod ast.Mod, optimize, flags int, guard depthGuard) ast.Mod {
	f := &folder{optimize, flags, guard}
	switch m := mod.(type) {
	case *ast.Module:
		f.stmts(m.Body)
	case *ast.Interactive:
		f.stmts(m.Body)
	case *ast.Expression:
		m.Body = f.expr(m.Body)
	}
	return mod
}

func (f *folder) stmts(l []ast.Stmt) {
	for _, s := range l {
		f.stmt(s)
	}
}

func (f *folder) exprs(l []ast.Expr) {
	for i, e := range l {
		if e != nil {
			l[i] = f.expr(e)
		}
	}
}

func (f *folder) opt(e ast.Expr) ast.Expr {
	if e == nil {
		return nil
	}
	return f.expr(e)
}

func (f *folder) ann(e ast.Expr) ast.Expr {
	if f.flags&coFutureAnnotations != 0 {
		return e
	}
	return f.opt(e)
}

func (f *folder) args(a *ast.Arguments) {
	for _, l := range [][]*ast.Arg{a.Posonlyargs, a.Args, a.Kwonlyargs} {
		for _, x := range l {
			x.Annotation = f.ann(x.Annotation)
		}
	}
	if a.Vararg != nil {
		a.Vararg.Annotation = f.ann(a.Vararg.Annotation)
	}
	if a.Kwarg != nil {
		a.Kwarg.Annotation = f.ann(a.Kwarg.Annotation)
	}
	f.exprs(a.KwDefaults)
	f.exprs(a.Defaults)
}

func (f *folder) stmt(s ast.Stmt) {
	f.guard.enter()
	f.stmt1(s)
	f.guard.leave()
}

func (f *folder) stmt1(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.FunctionDef:
		f.args(s.Args)
		f.stmts(s.Body)
		f.exprs(s.DecoratorList)
		s.Returns = f.ann(s.Returns)
	case *ast.AsyncFunctionDef:
		f.args(s.Args)
		f.stmts(s.Body)
		f.exprs(s.DecoratorList)
		s.Returns = f.ann(s.Returns)
	case *ast.ClassDef:
		f.exprs(s.Bases)
		for _, k := range s.Keywords {
			k.Value = f.expr(k.Value)
		}
		f.stmts(s.Body)
		f.exprs(s.DecoratorList)
	case *ast.Return:
		s.Value = f.opt(s.Value)
	case *ast.Delete:
		f.exprs(s.Targets)
	case *ast.Assign:
		f.exprs(s.Targets)
		s.Value = f.expr(s.Value)
	case *ast.AugAssign:
		s.Target = f.expr(s.Target)
		s.Value = f.expr(s.Value)
	case *ast.AnnAssign:
		s.Target = f.expr(s.Target)
		s.Annotation = f.expr(s.Annotation)
		s.Value = f.opt(s.Value)
	case *ast.For:
		s.Target = f.expr(s.Target)
		s.Iter = f.iter(f.expr(s.Iter))
		f.stmts(s.Body)
		f.stmts(s.Orelse)
	case *ast.AsyncFor:
		s.Target = f.expr(s.Target)
		s.Iter = f.expr(s.Iter)
		f.stmts(s.Body)
		f.stmts(s.Orelse)
	case *ast.While:
		s.Test = f.expr(s.Test)
		f.stmts(s.Body)
		f.stmts(s.Orelse)
	case *ast.If:
		s.Test = f.expr(s.Test)
		f.stmts(s.Body)
		f.stmts(s.Orelse)
	case *ast.With:
		for _, it := range s.Items {
			it.ContextExpr = f.expr(it.ContextExpr)
			it.OptionalVars = f.opt(it.OptionalVars)
		}
		f.stmts(s.Body)
	case *ast.AsyncWith:
		for _, it := range s.Items {
			it.ContextExpr = f.expr(it.ContextExpr)
			it.OptionalVars = f.opt(it.OptionalVars)
		}
		f.stmts(s.Body)
	case *ast.Match:
		s.Subject = f.expr(s.Subject)
		for _, c := range s.Cases {
			f.pattern(c.Pattern)
			c.Guard = f.opt(c.Guard)
			f.stmts(c.Body)
		}
	case *ast.Raise:
		s.Exc = f.opt(s.Exc)
		s.Cause = f.opt(s.Cause)
	case *ast.Try:
		f.stmts(s.Body)
		for _, h := range s.Handlers {
			h.Type = f.opt(h.Type)
			f.stmts(h.Body)
		}
		f.stmts(s.Orelse)
		f.stmts(s.Finalbody)
	case *ast.TryStar:
		f.stmts(s.Body)
		for _, h := range s.Handlers {
			h.Type = f.opt(h.Type)
			f.stmts(h.Body)
		}
		f.stmts(s.Orelse)
		f.stmts(s.Finalbody)
	case *ast.Assert:
		s.Test = f.expr(s.Test)
		s.Msg = f.opt(s.Msg)
	case *ast.ExprStmt:
		s.Value = f.expr(s.Value)
	}
}

func (f *folder) pattern(p ast.Pattern) {
	f.guard.enter()
	f.pattern1(p)
	f.guard.leave()
}

func (f *folder) pattern1(p ast.Pattern) {
	switch p := p.(type) {
	case *ast.MatchValue:
		p.Value = f.expr(p.Value)
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			f.pattern(q)
		}
	case *ast.MatchMapping:
		f.exprs(p.Keys)
		for _, q := range p.Patterns {
			f.pattern(q)
		}
	case *ast.MatchClass:
		p.Cls = f.expr(p.Cls)
		for _, q := range p.Patterns {
			f.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			f.pattern(q)
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			f.pattern(p.Pattern)
		}
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			f.pattern(q)
		}
	}
}

func (f *folder) comps(gens []*ast.Comprehension) {
	for _, g := range gens {
		g.Target = f.expr(g.Target)
		g.Iter = f.expr(g.Iter)
		f.exprs(g.Ifs)
	}
	f.compIters(gens)
}

// compIters turns the (folded) iterables of synchronous generators into tuples or frozensets
// where they are displays (iter).
func (f *folder) compIters(gens []*ast.Comprehension) {
	for _, g := range gens {
		if g.IsAsync == 0 {
			g.Iter = f.iter(g.Iter)
		}
	}
}

func newConst(p ast.Pos, v ast.Value) *ast.Constant {
	return &ast.Constant{Pos: p, Value: v}
}

func (f *folder) expr(e ast.Expr) ast.Expr {
	// Names and constants, the commonest nodes, stay as they are (but __debug__): no call
	// to expr1. Only below the depth limit, where entering them could not fail.
	if f.guard.depth < f.guard.budget {
		switch x := e.(type) {
		case *ast.Name:
			if x.Ctx != ast.Load || x.Id != "__debug__" {
				return e
			}
		case *ast.Constant:
			return e
		}
	}
	f.guard.enter()
	e = f.expr1(e)
	f.guard.leave()
	return e
}

// expr1 folds the children of e, then e itself. The rules for a node whose children are
// folded (binOp, unaryOp, compare, subscript, tuple, name, compIters) are apart: the symbol
// table's walk applies them too, folding the tree in the same pass (symtable.go).
func (f *folder) expr1(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.BoolOp:
		f.exprs(e.Values)
	case *ast.NamedExpr:
		e.Value = f.expr(e.Value)
	case *ast.BinOp:
		e.Left = f.expr(e.Left)
		e.Right = f.expr(e.Right)
		return f.binOp(e)
	case *ast.UnaryOp:
		e.Operand = f.expr(e.Operand)
		return f.unaryOp(e)
	case *ast.Lambda:
		f.args(e.Args)
		e.Body = f.expr(e.Body)
	case *ast.IfExp:
		e.Test = f.expr(e.Test)
		e.Body = f.expr(e.Body)
		e.Orelse = f.expr(e.Orelse)
	case *ast.Dict:
		f.exprs(e.Keys)
		f.exprs(e.Values)
	case *ast.Set:
		f.exprs(e.Elts)
	case *ast.ListComp:
		e.Elt = f.expr(e.Elt)
		f.comps(e.Generators)
	case *ast.SetComp:
		e.Elt = f.expr(e.Elt)
		f.comps(e.Generators)
	case *ast.DictComp:
		e.Key = f.expr(e.Key)
		e.Value = f.expr(e.Value)
		f.comps(e.Generators)
	case *ast.GeneratorExp:
		e.Elt = f.expr(e.Elt)
		f.comps(e.Generators)
	case *ast.Await:
		e.Value = f.expr(e.Value)
	case *ast.Yield:
		e.Value = f.opt(e.Value)
	case *ast.YieldFrom:
		e.Value = f.expr(e.Value)
	case *ast.Compare:
		e.Left = f.expr(e.Left)
		f.exprs(e.Comparators)
		f.compare(e)
	case *ast.Call:
		e.Func = f.expr(e.Func)
		f.exprs(e.Args)
		for _, k := range e.Keywords {
			k.Value = f.expr(k.Value)
		}
	case *ast.FormattedValue:
		e.Value = f.expr(e.Value)
		e.FormatSpec = f.opt(e.FormatSpec)
	case *ast.JoinedStr:
		f.exprs(e.Values)
	case *ast.Attribute:
		e.Value = f.expr(e.Value)
	case *ast.Subscript:
		e.Value = f.expr(e.Value)
		e.Slice = f.expr(e.Slice)
		return f.subscript(e)
	case *ast.Starred:
		e.Value = f.expr(e.Value)
	case *ast.Slice:
		e.Lower = f.opt(e.Lower)
		e.Upper = f.opt(e.Upper)
		e.Step = f.opt(e.Step)
	case *ast.List:
		f.exprs(e.Elts)
	case *ast.Tuple:
		f.exprs(e.Elts)
		return f.tuple(e)
	case *ast.Name:
		return f.name(e)
	}
	return e
}

func (f *folder) binOp(e *ast.BinOp) ast.Expr {
	l, ok1 := e.Left.(*ast.Constant)
	if ok1 && e.Op == ast.ModOp && l.Value.Kind == ast.StrKind {
		if t, ok := e.Right.(*ast.Tuple); ok && !hasStarred(t.Elts) {
			if js := optimizeFormat(e, l.Value.Str, t.Elts); js != nil {
				return js
			}
			return e
		}
	}
	r, ok2 := e.Right.(*ast.Constant)
	if ok1 && ok2 {
		if v, ok := foldBinary(e.Op, l.Value, r.Value); ok {
			return newConst(e.Pos, v)
		}
	}
	return e
}

func (f *folder) unaryOp(e *ast.UnaryOp) ast.Expr {
	if c, ok := e.Operand.(*ast.Constant); ok {
		if v, ok := foldUnary(e.Op, c.Value); ok {
			return newConst(e.Pos, v)
		}
	}
	if e.Op == ast.Not {
		if cmp, ok := e.Operand.(*ast.Compare); ok && len(cmp.Ops) == 1 {
			if n, ok := negatedCmpop(cmp.Ops[0]); ok {
				return &ast.Compare{Pos: cmp.Pos, Left: cmp.Left, Ops: []ast.Cmpop{n}, Comparators: cmp.Comparators}
			}
		}
	}
	return e
}

func (f *folder) compare(e *ast.Compare) {
	last := len(e.Ops) - 1
	if e.Ops[last] == ast.In || e.Ops[last] == ast.NotIn {
		e.Comparators[last] = f.iter(e.Comparators[last])
	}
}

func (f *folder) subscript(e *ast.Subscript) ast.Expr {
	if v, ok := e.Value.(*ast.Constant); ok && e.Ctx == ast.Load {
		if s, ok := e.Slice.(*ast.Constant); ok {
			if r, ok := foldSubscript(v.Value, s.Value); ok {
				return newConst(e.Pos, r)
			}
		}
	}
	return e
}

func (f *folder) tuple(e *ast.Tuple) ast.Expr {
	if e.Ctx == ast.Load {
		if v, ok := constTuple(e.Elts); ok {
			return newConst(e.Pos, v)
		}
	}
	return e
}

func (f *folder) name(e *ast.Name) ast.Expr {
	if e.Ctx == ast.Load && e.Id == "__debug__" {
		return newConst(e.Pos, ast.Value{Kind: ast.BoolKind, Int: b2i(f.optimize == 0)})
	}
	return e
}

// negatedCmpop is the operator of `not (a op b)` for is, is not, in and not in.
func negatedCmpop(o ast.Cmpop) (ast.Cmpop, bool) {
	switch o {
	case ast.Is:
		return ast.IsNot, true
	case ast.IsNot:
		return ast.Is, true
	case ast.In:
		return ast.NotIn, true
	case ast.NotIn:
		return ast.In, true
	}
	return o, false
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func constTuple(elts []ast.Expr) (ast.Value, bool) {
	// Most tuples are not constant: check before allocating.
	for _, x := range elts {
		if _, ok := x.(*ast.Constant); !ok {
			return ast.Value{}, false
		}
	}
	vals := make([]ast.Value, len(elts))
	for i, x := range elts {
		vals[i] = x.(*ast.Constant).Value
	}
	return ast.Value{Kind: ast.TupleKind, Elts: vals}, true
}

// iter turns a list display into a tuple and a set display of constants into a frozenset,
// where only iteration or containment is observable.
func (f *folder) iter(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.List:
		t := &ast.Tuple{Pos: x.Pos, Elts: x.Elts, Ctx: ast.Load}
		if v, ok := constTuple(x.Elts); ok {
			return newConst(x.Pos, v)
		}
		return t
	case *ast.Set:
		if v, ok := constTuple(x.Elts); ok {
			v.Kind = ast.FrozensetKind
			return newConst(x.Pos, v)
		}
	}
	return e
}

// ---- constant arithmetic ----

func toBig(v ast.Value) (*big.Int, bool) {
	switch v.Kind {
	case ast.IntKind:
		if v.Big != nil {
			return v.Big, true
		}
		return big.NewInt(v.Int), true
	case ast.BoolKind:
		return big.NewInt(v.Int), true
	}
	return nil, false
}

func toFloat(v ast.Value) (float64, bool) {
	switch v.Kind {
	case ast.FloatKind:
		return v.Float, true
	case ast.IntKind, ast.BoolKind:
		b, _ := toBig(v)
		fl, _ := new(big.Float).SetInt(b).Float64()
		if math.IsInf(fl, 0) {
			return 0, false
		}
		return fl, true
	}
	return 0, false
}

func truth(v ast.Value) (bool, bool) {
	switch v.Kind {
	case ast.NoneKind:
		return false, true
	case ast.EllipsisKind:
		return true, true
	case ast.BoolKind, ast.IntKind:
		if v.Big != nil {
			return v.Big.Sign() != 0, true
		}
		return v.Int != 0, true
	case ast.FloatKind:
		return v.Float != 0, true
	case ast.ComplexKind:
		return v.Float != 0 || v.Imag != 0, true
	case ast.StrKind, ast.BytesKind:
		return v.Str != "", true
	case ast.TupleKind, ast.FrozensetKind:
		return len(v.Elts) != 0, true
	}
	return false, false
}

func foldUnary(o ast.Unaryop, v ast.Value) (ast.Value, bool) {
	if o == ast.Not {
		t, ok := truth(v)
		if !ok {
			return v, false
		}
		return ast.Value{Kind: ast.BoolKind, Int: b2i(!t)}, true
	}
	switch v.Kind {
	case ast.IntKind, ast.BoolKind:
		b, _ := toBig(v)
		r := new(big.Int)
		switch o {
		case ast.USub:
			r.Neg(b)
		case ast.UAdd:
			r.Set(b)
		case ast.Invert:
			r.Not(b)
		}
		return ast.BigValue(r), true
	case ast.FloatKind:
		switch o {
		case ast.USub:
			return ast.FloatValue(-v.Float), true
		case ast.UAdd:
			return v, true
		}
	case ast.ComplexKind:
		switch o {
		case ast.USub:
			return ast.ComplexValue(-v.Float, -v.Imag), true
		case ast.UAdd:
			return v, true
		}
	}
	return v, false
}

func isIntLike(v ast.Value) bool { return v.Kind == ast.IntKind || v.Kind == ast.BoolKind }

func strLen(v ast.Value) int {
	if v.Kind == ast.StrKind {
		return utf8.RuneCountInString(v.Str) // close enough for WTF-8 (surrogates are 3 bytes, one rune each)
	}
	return len(v.Str)
}

func foldBinary(o ast.Operator, l, r ast.Value) (ast.Value, bool) {
	if isIntLike(l) && isIntLike(r) {
		if l.Kind == ast.BoolKind && r.Kind == ast.BoolKind && (o == ast.BitAnd || o == ast.BitOr || o == ast.BitXor) {
			a, b := l.Int != 0, r.Int != 0
			var v bool
			switch o {
			case ast.BitAnd:
				v = a && b
			case ast.BitOr:
				v = a || b
			default:
				v = a != b
			}
			return ast.Value{Kind: ast.BoolKind, Int: b2i(v)}, true
		}
		a, _ := toBig(l)
		b, _ := toBig(r)
		return foldInt(o, a, b)
	}
	switch {
	case l.Kind == ast.StrKind && r.Kind == ast.StrKind && o == ast.Add,
		l.Kind == ast.BytesKind && r.Kind == ast.BytesKind && o == ast.Add:
		return ast.Value{Kind: l.Kind, Str: l.Str + r.Str}, true
	case isIntLike(l) && (r.Kind == ast.StrKind || r.Kind == ast.BytesKind || r.Kind == ast.TupleKind) && o == ast.Mult:
		return foldBinary(o, r, l)
	case l.Kind == ast.TupleKind && isIntLike(r) && o == ast.Mult:
		n, _ := toBig(r)
		if !n.IsInt64() {
			return l, false
		}
		k := n.Int64()
		if k < 0 && len(l.Elts) > 0 {
			return l, false
		}
		k = max(k, 0)
		if len(l.Elts) > 0 && (k > int64(maxCollectionSize/len(l.Elts)) || k > 0 && !tupleComplexityOK(l, maxTotalItems/int(k))) {
			return l, false
		}
		var elts []ast.Value
		for i := int64(0); i < k; i++ {
			elts = append(elts, l.Elts...)
		}
		return ast.Value{Kind: ast.TupleKind, Elts: elts}, true
	case (l.Kind == ast.StrKind || l.Kind == ast.BytesKind) && isIntLike(r) && o == ast.Mult:
		n, _ := toBig(r)
		size := strLen(l)
		if !n.IsInt64() {
			return l, false
		}
		k := n.Int64()
		if k < 0 && size > 0 {
			return l, false
		}
		k = max(k, 0)
		if size > 0 && k > int64(maxStrSize/size) {
			return l, false
		}
		return ast.Value{Kind: l.Kind, Str: strings.Repeat(l.Str, int(k))}, true
	case l.Kind == ast.TupleKind && r.Kind == ast.TupleKind && o == ast.Add:
		return ast.Value{Kind: ast.TupleKind, Elts: append(append([]ast.Value(nil), l.Elts...), r.Elts...)}, true
	}
	// floats and complex
	if l.Kind == ast.ComplexKind || r.Kind == ast.ComplexKind {
		lr, li, ok1 := complexParts(l)
		rr, ri, ok2 := complexParts(r)
		if !ok1 || !ok2 {
			return l, false
		}
		switch o {
		case ast.Add:
			return ast.ComplexValue(lr+rr, li+ri), true
		case ast.Sub:
			return ast.ComplexValue(lr-rr, li-ri), true
		case ast.Mult:
			// CPython's _Py_c_prod, one rounding per operation (no fused multiply-add).
			re := float64(lr*rr) - float64(li*ri)
			im := float64(lr*ri) + float64(li*rr)
			return ast.ComplexValue(re, im), true
		}
		return l, false
	}
	if l.Kind == ast.FloatKind || r.Kind == ast.FloatKind {
		a, ok1 := toFloat(l)
		b, ok2 := toFloat(r)
		if !ok1 || !ok2 {
			return l, false
		}
		switch o {
		case ast.Add:
			return ast.FloatValue(a + b), true
		case ast.Sub:
			return ast.FloatValue(a - b), true
		case ast.Mult:
			return ast.FloatValue(a * b), true
		case ast.Div:
			if b == 0 {
				return l, false
			}
			return ast.FloatValue(a / b), true
		case ast.Pow:
			return foldFloatPow(a, b)
		}
	}
	return l, false
}

// foldFloatPow folds float ** float as the VM computes it (pymath.Pow, correctly rounded like
// the C library's pow CPython's compiler calls); the cases that raise (0.0 ** negative,
// overflow) or give a complex result (negative ** fractional) are left to run time.
func foldFloatPow(a, b float64) (ast.Value, bool) {
	if a == 0 && b < 0 || a < 0 && b != math.Trunc(b) && !math.IsInf(b, 0) {
		return ast.Value{}, false
	}
	r := pymath.Pow(a, b)
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return ast.Value{}, false
	}
	return ast.FloatValue(r), true
}

func complexParts(v ast.Value) (float64, float64, bool) {
	if v.Kind == ast.ComplexKind {
		return v.Float, v.Imag, true
	}
	f, ok := toFloat(v)
	return f, 0, ok
}

func foldInt(o ast.Operator, a, b *big.Int) (ast.Value, bool) {
	r := new(big.Int)
	switch o {
	case ast.Add:
		r.Add(a, b)
	case ast.Sub:
		r.Sub(a, b)
	case ast.Mult:
		if a.Sign() != 0 && b.Sign() != 0 && a.BitLen()+b.BitLen() > maxIntSize {
			return ast.Value{}, false
		}
		r.Mul(a, b)
	case ast.FloorDiv, ast.ModOp:
		if b.Sign() == 0 {
			return ast.Value{}, false
		}
		q, m := new(big.Int).QuoRem(a, b, new(big.Int))
		if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
			m.Add(m, b)
		}
		if o == ast.FloorDiv {
			r = q
		} else {
			r = m
		}
	case ast.Div:
		// int / int is correctly rounded in Python, as big.Rat's conversion is.
		if b.Sign() == 0 {
			return ast.Value{}, false
		}
		f, _ := new(big.Rat).SetFrac(a, b).Float64()
		if math.IsInf(f, 0) {
			return ast.Value{}, false
		}
		return ast.FloatValue(f), true
	case ast.Pow:
		if b.Sign() < 0 {
			// int ** negative int is float ** float (each int correctly rounded to a float).
			fa, _ := new(big.Float).SetInt(a).Float64()
			fb, _ := new(big.Float).SetInt(b).Float64()
			if math.IsInf(fa, 0) || math.IsInf(fb, 0) {
				return ast.Value{}, false
			}
			return foldFloatPow(fa, fb)
		}
		if a.Sign() != 0 && b.Sign() > 0 {
			if !b.IsInt64() || int64(a.BitLen()) > maxIntSize/b.Int64() {
				return ast.Value{}, false
			}
		}
		r.Exp(a, b, nil)
	case ast.LShift:
		if b.Sign() < 0 {
			return ast.Value{}, false
		}
		if a.Sign() != 0 && b.Sign() != 0 {
			if !b.IsInt64() || b.Int64() > maxIntSize || int64(a.BitLen()) > maxIntSize-b.Int64() {
				return ast.Value{}, false
			}
		}
		r.Lsh(a, uint(b.Int64()))
	case ast.RShift:
		if b.Sign() < 0 {
			return ast.Value{}, false
		}
		if !b.IsInt64() || b.Int64() > 1<<20 {
			if a.Sign() < 0 {
				return ast.IntValue(-1), true
			}
			return ast.IntValue(0), true
		}
		r.Rsh(a, uint(b.Int64()))
	case ast.BitAnd:
		r.And(a, b)
	case ast.BitOr:
		r.Or(a, b)
	case ast.BitXor:
		r.Xor(a, b)
	default:
		return ast.Value{}, false
	}
	return ast.BigValue(r), true
}

func foldSubscript(v, s ast.Value) (ast.Value, bool) {
	if !isIntLike(s) || s.Big != nil {
		return v, false
	}
	i := s.Int
	switch v.Kind {
	case ast.StrKind:
		rs := ast.Runes(v.Str)
		if i < 0 {
			i += int64(len(rs))
		}
		if i < 0 || i >= int64(len(rs)) {
			return v, false
		}
		return ast.StrValue(string(ast.AppendRune(nil, rs[i]))), true
	case ast.BytesKind:
		if i < 0 {
			i += int64(len(v.Str))
		}
		if i < 0 || i >= int64(len(v.Str)) {
			return v, false
		}
		return ast.IntValue(int64(v.Str[i])), true
	case ast.TupleKind:
		if i < 0 {
			i += int64(len(v.Elts))
		}
		if i < 0 || i >= int64(len(v.Elts)) {
			return v, false
		}
		return v.Elts[i], true
	}
	return v, false
}

func hasStarred(elts []ast.Expr) bool {
	for _, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			return true
		}
	}
	return false
}

var noPos = ast.Pos{Lineno: -1, ColOffset: -1, EndLineno: -1, EndColOffset: -1}

// optimizeFormat turns "literal %s %r %a" % (x, y, z) into an f-string, as CPython 3.11's
// optimize_format does; nil when the format is not that simple.
func optimizeFormat(node *ast.BinOp, format string, elts []ast.Expr) ast.Expr {
	f := ast.Runes(format)
	pos, cnt := 0, 0
	var seq []ast.Expr
	for {
		start := pos
		hasPercents := false
		for pos < len(f) {
			if f[pos] != '%' {
				pos++
			} else if pos+1 < len(f) && f[pos+1] == '%' {
				hasPercents = true
				pos += 2
			} else {
				break
			}
		}
		if pos > start {
			var b []byte
			for _, r := range f[start:pos] {
				b = ast.AppendRune(b, r)
			}
			lit := string(b)
			if hasPercents {
				lit = strings.ReplaceAll(lit, "%%", "%")
			}
			seq = append(seq, &ast.Constant{Pos: noPos, Value: ast.StrValue(lit)})
		}
		if pos >= len(f) {
			break
		}
		if cnt >= len(elts) {
			return nil
		}
		pos++
		fv := parseFormatUnit(f, &pos, elts[cnt])
		cnt++
		if fv == nil {
			return nil
		}
		seq = append(seq, fv)
	}
	if cnt < len(elts) {
		return nil
	}
	return &ast.JoinedStr{Pos: node.Pos, Values: seq}
}

func parseFormatUnit(f []rune, ppos *int, arg ast.Expr) ast.Expr {
	const maxDigits = 3
	pos := *ppos
	var ch rune
	next := func() bool {
		if pos >= len(f) {
			return false
		}
		ch = f[pos]
		pos++
		return true
	}
	ljust := false
	for {
		if !next() {
			return nil
		}
		switch ch {
		case '-':
			ljust = true
			continue
		case '+', ' ', '#', '0':
			continue
		}
		break
	}
	width, prec := -1, -1
	if ch >= '0' && ch <= '9' {
		width = 0
		digits := 0
		for ch >= '0' && ch <= '9' {
			width = width*10 + int(ch-'0')
			if !next() {
				return nil
			}
			digits++
			if digits >= maxDigits {
				return nil
			}
		}
	}
	if ch == '.' {
		if !next() {
			return nil
		}
		prec = 0
		digits := 0
		for ch >= '0' && ch <= '9' {
			prec = prec*10 + int(ch-'0')
			if !next() {
				return nil
			}
			digits++
			if digits >= maxDigits {
				return nil
			}
		}
	}
	*ppos = pos
	if ch != 's' && ch != 'r' && ch != 'a' {
		return nil
	}
	spec := ""
	if !ljust && width > 0 {
		spec += ">"
	}
	if width >= 0 {
		spec += itoa(width)
	}
	if prec >= 0 {
		spec += "." + itoa(prec)
	}
	fv := &ast.FormattedValue{Pos: *arg.(ast.Positioned).Position(), Value: arg, Conversion: int(ch)}
	if spec != "" {
		fv.FormatSpec = &ast.Constant{Pos: noPos, Value: ast.StrValue(spec)}
	}
	return fv
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// tupleComplexityOK is CPython's check_complexity: the total number of items in nested
// constant tuples and frozensets stays within limit.
func tupleComplexityOK(v ast.Value, limit int) bool {
	var walk func(v ast.Value, limit int) int
	walk = func(v ast.Value, limit int) int {
		if v.Kind == ast.TupleKind || v.Kind == ast.FrozensetKind {
			limit -= len(v.Elts)
			for _, e := range v.Elts {
				if limit < 0 {
					return limit
				}
				limit = walk(e, limit)
			}
		}
		return limit
	}
	return walk(v, limit) >= 0
}
