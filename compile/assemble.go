package compile

import (
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
	if l := u.cur.last(); l == nil || l.op != op.RETURN_VALUE {
		c.unsetLoc()
		if addNone {
			c.loadConst(objects.None)
		}
		c.addOp(op.RETURN_VALUE, 0)
	}
	flags := c.codeFlags()
	// CPython extends blocks once in layout order before optimising, and again after.
	for _, b := range u.layout() {
		c.extendBlock(b)
	}

	// localsplus layout
	nlocals := len(u.varnames)
	ncells := len(u.cellvars)
	cellOffset := make([]int, ncells)
	dropped := 0
	names := append([]string(nil), u.varnames...)
	kinds := make([]byte, nlocals)
	for i := range kinds {
		kinds[i] = objects.FastLocal
	}
	for i, name := range u.cellvars {
		if vi, ok := nameIndex(u.varnames, u.varIdx, name); ok {
			cellOffset[i] = vi
			kinds[vi] |= objects.FastCell
			dropped++
			continue
		}
		cellOffset[i] = len(names)
		names = append(names, name)
		kinds = append(kinds, objects.FastCell)
	}
	freeBase := len(names)
	for _, name := range u.freevars {
		names = append(names, name)
		kinds = append(kinds, objects.FastFree)
	}
	fix := func(arg int) int {
		if arg < ncells {
			return cellOffset[arg]
		}
		return freeBase + arg - ncells
	}
	for _, b := range u.blocks {
		for i := range b.instrs {
			in := &b.instrs[i]
			switch in.op {
			case op.LOAD_DEREF, op.STORE_DEREF, op.DELETE_DEREF, op.LOAD_CLASSDEREF, op.LOAD_CLOSURE:
				in.arg = fix(in.arg)
			}
		}
	}

	// prologue
	var prefix []instr
	if len(u.freevars) > 0 {
		prefix = append(prefix, instr{op: op.COPY_FREE_VARS, arg: len(u.freevars), loc: noLoc})
	}
	if ncells > 0 {
		sorted := append([]int(nil), cellOffset...)
		for i := 1; i < len(sorted); i++ {
			for j := i; j > 0 && sorted[j] < sorted[j-1]; j-- {
				sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
			}
		}
		for _, off := range sorted {
			prefix = append(prefix, instr{op: op.MAKE_CELL, arg: off, loc: noLoc})
		}
	}
	if flags&(objects.CoGenerator|objects.CoCoroutine|objects.CoAsyncGenerator) != 0 {
		l := loc{int32(u.firstLine), int32(u.firstLine), -1, -1}
		prefix = append(prefix, instr{op: op.RETURN_GENERATOR, loc: l}, instr{op: op.POP_TOP, loc: noLoc})
	}
	if len(prefix) > 0 {
		u.entry.instrs = append(prefix, u.entry.instrs...)
	}

	c.optimizeCFG()
	c.duplicateExitsWithoutLineno()
	u.trimUnusedConsts()
	u.markReachable()
	u.propagateLineNumbers()
	u.guaranteeLinenoForExits()
	maxDepth := c.stackDepth()
	u.labelExceptions()
	for _, b := range u.layout() {
		cleanBlock(b)
	}
	u.eliminateEmptyBlocks()

	blocks := u.layout()
	// jump directions
	for i, b := range blocks {
		b.index = i
	}
	for _, b := range blocks {
		l := b.last()
		if l == nil || l.target == nil {
			continue
		}
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
				panic("compile: backward jump with forward-only opcode " + op.OpName[l.op])
			}
		}
	}

	// offsets with EXTENDED_ARG, to a fixed point
	total := 0
	for {
		off := 0
		for _, b := range blocks {
			b.offset = off
			for i := range b.instrs {
				off += instrSize(&b.instrs[i])
			}
		}
		total = off
		changed := false
		for _, b := range blocks {
			off := b.offset
			for i := range b.instrs {
				in := &b.instrs[i]
				size := instrSize(in)
				off += size
				if in.target != nil {
					var arg int
					if in.target.offset >= off {
						arg = in.target.offset - off
					} else {
						arg = off - in.target.offset
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
			break
		}
	}

	// emit code, location table and exception table (the tables into scratch buffers of the
	// compiler, copied out at their final size)
	code := c.codeBuf[:0]
	var lw op.LocationWriter
	lw.Reset(u.firstLine, c.lineBuf[:0])
	et := c.excBuf[:0]
	var handler *block
	start, ioff := 0, 0
	for _, b := range blocks {
		for i := range b.instrs {
			in := &b.instrs[i]
			size := instrSize(in)
			code = op.AppendInstr(code, uint8(in.op), in.arg)
			l := in.loc
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
	if len(code) != 2*total {
		panic("compile: code size differs from the layout")
	}
	c.codeBuf, c.lineBuf, c.excBuf = code, lw.Bytes(), et
	// co_code, co_linetable and co_exceptiontable share one allocation
	all := make([]byte, 0, len(code)+len(c.lineBuf)+len(et))
	all = append(append(append(all, code...), c.lineBuf...), et...)
	n1, n2 := len(code), len(code)+len(c.lineBuf)
	code = all[:n1:n1]
	lineTable := all[n1:n2:n2]
	excTable := all[n2:]

	lpNames := make([]*objects.Str, len(names))
	for i, n := range names {
		lpNames[i] = c.intern(n)
	}
	coNames := make([]*objects.Str, len(u.names))
	for i, n := range u.names {
		coNames[i] = c.intern(n)
	}
	// u.consts is recycled with the unit: the code object gets an exact-size copy.
	consts := append(make([]objects.Object, 0, len(u.consts)), u.consts...)
	return &objects.Code{
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
		Filename:        c.intern(c.filename),
		Name:            c.intern(u.name),
		QualName:        c.intern(qualnameOf(u)),
		FirstLineNo:     u.firstLine,
		LineTable:       lineTable,
		ExceptionTable:  excTable,
	}
}

// intern is objects.InternStr with a cache local to the compilation (no lock, a small map); with
// Options.MarshalOnly the strs are private to the compilation (objects.StrBlocks.PrivateInterned). A nil
// c (outside a compilation) interns in the process-wide table.
func (c *compiler) intern(s string) *objects.Str {
	if c == nil {
		return objects.InternStr(s)
	}
	if v, ok := c.interned[s]; ok {
		return v
	}
	var v *objects.Str
	if c.marshalOnly {
		v = c.strs.PrivateInterned(s)
	} else {
		v = objects.InternStr(s)
	}
	if c.interned == nil {
		c.interned = map[string]*objects.Str{}
	}
	c.interned[s] = v
	return v
}

func qualnameOf(u *unit) string {
	if u.qualname == "" {
		return u.name
	}
	return u.qualname
}

func pick(fwd bool, a, b int) int {
	if fwd {
		return a
	}
	return b
}

func instrSize(in *instr) int { return op.InstrSize(uint8(in.op), in.arg) }

// exceptEntry appends the exception-table entry for the code units [start, end) handled by h.
func exceptEntry(b []byte, start, end int, h *block) []byte {
	depth := h.startDepth - 1
	if h.preserveLasti {
		depth--
	}
	return op.AppendExceptionEntry(b, op.ExceptionEntry{Start: 2 * start, End: 2 * end,
		Target: 2 * h.offset, Depth: depth, Lasti: h.preserveLasti})
}
