package compile

import (
	op "gopyc/bytecode"
	"gopyc/objects"
)

// co_flags bits (CPython's values; coCoroutine and coAsyncGenerator are wrong
// in the objects package at the time of writing: CO_COROUTINE is 0x80, CO_ASYNC_GENERATOR 0x200).
const (
	coOptimized      = 0x1
	coNewLocals      = 0x2
	coVarArgs        = 0x4
	coVarKeywords    = 0x8
	coNested         = 0x10
	coGenerator      = 0x20
	coCoroutine      = 0x80
	coAsyncGenerator = 0x200
)

func (c *compiler) codeFlags() int {
	ste := c.u.ste
	flags := 0
	if ste.typ == functionBlock {
		flags |= coNewLocals | coOptimized
		if ste.nested {
			flags |= coNested
		}
		switch {
		case ste.generator && !ste.coroutine:
			flags |= coGenerator
		case !ste.generator && ste.coroutine:
			flags |= coCoroutine
		case ste.generator && ste.coroutine:
			flags |= coAsyncGenerator
		}
		if ste.varargs {
			flags |= coVarArgs
		}
		if ste.varkeywords {
			flags |= coVarKeywords
		}
	}
	flags |= c.flags & futureMask
	if c.isTopLevelAwait() && ste.coroutine && !ste.generator {
		flags |= coCoroutine
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
		if vi, ok := u.varIdx[name]; ok {
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
	if flags&(coGenerator|coCoroutine|coAsyncGenerator) != 0 {
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
	for {
		off := 0
		for _, b := range blocks {
			b.offset = off
			for i := range b.instrs {
				off += instrSize(&b.instrs[i])
			}
		}
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

	// emit code and location table
	var code []byte
	lw := locWriter{line: u.firstLine}
	for _, b := range blocks {
		for i := range b.instrs {
			in := &b.instrs[i]
			code = emitInstr(code, in)
			lw.emit(in.loc, instrSize(in))
		}
	}

	// exception table
	var et []byte
	var handler *block
	start, ioff := 0, 0
	for _, b := range blocks {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.except != handler {
				if handler != nil {
					et = exceptEntry(et, start, ioff, handler)
				}
				start = ioff
				handler = in.except
			}
			ioff += instrSize(in)
		}
	}
	if handler != nil {
		et = exceptEntry(et, start, ioff, handler)
	}

	lpNames := make([]*objects.Str, len(names))
	for i, n := range names {
		lpNames[i] = objects.InternStr(n)
	}
	coNames := make([]*objects.Str, len(u.names))
	for i, n := range u.names {
		coNames[i] = objects.InternStr(n)
	}
	consts := u.consts
	if consts == nil {
		consts = []objects.Object{}
	}
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
		Filename:        objects.InternStr(c.filename),
		Name:            objects.InternStr(u.name),
		QualName:        objects.InternStr(qualnameOf(u)),
		FirstLineNo:     u.firstLine,
		LineTable:       lw.buf,
		ExceptionTable:  et,
	}
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

// oparg is the argument as encoded: opcodes without an argument get 0 whatever arg holds
// (NOPs made from other instructions keep theirs).
func oparg(in *instr) int {
	if in.op < op.HAVE_ARGUMENT {
		return 0
	}
	return in.arg
}

func instrSize(in *instr) int {
	n := 1
	arg := oparg(in)
	switch {
	case arg > 0xFFFFFF:
		n = 4
	case arg > 0xFFFF:
		n = 3
	case arg > 0xFF:
		n = 2
	}
	return n + op.CacheEntries[in.op]
}

func emitInstr(code []byte, in *instr) []byte {
	arg := oparg(in)
	if arg > 0xFFFFFF {
		code = append(code, op.EXTENDED_ARG, byte(arg>>24))
	}
	if arg > 0xFFFF {
		code = append(code, op.EXTENDED_ARG, byte(arg>>16))
	}
	if arg > 0xFF {
		code = append(code, op.EXTENDED_ARG, byte(arg>>8))
	}
	code = append(code, byte(in.op), byte(arg))
	for i := 0; i < op.CacheEntries[in.op]; i++ {
		code = append(code, op.CACHE, 0)
	}
	return code
}

// ---- exception table ----

func exceptItem(b []byte, v int, msb byte) []byte {
	if v >= 1<<24 {
		b = append(b, byte(v>>24)|0x40|msb)
		msb = 0
	}
	if v >= 1<<18 {
		b = append(b, byte((v>>18)&0x3f)|0x40|msb)
		msb = 0
	}
	if v >= 1<<12 {
		b = append(b, byte((v>>12)&0x3f)|0x40|msb)
		msb = 0
	}
	if v >= 1<<6 {
		b = append(b, byte((v>>6)&0x3f)|0x40|msb)
		msb = 0
	}
	return append(b, byte(v&0x3f)|msb)
}

func exceptEntry(b []byte, start, end int, h *block) []byte {
	depth := h.startDepth - 1
	lasti := 0
	if h.preserveLasti {
		depth--
		lasti = 1
	}
	b = exceptItem(b, start, 0x80)
	b = exceptItem(b, end-start, 0)
	b = exceptItem(b, h.offset, 0)
	return exceptItem(b, depth<<1|lasti, 0)
}

// ---- location table (PEP 657 format of 3.11) ----

type locWriter struct {
	buf  []byte
	line int
}

func (w *locWriter) varint(v int) {
	for v >= 64 {
		w.buf = append(w.buf, byte(0x40|(v&0x3f)))
		v >>= 6
	}
	w.buf = append(w.buf, byte(v))
}

func (w *locWriter) svarint(v int) {
	if v < 0 {
		w.varint((-v)<<1 | 1)
	} else {
		w.varint(v << 1)
	}
}

func (w *locWriter) emit(l loc, size int) {
	for size > 8 {
		w.entry(l, 8)
		size -= 8
	}
	w.entry(l, size)
}

func (w *locWriter) entry(l loc, size int) {
	first := func(code int) { w.buf = append(w.buf, byte(0x80|code<<3|(size-1))) }
	if l.line < 0 {
		first(15)
		return
	}
	line, endLine := int(l.line), int(l.endLine)
	delta := line - w.line
	col, endCol := int(l.col), int(l.endCol)
	if col < 0 || endCol < 0 {
		if endLine == line || endLine == -1 {
			first(13)
			w.svarint(delta)
			w.line = line
			return
		}
	} else if endLine == line {
		if delta == 0 && col < 80 && endCol-col < 16 && endCol >= col {
			first(col / 8)
			w.buf = append(w.buf, byte((col%8)<<4|(endCol-col)))
			return
		}
		if delta >= 0 && delta < 3 && col < 128 && endCol < 128 {
			first(10 + delta)
			w.buf = append(w.buf, byte(col), byte(endCol))
			w.line = line
			return
		}
	}
	first(14)
	w.svarint(delta)
	w.varint(endLine - line)
	w.varint(col + 1)
	w.varint(endCol + 1)
	w.line = line
}
