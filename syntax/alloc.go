package syntax

import (
	"unsafe"

	"gopyc/ast"
)

// slab hands out values of one node type from arrays allocated several at a time: fewer,
// larger allocations make parsing (and the garbage collector) faster. The frequent types' arrays
// are sized from the number of tokens (setHints, then rate); the others' grow from 512 bytes to
// 18 KB (slabClasses), so that small sources do not pay for large arrays. Nodes are never freed
// individually, so sharing an array between the nodes of one tree is harmless.
type slab[T any] struct {
	free []T
	step int // index in slabClasses of the next array's size
	hint int // if > 0, the length of the first array (see setHints)
	rate int // if > 0, nodes of this type per 1000 tokens: later arrays are sized from it
	cur  *tokCursor
	rec  recycler[T]
}

// tokCursor tells a parse's slabs how many tokens are left to parse, and whether their arrays
// come from an Arena.
type tokCursor struct {
	ntok  int
	pos   *int // the parser's position
	arena *Arena
}

// alloc returns a node for the caller to fill: in an Arena it may still hold an earlier
// tree's values, so the caller must set every field.
func (s *slab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.refill()
	}
	n := &s.free[0]
	s.free = s.free[1:]
	return n
}

func (s *slab[T]) refill() {
	if s.cur != nil && s.cur.arena != nil {
		// not cleared: see alloc
		if a := s.rec.swap(s.free, 1, s.cur.arena, false); a != nil {
			s.free = a
			return
		}
		s.free = s.newArray()
		s.rec.base = s.free
		return
	}
	s.free = s.newArray()
}

// newArray makes the slab's next array.
func (s *slab[T]) newArray() []T {
	size := int(unsafe.Sizeof(*new(T)))
	maxLen := arrayLen(slabClasses[len(slabClasses)-1], size)
	if s.hint > 0 {
		n := min(s.hint, maxLen)
		s.hint = 0
		return make([]T, n)
	}
	if s.rate > 0 {
		// The first array ran out: the next one holds what the tokens left to parse need at
		// the average rate, rather than the next size class, whose unused end (a third of
		// the array on average) was cleared by the allocator for nothing.
		left := max(0, s.cur.ntok-*s.cur.pos)
		return make([]T, max(arrayLen(slabClasses[0], size), min(left*s.rate/1000, maxLen)))
	}
	n := arrayLen(slabClasses[s.step], size)
	s.step = min(s.step+1, len(slabClasses)-1)
	return make([]T, n)
}

// setHints sizes the first arrays of the most frequent node types for a source of ntok
// tokens, from the number of nodes per token in the standard library (somewhat less, so that
// the estimate is rarely too large): the last array of each type was otherwise a fifth empty
// on average when the parse ended.
func (s *nodeSlabs) setHints(ntok int, pos *int, a *Arena) {
	s.cur = tokCursor{ntok, pos, a}
	c := &s.cur
	hints(&s.names, 169, c)
	hints(&s.consts, 78, c)
	hints(&s.attrs, 74, c)
	hints(&s.calls, 64, c)
	hints(&s.stmts, 31, c)
	hints(&s.assign, 24, c)
	hints(&s.arg, 17, c)
	hints(&s.arguments, 12, c)
	hints(&s.funcDef, 11, c)
	hints(&s.tuple, 9, c)
	hints(&s.keyword, 7, c)
	hints(&s.ifStmt, 6, c)
	hints(&s.binOp, 6, c)
	hints(&s.subscript, 5, c)
	hints(&s.compare, 5, c)
	hints(&s.ret, 4, c)
	hints(&s.list, 4, c)
	hints(&s.unaryOp, 3, c)
	hints(&s.alias, 3, c)
	hints(&s.classDef, 4, c)
	hints(&s.with, 4, c)
	hints(&s.try, 2, c)
	hints(&s.handler, 2, c)
	hints(&s.raise, 2, c)
	hints(&s.pass, 2, c)
	s.argLists.rate, s.argLists.cur = 110, c
	s.opLists.rate, s.opLists.cur = 50, c
	s.kwLists.rate, s.kwLists.cur = 44, c
	s.itemLists.rate, s.itemLists.cur = 25, c
	s.aliasLists.rate, s.aliasLists.cur = 23, c
	s.exprFirsts.rate, s.exprFirsts.cur = 21, c
	s.handlerLists.rate, s.handlerLists.cur = 10, c
}

// hints sets a slab's first array length and rate for the source's token count.
func hints[T any](s *slab[T], perMille int, c *tokCursor) {
	s.hint = c.ntok * perMille * hintPercent / 100000
	s.rate, s.cur = perMille, c
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
	cur    tokCursor // see slab.rate
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
	classDef  slab[ast.ClassDef]
	with      slab[ast.With]
	try       slab[ast.Try]
	handler   slab[ast.ExceptHandler]
	raise     slab[ast.Raise]
	pass      slab[ast.Pass]

	exprLists []ast.Expr // backing arrays of finished expression lists (exprsFrom)
	stmtLists []ast.Stmt // and of statement lists (stmtsFrom)
	exprRec   recycler[ast.Expr]
	stmtRec   recycler[ast.Stmt]

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
type listSlab[T any] struct {
	free []T
	rate int // if > 0, lists per 10000 tokens: the arrays are sized from it (see setHints)
	cur  *tokCursor
	rec  recycler[T]
}

// refill gets a new shared array, from the arena if there is one.
func (s *listSlab[T]) refill(elemSize int) {
	if s.cur != nil && s.cur.arena != nil {
		// cleared: a list's capacity is 4, whatever its length
		if a := s.rec.swap(s.free, 4, s.cur.arena, true); a != nil {
			s.free = a
			return
		}
		s.free = s.newArray(elemSize)
		s.rec.base = s.free
		return
	}
	s.free = s.newArray(elemSize)
}

// newArray makes a new shared array: 1 KB, or, with a rate, what the tokens left to parse need
// at that rate (between 4 lists and 18 KB), whose unused end is smaller on average.
func (s *listSlab[T]) newArray(elemSize int) []T {
	n := arrayLen(1024, elemSize)
	if s.rate > 0 {
		left := max(0, s.cur.ntok-*s.cur.pos)
		n = max(16, min(left*s.rate/10000*4, arrayLen(slabClasses[len(slabClasses)-1], elemSize)))
	}
	return make([]T, n)
}

// appendList is append(list, x), except that an empty list's first array (room for 4
// elements, the list's own) comes from s; longer lists grow as usual.
func appendList[T any](s *listSlab[T], list []T, x T) []T {
	if cap(list) == 0 {
		if len(s.free) < 4 {
			s.refill(int(unsafe.Sizeof(x)))
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

// Elements of the lists exprsFrom and stmtsFrom cut from shared arrays, per 1000 tokens of the
// standard library.
const (
	exprListRate = 148
	stmtListRate = 82
)

// listLen returns the length of a new shared array for the small lists of a parse, whose
// elements take elemSize bytes: what the tokens left to parse need at the average rate (per 1000
// tokens), between 512 bytes and 18 KB, rather than a fixed 4 KB whose unused end, half of
// it on average, was cleared by the allocator for nothing. Without a cursor (the second pass
// for errors), listArray.
func (c *tokCursor) listLen(rate, elemSize int) int {
	if c.pos == nil {
		return listArray
	}
	left := max(0, c.ntok-*c.pos)
	return max(arrayLen(slabClasses[0], elemSize), min(left*rate/1000, arrayLen(slabClasses[len(slabClasses)-1], elemSize)))
}

// newList returns a new shared array for the lists exprsFrom or stmtsFrom cut, of at least n
// elements (n <= listArray/8): from the arena if there is one, where free is what is left of
// the array being cut.
func newList[T any](r *recycler[T], free []T, n int, c *tokCursor, rate int) []T {
	if c.arena == nil {
		return make([]T, c.listLen(rate, 16))
	}
	// not cleared: a list is cut with its length as capacity, and copied into
	if a := r.swap(free, n, c.arena, false); a != nil {
		return a
	}
	a := make([]T, c.listLen(rate, 16))
	r.base = a
	return a
}

// exprsFrom pops p.es[mark:] into a slice of its own, nil when empty.
func (p *parser) exprsFrom(mark int) []ast.Expr {
	n := len(p.es) - mark
	if n == 0 {
		return nil
	}
	s := p.slabs
	var out []ast.Expr
	if n > listArray/8 {
		out = make([]ast.Expr, n)
	} else {
		if len(s.exprLists) < n {
			s.exprLists = newList(&s.exprRec, s.exprLists, n, &s.cur, exprListRate)
		}
		out = s.exprLists[:n:n]
		s.exprLists = s.exprLists[n:]
	}
	copy(out, p.es[mark:])
	p.esTop = max(p.esTop, len(p.es))
	p.es = p.es[:mark] // not cleared: see parseDecoded
	return out
}

// pairsFrom pops the pairs p.es[mark:] (key, value, key, value, ...: a dict display's items)
// into a slice of keys and one of values, cut from one array; both are empty (not nil) when
// there are none.
func (p *parser) pairsFrom(mark int) (keys, vals []ast.Expr) {
	n := (len(p.es) - mark) / 2
	if n == 0 {
		p.es = p.es[:mark]
		return []ast.Expr{}, []ast.Expr{}
	}
	s := p.slabs
	var out []ast.Expr
	if 2*n > listArray/8 {
		out = make([]ast.Expr, 2*n)
	} else {
		if len(s.exprLists) < 2*n {
			s.exprLists = newList(&s.exprRec, s.exprLists, 2*n, &s.cur, exprListRate)
		}
		out = s.exprLists[: 2*n : 2*n]
		s.exprLists = s.exprLists[2*n:]
	}
	keys, vals = out[:n:n], out[n:]
	for i, e := 0, p.es[mark:]; i < n; i++ {
		keys[i], vals[i] = e[2*i], e[2*i+1]
	}
	p.esTop = max(p.esTop, len(p.es))
	p.es = p.es[:mark] // not cleared: see parseDecoded
	return keys, vals
}

// stmtsFrom pops p.ss[mark:] into a slice of its own, nil when empty.
func (p *parser) stmtsFrom(mark int) []ast.Stmt {
	n := len(p.ss) - mark
	if n == 0 {
		return nil
	}
	s := p.slabs
	var out []ast.Stmt
	if n > listArray/8 {
		out = make([]ast.Stmt, n)
	} else {
		if len(s.stmtLists) < n {
			s.stmtLists = newList(&s.stmtRec, s.stmtLists, n, &s.cur, stmtListRate)
		}
		out = s.stmtLists[:n:n]
		s.stmtLists = s.stmtLists[n:]
	}
	copy(out, p.ss[mark:])
	p.ssTop = max(p.ssTop, len(p.ss))
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
	n.Pos, n.Kind = pos, kind
	// Copying the 80-byte Value whole went through the runtime's typed copy (with a bulk
	// write barrier while the collector marks): its fields are stored one by one.
	d := &n.Value
	d.Kind, d.Int, d.Float, d.Imag = v.Kind, v.Int, v.Float, v.Imag
	d.Big, d.Str, d.Elts = v.Big, v.Str, v.Elts
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
