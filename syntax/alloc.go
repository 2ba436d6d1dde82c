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
