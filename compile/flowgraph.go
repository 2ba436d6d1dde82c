package compile

import (
	"strconv"

	op "gopyc/bytecode"
	"gopyc/objects"
)

const maxCopySize = 4

// Opcode properties the CFG passes test for every instruction, as bits of opProps (a table
// lookup instead of a chain of comparisons or a switch).
const (
	fJump      = 1 << iota // isJumpOp: a jump with a target block
	fBlockPush             // isBlockPush: SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH
	fExit                  // isExitOp: RETURN_VALUE, RAISE_VARARGS, RERAISE
	fUncond                // isUncondJump: JUMP, JUMP_NO_INTERRUPT
	fPopBlock              // POP_BLOCK
	fPeephole              // an opcode optimizeBlock's switch has a case for

	fTarget      = fJump | fBlockPush // the instruction's target is an edge of the CFG
	fTerminator  = fExit | fUncond    // no fall-through past the instruction
	opPropsLimit = 512                // > every opcode and pseudo-opcode
)

// opProps holds the f* bits of each opcode (index o&(opPropsLimit-1), never out of range).
var opProps = func() (t [opPropsLimit]uint8) {
	for _, o := range []int{pJump, pJumpNoInterrupt, pPopJumpIfFalse, pPopJumpIfTrue, pPopJumpIfNone,
		pPopJumpIfNotNone, op.JUMP_IF_FALSE_OR_POP, op.JUMP_IF_TRUE_OR_POP, op.FOR_ITER, op.SEND} {
		t[o] |= fJump
	}
	for _, o := range []int{pSetupFinally, pSetupCleanup, pSetupWith} {
		t[o] |= fBlockPush
	}
	for _, o := range []int{op.RETURN_VALUE, op.RAISE_VARARGS, op.RERAISE} {
		t[o] |= fExit
	}
	t[pJump] |= fUncond
	t[pJumpNoInterrupt] |= fUncond
	t[pPopBlock] |= fPopBlock
	for _, o := range []int{pSetupFinally, pSetupCleanup, pSetupWith, pPopBlock, op.LOAD_CONST,
		op.BUILD_TUPLE, op.PUSH_NULL, op.SWAP, pJump, pPopJumpIfFalse, pPopJumpIfTrue, pPopJumpIfNone,
		pPopJumpIfNotNone, op.JUMP_IF_FALSE_OR_POP, op.JUMP_IF_TRUE_OR_POP} {
		t[o] |= fPeephole
	}
	return t
}()

func props(o int32) uint8 { return opProps[o&(opPropsLimit-1)] }

func isExitOp(o int32) bool { return props(o)&fExit != 0 }

func isUncondJump(o int32) bool { return props(o)&fUncond != 0 }

// hasFallthrough reports whether control can flow from b into b.next.
func hasFallthrough(b *block) bool {
	l := b.last()
	if l == nil {
		return true
	}
	return props(l.op)&fTerminator == 0
}

func blockExits(b *block) bool {
	l := b.last()
	return l != nil && isExitOp(l.op)
}

// layout returns the blocks in layout order.
// layout returns the blocks in layout order. The slice is reused by the next call: callers
// never hold it across another call.
func (u *unit) layout() []*block {
	out := u.layoutBuf[:0]
	for b := u.entry; b != nil; b = b.next {
		out = append(out, b)
	}
	u.layoutBuf = out
	return out
}

func constTruth(o objects.Object) (bool, bool) {
	switch v := o.(type) {
	case *objects.Bool:
		return v.V, true
	case *objects.Int:
		return v.Sign() != 0, true
	case *objects.Float:
		return v.V != 0, true
	case *objects.Complex:
		return v.V != 0, true
	case *objects.Str:
		return v.String() != "", true
	case *objects.Bytes:
		return len(v.B) != 0, true
	case *objects.Tuple:
		return len(v.V) != 0, true
	case *objects.FrozenSet:
		return v.Len() != 0, true
	}
	if o == objects.None {
		return false, true
	}
	if o == objects.Ellipsis {
		return true, true
	}
	return false, false
}

// optimizeBlock applies CPython's peephole rewrites that matter for the shape of the code. It
// also reports whether the block has SETUP_* or POP_BLOCK pseudo-instructions (its switch
// sees every opcode anyway): without any, no instruction has an exception handler and
// labelExceptions has nothing to do.
func (c *compiler) optimizeBlock(b *block) (handlers bool) {
	ins := b.instrs
	for i := 0; i < len(ins); i++ {
		in := &ins[i]
		if in.target != nil {
			for len(in.target.instrs) == 0 && in.target.next != nil {
				in.target = in.target.next
			}
		}
		if props(in.op)&fPeephole == 0 {
			continue // most instructions: no case of the switch (one table lookup)
		}
		nextop := int32(-1)
		if i+1 < len(ins) {
			nextop = ins[i+1].op
		}
		switch in.op { // every case's opcodes are fPeephole in opProps
		case pSetupFinally, pSetupCleanup, pSetupWith, pPopBlock:
			handlers = true
		case op.LOAD_CONST:
			cnt := c.u.consts[in.arg]
			switch nextop {
			case pPopJumpIfFalse, pPopJumpIfTrue:
				t, ok := constTruth(cnt)
				if !ok {
					break
				}
				in.op = op.NOP
				if t == (nextop == pPopJumpIfTrue) {
					ins[i+1].op = pJump
				} else {
					ins[i+1].op = op.NOP
				}
			case op.JUMP_IF_FALSE_OR_POP, op.JUMP_IF_TRUE_OR_POP:
				t, ok := constTruth(cnt)
				if !ok {
					break
				}
				if t == (nextop == op.JUMP_IF_TRUE_OR_POP) {
					ins[i+1].op = pJump
				} else {
					in.op = op.NOP
					ins[i+1].op = op.NOP
				}
			case op.IS_OP:
				if cnt == objects.None && i+2 < len(ins) {
					j := ins[i+2].op
					if j == pPopJumpIfFalse || j == pPopJumpIfTrue {
						arg := ins[i+1].arg
						in.op = op.NOP
						ins[i+1].op = op.NOP
						if (arg != 0) != (j == pPopJumpIfFalse) {
							ins[i+2].op = pPopJumpIfNotNone
						} else {
							ins[i+2].op = pPopJumpIfNone
						}
					}
				}
			}
		case op.BUILD_TUPLE:
			if nextop == op.UNPACK_SEQUENCE && in.arg == ins[i+1].arg {
				switch in.arg {
				case 1:
					in.op = op.NOP
					ins[i+1].op = op.NOP
				case 2, 3:
					in.op = op.NOP
					ins[i+1].op = op.SWAP
				}
				break
			}
			c.foldTupleOnConstants(ins, i)
		case op.PUSH_NULL:
			if nextop == op.LOAD_GLOBAL && ins[i+1].arg&1 == 0 {
				in.op = op.NOP
				in.arg = 0
				ins[i+1].arg |= 1
			}
		case op.SWAP:
			if in.arg == 1 {
				in.op = op.NOP
				break
			}
			i = swaptimize(ins, i)
			applyStaticSwaps(ins, i)
		case pJump, pPopJumpIfFalse, pPopJumpIfTrue, pPopJumpIfNone, pPopJumpIfNotNone,
			op.JUMP_IF_FALSE_OR_POP, op.JUMP_IF_TRUE_OR_POP:
			c.threadJump(in)
		}
	}
	return handlers
}

// threadJump retargets jumps to jumps (CPython's jump_thread), conservatively keeping
// forward-only opcodes forward.
func (c *compiler) threadJump(in *instr) {
	for n := 0; n < 100; n++ {
		if in.target == nil {
			return
		}
		for len(in.target.instrs) == 0 && in.target.next != nil {
			in.target = in.target.next
		}
		if len(in.target.instrs) == 0 {
			return
		}
		t := &in.target.instrs[0]
		thread := func(newOp int32) bool {
			if in.loc.line == t.loc.line && in.target != t.target && t.target != nil {
				if (newOp == op.JUMP_IF_FALSE_OR_POP || newOp == op.JUMP_IF_TRUE_OR_POP) &&
					t.target.index <= c.curIndex {
					return false
				}
				in.target = t.target
				in.op = newOp
				return true
			}
			return false
		}
		changed := false
		switch in.op {
		case op.JUMP_IF_FALSE_OR_POP, op.JUMP_IF_TRUE_OR_POP:
			same, opp := int32(op.JUMP_IF_FALSE_OR_POP), int32(op.JUMP_IF_TRUE_OR_POP)
			popSame, popOpp := int32(pPopJumpIfFalse), int32(pPopJumpIfTrue)
			if in.op == op.JUMP_IF_TRUE_OR_POP {
				same, opp = opp, same
				popSame, popOpp = popOpp, popSame
			}
			switch t.op {
			case popSame:
				changed = thread(popSame)
			case pJump, same:
				changed = thread(same)
			case opp, popOpp:
				if in.loc.line == t.loc.line && in.target.next != nil {
					in.op = popSame
					in.target = in.target.next
					changed = true
				}
			}
		case pPopJumpIfNone, pPopJumpIfNotNone, pPopJumpIfFalse, pPopJumpIfTrue, pJump:
			if t.op == pJump {
				changed = thread(in.op)
			}
		}
		if !changed {
			return
		}
	}
}

// foldTupleOnConstants turns LOAD_CONST*n BUILD_TUPLE n into LOAD_CONST tuple.
func (c *compiler) foldTupleOnConstants(ins []instr, i int) {
	n := int(ins[i].arg)
	if i < n {
		return
	}
	for j := i - n; j < i; j++ {
		if ins[j].op != op.LOAD_CONST {
			return
		}
	}
	items := make([]objects.Object, n)
	for j := i - n; j < i; j++ {
		items[j-(i-n)] = c.u.consts[ins[j].arg]
		ins[j].op = op.NOP
	}
	ins[i].op = op.LOAD_CONST
	ins[i].arg = int32(c.addConst(objects.NewTuple(items)))
}

// cleanBlock removes NOPs that carry no needed line number. It records in b.nops whether NOPs
// remain: the later cleanings skip blocks without (maybeClean), as the passes that make NOPs
// set b.nops.
func cleanBlock(b *block) {
	ins := b.instrs
	// Most blocks have no NOP: find the first one with a tight loop; everything before it is
	// kept in place.
	first := 0
	for first < len(ins) && ins[first].op != op.NOP {
		first++
	}
	b.nops = false
	if first == len(ins) {
		return
	}
	dest := first
	prevLine := int32(-1)
	if first > 0 {
		prevLine = ins[first-1].loc.line
	}
	for src := first; src < len(ins); src++ {
		line := ins[src].loc.line
		if ins[src].op == op.NOP {
			if line < 0 {
				continue
			}
			if prevLine == line {
				continue
			}
			if src < len(ins)-1 {
				nl := ins[src+1].loc.line
				if nl < 0 {
					ins[src+1].loc = ins[src].loc
					continue
				}
				if nl == line {
					continue
				}
			} else {
				next := b.next
				for next != nil && len(next.instrs) == 0 {
					next = next.next
				}
				if next != nil && line == next.instrs[0].loc.line {
					continue
				}
			}
		}
		if dest != src {
			ins[dest] = ins[src]
		}
		if ins[dest].op == op.NOP {
			b.nops = true
		}
		dest++
		prevLine = line
	}
	b.instrs = ins[:dest]
}

func (c *compiler) extendBlock(b *block) {
	l := b.last()
	if l == nil || !isUncondJump(l.op) || l.op != pJump {
		return
	}
	t := l.target
	if blockExits(t) && len(t.instrs) <= maxCopySize {
		for _, in := range t.instrs {
			if in.loc.line >= 0 {
				return // only blocks without line numbers (implicit returns) are copied
			}
		}
		l.op = op.NOP
		l.target = nil
		b.nops = true
		c.u.setInstrs(b, b.instrs, t.instrs)
	}
}

// maybeClean is cleanBlock for a block that may hold NOPs (a block without is left as it is).
func maybeClean(b *block) {
	if b.nops {
		cleanBlock(b)
	} else if checkKept {
		for i := range b.instrs {
			if b.instrs[i].op == op.NOP {
				panic("compile: a block without the nops flag holds a NOP")
			}
		}
	}
}

// setInstrs makes b's instructions a followed by more, copied to the end of the unit's slab
// (recycled memory, where appending to a block's capped slice would allocate).
func (u *unit) setInstrs(b *block, a, more []instr) {
	start := len(u.slab)
	u.slab = append(append(u.slab, a...), more...)
	n := len(u.slab)
	b.instrs = u.slab[start:n:n]
	u.slabOwner = nil
}

// checkKept (tests only) makes the passes verify what they keep instead of recomputing: the
// predecessor counts (against markReachable), the blocks' nops flags and optimizeCFG's
// handlers result.
var checkKept bool

// checkCounts panics if markReachable computes other counts than the blocks have.
func (u *unit) checkCounts() {
	kept := make([]int, len(u.blocks))
	for i, b := range u.blocks {
		kept[i] = b.predecessors
	}
	u.markReachable(false)
	for i, b := range u.blocks {
		if b.predecessors != kept[i] {
			panic("compile: kept predecessor counts differ from markReachable's")
		}
	}
}

// markReachable sets predecessors to the number of CFG edges into each block from reachable
// blocks (the entry has one more); unreachable blocks get 0.
//
// lastOnly (the unit has no SETUP_* pseudo-instructions: optimizeCFG's handlers is false)
// looks only at each block's last instruction for an edge: only SETUP_* have targets inside a
// block, since emit ends a block after a jump and the passes keep jumps last (a NOP may keep a
// stale target, but it is no edge). That makes the walk per block instead of per instruction.
func (u *unit) markReachable(lastOnly bool) {
	for _, b := range u.blocks {
		b.predecessors = 0
	}
	u.entry.predecessors = 1
	stack := append(u.work[:0], u.entry)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b.next != nil && hasFallthrough(b) {
			if b.next.predecessors == 0 {
				stack = append(stack, b.next)
			}
			b.next.predecessors++
		}
		ins := b.instrs // hoisted: no reload or bounds check per instruction
		if lastOnly && len(ins) > 0 {
			if checkKept {
				for i := range len(ins) - 1 {
					if props(ins[i].op)&fTarget != 0 {
						panic("compile: a jump before the end of its block")
					}
				}
			}
			ins = ins[len(ins)-1:]
		}
		for i := range ins {
			in := &ins[i]
			if props(in.op)&fTarget != 0 {
				if in.target.predecessors == 0 {
					stack = append(stack, in.target)
				}
				in.target.predecessors++
			}
		}
	}
	u.work = stack[:0]
}

// eliminateEmptyBlocks retargets jumps to empty blocks to the next non-empty one and unlinks
// empty blocks from the layout. It reports whether that merged CFG edges, which changes the
// predecessor counts: an edge was retargeted or an unlinked block had predecessors. (An
// unreachable empty block has no edges in: unlinking it changes no count.)
func (u *unit) eliminateEmptyBlocks() (merged bool) {
	// Usually no block of the layout is empty: then nothing changes, since the targets of the
	// layout's jumps are in the layout (blocks unlinked earlier had their jumps retargeted
	// then; only a NOP may keep a stale target, which it never uses).
	empty := false
	for b := u.entry; b != nil; b = b.next {
		if len(b.instrs) == 0 {
			empty = true
			break
		}
	}
	if !empty {
		return false
	}
	// retarget jumps to empty blocks
	for b := u.entry; b != nil; b = b.next {
		ins := b.instrs
		for i := range ins {
			in := &ins[i]
			if t := in.target; t != nil && len(t.instrs) == 0 {
				for len(t.instrs) == 0 && t.next != nil {
					t = t.next
				}
				if t != in.target {
					in.target = t
					merged = true
				}
			}
		}
	}
	b := u.entry
	for b != nil {
		n := b.next
		for n != nil && len(n.instrs) == 0 {
			n = n.next
		}
		for e := b.next; e != n; e = e.next {
			if e.predecessors != 0 {
				merged = true
			}
		}
		b.next = n
		b = n
	}
	return merged
}

// optimizeCFG is CPython's optimize_cfg. It reports whether the predecessor counts it computed
// are still exact at its end (no empty block that had predecessors was eliminated since), and
// whether the code has SETUP_* or POP_BLOCK pseudo-instructions (see optimizeBlock; the blocks
// made later are copies of blocks it saw).
func (c *compiler) optimizeCFG() (countsValid, handlers bool) {
	u := c.u
	i := 0
	for b := u.entry; b != nil; b = b.next {
		b.index = i
		i++
	}
	i = 0
	for b := u.entry; b != nil; b = b.next {
		c.curIndex = i
		if c.optimizeBlock(b) {
			handlers = true
		}
		cleanBlock(b)
		i++
	}
	for i := len(u.blocks) - 1; i >= 0; i-- { // CPython's b_list order: newest block first
		c.extendBlock(u.blocks[i])
	}
	u.markReachable(!handlers)
	for b := u.entry; b != nil; b = b.next {
		if b.predecessors == 0 {
			b.instrs = nil
		}
	}
	merged := u.eliminateEmptyBlocks()
	for b := u.entry; b != nil; b = b.next {
		maybeClean(b)
	}
	// A jump to the next block becomes a NOP: its edge becomes a fall-through, which leaves
	// the counts as they are.
	maybeEmpty := false
	for b := u.entry; b != nil; b = b.next {
		l := b.last()
		if l != nil && isUncondJump(l.op) && l.target == b.next {
			l.op = op.NOP
			l.target = nil
			b.nops = true
			maybeEmpty = true
		}
	}
	if maybeEmpty && u.eliminateEmptyBlocks() {
		merged = true
	}
	return !merged, handlers
}

// optimizeSingle is optimizeCFG and duplicateExitsWithoutLineno for a unit of one block (most
// functions without control flow), whose instructions have no target: a jump or a SETUP_*
// ends its block, and its target would be another one (the implicit return after a final
// jump too). Of those passes, what is left to do on it is the peepholes and the cleanings; the
// block, reachable, has one predecessor (the entry's).
func (c *compiler) optimizeSingle() {
	b := c.u.entry
	if checkKept {
		for i := range b.instrs {
			if b.instrs[i].target != nil {
				panic("compile: a jump in a unit of one block")
			}
		}
	}
	b.index = 0
	c.curIndex = 0
	c.optimizeBlock(b) // (no jump to thread, no SETUP_*)
	cleanBlock(b)
	b.predecessors = 1
	maybeClean(b)
}

func isExitWithoutLineno(b *block) bool {
	if !blockExits(b) {
		return false
	}
	for _, in := range b.instrs {
		if in.loc.line >= 0 {
			return false
		}
	}
	return true
}

// duplicateExitsWithoutLineno gives every jump to a shared exit block without line numbers
// its own copy. It needs the predecessor counts: those of optimizeCFG when countsValid. The
// counts stay exact through the copies; it reports whether they must be computed again
// (eliminating empty blocks merged edges).
func (c *compiler) duplicateExitsWithoutLineno(countsValid, handlers bool) (recount bool) {
	u := c.u
	if !countsValid {
		u.markReachable(!handlers)
	} else if checkKept {
		u.checkCounts()
	}
	// A copy: newBlock appends to u.blocks. Nothing below calls layout until the loop ends.
	blocks := append(u.layoutBuf[:0], u.blocks...)
	u.layoutBuf = blocks[:0]
	for i := len(blocks) - 1; i >= 0; i-- {
		b := blocks[i]
		if b.predecessors == 0 {
			continue
		}
		l := b.last()
		if l == nil || !isJumpOp(l.op) {
			continue
		}
		t := l.target
		if isExitWithoutLineno(t) && t.predecessors > 1 {
			nb := c.newBlock()
			u.setInstrs(nb, t.instrs, nil)
			nb.nops = t.nops
			nb.instrs[0].loc = l.loc
			l.target = nb
			t.predecessors--
			nb.predecessors = 1
			nb.next = t.next
			t.next = nb
			// the copy's own edges (a SETUP_* in it) are new edges from a reachable block
			for k := range nb.instrs {
				if in := &nb.instrs[k]; props(in.op)&fTarget != 0 {
					in.target.predecessors++
				}
			}
		}
	}
	recount = u.eliminateEmptyBlocks()
	for b := u.entry; b != nil; b = b.next {
		if hasFallthrough(b) && b.next != nil && len(b.instrs) > 0 {
			if isExitWithoutLineno(b.next) {
				b.next.instrs[0].loc = b.last().loc
			}
		}
	}
	return recount
}

func (u *unit) propagateLineNumbers() {
	for b := u.entry; b != nil; b = b.next {
		if len(b.instrs) == 0 {
			continue
		}
		// prev points at the last location with a line (in b, which nothing but the copies
		// below changes): no copy of it for every instruction that has one
		prev := &noLoc
		ins := b.instrs
		for i := range ins {
			in := &ins[i]
			if in.loc.line < 0 {
				in.loc = *prev
			} else {
				prev = &in.loc
			}
		}
		if hasFallthrough(b) && b.next != nil && b.next.predecessors == 1 && len(b.next.instrs) > 0 {
			if b.next.instrs[0].loc.line < 0 {
				b.next.instrs[0].loc = *prev
			}
		}
		l := b.last()
		if isJumpOp(l.op) {
			t := l.target
			if t.predecessors == 1 && len(t.instrs) > 0 && t.instrs[0].loc.line < 0 {
				t.instrs[0].loc = *prev
			}
		}
	}
}

func (u *unit) guaranteeLinenoForExits() {
	line := int32(u.firstLine)
	for b := u.entry; b != nil; b = b.next {
		l := b.last()
		if l == nil {
			continue
		}
		if l.loc.line < 0 {
			if l.op == op.RETURN_VALUE {
				for i := range b.instrs {
					b.instrs[i].loc = loc{line, line, -1, -1}
				}
			}
		} else {
			line = l.loc.line
		}
	}
}

// stackEffects is the value-stack change of instruction o with argument arg, falling through
// and jumping (pseudo-instructions included).
func stackEffects(o int32, arg int) (noJump, jump int) {
	if uint32(o) < 256 {
		if n, j, ok := op.StackEffects(uint8(o), arg); ok {
			return n, j
		}
	}
	switch o {
	case pSetupFinally, pSetupWith:
		return 0, 1
	case pSetupCleanup:
		return 0, 2
	case pPopBlock, pJump, pJumpNoInterrupt:
		return 0, 0
	case pPopJumpIfFalse, pPopJumpIfTrue, pPopJumpIfNone, pPopJumpIfNotNone:
		return -1, -1
	}
	panic("compile: no stack effect for opcode " + strconv.Itoa(int(o)))
}

// constEffects tabulates the stack effects that do not depend on the argument (most
// opcodes, and the pseudo-instructions) and those of the form base + mul*arg + low*(arg&1),
// the same mul and low both ways (BUILD_*, PRECALL, UNPACK_SEQUENCE, LOAD_GLOBAL, ...), for
// stackDepth's inner loop: ok false sends it to stackEffects.
var constEffects = func() (t [opPropsLimit]struct {
	noJump, jump, mul, low int8
	ok                     bool
}) {
	for o := range t {
		mul, low := 0, 0
		if o < 256 {
			if _, _, ok := op.StackEffects(uint8(o), 0); !ok {
				continue
			}
			if op.StackEffectUsesArg(uint8(o)) {
				n0, j0 := stackEffects(int32(o), 0)
				n1, _ := stackEffects(int32(o), 1)
				n2, _ := stackEffects(int32(o), 2)
				mul = (n2 - n0) / 2
				low = n1 - n0 - mul
				fits := mul >= -2 && mul <= 2 && low >= -1 && low <= 1
				for _, arg := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 255, 256, 1000, 1001, 1 << 20} {
					n, j := stackEffects(int32(o), arg)
					e := mul*arg + low*(arg&1)
					if n != n0+e || j != j0+e {
						fits = false
					}
				}
				if !fits {
					continue
				}
			}
		} else if o > pPopJumpIfNotNone {
			continue
		}
		n, j := stackEffects(int32(o), 0)
		t[o].noJump, t[o].jump, t[o].mul, t[o].low, t[o].ok = int8(n), int8(j), int8(mul), int8(low), true
	}
	return t
}()

// fixedEffects is the stack effect of the opcodes that neither jump nor end a block and whose
// effect does not depend on the argument, varEffect for the others: one byte to load for most
// instructions.
var fixedEffects = func() (t [opPropsLimit]int8) {
	for o := range t {
		e := &constEffects[o]
		t[o] = varEffect
		if e.ok && e.mul == 0 && e.low == 0 && e.noJump != varEffect && opProps[o]&(fTarget|fTerminator) == 0 {
			t[o] = e.noJump
		}
	}
	return t
}()

const varEffect = -128

// stackDepth computes the start depth of every reachable block and returns the maximum depth.
// A block is walked once, at the depth of the first edge that reaches it (a larger depth seen
// later only raises its startDepth, which is what the exception table records).
func (c *compiler) stackDepth() int {
	u := c.u
	const unset = -1 << 30
	for _, b := range u.blocks {
		b.startDepth = unset
	}
	stack := u.work[:0]
	start := 0
	if u.ste.generator || u.ste.coroutine {
		start = 1
	}
	u.entry.startDepth = start
	stack = append(stack, u.entry)
	maxDepth := 0
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		depth := b.startDepth
		next := b.next
		ins := b.instrs
		for i := range ins {
			in := &ins[i]
			if fx := fixedEffects[in.op&(opPropsLimit-1)]; fx != varEffect {
				depth += int(fx) // most instructions
				maxDepth = max(maxDepth, depth)
				continue
			}
			e := &constEffects[in.op&(opPropsLimit-1)]
			m := int(e.mul)*int(in.arg) + int(e.low)*int(in.arg&1)
			eff, jeff := int(e.noJump)+m, int(e.jump)+m
			if !e.ok {
				eff, jeff = stackEffects(in.op, int(in.arg))
			}
			nd := depth + eff
			maxDepth = max(maxDepth, nd)
			p := props(in.op)
			if p&fTarget != 0 {
				td := depth + jeff
				maxDepth = max(maxDepth, td)
				if t := in.target; t.startDepth < td {
					if t.startDepth == unset {
						stack = append(stack, t)
					}
					t.startDepth = td
				}
			}
			depth = nd
			if p&fTerminator != 0 {
				next = nil
				break
			}
		}
		if next != nil && next.startDepth < depth {
			if next.startDepth == unset {
				stack = append(stack, next)
			}
			next.startDepth = depth
		}
	}
	u.work = stack[:0]
	return maxDepth
}

// labelExceptions records on every instruction the handler that covers it.
func (u *unit) labelExceptions() {
	for _, b := range u.blocks {
		b.visited = false
		b.exceptStack = nil
	}
	u.entry.visited = true
	u.entry.exceptStack = []*block{}
	todo := append(u.work[:0], u.entry)
	// The handler stack of the block being walked is a working copy (u.stackBuf); a block
	// reached later gets a snapshot, cut from a shared arena with its capacity capped so that
	// nothing appends into a neighbour's.
	stack, arena := u.stackBuf[:0], u.arenaBuf[:0]
	snapshot := func() []*block {
		i := len(arena)
		arena = append(arena, stack...)
		return arena[i:len(arena):len(arena)]
	}
	for len(todo) > 0 {
		b := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		stack = append(stack[:0], b.exceptStack...)
		b.exceptStack = nil
		var handler *block
		if len(stack) > 0 {
			handler = stack[len(stack)-1]
		}
		ins := b.instrs
		for i := range ins {
			in := &ins[i]
			p := props(in.op)
			if p&(fBlockPush|fPopBlock|fJump) == 0 {
				// Most instructions: one table lookup. Most are outside any handler and
				// except is still nil: a load spares the pointer store (and its write
				// barrier while the GC marks).
				if in.except != handler {
					in.except = handler
				}
				continue
			}
			switch {
			case p&fBlockPush != 0:
				if !in.target.visited {
					in.target.exceptStack = snapshot()
					in.target.visited = true
					todo = append(todo, in.target)
				}
				if in.op == pSetupWith || in.op == pSetupCleanup {
					in.target.preserveLasti = true
				}
				stack = append(stack, in.target)
				handler = in.target
			case p&fPopBlock != 0:
				stack = stack[:len(stack)-1]
				handler = nil
				if len(stack) > 0 {
					handler = stack[len(stack)-1]
				}
			default: // a jump
				in.except = handler
				if !in.target.visited {
					in.target.exceptStack = snapshot()
					in.target.visited = true
					todo = append(todo, in.target)
				}
			}
		}
		if hasFallthrough(b) && b.next != nil && !b.next.visited {
			b.next.exceptStack = snapshot()
			b.next.visited = true
			todo = append(todo, b.next)
		}
	}
	u.work, u.stackBuf = todo[:0], stack[:0]
	clear(arena) // the snapshots were all consumed; drop the block pointers
	u.arenaBuf = arena[:0]
	for _, b := range u.layout() {
		ins := b.instrs
		for i := range ins {
			in := &ins[i]
			if isBlockPush(in.op) || in.op == pPopBlock {
				in.op = op.NOP
				in.target = nil
				in.arg = 0
				b.nops = true
			}
		}
	}
}

// swaptimize replaces a run of SWAPs (and NOPs) starting at ins[i] with the fewest SWAPs that
// permute the stack the same way; it returns the index of the run's last instruction.
func swaptimize(ins []instr, i int) int {
	run := ins[i:]
	depth := int(run[0].arg)
	n := 0
	more := false
	for n = 1; n < len(run); n++ {
		if run[n].op == op.SWAP {
			depth = max(depth, int(run[n].arg))
			more = true
		} else if run[n].op != op.NOP {
			break
		}
	}
	if !more {
		return i
	}
	stack := make([]int, depth)
	for k := range stack {
		stack[k] = k
	}
	for k := 0; k < n; k++ {
		if run[k].op == op.SWAP {
			a := run[k].arg
			stack[0], stack[a-1] = stack[a-1], stack[0]
		}
	}
	const visited = -1
	cur := n - 1
	for k := 0; k < depth; k++ {
		if stack[k] == visited || stack[k] == k {
			continue
		}
		j := k
		for {
			if j != 0 {
				run[cur].op = op.SWAP
				run[cur].arg = int32(j + 1)
				cur--
			}
			if stack[j] == visited {
				break
			}
			next := stack[j]
			stack[j] = visited
			j = next
		}
	}
	for ; cur >= 0; cur-- {
		run[cur].op = op.NOP
		run[cur].arg = 0
	}
	return i + n - 1
}

func storesTo(in *instr) int {
	if in.op == op.STORE_FAST {
		return int(in.arg)
	}
	return -1
}

func swappable(o int32) bool { return o == op.STORE_FAST || o == op.POP_TOP }

func nextSwappable(ins []instr, i int, line int32) int {
	for i++; i < len(ins); i++ {
		in := &ins[i]
		if line >= 0 && in.loc.line != line {
			return -1
		}
		if in.op == op.NOP {
			continue
		}
		if swappable(in.op) {
			return i
		}
		return -1
	}
	return -1
}

// applyStaticSwaps swaps the instructions that consume the stack items instead of the items
// (SWAP 2, STORE_FAST a, STORE_FAST b becomes STORE_FAST b, STORE_FAST a), as CPython does.
func applyStaticSwaps(ins []instr, i int) {
	for ; i >= 0; i-- {
		sw := &ins[i]
		if sw.op != op.SWAP {
			if sw.op == op.NOP || swappable(sw.op) {
				continue
			}
			return
		}
		j := nextSwappable(ins, i, -1)
		if j < 0 {
			return
		}
		k := j
		line := ins[j].loc.line
		for count := sw.arg - 1; count > 0; count-- {
			k = nextSwappable(ins, k, line)
			if k < 0 {
				return
			}
		}
		// Not safe when the two stores (or one in between) write the same local.
		storeJ, storeK := storesTo(&ins[j]), storesTo(&ins[k])
		if storeJ >= 0 || storeK >= 0 {
			if storeJ == storeK {
				return
			}
			for idx := j + 1; idx < k; idx++ {
				if s := storesTo(&ins[idx]); s >= 0 && (s == storeJ || s == storeK) {
					return
				}
			}
		}
		sw.op = op.NOP
		sw.arg = 0
		ins[j], ins[k] = ins[k], ins[j]
	}
}
