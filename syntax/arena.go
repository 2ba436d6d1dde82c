package syntax

import (
	"unsafe"

	"gopyc/ast"
)

// An Arena lets one parse reuse the memory of the previous one: ParseArena hands the node and
// list arrays of the trees parsed in the arena before out again and reuses their token array
// and list stacks. Allocating them afresh for every file, as Parse does, cost a compiler of
// many files page faults, allocator work and collections.
//
// Lifetime rule: a parse in an arena invalidates every tree parsed in it before. The caller
// must be done with a tree, and with everything that refers to its nodes or lists, before it
// parses again in the same arena. The warnings and errors a parse returns never refer to the
// arena's memory, and neither do the strings and numbers in the tree (those are never
// recycled). An Arena must not be used by two parses at once; its zero value is ready to use.
//
// What a tree can reach holds nothing of an earlier tree: a recycled node is wholly
// overwritten when it is handed out (the slab's constructors set every field), as is a list
// cut by exprsFrom, stmtsFrom or pairsFrom (its capacity is its length); the first arrays of
// appendList's lists, whose capacity goes past their length, are cleared. Until they are
// handed out again, the arena's arrays may still point into earlier trees, which the
// collector then keeps (at most maxArenaBytes of arrays, and what they point to).
type Arena struct {
	slabs nodeSlabs
	tok   tokBuf
	kept  int // bytes of the arrays the slabs' recyclers keep (at most maxArenaBytes)
}

// maxArenaBytes bounds the arrays an arena keeps between parses: they are live memory (which
// the collector scans, and which raises its heap goal). 4 MB holds the tree of all but the
// largest files; arrays beyond the bound are left to the collector.
const maxArenaBytes = 4 << 20

// ParseArena is ParseWarnings with the tree's memory taken from a, which it recycles: see
// Arena for the lifetime rule. A nil a makes it ParseWarnings.
func ParseArena(a *Arena, filename string, src []byte, mode Mode, flags Flags) (ast.Mod, []Warning, error) {
	return parse(a, filename, src, mode, flags)
}

// recycler keeps the arrays one slab of an arena handed out (the slab's own free list is the
// unused tail of base), to hand them out again in later parses. An array that needs it is
// cleared when it is handed out again, only as far as it was used: the unused end of an array
// is still zero. Arrays whose elements are wholly overwritten as they are handed out are not
// cleared: clearing them cost 4% of parsing (and a bulk write barrier while the collector
// marks).
type recycler[T any] struct {
	base  []T             // the array the slab is handing out, nil if none
	used  []dirtyArray[T] // the arrays the slab handed out before base in this parse
	spare []dirtyArray[T] // arrays of earlier parses, to be handed out again
}

// dirtyArray is an array of which a[:n] was handed out: it may hold an old tree's pointers.
type dirtyArray[T any] struct {
	a []T
	n int
}

// swap retires base, of which free is the unused tail, and returns a spare array of at least n
// elements from arena a (cleared if clr), which becomes base; if there is none, it returns nil
// and the caller sets base to the array it makes.
func (r *recycler[T]) swap(free []T, n int, a *Arena, clr bool) []T {
	if r.base != nil {
		r.used = append(r.used, dirtyArray[T]{r.base, len(r.base) - len(free)})
		r.base = nil
	}
	for i := len(r.spare) - 1; i >= 0; i-- {
		d := r.spare[i]
		if len(d.a) < n {
			continue
		}
		last := len(r.spare) - 1
		r.spare[i] = r.spare[last]
		r.spare[last] = dirtyArray[T]{}
		r.spare = r.spare[:last]
		if clr {
			clear(d.a[:d.n])
		}
		a.kept -= cap(d.a) * int(unsafe.Sizeof(*new(T)))
		r.base = d.a
		return d.a
	}
	return nil
}

// recycle ends a parse for the recycler: base (with its unused tail free) and the arrays used
// before it become spare arrays, as long as the arena keeps at most maxArenaBytes.
func (r *recycler[T]) recycle(free []T, a *Arena) {
	if r.base != nil {
		r.used = append(r.used, dirtyArray[T]{r.base, len(r.base) - len(free)})
		r.base = nil
	}
	size := int(unsafe.Sizeof(*new(T)))
	for i, d := range r.used {
		if b := cap(d.a) * size; a.kept+b <= maxArenaBytes {
			r.spare = append(r.spare, d)
			a.kept += b
		}
		r.used[i] = dirtyArray[T]{}
	}
	r.used = r.used[:0]
}

func (s *slab[T]) reset(a *Arena) {
	s.rec.recycle(s.free, a)
	*s = slab[T]{rec: s.rec}
}

func (s *listSlab[T]) reset(a *Arena) {
	s.rec.recycle(s.free, a)
	*s = listSlab[T]{rec: s.rec}
}

// reset readies an arena's slabs for a new parse: the arrays of the previous one become
// spare arrays.
func (s *nodeSlabs) reset(a *Arena) {
	s.cur = tokCursor{}
	s.names.reset(a)
	s.consts.reset(a)
	s.attrs.reset(a)
	s.calls.reset(a)
	s.stmts.reset(a)
	s.assign.reset(a)
	s.arg.reset(a)
	s.arguments.reset(a)
	s.funcDef.reset(a)
	s.keyword.reset(a)
	s.subscript.reset(a)
	s.tuple.reset(a)
	s.ifStmt.reset(a)
	s.compare.reset(a)
	s.ret.reset(a)
	s.binOp.reset(a)
	s.list.reset(a)
	s.unaryOp.reset(a)
	s.alias.reset(a)
	s.classDef.reset(a)
	s.with.reset(a)
	s.try.reset(a)
	s.handler.reset(a)
	s.raise.reset(a)
	s.pass.reset(a)
	s.exprRec.recycle(s.exprLists, a)
	s.stmtRec.recycle(s.stmtLists, a)
	s.exprLists, s.stmtLists = nil, nil
	s.argLists.reset(a)
	s.exprFirsts.reset(a)
	s.kwLists.reset(a)
	s.opLists.reset(a)
	s.aliasLists.reset(a)
	s.itemLists.reset(a)
	s.handlerLists.reset(a)
}
