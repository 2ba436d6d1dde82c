package compile

import (
	"encoding/binary"
	"slices"

	op "gopyc/bytecode"
	"gopyc/objects"
)

func (c *compiler) codeFlags() int {
	ste := c.u.ste
	flags := 0
	if ste.typ == functionBlock {
		flags |= objects.CoNewLocals | objects.CoOptimized
		if ste.nested {
			flags |= objects.CoNested
		}
		switch {
		case ste.generator && !ste.coroutine:
			flags |= objects.CoGenerator
		case !ste.generator && ste.coroutine:
			flags |= objects.CoCoroutine
		case ste.generator && ste.coroutine:
			flags |= objects.CoAsyncGenerator
		}
		if ste.varargs {
			flags |= objects.CoVarArgs
		}
		if ste.varkeywords {
			flags |= objects.CoVarKeywords
		}
	}
	flags |= c.flags & futureMask
	if c.isTopLevelAwait() && ste.coroutine && !ste.generator {
		flags |= objects.CoCoroutine
	}
	return flags
}

// assemble finishes the current unit: implicit return, prologue, CFG passes, layout and
// encoding.
func (c *compiler) assemble(addNone bool) *objects.Code {
	u := c.u
	if c.chunks.arena != nil && c.marshalOnly && !c.chunks.started {
		c.chunks.started = true
		c.chunks.arena.begin()
	}
	u.syncSlab() // emit leaves the current block's instrs behind the slab
	if l := u.cur.last(); l == nil || l.op != op.RETURN_VALUE {
		c.unsetLoc()
		if addNone {
			c.loadConst(objects.None)
		}
		c.addOp(op.RETURN_VALUE, 0)
		u.syncSlab()
	}
	flags := c.codeFlags()
	// CPython extends blocks once in layout order before optimising, and again after.
	for b := u.entry; b != nil; b = b.next {
		c.extendBlock(b)
	}

	// localsplus layout: the locals, the cells that are not also arguments, the free
	// variables. cellOffset is each cell's index in it; the names and kinds are written at the
	// end, straight into the code object's slices.
	nlocals := len(u.varnames)
	ncells := len(u.cellvars)
	nfree := len(u.freevars)
	var cellBuf [8]int // most code has few cells: no allocation
	cellOffset := cellBuf[:0]
	if ncells > len(cellBuf) {
		cellOffset = make([]int, 0, ncells)
	}
	cellOffset = cellOffset[:ncells]
	freeBase := nlocals
	for i, name := range u.cellvars {
		if vi, ok := nameIndex(u.varnames, u.varIdx, name); ok {
			cellOffset[i] = vi
			continue
		}
		cellOffset[i] = freeBase
		freeBase++
	}
	nlp := freeBase + nfree
	fix := func(arg int32) int32 {
		if int(arg) < ncells {
			return int32(cellOffset[arg])
		}
		return int32(freeBase + int(arg) - ncells)
	}
	if ncells+nfree > 0 { // otherwise there is no *_DEREF or LOAD_CLOSURE
		for _, b := range u.blocks {
			ins := b.instrs // hoisted: no reload or bounds check per instruction
			for i := range ins {
				in := &ins[i]
				switch in.op {
				case op.LOAD_DEREF, op.STORE_DEREF, op.DELETE_DEREF, op.LOAD_CLASSDEREF, op.LOAD_CLOSURE:
					in.arg = fix(in.arg)
				}
			}
		}
	}

	// prologue, put before the entry block's instructions in the unit's slab
	var prefixBuf [4]instr
	prefix := prefixBuf[:0]
	if nfree > 0 {
		prefix = append(prefix, instr{op: op.COPY_FREE_VARS, arg: int32(nfree), loc: noLoc})
	}
	if ncells > 0 {
		var sortBuf [8]int
		sorted := append(sortBuf[:0], cellOffset...)
		for i := 1; i < len(sorted); i++ {
			for j := i; j > 0 && sorted[j] < sorted[j-1]; j-- {
				sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
			}
		}
		for _, off := range sorted {
			prefix = append(prefix, instr{op: op.MAKE_CELL, arg: int32(off), loc: noLoc})
		}
	}
	if flags&(objects.CoGenerator|objects.CoCoroutine|objects.CoAsyncGenerator) != 0 {
		l := loc{int32(u.firstLine), int32(u.firstLine), -1, -1}
		prefix = append(prefix, instr{op: op.RETURN_GENERATOR, loc: l}, instr{op: op.POP_TOP, loc: noLoc})
	}
	if len(prefix) > 0 {
		u.setInstrs(u.entry, prefix, u.entry.instrs)
	}

	handlers := false
	if len(u.blocks) == 1 {
		c.optimizeSingle() // most units: see there
		if checkKept {
			u.checkCounts()
		}
	} else {
		var countsValid bool
		countsValid, handlers = c.optimizeCFG()
		recount := c.duplicateExitsWithoutLineno(countsValid, handlers)
		if recount {
			u.markReachable(!handlers)
		} else if checkKept {
			u.checkCounts()
		}
	}
	u.propagateLineNumbers()
	u.guaranteeLinenoForExits()
	maxDepth := c.stackDepth()
	if handlers {
		u.labelExceptions()
	} else if checkKept {
		for b := u.entry; b != nil; b = b.next {
			for i := range b.instrs {
				if props(b.instrs[i].op)&(fBlockPush|fPopBlock) != 0 {
					panic("compile: SETUP_* or POP_BLOCK that optimizeCFG did not see")
				}
			}
		}
	}
	for b := u.entry; b != nil; b = b.next {
		maybeClean(b)
	}
	u.eliminateEmptyBlocks()

	blocks := u.layout()
	for i, b := range blocks {
		b.index = i
	}
	code, lineTable, et, ok := c.encodeOnePass(blocks, u.firstLine, handlers)
	if !ok {
		code, lineTable, et = c.encodeTwoPass(blocks, u.firstLine)
	}
	c.codeBuf, c.lineBuf, c.excBuf = code, lineTable, et
	// co_code, co_linetable, co_exceptiontable and the localsplus kinds share one allocation
	n1, n2 := len(code), len(code)+len(c.lineBuf)
	n3 := n2 + len(et)
	all := carve(c, &c.chunks.bytes, n3+nlp, 8<<10, arenaBytes)
	copy(all, code)
	copy(all[n1:], c.lineBuf)
	copy(all[n2:], et)
	code = all[:n1:n1]
	lineTable = all[n1:n2:n2]
	excTable := all[n2:n3:n3]
	kinds := all[n3:]
	for i := range nlocals {
		kinds[i] = objects.FastLocal
	}
	for _, off := range cellOffset {
		if off < nlocals {
			kinds[off] |= objects.FastCell // a cell that is also an argument
		} else {
			kinds[off] = objects.FastCell
		}
	}
	for i := range nfree {
		kinds[freeBase+i] = objects.FastFree
	}

	// co_localsplusnames and co_names share one allocation too
	strs := carve(c, &c.chunks.strs, nlp+len(u.names), 512, arenaStrs)
	lpNames := strs[:nlp:nlp]
	coNames := strs[nlp:]
	for i, n := range u.varnames {
		lpNames[i] = c.intern(n)
	}
	for i, off := range cellOffset {
		if off >= nlocals {
			lpNames[off] = c.intern(u.cellvars[i])
		}
	}
	for i, n := range u.freevars {
		lpNames[freeBase+i] = c.intern(n)
	}
	for i, n := range u.names {
		coNames[i] = c.intern(n)
	}
	// u.consts is recycled with the unit: the code object gets an exact-size copy.
	consts := carve(c, &c.chunks.objs, len(u.consts), 512, arenaObjs)
	copy(consts, u.consts)
	if c.filenameStr == nil {
		c.filenameStr = c.intern(c.filename)
	}
	name := c.intern(u.name)
	qualname := name
	if q := qualnameOf(u); q != u.name {
		qualname = c.intern(q)
	}
	co := &carve(c, &c.chunks.codes, 1, 16, arenaCodes)[0]
	*co = objects.Code{
		ArgCount:        u.argcount + u.posonly,
		PosOnlyArgCount: u.posonly,
		KwOnlyArgCount:  u.kwonly,
		StackSize:       maxDepth,
		Flags:           flags,
		Code:            code,
		Consts:          consts,
		Names:           coNames,
		LocalsPlusNames: lpNames,
		LocalsPlusKinds: kinds,
		Filename:        c.filenameStr,
		Name:            name,
		QualName:        qualname,
		FirstLineNo:     u.firstLine,
		LineTable:       lineTable,
		ExceptionTable:  excTable,
	}
	return co
}

// intern is objects.InternStr with a cache local to the compilation (no lock, see
// internTable); with Options.MarshalOnly the strs are private to the compilation
// (objects.StrBlocks.PrivateInterned). A nil c (outside a compilation) interns in the
// process-wide table.
func (c *compiler) intern(s string) *objects.Str {
	if c == nil {
		return objects.InternStr(s)
	}
	t := &c.interned
	h := internHash(s)
	if len(t.slots) > 0 {
		mask := uint64(len(t.slots) - 1)
		for i := h & mask; ; i = (i + 1) & mask {
			v := t.slots[i]
			if v == nil {
				break
			}
			if v.String() == s {
				return v
			}
		}
	}
	var v *objects.Str
	if c.marshalOnly {
		v = c.strs.PrivateInterned(s)
	} else {
		v = objects.InternStr(s)
	}
	t.put(h, v)
	return v
}

// internTable maps a name to its interned str for one compilation: an open-addressing table
// keyed by internHash, cheaper than a Go map[string] (every name of every code object is looked
// up again in assemble), and cleared for reuse by the next compilation.
type internTable struct {
	slots []*objects.Str // nil for an empty slot; a power of two long
	n     int
}

// put adds v, hashing to h, which is not in the table.
func (t *internTable) put(h uint64, v *objects.Str) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]*objects.Str, max(64, 2*len(old)))
		mask := uint64(len(t.slots) - 1)
		for _, o := range old {
			if o != nil {
				i := internHash(o.String()) & mask
				for t.slots[i] != nil {
					i = (i + 1) & mask
				}
				t.slots[i] = o
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != nil {
		i = (i + 1) & mask
	}
	t.slots[i] = v
	t.n++
}

// internHash hashes a name for internTable in constant time, from its length and at most 16
// of its bytes: the first and last eight (they overlap below 16 bytes), for a shorter name the
// first and last four, or its first, middle and last bytes. Long names differing only in the
// middle collide, which costs a probe, not a wrong answer. (strHash reads every byte.)
func internHash(s string) uint64 {
	const prime = 0x9E3779B97F4A7C15
	n := len(s)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = load64(s[:8]), load64(s[n-8:])
	case n >= 4:
		a, b = uint64(load32(s[:4])), uint64(load32(s[n-4:]))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	h := (uint64(n)*prime ^ a) * prime
	h = (h ^ b) * prime
	return h ^ h>>32
}

// reset empties the table for the next compilation (a big one is dropped rather than cleared:
// see bigMap).
func (t *internTable) reset() {
	if len(t.slots) > 4*bigMap {
		t.slots = nil
	} else {
		clear(t.slots)
	}
	t.n = 0
}

// encodeTwoPass lays out and encodes the blocks (in layout order, indexed) in two walks: the
// offsets, with EXTENDED_ARGs resolved to a fixed point, then the code, location table and
// exception table. It returns the three in the compiler's scratch buffers.
// encodeOnePass, which failed, has given the jumps their opcodes (resolveDirection) and
// trimmed the constants.
func (c *compiler) encodeTwoPass(blocks []*block, firstLine int) (code, lineTable, excTable []byte) {
	// The offsets with the arguments the instructions have now. Jumps end their block: a
	// target anywhere else (a NOP keeps a stale one, which it does not encode) sends the
	// offsets through the general loop below.
	total := 0
	general := false
	for _, b := range blocks {
		b.offset = total
		n := len(b.instrs)
		ins := b.instrs
		for i := range ins {
			in := &ins[i]
			total += instrSize(in)
			if in.target != nil && i < n-1 {
				general = true
			}
		}
	}
	if !general {
		// Fast path: set each jump's argument from the offsets; usually no size changes and
		// the offsets are final.
		changed := false
		for i, b := range blocks {
			l := b.last()
			if l == nil || l.target == nil {
				continue
			}
			if _, size := setJumpArg(blocks, i, total, l); instrSize(l) != size {
				changed = true
			}
		}
		general = changed
	}
	if general {
		total = resolveOffsets(blocks)
	}

	// emit code, location table and exception table (the tables into scratch buffers of the
	// compiler, copied out at their final size)
	code = slices.Grow(c.codeBuf[:0], 2*total)[:2*total]
	var lw op.LocationWriter
	lw.Reset(firstLine, c.lineBuf[:0])
	et := c.excBuf[:0]
	// The code is written by index into the buffer of its final size (no append per byte).
	p := 0
	{
		var handler *block
		start, ioff := 0, 0
		for _, b := range blocks {
			ins := b.instrs
			for i := range ins {
				in := &ins[i]
				size := encodeInstr(code, p, in)
				p += 2 * size
				l := &in.loc
				lw.Add(size, op.Position{Line: int(l.line), EndLine: int(l.endLine), Col: int(l.col), EndCol: int(l.endCol)})
				if in.except != handler {
					if handler != nil {
						et = exceptEntry(et, start, ioff, handler)
					}
					start = ioff
					handler = in.except
				}
				ioff += size
			}
		}
		if handler != nil {
			et = exceptEntry(et, start, ioff, handler)
		}
	}
	if p != 2*total {
		panic("compile: code size differs from the layout")
	}
	return code, lw.Bytes(), et
}

// codeChunks are blocks the code objects of a compilation with Options.MarshalOnly and their
// slices are cut from: one allocation for many small ones (a code object has several).
// Without an arena they belong to one compilation (the compiler), so a chunk never keeps alive
// the objects of another; with one (Options.Arena) they are the arena's, reused by its next
// compilation. The pieces are capped, so appending to one copies it out.
type codeChunks struct {
	bytes chunk[byte]
	strs  chunk[*objects.Str]
	objs  chunk[objects.Object]
	codes chunk[objects.Code]

	arena   *Arena // Options.Arena, nil for none
	started bool   // arena.begin was called for this compilation
}

// chunk is the free part of the current block of a codeChunks, and the length of the next
// block: they start small (a small module wastes little at its end) and double up to a limit.
type chunk[T any] struct {
	free []T
	next int
}

// carve returns a slice of n elements cut from ch (a new block when it has too little room;
// blocks grow from limit/16 to limit elements); outside MarshalOnly, or for an n past a
// quarter of limit, its own allocation. With an arena, blocks (of limit elements, or up to
// maxArenaBlock times that for a big n) come from the arena, and the slice is zeroed only if T
// has pointers: callers must write every element of a []byte.
func carve[T any](c *compiler, ch *chunk[T], n, limit int, ab func(*Arena) *arenaBlocks[T]) []T {
	if a := c.chunks.arena; a != nil && c.marshalOnly && n <= maxArenaBlock*limit {
		if n > len(ch.free) {
			ch.free = ab(a).take(n, limit)
		}
		s := ch.free[:n:n]
		ch.free = ch.free[n:]
		return s
	}
	if !c.marshalOnly || 4*n > limit {
		return make([]T, n)
	}
	if n > len(ch.free) {
		if ch.next == 0 {
			ch.next = limit / 16
		}
		size := ch.next
		for size < n {
			size *= 2
		}
		ch.free = make([]T, size)
		ch.next = min(2*size, limit)
	}
	s := ch.free[:n:n]
	ch.free = ch.free[n:]
	return s
}

// encodeOnePass is encodeTwoPass in one walk: it encodes each instruction as it computes the
// offsets, jumps with the argument they have (0 from code generation), and then patches the
// jumps' argument bytes; the exception table is written at the end, when the handlers'
// offsets are known, only if handlers (optimizeCFG's: without SETUP_* no instruction has one).
// That holds when every jump's final argument still fits the size it was encoded with and in
// one byte, as in most code; otherwise (or with a stale target on a NOP) it reports false
// with the jump arguments set as encodeTwoPass's fast path sets them, and encodeTwoPass does
// the work again (its first walk recomputes the same offsets from the same arguments).
func (c *compiler) encodeOnePass(blocks []*block, firstLine int, handlers bool) (code, lineTable, excTable []byte, ok bool) {
	code = c.codeBuf[:0]
	// the location table and the line of its last entry that had one (op.AppendLocation's
	// state, kept in locals: the commonest entries are written here)
	lt, line := c.lineBuf[:0], firstLine
	general := false
	maxConst := int32(0)
	for _, b := range blocks {
		b.offset = len(code) >> 1
		ins := b.instrs
		n := len(ins)
		if n == 0 {
			continue
		}
		if l := &ins[n-1]; l.target != nil {
			c.resolveDirection(b, l)
		}
		// Room for the block at the largest instruction size (and the reach of the last
		// one's stores, below), then writes by index (encodeInstr) instead of appends. The
		// buffer is recycled: it rarely grows.
		p := len(code)
		if need := p + 2*maxInstrUnits*n + shortInstrBytes; need > cap(code) {
			code = slices.Grow(code, need-p)
		}
		buf := code[:cap(code)]
		for i := range ins {
			in := &ins[i]
			// encodeInstr, inlined by hand (a call per instruction costs)
			o, arg := uint8(in.op), in.arg
			if o < op.HAVE_ARGUMENT {
				arg = 0
			}
			var size int
			if uint32(arg) <= 0xFF {
				// The opcode, its argument and the caches' zero units in three stores
				// (no loop); past the instruction they write zeros where the next ones go.
				w := buf[p : p+shortInstrBytes : p+shortInstrBytes]
				binary.LittleEndian.PutUint64(w, uint64(o)|uint64(arg)<<8)
				binary.LittleEndian.PutUint64(w[8:], 0)
				binary.LittleEndian.PutUint64(w[16:], 0)
				size = 1 + op.CacheEntries[o]
			} else {
				size = len(op.AppendInstr(buf[p:p], o, int(arg))) >> 1
			}
			p += 2 * size
			// The location: op.AppendLocation, with its commonest entries written here. A
			// one-line span with columns below 128 and a line delta of 0 to 2 takes the
			// short form (same line, columns < 80, width < 16) or else the one-line form,
			// one entry per 8 code units (the line delta on the first only).
			l := &in.loc
			if d := int(l.line) - line; uint(d) < 3 && l.line >= 0 && l.endLine == l.line &&
				uint32(l.col) < 128 && uint32(l.endCol) < 128 {
				short := l.col < 80 && uint32(l.endCol-l.col) < 16
				u := size
				for u > 8 { // rare: an instruction with many caches
					if d == 0 && short {
						lt = append(lt, 0x80|byte(l.col>>3)<<3|7, byte(l.col&7)<<4|byte(l.endCol-l.col))
					} else {
						lt = append(lt, 0x80|byte(locOneLine0+d)<<3|7, byte(l.col), byte(l.endCol))
						d = 0
					}
					u -= 8
				}
				if d == 0 && short {
					lt = append(lt, 0x80|byte(l.col>>3)<<3|byte(u-1), byte(l.col&7)<<4|byte(l.endCol-l.col))
				} else {
					lt = append(lt, 0x80|byte(locOneLine0+d)<<3|byte(u-1), byte(l.col), byte(l.endCol))
				}
				line = int(l.line)
			} else if l.line >= 0 && uint32(l.endLine-l.line) < 64 && uint(d+31) < 63 &&
				uint32(l.col) < 63 && uint32(l.endCol) < 63 && size <= 8 {
				// the long form (a span over lines, a line back or more than 2 on), every
				// varint in one byte: the line delta signed, the end-line delta, the columns + 1
				sd := byte(d << 1)
				if d < 0 {
					sd = byte(-d<<1 | 1)
				}
				lt = append(lt, 0x80|locLong<<3|byte(size-1), sd, byte(l.endLine-l.line), byte(l.col+1), byte(l.endCol+1))
				line = int(l.line)
			} else {
				lt, line = op.AppendLocation(lt, line, size, op.Position{Line: int(l.line),
					EndLine: int(l.endLine), Col: int(l.col), EndCol: int(l.endCol)})
			}
			if in.target != nil && i < n-1 {
				general = true
			}
			if o == op.LOAD_CONST || o == op.KW_NAMES { // (arg is in.arg: they have one)
				maxConst = max(maxConst, arg)
			}
		}
		code = buf[:p]
	}
	c.codeBuf, c.lineBuf = code, lt // keep the grown buffers, whatever happens next
	// drop the constants past the last one used (CPython's trim_unused_consts: the first, a
	// possible docstring, stays; the passes since code generation removed NOPs and
	// pseudo-instructions, not LOAD_CONST or KW_NAMES)
	u := c.u
	if int(maxConst)+1 < len(u.consts) {
		u.consts = u.consts[:maxConst+1]
	}
	if general {
		return nil, nil, nil, false
	}
	total := len(code) >> 1
	ok = true
	for i, b := range blocks {
		l := b.last()
		if l == nil || l.target == nil {
			continue
		}
		oldArg := l.arg
		end, size := setJumpArg(blocks, i, total, l)
		small := size == 1+op.CacheEntries[uint8(l.op)] && uint32(oldArg) <= 0xFF // encoded without EXTENDED_ARG
		if small && instrSize(l) == size && uint32(l.arg) <= 0xFF {
			if uint8(l.op) >= op.HAVE_ARGUMENT { // a NOP keeping a stale target encodes 0
				code[2*(end-size)+1] = byte(l.arg) // the argument byte after the opcode
			}
		} else {
			ok = false // encodeTwoPass from the arguments set so far
		}
	}
	if !ok {
		return nil, nil, nil, false
	}
	// The exception table, from the final sizes (those encoded: ok says so) of the
	// instructions, in a walk of its own: the encoding loop has enough state as it is.
	et := c.excBuf[:0]
	if handlers {
		var h *block
		start, off := 0, 0
		for _, b := range blocks {
			ins := b.instrs
			for i := range ins {
				in := &ins[i]
				if in.except != h {
					if h != nil {
						et = exceptEntry(et, start, off, h)
					}
					start, h = off, in.except
				}
				off += instrSize(in)
			}
		}
		if h != nil {
			et = exceptEntry(et, start, off, h)
		}
	} else if checkKept {
		for _, b := range blocks {
			for i := range b.instrs {
				if b.instrs[i].except != nil {
					panic("compile: an exception handler in code without SETUP_*")
				}
			}
		}
	}
	c.excBuf = et
	return code, lt, et, true
}

// setJumpArg sets the argument of l, the jump ending blocks[i], from the block offsets (a jump
// is relative to the end of its block: the next block's offset, or total after the last). It
// returns that end and l's size before the change.
func setJumpArg(blocks []*block, i, total int, l *instr) (end, size int) {
	end = total
	if i+1 < len(blocks) {
		end = blocks[i+1].offset
	}
	size = instrSize(l)
	if l.target.offset >= end {
		l.arg = int32(l.target.offset - end)
	} else {
		l.arg = int32(end - l.target.offset)
	}
	return end, size
}

func qualnameOf(u *unit) string {
	if u.qualname == "" {
		return u.name
	}
	return u.qualname
}

// resolveDirection replaces the pseudo-jump l, the last instruction of b, with the forward
// or backward opcode its target's place in the layout asks for.
func (c *compiler) resolveDirection(b *block, l *instr) {
	fwd := l.target.index > b.index
	switch l.op {
	case pJump:
		l.op = pick(fwd, op.JUMP_FORWARD, op.JUMP_BACKWARD)
	case pJumpNoInterrupt:
		l.op = pick(fwd, op.JUMP_FORWARD, op.JUMP_BACKWARD_NO_INTERRUPT)
	case pPopJumpIfFalse:
		l.op = pick(fwd, op.POP_JUMP_FORWARD_IF_FALSE, op.POP_JUMP_BACKWARD_IF_FALSE)
	case pPopJumpIfTrue:
		l.op = pick(fwd, op.POP_JUMP_FORWARD_IF_TRUE, op.POP_JUMP_BACKWARD_IF_TRUE)
	case pPopJumpIfNone:
		l.op = pick(fwd, op.POP_JUMP_FORWARD_IF_NONE, op.POP_JUMP_BACKWARD_IF_NONE)
	case pPopJumpIfNotNone:
		l.op = pick(fwd, op.POP_JUMP_FORWARD_IF_NOT_NONE, op.POP_JUMP_BACKWARD_IF_NOT_NONE)
	default:
		if !fwd {
			panic("compile: backward jump with forward-only opcode " + op.OpName[l.op&255])
		}
	}
}

// resolveOffsets sets the block offsets and jump arguments, adding EXTENDED_ARGs until a fixed
// point, and returns the code size in code units.
func resolveOffsets(blocks []*block) int {
	for {
		off := 0
		for _, b := range blocks {
			b.offset = off
			for i := range b.instrs {
				off += instrSize(&b.instrs[i])
			}
		}
		total := off
		changed := false
		for _, b := range blocks {
			off := b.offset
			ins := b.instrs
			for i := range ins {
				in := &ins[i]
				size := instrSize(in)
				off += size
				if in.target != nil {
					var arg int32
					if in.target.offset >= off {
						arg = int32(in.target.offset - off)
					} else {
						arg = int32(off - in.target.offset)
					}
					if arg != in.arg {
						in.arg = arg
						if instrSize(in) != size {
							changed = true
						}
					}
				}
			}
		}
		if !changed {
			return total
		}
	}
}

func pick(fwd bool, a, b int32) int32 {
	if fwd {
		return a
	}
	return b
}

// maxInstrUnits is the most code units an instruction takes: three EXTENDED_ARGs, the
// instruction and its caches.
var maxInstrUnits = 4 + slices.Max(op.CacheEntries[:])

// shortInstrBytes is what encodeOnePass writes for an instruction without EXTENDED_ARG: three
// 8-byte stores, more than any such instruction takes (its caches included).
const shortInstrBytes = 24

// locOneLine0 is the location-table kind of the one-line form with line delta 0 (package
// bytecode's; its short forms are kinds 0-9, the column / 8).
const locOneLine0 = 10

// locLong is the kind of the long form (line delta, end-line delta, columns + 1, in varints).
const locLong = 14

func init() {
	if 2*(maxInstrUnits-3) > shortInstrBytes {
		panic("compile: an instruction's caches outgrow encodeOnePass's stores")
	}
}

// encodeInstr writes in at code[p:] (which has room for it: the layout sized the buffer) and
// returns its size in code units. The common case, an argument below 256, is two stores and
// the caches' zero units.
func encodeInstr(code []byte, p int, in *instr) int {
	o := uint8(in.op)
	arg := in.arg
	if o < op.HAVE_ARGUMENT {
		arg = 0
	}
	if uint32(arg) > 0xFF {
		return len(op.AppendInstr(code[p:p], o, int(arg))) >> 1
	}
	code[p] = o
	code[p+1] = byte(arg)
	n := op.CacheEntries[o]
	for k := p + 2; k < p+2+2*n; k++ { // CACHE is opcode 0 with argument 0; a loop: few units, no memclr call
		code[k] = 0
	}
	return 1 + n
}

func instrSize(in *instr) int { return op.InstrSize(uint8(in.op), int(in.arg)) }

// exceptEntry appends the exception-table entry for the code units [start, end) handled by h.
func exceptEntry(b []byte, start, end int, h *block) []byte {
	depth := h.startDepth - 1
	if h.preserveLasti {
		depth--
	}
	return op.AppendExceptionEntry(b, op.ExceptionEntry{Start: 2 * start, End: 2 * end,
		Target: 2 * h.offset, Depth: depth, Lasti: h.preserveLasti})
}
