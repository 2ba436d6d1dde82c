package syntax

import (
	"unsafe"

	"gopyc/ast"
)

// slab hands out values of one node type from arrays allocated several at a time: fewer,
// larger allocations make parsing (and the garbage collector) faster. The arrays grow from
// 512 bytes to 18 KB (slabClasses), so that small sources do not pay for large arrays. Nodes are
// never freed individually, so sharing an array between the nodes of one tree is harmless.
type slab[T any] struct {
	free []T
	step int // index in slabClasses of the next array's size
	hint int // if > 0, the length of the first array (see setHints)
}

func (s *slab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.refill()
	}
	n := &s.free[0]
	s.free = s.free[1:]
	return n
}

func (s *slab[T]) refill() {
	size := int(unsafe.Sizeof(*new(T)))
	if s.hint > 0 {
		s.free = make([]T, min(s.hint, arrayLen(slabClasses[len(slabClasses)-1], size)))
		s.hint = 0
		return
	}
	s.free = make([]T, arrayLen(slabClasses[s.step], size))
	s.step = min(s.step+1, len(slabClasses)-1)
}

// setHints sizes the first arrays of the most frequent node types for a source of ntok
// tokens, from the number of nodes per token in the standard library (somewhat less, so that
// the estimate is rarely too large): the last array of each type was otherwise a fifth empty
// on average when the parse ended.
func (s *nodeSlabs) setHints(ntok int) {
	h := func(perMille int) int { return ntok * perMille * hintPercent / 100000 }
	s.names.hint = h(169)
	s.consts.hint = h(78)
	s.attrs.hint = h(74)
	s.calls.hint = h(64)
	s.stmts.hint = h(31)
	s.assign.hint = h(24)
	s.arg.hint = h(17)
	s.arguments.hint = h(12)
	s.funcDef.hint = h(11)
	s.tuple.hint = h(9)
	s.keyword.hint = h(7)
	s.ifStmt.hint = h(6)
	s.binOp.hint = h(6)
	s.subscript.hint = h(5)
	s.compare.hint = h(5)
	s.ret.hint = h(4)
	s.list.hint = h(4)
	s.unaryOp.hint = h(3)
	s.alias.hint = h(3)
}

const hintPercent = 80

// slabClasses are the sizes of a slab's successive arrays: allocator size classes whose spans
// hold several objects (the 8 KB, 16 KB and 32 KB classes take a span of their own per
// object, and the allocator's per-span work then showed in profiles).
var slabClasses = [...]int{512, 1024, 2048, 4096, 9472, 18432}

// arrayLen returns how many elements of elemSize bytes an array filling the allocator's
// size class of b bytes holds. Above 512 bytes, the allocator puts an 8-byte type header in
// front of an object with pointers: an array of exactly b bytes would take the next size
// class, 6 to 19% larger (16 KB of Constants took 18 KB).
func arrayLen(b, elemSize int) int {
	if b > 512 {
		b -= 8
	}
	return max(1, b/elemSize)
}

// newNode returns a slab-allocated copy of v.
func newNode[T any](s *slab[T], v T) *T {
	n := s.alloc()
	*n = v
	return n
}

// nodeSlabs holds a parse's slabs: one per frequent node type, and the backing arrays of
// finished lists.
type nodeSlabs struct {
	names  slab[ast.Name]
	consts slab[ast.Constant]
	attrs  slab[ast.Attribute]
	calls  slab[ast.Call]
	stmts  slab[ast.ExprStmt]
	assign slab[ast.Assign]

	arg       slab[ast.Arg]
	arguments slab[ast.Arguments]
	funcDef   slab[ast.FunctionDef]
	keyword   slab[ast.Keyword]
	subscript slab[ast.Subscript]
	tuple     slab[ast.Tuple]
	ifStmt    slab[ast.If]
	compare   slab[ast.Compare]
	ret       slab[ast.Return]
	binOp     slab[ast.BinOp]
	list      slab[ast.List]
	unaryOp   slab[ast.UnaryOp]
	alias     slab[ast.Alias]

	exprLists []ast.Expr // backing arrays of finished expression lists (exprsFrom)
	stmtLists []ast.Stmt // and of statement lists (stmtsFrom)

	// first arrays of lists grown with appendList
	argLists     listSlab[*ast.Arg]
	exprFirsts   listSlab[ast.Expr]
	kwLists      listSlab[*ast.Keyword]
	opLists      listSlab[ast.Cmpop]
	aliasLists   listSlab[*ast.Alias]
	itemLists    listSlab[*ast.Withitem]
	handlerLists listSlab[*ast.ExceptHandler]
}

// listSlab cuts the first arrays of small lists from shared arrays.
type listSlab[T any] struct{ free []T }

// appendList is append(list, x), except that an empty list's first array (room for 4
// elements, the list's own) comes from s; longer lists grow as usual.
func appendList[T any](s *listSlab[T], list []T, x T) []T {
	if cap(list) == 0 {
		if len(s.free) < 4 {
			s.free = make([]T, arrayLen(1024, int(unsafe.Sizeof(x))))
		}
		list = s.free[:0:4]
		s.free = s.free[4:]
	}
	return append(list, x)
}

// Lists (call arguments, tuple and list elements, assignment targets, statement bodies) are
// built on the parser's scratch stacks p.es and p.ss rather than grown with append: a rule
// notes the stack height, pushes its elements (nested rules push and pop above them), and
// exprsFrom/stmtsFrom move the finished list into an exact-size slice cut from a shared array.
// A soft failure inside try truncates the stacks back to their height before the attempt.
const listArray = 255 // 4 KB with the allocator's header (see arrayLen)

// exprsFrom pops p.es[mark:] into a slice of its own, nil when empty.
func (p *parser) exprsFrom(mark int) []ast.Expr {
	n := len(p.es) - mark
	if n == 0 {
		return nil
	}
	s := &p.slabs
	var out []ast.Expr
	if n > listArray/8 {
		out = make([]ast.Expr, n)
	} else {
		if len(s.exprLists) < n {
			s.exprLists = make([]ast.Expr, listArray)
		}
		out = s.exprLists[:n:n]
		s.exprLists = s.exprLists[n:]
	}
	copy(out, p.es[mark:])
	p.es = p.es[:mark] // not cleared: see parseDecoded
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
	if n > listArray/8 {
		out = make([]ast.Stmt, n)
	} else {
		if len(s.stmtLists) < n {
			s.stmtLists = make([]ast.Stmt, listArray)
		}
		out = s.stmtLists[:n:n]
		s.stmtLists = s.stmtLists[n:]
	}
	copy(out, p.ss[mark:])
	p.ss = p.ss[:mark] // not cleared: see parseDecoded
	return out
}

func (p *parser) newName(pos ast.Pos, id string, ctx ast.ExprContext) *ast.Name {
	n := p.slabs.names.alloc()
	n.Pos, n.Id, n.Ctx = pos, id, ctx
	return n
}

func (p *parser) newConstant(pos ast.Pos, v ast.Value, kind string) *ast.Constant {
	n := p.slabs.consts.alloc()
	n.Pos, n.Value, n.Kind = pos, v, kind
	return n
}

func (p *parser) newAttribute(pos ast.Pos, v ast.Expr, attr string) *ast.Attribute {
	n := p.slabs.attrs.alloc()
	n.Pos, n.Value, n.Attr, n.Ctx = pos, v, attr, ast.Load
	return n
}

func (p *parser) newCall(pos ast.Pos, fn ast.Expr, args []ast.Expr, kws []*ast.Keyword) *ast.Call {
	n := p.slabs.calls.alloc()
	n.Pos, n.Func, n.Args, n.Keywords = pos, fn, args, kws
	return n
}

func (p *parser) newExprStmt(pos ast.Pos, v ast.Expr) *ast.ExprStmt {
	n := p.slabs.stmts.alloc()
	n.Pos, n.Value = pos, v
	return n
}

func (p *parser) newAssign(pos ast.Pos, targets []ast.Expr, v ast.Expr, tc string) *ast.Assign {
	n := p.slabs.assign.alloc()
	n.Pos, n.Targets, n.Value, n.TypeComment = pos, targets, v, tc
	return n
}
