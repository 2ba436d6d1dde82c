package syntax

import "gopyc/ast"

// nodeSlabs hands out the most common nodes from arrays allocated 64 at a time: fewer, larger
// allocations make parsing (and the garbage collector) faster. Nodes are never freed
// individually, so sharing an array between the nodes of one tree is harmless.
type nodeSlabs struct {
	names  []ast.Name
	consts []ast.Constant
	attrs  []ast.Attribute
	calls  []ast.Call
	stmts  []ast.ExprStmt
	assign []ast.Assign

	exprLists []ast.Expr // backing arrays of finished expression lists (exprsFrom)
	stmtLists []ast.Stmt // and of statement lists (stmtsFrom)
}

// Lists (call arguments, tuple and list elements, assignment targets, statement bodies) are
// built on the parser's scratch stacks p.es and p.ss rather than grown with append: a rule
// notes the stack height, pushes its elements (nested rules push and pop above them), and
// exprsFrom/stmtsFrom move the finished list into an exact-size slice cut from a shared array.
// A soft failure inside try truncates the stacks back to their height before the attempt.
const listSlab = 256

// exprsFrom pops p.es[mark:] into a slice of its own, nil when empty.
func (p *parser) exprsFrom(mark int) []ast.Expr {
	n := len(p.es) - mark
	if n == 0 {
		return nil
	}
	s := &p.slabs
	var out []ast.Expr
	if n > listSlab/8 {
		out = make([]ast.Expr, n)
	} else {
		if len(s.exprLists) < n {
			s.exprLists = make([]ast.Expr, listSlab)
		}
		out = s.exprLists[:n:n]
		s.exprLists = s.exprLists[n:]
	}
	copy(out, p.es[mark:])
	clear(p.es[mark:])
	p.es = p.es[:mark]
	return out
}

// stmtsFrom pops p.ss[mark:] into a slice of its own, nil when empty.
func (p *parser) stmtsFrom(mark int) []ast.Stmt {
	n := len(p.ss) - mark
	if n == 0 {
		return nil
	}
	s := &p.slabs
	var out []ast.Stmt
	if n > listSlab/8 {
		out = make([]ast.Stmt, n)
	} else {
		if len(s.stmtLists) < n {
			s.stmtLists = make([]ast.Stmt, listSlab)
		}
		out = s.stmtLists[:n:n]
		s.stmtLists = s.stmtLists[n:]
	}
	copy(out, p.ss[mark:])
	clear(p.ss[mark:])
	p.ss = p.ss[:mark]
	return out
}

const slabSize = 64

func (p *parser) newName(pos ast.Pos, id string, ctx ast.ExprContext) *ast.Name {
	s := &p.slabs
	if len(s.names) == 0 {
		s.names = make([]ast.Name, slabSize)
	}
	n := &s.names[0]
	s.names = s.names[1:]
	n.Pos, n.Id, n.Ctx = pos, id, ctx
	return n
}

func (p *parser) newConstant(pos ast.Pos, v ast.Value, kind string) *ast.Constant {
	s := &p.slabs
	if len(s.consts) == 0 {
		s.consts = make([]ast.Constant, slabSize)
	}
	n := &s.consts[0]
	s.consts = s.consts[1:]
	n.Pos, n.Value, n.Kind = pos, v, kind
	return n
}

func (p *parser) newAttribute(pos ast.Pos, v ast.Expr, attr string) *ast.Attribute {
	s := &p.slabs
	if len(s.attrs) == 0 {
		s.attrs = make([]ast.Attribute, slabSize)
	}
	n := &s.attrs[0]
	s.attrs = s.attrs[1:]
	n.Pos, n.Value, n.Attr, n.Ctx = pos, v, attr, ast.Load
	return n
}

func (p *parser) newCall(pos ast.Pos, fn ast.Expr, args []ast.Expr, kws []*ast.Keyword) *ast.Call {
	s := &p.slabs
	if len(s.calls) == 0 {
		s.calls = make([]ast.Call, slabSize)
	}
	n := &s.calls[0]
	s.calls = s.calls[1:]
	n.Pos, n.Func, n.Args, n.Keywords = pos, fn, args, kws
	return n
}

func (p *parser) newExprStmt(pos ast.Pos, v ast.Expr) *ast.ExprStmt {
	s := &p.slabs
	if len(s.stmts) == 0 {
		s.stmts = make([]ast.ExprStmt, slabSize)
	}
	n := &s.stmts[0]
	s.stmts = s.stmts[1:]
	n.Pos, n.Value = pos, v
	return n
}

func (p *parser) newAssign(pos ast.Pos, targets []ast.Expr, v ast.Expr, tc string) *ast.Assign {
	s := &p.slabs
	if len(s.assign) == 0 {
		s.assign = make([]ast.Assign, slabSize)
	}
	n := &s.assign[0]
	s.assign = s.assign[1:]
	n.Pos, n.Targets, n.Value, n.TypeComment = pos, targets, v, tc
	return n
}
