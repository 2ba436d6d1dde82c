package ast

// A Visitor's Visit method is invoked for each node encountered by Walk. If the result visitor
// w is not nil, Walk visits each of the children of node with the visitor w, followed by a
// call of w.Visit(nil).
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses an AST in depth-first order, like go/ast.Walk: it calls v.Visit(n); if that
// returns a non-nil w, Walk visits the children of n (fields in _fields order, list elements in
// order, None skipped) with w, then calls w.Visit(nil).
func Walk(v Visitor, n Node) {
	if v = v.Visit(n); v == nil {
		return
	}
	walkChildren(v, n)
	v.Visit(nil)
}

type inspector func(Node) bool

func (f inspector) Visit(n Node) Visitor {
	if f(n) {
		return f
	}
	return nil
}

// Inspect traverses an AST in depth-first order, calling f(n) for each node; if f returns
// true, Inspect visits the children of n, followed by a call of f(nil).
func Inspect(n Node, f func(Node) bool) {
	Walk(inspector(f), n)
}
