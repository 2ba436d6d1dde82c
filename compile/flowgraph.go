package compile

import (
	op "gopyc/bytecode"
	"gopyc/objects"
)

const maxCopySize = 4

func isExitOp(o int) bool {
	return o == op.RETURN_VALUE || o == op.RAISE_VARARGS || o == op.RERAISE
}

func isUncondJump(o int) bool { return o == pJump || o == pJumpNoInterrupt }

// hasFallthrough reports whether control can flow from b into b.next.
func hasFallthrough(b *block) bool {
	l := b.last()
	if l == nil {
		return true
	}
	return !isExitOp(l.op) && !isUncondJump(l.op)
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

// optimizeBlock applies CPython's peephole rewrites that matter for the shape of the code.
func (c *compiler) optimizeBlock(b *block) {
	ins := b.instrs
	for i := 0; i < len(ins); i++ {
		in := &ins[i]
		if in.target != nil {
			for len(in.target.instrs) == 0 && in.target.next != nil {
				in.target = in.target.next
			}
		}
		nextop := -1
		if i+1 < len(ins) {
			nextop = ins[i+1].op
		}
		switch in.op {
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
		thread := func(newOp int) bool {
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
			same, opp := op.JUMP_IF_FALSE_OR_POP, op.JUMP_IF_TRUE_OR_POP
			popSame, popOpp := pPopJumpIfFalse, pPopJumpIfTrue
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
	n := ins[i].arg
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
	ins[i].arg = c.addConst(objects.NewTuple(items))
}

// cleanBlock removes NOPs that carry no needed line number.
func cleanBlock(b *block) {
	dest := 0
	prevLine := int32(-1)
	ins := b.instrs
	for src := 0; src < len(ins); src++ {
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
		c.u.setInstrs(b, b.instrs, t.instrs)
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

func (u *unit) markReachable() {
	for _, b := range u.blocks {
		b.predecessors = 0
	}
	u.entry.predecessors = 1
	stack := append(u.work[:0], u.entry)
	defer func() { u.work = stack[:0] }()
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b.next != nil && hasFallthrough(b) {
			if b.next.predecessors == 0 {
				stack = append(stack, b.next)
			}
			b.next.predecessors++
		}
		for i := range b.instrs {
			in := &b.instrs[i]
			if isJumpOp(in.op) || isBlockPush(in.op) {
				if in.target.predecessors == 0 {
					stack = append(stack, in.target)
				}
				in.target.predecessors++
			}
		}
	}
}

func (u *unit) eliminateEmptyBlocks() {
	// retarget jumps to empty blocks
	for _, b := range u.layout() {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.target != nil {
				t := in.target
				for len(t.instrs) == 0 && t.next != nil {
					t = t.next
				}
				in.target = t
			}
		}
	}
	b := u.entry
	for b != nil {
		n := b.next
		for n != nil && len(n.instrs) == 0 {
			n = n.next
		}
		b.next = n
		b = n
	}
}

func (c *compiler) optimizeCFG() {
	u := c.u
	for i, b := range u.layout() {
		b.index = i
	}
	for i, b := range u.layout() {
		c.curIndex = i
		c.optimizeBlock(b)
		cleanBlock(b)
	}
	for i := len(u.blocks) - 1; i >= 0; i-- { // CPython's b_list order: newest block first
		c.extendBlock(u.blocks[i])
	}
	u.markReachable()
	for _, b := range u.layout() {
		if b.predecessors == 0 {
			b.instrs = nil
		}
	}
	u.eliminateEmptyBlocks()
	for _, b := range u.layout() {
		cleanBlock(b)
	}
	maybeEmpty := false
	for _, b := range u.layout() {
		l := b.last()
		if l != nil && isUncondJump(l.op) && l.target == b.next {
			l.op = op.NOP
			l.target = nil
			maybeEmpty = true
		}
	}
	if maybeEmpty {
		u.eliminateEmptyBlocks()
	}
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

func (c *compiler) duplicateExitsWithoutLineno() {
	u := c.u
	u.markReachable()
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
			nb.instrs[0].loc = l.loc
			l.target = nb
			t.predecessors--
			nb.predecessors = 1
			nb.next = t.next
			t.next = nb
		}
	}
	u.eliminateEmptyBlocks()
	for _, b := range u.layout() {
		if hasFallthrough(b) && b.next != nil && len(b.instrs) > 0 {
			if isExitWithoutLineno(b.next) {
				b.next.instrs[0].loc = b.last().loc
			}
		}
	}
}

func (u *unit) propagateLineNumbers() {
	for _, b := range u.layout() {
		if len(b.instrs) == 0 {
			continue
		}
		prev := noLoc
		for i := range b.instrs {
			if b.instrs[i].loc.line < 0 {
				b.instrs[i].loc = prev
			} else {
				prev = b.instrs[i].loc
			}
		}
		if hasFallthrough(b) && b.next != nil && b.next.predecessors == 1 && len(b.next.instrs) > 0 {
			if b.next.instrs[0].loc.line < 0 {
				b.next.instrs[0].loc = prev
			}
		}
		l := b.last()
		if isJumpOp(l.op) {
			t := l.target
			if t.predecessors == 1 && len(t.instrs) > 0 && t.instrs[0].loc.line < 0 {
				t.instrs[0].loc = prev
			}
		}
	}
}

func (u *unit) guaranteeLinenoForExits() {
	line := int32(u.firstLine)
	for _, b := range u.layout() {
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

func stackEffect(o, arg int, jump bool) int {
	switch o {
	case pSetupFinally, pSetupWith:
		if jump {
			return 1
		}
		return 0
	case pSetupCleanup:
		if jump {
			return 2
		}
		return 0
	case pPopBlock, pJump, pJumpNoInterrupt:
		return 0
	case pPopJumpIfFalse, pPopJumpIfTrue, pPopJumpIfNone, pPopJumpIfNotNone:
		return -1
	}
	e, err := op.StackEffect(uint8(o), arg, jump)
	if err != nil {
		panic("compile: no stack effect for " + op.OpName[o])
	}
	return e
}

func (c *compiler) stackDepth() int {
	u := c.u
	const unset = -1 << 30
	for _, b := range u.blocks {
		b.startDepth = unset
	}
	stack := u.work[:0]
	defer func() { u.work = stack[:0] }()
	push := func(b *block, d int) {
		if b.startDepth < d {
			if b.startDepth != unset && b.startDepth != d {
				// inconsistent depths would be a compiler bug; keep the larger
			}
			if b.startDepth == unset {
				stack = append(stack, b)
			}
			if d > b.startDepth {
				b.startDepth = d
			}
		}
	}
	start := 0
	if u.ste.generator || u.ste.coroutine {
		start = 1
	}
	push(u.entry, start)
	maxDepth := 0
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		depth := b.startDepth
		next := b.next
		for i := range b.instrs {
			in := &b.instrs[i]
			eff := stackEffect(in.op, in.arg, false)
			nd := depth + eff
			if nd > maxDepth {
				maxDepth = nd
			}
			if isJumpOp(in.op) || isBlockPush(in.op) {
				td := depth + stackEffect(in.op, in.arg, true)
				if td > maxDepth {
					maxDepth = td
				}
				push(in.target, td)
			}
			depth = nd
			if isUncondJump(in.op) || isExitOp(in.op) {
				next = nil
				break
			}
		}
		if next != nil {
			push(next, depth)
		}
	}
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
		for i := range b.instrs {
			in := &b.instrs[i]
			switch {
			case isBlockPush(in.op):
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
			case in.op == pPopBlock:
				stack = stack[:len(stack)-1]
				handler = nil
				if len(stack) > 0 {
					handler = stack[len(stack)-1]
				}
			case isJumpOp(in.op):
				in.except = handler
				if !in.target.visited {
					in.target.exceptStack = snapshot()
					in.target.visited = true
					todo = append(todo, in.target)
				}
			default:
				in.except = handler
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
		for i := range b.instrs {
			in := &b.instrs[i]
			if isBlockPush(in.op) || in.op == pPopBlock {
				in.op = op.NOP
				in.target = nil
				in.arg = 0
			}
		}
	}
}

// swaptimize replaces a run of SWAPs (and NOPs) starting at ins[i] with the fewest SWAPs that
// permute the stack the same way; it returns the index of the run's last instruction.
func swaptimize(ins []instr, i int) int {
	run := ins[i:]
	depth := run[0].arg
	n := 0
	more := false
	for n = 1; n < len(run); n++ {
		if run[n].op == op.SWAP {
			depth = max(depth, run[n].arg)
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
				run[cur].arg = j + 1
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
		return in.arg
	}
	return -1
}

func swappable(o int) bool { return o == op.STORE_FAST || o == op.POP_TOP }

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

// trimUnusedConsts drops constants past the last one an instruction uses (the first, a
// possible docstring, always stays).
func (u *unit) trimUnusedConsts() {
	maxIdx := 0
	for _, b := range u.layout() {
		for _, in := range b.instrs {
			if (in.op == op.LOAD_CONST || in.op == op.KW_NAMES) && in.arg > maxIdx {
				maxIdx = in.arg
			}
		}
	}
	if maxIdx+1 < len(u.consts) {
		u.consts = u.consts[:maxIdx+1]
	}
}
