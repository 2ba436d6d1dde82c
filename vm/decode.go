package vm

import (
	"gopyc/bytecode"
	. "gopyc/objects"
)

// instr is one decoded code unit.
type instr struct {
	op    uint8
	skip  uint8  // CACHE units that follow (the loop steps over them)
	cache uint32 // the instruction's slot in codeInfo.globalsCache / attrCache
	arg   int32  // full argument (EXTENDED_ARG folded); absolute target for jumps
}

type excEntry struct {
	start, end, target int32 // code units; [start, end)
	depth              int32
	lasti              bool
}

// codeInfo is the decoded form of a code object (kept in Code.VM).
type codeInfo struct {
	code         *Code
	instrs       []instr
	exc          []excEntry
	nfast        int
	simpleArgs   bool // no *args, **kwargs, kw-only args
	fastCall     bool // simpleArgs, no cells or free variables, not a generator: CALL sets up the frame inline
	cellNames    []*Str
	positions    []position
	globalsCache []globalCacheEntry
	pool         []*Frame // finished frames ready for reuse
	attrCache    []attrCacheEntry
}

// attrCacheEntry remembers, for one LOAD_ATTR/LOAD_METHOD/STORE_ATTR, what the attribute name
// resolves to on one type at one type version.
type attrCacheEntry struct {
	tp      *Type
	ver     uint64
	d       Object          // the MRO lookup result (nil: not found on the type)
	data    bool            // d is a data descriptor
	special bool            // the type overrides __getattribute__/__getattr__/__setattr__
	alt     *attrCacheEntry // the previously seen type (a two-way cache for polymorphic sites)
}

type globalCacheEntry struct {
	gver, bver uint64
	gd, bd     *Dict
	v          Object
}

type position struct{ line, endLine, col, endCol int32 }

func decode(co *Code) *codeInfo {
	if ci, ok := co.VM.(*codeInfo); ok {
		return ci
	}
	ci := &codeInfo{code: co, nfast: len(co.LocalsPlusNames)}
	ci.simpleArgs = co.Flags&(CoVarArgs|CoVarKeywords) == 0 && co.KwOnlyArgCount == 0
	raw := co.Code
	n := len(raw) / 2
	ci.instrs = make([]instr, n)
	ext := int32(0)
	for i := 0; i < n; i++ {
		op, arg := raw[2*i], int32(raw[2*i+1])
		op = bytecode.Deopt[op]
		arg |= ext << 8
		if op == bytecode.EXTENDED_ARG {
			ext = arg
			ci.instrs[i] = instr{op: bytecode.NOP}
			continue
		}
		ext = 0
		switch op {
		case bytecode.JUMP_FORWARD, bytecode.POP_JUMP_FORWARD_IF_FALSE, bytecode.POP_JUMP_FORWARD_IF_TRUE,
			bytecode.POP_JUMP_FORWARD_IF_NONE, bytecode.POP_JUMP_FORWARD_IF_NOT_NONE,
			bytecode.JUMP_IF_FALSE_OR_POP, bytecode.JUMP_IF_TRUE_OR_POP, bytecode.FOR_ITER, bytecode.SEND:
			arg = int32(i+1) + arg
		case bytecode.JUMP_BACKWARD, bytecode.JUMP_BACKWARD_NO_INTERRUPT, bytecode.POP_JUMP_BACKWARD_IF_FALSE,
			bytecode.POP_JUMP_BACKWARD_IF_TRUE, bytecode.POP_JUMP_BACKWARD_IF_NONE, bytecode.POP_JUMP_BACKWARD_IF_NOT_NONE:
			arg = int32(i+1) - arg
		case bytecode.LOAD_GLOBAL:
			if ci.globalsCache == nil {
				ci.globalsCache = make([]globalCacheEntry, 0, 8)
			}
		}
		skip := 0
		for c := 0; c < bytecode.CacheEntries[op] && i+1+c < n; c++ {
			skip++
		}
		ci.instrs[i] = instr{op: op, arg: arg, skip: uint8(skip)}
		for c := 0; c < skip; c++ {
			i++
			ci.instrs[i] = instr{op: bytecode.CACHE}
		}
	}
	// PRECALL does nothing here: let the instruction before it step over it (and its cache) too.
	// A jump to a PRECALL still lands on it and executes it as a no-op.
	prev := -1
	for i := 0; i < n; i++ {
		in := &ci.instrs[i]
		if in.op == bytecode.CACHE {
			continue
		}
		if in.op == bytecode.PRECALL && prev >= 0 {
			if p := &ci.instrs[prev]; p.op != bytecode.EXTENDED_ARG && i == prev+1+int(p.skip) && int(p.skip)+1+int(in.skip) < 256 {
				p.skip += 1 + in.skip
			}
		}
		prev = i
	}
	// Superinstructions: fuse pairs of local/constant moves when nothing jumps to the second one.
	// The fused instruction keeps the second argument in cache and steps over the second unit.
	targets := make([]bool, n+1)
	for i := range ci.instrs {
		switch ci.instrs[i].op {
		case bytecode.JUMP_FORWARD, bytecode.POP_JUMP_FORWARD_IF_FALSE, bytecode.POP_JUMP_FORWARD_IF_TRUE,
			bytecode.POP_JUMP_FORWARD_IF_NONE, bytecode.POP_JUMP_FORWARD_IF_NOT_NONE,
			bytecode.JUMP_IF_FALSE_OR_POP, bytecode.JUMP_IF_TRUE_OR_POP, bytecode.FOR_ITER, bytecode.SEND,
			bytecode.JUMP_BACKWARD, bytecode.JUMP_BACKWARD_NO_INTERRUPT, bytecode.POP_JUMP_BACKWARD_IF_FALSE,
			bytecode.POP_JUMP_BACKWARD_IF_TRUE, bytecode.POP_JUMP_BACKWARD_IF_NONE, bytecode.POP_JUMP_BACKWARD_IF_NOT_NONE:
			if t := int(ci.instrs[i].arg); t >= 0 && t <= n {
				targets[t] = true
			}
		}
	}
	for _, e := range parseExcTable(co.ExceptionTable) {
		if int(e.target) <= n {
			targets[e.target] = true
		}
	}
	for i := 0; i+1 < n; i++ {
		a := &ci.instrs[i]
		if a.skip != 0 {
			continue
		}
		b := ci.instrs[i+1]
		if targets[i+1] || b.skip != 0 {
			continue
		}
		fused := uint8(0)
		switch {
		case a.op == bytecode.LOAD_FAST && b.op == bytecode.LOAD_FAST:
			fused = bytecode.LOAD_FAST__LOAD_FAST
		case a.op == bytecode.LOAD_FAST && b.op == bytecode.LOAD_CONST:
			fused = bytecode.LOAD_FAST__LOAD_CONST
		case a.op == bytecode.LOAD_CONST && b.op == bytecode.LOAD_FAST:
			fused = bytecode.LOAD_CONST__LOAD_FAST
		case a.op == bytecode.STORE_FAST && b.op == bytecode.LOAD_FAST:
			fused = bytecode.STORE_FAST__LOAD_FAST
		case a.op == bytecode.STORE_FAST && b.op == bytecode.STORE_FAST:
			fused = bytecode.STORE_FAST__STORE_FAST
		}
		if fused != 0 {
			a.op, a.cache, a.skip = fused, uint32(b.arg), 1
			i++
		}
	}
	// COMPARE_OP followed by a conditional jump on its result: one instruction (arg: comparison |
	// 0x100 when jumping on true; cache: the jump target), stepping over the caches and the jump.
	for i := 0; i < n; i++ {
		a := &ci.instrs[i]
		if a.op != bytecode.COMPARE_OP {
			continue
		}
		j := i + 1 + int(a.skip)
		if j >= n || targets[j] || ci.instrs[j].skip != 0 {
			continue
		}
		onTrue := int32(0)
		switch ci.instrs[j].op {
		case bytecode.POP_JUMP_FORWARD_IF_FALSE, bytecode.POP_JUMP_BACKWARD_IF_FALSE:
		case bytecode.POP_JUMP_FORWARD_IF_TRUE, bytecode.POP_JUMP_BACKWARD_IF_TRUE:
			onTrue = 0x100
		default:
			continue
		}
		if int(a.skip)+1 > 255 {
			continue
		}
		a.op = bytecode.COMPARE_OP_INT_JUMP
		a.cache = uint32(ci.instrs[j].arg)
		a.arg |= onTrue
		a.skip++
	}
	markTempOperands(ci.instrs, targets)
	// Give each LOAD_GLOBAL and attribute instruction its own cache slot.
	for i := range ci.instrs {
		switch ci.instrs[i].op {
		case bytecode.LOAD_GLOBAL:
			ci.instrs[i].cache = uint32(len(ci.globalsCache))
			ci.globalsCache = append(ci.globalsCache, globalCacheEntry{})
		case bytecode.LOAD_ATTR, bytecode.LOAD_METHOD, bytecode.STORE_ATTR:
			ci.instrs[i].cache = uint32(len(ci.attrCache))
			ci.attrCache = append(ci.attrCache, attrCacheEntry{})
		}
	}
	ci.exc = parseExcTable(co.ExceptionTable)
	ci.fastCall = ci.simpleArgs && co.Flags&(CoGenerator|CoCoroutine|CoAsyncGenerator) == 0
	for _, k := range co.LocalsPlusKinds {
		if k&(FastCell|FastFree) != 0 {
			ci.fastCall = false
		}
	}
	for i, k := range co.LocalsPlusKinds {
		if k&FastCell != 0 {
			ci.cellNames = append(ci.cellNames, co.LocalsPlusNames[i])
		}
	}
	co.VM = ci
	return ci
}

// markTempOperands sets bit 1 of cache on each BINARY_OP whose left operand is certainly the
// result of an earlier BINARY_OP that nothing has copied (bit 2 for the right operand): within a
// straight run of code (no jump lands in it), the producer's result stayed on the value stack
// while only loads and other BINARY_OPs ran above it. Such an operand is referenced only by the
// stack slot the consumer pops, so when the producer's fast path allocated it, the consumer may
// write its own result into it (see the BINARY_OP case of eval). Likewise cache = 1 marks a
// BINARY_SUBSCR whose result is certainly the value a later STORE_SUBSCR stores, and that
// STORE_SUBSCR: a list slice made only to be copied into another list's slice can live in a
// list the thread keeps for the purpose (Thread.spareList). Anything else (stores, calls, COPY/SWAP, jump targets) forgets what
// is on the stack.
func markTempOperands(instrs []instr, targets []bool) {
	n := len(instrs)
	var prod []int32 // per known stack slot: index of the BINARY_OP that pushed it, or -1
	for i := 0; i < n; {
		in := &instrs[i]
		next := i + 1 + int(in.skip)
		if targets[i] {
			prod = prod[:0]
		}
		switch in.op {
		case bytecode.NOP, bytecode.CACHE:
		case bytecode.LOAD_FAST, bytecode.LOAD_CONST, bytecode.LOAD_DEREF:
			prod = append(prod, -1)
		case bytecode.LOAD_FAST__LOAD_FAST, bytecode.LOAD_FAST__LOAD_CONST, bytecode.LOAD_CONST__LOAD_FAST:
			prod = append(prod, -1, -1)
		case bytecode.LOAD_GLOBAL:
			if in.arg&1 != 0 {
				prod = append(prod, -1)
			}
			prod = append(prod, -1)
		case bytecode.BINARY_OP:
			if k := len(prod); k >= 2 {
				if p := prod[k-2]; p >= 0 && instrs[p].op == bytecode.BINARY_OP {
					in.cache |= 1
				}
				if p := prod[k-1]; p >= 0 && instrs[p].op == bytecode.BINARY_OP {
					in.cache |= 2
				}
				prod = prod[:k-2]
			} else {
				prod = prod[:0]
			}
			prod = append(prod, int32(i))
		case bytecode.BUILD_SLICE:
			if k := len(prod); k >= int(in.arg) {
				prod = prod[:k-int(in.arg)]
			} else {
				prod = prod[:0]
			}
			prod = append(prod, -1)
		case bytecode.BINARY_SUBSCR:
			if k := len(prod); k >= 2 {
				prod = prod[:k-2]
			} else {
				prod = prod[:0]
			}
			prod = append(prod, int32(i))
		case bytecode.STORE_SUBSCR:
			// x[a:b] = y[c:d]: the list y[c:d] only carries items into x (see eval).
			if k := len(prod); k >= 3 {
				if p := prod[k-3]; p >= 0 && instrs[p].op == bytecode.BINARY_SUBSCR {
					in.cache = 1
					instrs[p].cache = 1
				}
				prod = prod[:k-3]
			} else {
				prod = prod[:0]
			}
		default:
			prod = prod[:0]
		}
		for j := i + 1; j < next && j <= n; j++ {
			if targets[j] {
				prod = prod[:0]
			}
		}
		i = next
	}
}

func readVarint(b []byte, i *int) int32 {
	c := b[*i]
	*i++
	v := int32(c & 63)
	for c&64 != 0 && *i < len(b) {
		c = b[*i]
		*i++
		v = v<<6 | int32(c&63)
	}
	return v
}

func parseExcTable(b []byte) []excEntry {
	var out []excEntry
	for i := 0; i < len(b); {
		start := readVarint(b, &i)
		if i >= len(b) {
			break
		}
		length := readVarint(b, &i)
		target := readVarint(b, &i)
		dl := readVarint(b, &i)
		out = append(out, excEntry{start: start, end: start + length, target: target, depth: dl >> 1, lasti: dl&1 != 0})
	}
	return out
}

func (ci *codeInfo) handler(pc int) *excEntry {
	for i := range ci.exc {
		e := &ci.exc[i]
		if int32(pc) >= e.start && int32(pc) < e.end {
			return e
		}
	}
	return nil
}

// location-table varints: 6-bit chunks, least significant first.
func ltVarint(b []byte, i *int) int {
	c := b[*i]
	*i++
	v := int(c & 63)
	shift := 0
	for c&64 != 0 && *i < len(b) {
		c = b[*i]
		*i++
		shift += 6
		v |= int(c&63) << shift
	}
	return v
}

func ltSvarint(b []byte, i *int) int {
	u := ltVarint(b, i)
	if u&1 != 0 {
		return -(u >> 1)
	}
	return u >> 1
}

// computePositions decodes the 3.11 location table into one position per code unit.
func (ci *codeInfo) computePositions() {
	if ci.positions != nil {
		return
	}
	co := ci.code
	n := len(ci.instrs)
	pos := make([]position, n)
	for k := range pos {
		pos[k] = position{-1, -1, -1, -1}
	}
	b := co.LineTable
	line := co.FirstLineNo
	unit := 0
	for i := 0; i < len(b) && unit < n; {
		first := b[i]
		i++
		code := int(first>>3) & 15
		length := int(first&7) + 1
		p := position{-1, -1, -1, -1}
		switch {
		case code == 15:
		case code == 14:
			line += ltSvarint(b, &i)
			endLine := line + ltVarint(b, &i)
			col := ltVarint(b, &i) - 1
			endCol := ltVarint(b, &i) - 1
			p = position{int32(line), int32(endLine), int32(col), int32(endCol)}
		case code == 13:
			line += ltSvarint(b, &i)
			p = position{int32(line), int32(line), -1, -1}
		case code >= 10:
			line += code - 10
			col, endCol := int(b[i]), int(b[i+1])
			i += 2
			p = position{int32(line), int32(line), int32(col), int32(endCol)}
		default:
			sb := int(b[i])
			i++
			col := code*8 + (sb>>4)&7
			p = position{int32(line), int32(line), int32(col), int32(col + sb&15)}
		}
		for k := 0; k < length && unit < n; k++ {
			pos[unit] = p
			unit++
		}
	}
	ci.positions = pos
}

// lineAt returns the line number of code unit pc (-1 when unknown).
func (ci *codeInfo) lineAt(pc int) int {
	ci.computePositions()
	if pc < 0 || pc >= len(ci.positions) {
		return -1
	}
	return int(ci.positions[pc].line)
}
