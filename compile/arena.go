package compile

import "gopyc/objects"

// Arena is memory that compilations with Options.MarshalOnly reuse from one to the next: the
// blocks their code objects, and the code objects' slices, are cut from (see codeChunks).
// Without one, every compilation allocates fresh blocks (about 80 MB over the standard library)
// and leaves them to the garbage collector.
//
// Lifetime rule: a compilation given an arena (Options.Arena) owns it until it returns, and the
// code objects it returns stay valid only until the next compilation with the same arena
// starts, which overwrites them. Use one only when those code objects are dead by then (only
// marshalled, as compileall and py_compile do). An Arena is not safe for concurrent use: one
// compilation at a time. The zero value is ready to use; without Options.MarshalOnly it is
// not used.
type Arena struct {
	bytes arenaBlocks[byte]
	strs  arenaBlocks[*objects.Str]
	objs  arenaBlocks[objects.Object]
	codes arenaBlocks[objects.Code]
}

// begin makes the blocks of the arena free for a new compilation. The blocks with pointers are
// cleared (the new code objects overwrite what they use, but the rest must not keep the last
// compilation's objects alive); bytes are not: carve's callers write every byte they get.
func (a *Arena) begin() {
	a.bytes.used = 0
	a.strs.reset()
	a.objs.reset()
	a.codes.reset()
}

// arenaBlocks are the blocks of one element type of an Arena, handed out in order; blocks[:used]
// are in use by the current compilation.
type arenaBlocks[T any] struct {
	blocks [][]T
	used   int
}

func (a *arenaBlocks[T]) reset() {
	for _, b := range a.blocks[:a.used] {
		clear(b)
	}
	a.used = 0
}

// take returns the next block, of at least n and usually limit elements (a new one replaces
// a block too small, so blocks only grow). Its contents are stale for T without pointers.
func (a *arenaBlocks[T]) take(n, limit int) []T {
	if a.used < len(a.blocks) && len(a.blocks[a.used]) >= n {
		a.used++
		return a.blocks[a.used-1]
	}
	b := make([]T, max(n, limit))
	if a.used < len(a.blocks) {
		a.blocks[a.used] = b
	} else {
		a.blocks = append(a.blocks, b)
	}
	a.used++
	return b
}

// maxArenaBlock is how many times carve's limit a block kept in an Arena may be: a bigger
// piece (the module code of a huge file) gets its own allocation rather than staying in the
// arena for good.
const maxArenaBlock = 16

// The arena's blocks for each of carve's element types.
func arenaBytes(a *Arena) *arenaBlocks[byte]          { return &a.bytes }
func arenaStrs(a *Arena) *arenaBlocks[*objects.Str]   { return &a.strs }
func arenaObjs(a *Arena) *arenaBlocks[objects.Object] { return &a.objs }
func arenaCodes(a *Arena) *arenaBlocks[objects.Code]  { return &a.codes }
