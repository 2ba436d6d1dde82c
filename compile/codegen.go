package compile

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"gopyc/ast"
	op "gopyc/bytecode"
	"gopyc/objects"
)

// Pseudo-instructions, resolved by the flowgraph and assembler stages.
const (
	pSetupFinally = 256 + iota
	pSetupCleanup
	pSetupWith
	pPopBlock
	pJump
	pJumpNoInterrupt
	pPopJumpIfFalse
	pPopJumpIfTrue
	pPopJumpIfNone
	pPopJumpIfNotNone
)

// loc is a source range; line < 0 means "no location yet".
type loc struct {
	line, endLine, col, endCol int32
}

var noLoc = loc{-1, -1, -1, -1}

// instr is 40 bytes (int32 opcode and argument: CPython's oparg is 32 bits): the CFG passes
// walk every instruction many times.
type instr struct {
	op     int32
	arg    int32
	target *block
	loc    loc
	except *block // handler covering this instruction (set by labelExceptions)
}

type block struct {
	instrs []instr
	next   *block // layout order

	// analysis state
	predecessors  int
	visited       bool
	startDepth    int
	offset        int // in code units
	preserveLasti bool
	nops          bool // may hold NOPs (see cleanBlock)
	exceptStack   []*block
	index         int
	slabStart     int
}

func (b *block) last() *instr {
	if len(b.instrs) == 0 {
		return nil
	}
	return &b.instrs[len(b.instrs)-1]
}

// Scope types of compilation units.
const (
	scopeModule = iota
	scopeClass
	scopeFunction
	scopeAsyncFunction
	scopeLambda
	scopeComprehension
)

type fblockKind int

const (
	fbWhileLoop fblockKind = iota
	fbForLoop
	fbTryExcept
	fbFinallyTry
	fbFinallyEnd
	fbWith
	fbAsyncWith
	fbHandlerCleanup
	fbPopValue
	fbExceptionHandler
	fbExceptionGroupHandler
	fbAsyncComprehensionGenerator
)

type fblock struct {
	kind  fblockKind
	block *block
	exit  *block
	// datum: the finally body, the with statement, or the handler name
	stmts []ast.Stmt
	node  ast.Node
	name  string
}

type unit struct {
	ste       *scope
	scopeType int
	name      string
	qualname  string
	private   string

	consts   []objects.Object
	constIdx map[[2]unsafe.Pointer]int // by the identity (objKey) of the module-wide unique constant
	names    []string
	nameIdx  map[string]int // index of names past smallScope entries (nameIndex, indexed)
	varnames []string
	varIdx   map[string]int // index of varnames, likewise
	cellvars []string
	cellIdx  map[string]int
	freevars []string
	freeIdx  map[string]int

	argcount, posonly, kwonly int
	firstLine                 int

	blocks     []*block // creation order
	slab       []instr
	layoutBuf  []*block
	work       []*block // scratch work list of the CFG passes
	stackBuf   []*block // labelExceptions' handler stack
	arenaBuf   []*block // labelExceptions' snapshots of handler stacks
	slabOwner  *block
	slabClosed bool // the slab owner's last instruction ends it (see emit)
	entry      *block
	cur        *block
	loc        loc
	fblocks    []fblock
}

// compileError carries a compile-stage error (*Error or *RecursionError) up to Compile.
type compileError struct{ err error }

type compiler struct {
	filename    string
	st          *symtable
	optimize    int
	flags       int
	futureLine  int
	interactive bool
	u           *unit
	stack       []*unit
	nestLevel   int
	curIndex    int
	guard       depthGuard
	warnings    *[]Warning // nil: not collected
	marshalOnly bool       // Options.MarshalOnly

	filenameStr *objects.Str // c.intern(filename), made once per compilation by assemble

	*scratch
}

// scratch is what the compiler recycles (fewer allocations): units whose code object is
// built, with their maps, slices and blocks, reused by the next unit entered, and buffers for
// the tables. It outlives a compilation in scratchPool.
type scratch struct {
	freeUnits  []*unit
	codeBuf    []byte // scratch co_code
	lineBuf    []byte // scratch location table
	excBuf     []byte // scratch exception table
	freeBlocks []*block
	blockChunk []block // blocks are carved from chunks

	constCache map[constKeyT]objects.Object // the constants of this compilation, by value
	interned   map[string]*objects.Str      // interned names of this compilation
	strs       objects.StrBlocks            // str constants (and private interned strs) with Options.MarshalOnly
	freeScopes []*scope                     // symbol-table scopes
	byNode     map[ast.Node]*scope
}

// bigMap is the number of entries above which a recycled map is replaced by a new one instead
// of cleared: clearing costs the map's capacity, which every later small use would pay again.
const bigMap = 512

// reuse returns m cleared, or a new empty map when m grew past bigMap (nil stays nil).
func reuse[K comparable, V any](m map[K]V) map[K]V {
	if len(m) > bigMap {
		return make(map[K]V)
	}
	clear(m)
	return m
}

// release makes s ready for the next compilation, taking back the scopes of st.
func (s *scratch) release(st *symtable) {
	s.constCache = reuse(s.constCache)
	s.interned = reuse(s.interned)
	s.byNode = reuse(s.byNode)
	for _, sc := range st.all {
		sc.syms = reuse(sc.syms)
		sc.directives = reuse(sc.directives)
		clear(sc.children)
		clear(sc.symList)
		*sc = scope{syms: sc.syms, directives: sc.directives, order: sc.order[:0],
			symList: sc.symList[:0], varnames: sc.varnames[:0], children: sc.children[:0]}
		s.freeScopes = append(s.freeScopes, sc)
	}
}

var scratchPool sync.Pool

func (c *compiler) errorAt(msg string, l loc) {
	p := ast.Pos{Lineno: int(l.line), ColOffset: int(l.col), EndLineno: int(l.endLine), EndColOffset: int(l.endCol)}
	if l.line < 0 {
		p = ast.Pos{}
	}
	panic(compileError{newError(msg, c.filename, p)})
}

func (c *compiler) error(msg string) { c.errorAt(msg, c.u.loc) }

func locOf(n ast.Node) loc {
	p, ok := n.(ast.Positioned)
	if !ok {
		return noLoc
	}
	q := p.Position()
	return loc{int32(q.Lineno), int32(q.EndLineno), int32(q.ColOffset), int32(q.EndColOffset)}
}

func (c *compiler) setLoc(n ast.Node) { c.u.loc = locOf(n) }
func (c *compiler) unsetLoc()         { c.u.loc.line = -1 }

// ---- scopes ----

func (c *compiler) enterScope(name string, scopeType int, node ast.Node, firstLine int) {
	ste := c.st.byNode[node]
	u := c.newUnit()
	u.ste, u.scopeType, u.name, u.firstLine = ste, scopeType, name, firstLine
	for _, v := range ste.varnames {
		u.varnames = append(u.varnames, v)
		u.varIdx = indexed(u.varIdx, u.varnames)
	}
	var cells, frees []string
	for i, n := range ste.order {
		sym := ste.symList[i]
		if sym.scope == scopeCell {
			cells = append(cells, n)
		}
		if sym.scope == scopeFree || sym.flags&defFreeClass != 0 {
			frees = append(frees, n)
		}
	}
	sortStrings(cells)
	sortStrings(frees)
	if ste.needsClassClosure {
		cells = append(cells, "__class__")
	}
	if len(cells) > 0 && u.cellIdx == nil {
		u.cellIdx = make(map[string]int, len(cells))
	}
	if len(frees) > 0 && u.freeIdx == nil {
		u.freeIdx = make(map[string]int, len(frees))
	}
	for _, n := range cells {
		u.cellIdx[n] = len(u.cellvars)
		u.cellvars = append(u.cellvars, n)
	}
	for _, n := range frees {
		u.freeIdx[n] = len(u.freevars)
		u.freevars = append(u.freevars, n)
	}
	if c.u != nil {
		u.private = c.u.private
		c.stack = append(c.stack, c.u)
	}
	c.u = u
	c.nestLevel++
	u.entry = c.newBlock()
	u.cur = u.entry
	u.loc = loc{int32(firstLine), int32(firstLine), 0, 0}
	if scopeType == scopeModule {
		u.loc = loc{0, 1, 0, 0}
	} else {
		c.setQualname()
	}
	c.addOp(op.RESUME, 0)
	if scopeType == scopeModule {
		u.loc.line = -1
	}
}

// newUnit returns an empty unit, recycled when one is free.
func (c *compiler) newUnit() *unit {
	if n := len(c.freeUnits); n > 0 {
		u := c.freeUnits[n-1]
		c.freeUnits = c.freeUnits[:n-1]
		return u
	}
	return &unit{constIdx: map[[2]unsafe.Pointer]int{},
		slab: make([]instr, 0, 64)}
}

// releaseUnit recycles u, whose code object has been built: nothing refers to its blocks,
// maps and slices any more (the code object has a copy of the constants).
func (c *compiler) releaseUnit(u *unit) {
	for _, b := range u.blocks {
		*b = block{}
	}
	c.freeBlocks = append(c.freeBlocks, u.blocks...)
	if cap(u.consts) > bigMap {
		u.consts = nil
	} else {
		clear(u.consts[:cap(u.consts)])
	}
	clear(u.slab)
	clear(u.layoutBuf)
	clear(u.work[:cap(u.work)])
	clear(u.fblocks[:cap(u.fblocks)]) // they refer to the tree
	u.constIdx = reuse(u.constIdx)
	u.nameIdx = reuse(u.nameIdx)
	u.varIdx = reuse(u.varIdx)
	u.cellIdx = reuse(u.cellIdx)
	u.freeIdx = reuse(u.freeIdx)
	*u = unit{
		constIdx: u.constIdx, nameIdx: u.nameIdx, varIdx: u.varIdx, cellIdx: u.cellIdx, freeIdx: u.freeIdx,
		consts: u.consts[:0], names: u.names[:0], varnames: u.varnames[:0], cellvars: u.cellvars[:0], freevars: u.freevars[:0],
		blocks: u.blocks[:0], slab: u.slab[:0], layoutBuf: u.layoutBuf[:0], fblocks: u.fblocks[:0],
		work: u.work[:0], stackBuf: u.stackBuf[:0], arenaBuf: u.arenaBuf[:0],
	}
	c.freeUnits = append(c.freeUnits, u)
}

func (c *compiler) exitScope() {
	c.nestLevel--
	c.releaseUnit(c.u)
	if n := len(c.stack); n > 0 {
		c.u = c.stack[n-1]
		c.stack = c.stack[:n-1]
	} else {
		c.u = nil
	}
}

func (c *compiler) setQualname() {
	u := c.u
	base := ""
	if n := len(c.stack); n > 1 {
		parent := c.stack[n-1]
		force := false
		if u.scopeType == scopeFunction || u.scopeType == scopeAsyncFunction || u.scopeType == scopeClass {
			m := mangle(parent.private, u.name)
			if parent.ste.scopeOf(m) == scopeGlobalExplicit {
				force = true
			}
		}
		if !force {
			if parent.scopeType == scopeFunction || parent.scopeType == scopeAsyncFunction || parent.scopeType == scopeLambda {
				base = parent.qualname + ".<locals>"
			} else {
				base = parent.qualname
			}
		}
	}
	if base != "" {
		u.qualname = base + "." + u.name
	} else {
		u.qualname = u.name
	}
}

// ---- blocks and instructions ----

func (c *compiler) newBlock() *block {
	var b *block
	if n := len(c.freeBlocks); n > 0 {
		b = c.freeBlocks[n-1]
		c.freeBlocks = c.freeBlocks[:n-1]
	} else {
		if len(c.blockChunk) == 0 {
			c.blockChunk = make([]block, 64)
		}
		b = &c.blockChunk[0]
		c.blockChunk = c.blockChunk[1:]
	}
	c.u.blocks = append(c.u.blocks, b)
	return b
}

// useNext makes b the current block, placed after the current one in layout order.
func (c *compiler) useNext(b *block) {
	c.u.cur.next = b
	c.u.cur = b
}

// isJumpOp and isBlockPush look the opcode up in opProps (flowgraph.go).
func isJumpOp(o int32) bool { return props(o)&fJump != 0 }

func isBlockPush(o int32) bool { return props(o)&fBlockPush != 0 }

// emit appends in to the current block. Instructions of the block being written live at the
// end of one per-unit slab (fewer allocations): the fast path only appends to the slab; the block's instrs slice catches up (syncSlab) when another block
// takes the slab and before assemble reads the unit. A block's slice is capped, so appending
// to it later copies it out.
func (c *compiler) emit(in instr) {
	u := c.u
	if u.cur != u.slabOwner || u.slabClosed {
		c.emitSlow(in)
		return
	}
	u.slab = append(u.slab, in)
	u.slabClosed = props(in.op)&(fTerminator|fJump) != 0
}

// emitSlow is emit when the current block does not own the slab or its last instruction
// ends it (a jump or terminator: the instruction goes to a new block).
func (c *compiler) emitSlow(in instr) {
	u := c.u
	u.syncSlab()
	b := u.cur
	if l := b.last(); l != nil && props(l.op)&(fTerminator|fJump) != 0 {
		nb := c.newBlock()
		c.useNext(nb)
		b = nb
	}
	if u.slabOwner != b {
		if len(b.instrs) > 0 {
			b.instrs = append(b.instrs, in)
			return
		}
		u.slabOwner = b
		b.slabStart = len(u.slab)
	}
	u.slab = append(u.slab, in)
	u.slabClosed = props(in.op)&(fTerminator|fJump) != 0
	u.syncSlab()
}

// syncSlab brings the instrs of the block owning the slab up to date with the slab.
func (u *unit) syncSlab() {
	if b := u.slabOwner; b != nil {
		n := len(u.slab)
		b.instrs = u.slab[b.slabStart:n:n]
	}
}

func (c *compiler) addOp(o int, arg int) {
	c.emit(instr{op: int32(o), arg: int32(arg), loc: c.u.loc})
}

func (c *compiler) addOpNoLine(o int, arg int) {
	c.emit(instr{op: int32(o), arg: int32(arg), loc: noLoc})
}

func (c *compiler) addJump(o int, target *block) {
	c.emit(instr{op: int32(o), target: target, loc: c.u.loc})
}

func (c *compiler) addJumpNoLine(o int, target *block) {
	c.emit(instr{op: int32(o), target: target, loc: noLoc})
}

// nextBlock starts a new block that the current one falls into.
func (c *compiler) nextBlock() {
	b := c.newBlock()
	c.useNext(b)
}

// ---- constants and names ----

// constKeyT identifies a constant by type and value (CPython's _PyCode_ConstantKey): strings,
// small ints, floats and singletons without allocating, other constants by an encoding of
// their value (kind 'x').
type constKeyT struct {
	kind byte
	i    uint64
	s    string
}

func constKey(o objects.Object) constKeyT {
	switch v := o.(type) {
	case *objects.Str:
		return constKeyT{kind: 's', s: v.String()}
	case *objects.Int:
		if i, ok := v.Int64(); ok {
			return constKeyT{kind: 'i', i: uint64(i)}
		}
	case *objects.Float:
		return constKeyT{kind: 'f', i: math.Float64bits(v.V)}
	case *objects.Bool:
		if v.V {
			return constKeyT{kind: 'T'}
		}
		return constKeyT{kind: 'F'}
	}
	if o == objects.None {
		return constKeyT{kind: 'N'}
	}
	var sb strings.Builder
	sb.Grow(64)
	writeConstKey(&sb, o)
	return constKeyT{kind: 'x', s: sb.String()}
}

func writeConstKey(sb *strings.Builder, o objects.Object) {
	switch v := o.(type) {
	case *objects.Str:
		sb.WriteString("s")
		sb.WriteString(strconv.Itoa(len(v.String())))
		sb.WriteString(":")
		sb.WriteString(v.String())
	case *objects.Bytes:
		sb.WriteString("b")
		sb.WriteString(strconv.Itoa(len(v.B)))
		sb.WriteString(":")
		sb.Write(v.B)
	case *objects.Int:
		sb.WriteString("i")
		sb.WriteString(v.String())
		sb.WriteString(";")
	case *objects.Float:
		fmt.Fprintf(sb, "f%x;", math.Float64bits(v.V))
	case *objects.Complex:
		fmt.Fprintf(sb, "c%x,%x;", math.Float64bits(real(v.V)), math.Float64bits(imag(v.V)))
	case *objects.Bool:
		if v.V {
			sb.WriteString("T")
		} else {
			sb.WriteString("F")
		}
	case *objects.Tuple:
		sb.WriteString("(")
		for _, x := range v.V {
			writeConstKey(sb, x)
		}
		sb.WriteString(")")
	case *objects.FrozenSet:
		// Equal frozensets are one constant whatever their iteration order (which depends on
		// the hashes, and so may differ between equal sets built apart): the members' keys
		// are sorted, as CPython keys a frozenset by the set of its members' keys.
		keys := make([]string, 0, len(v.Items()))
		for _, x := range v.Items() {
			var kb strings.Builder
			writeConstKey(&kb, x)
			keys = append(keys, kb.String())
		}
		slices.Sort(keys)
		sb.WriteString("{")
		for _, k := range keys {
			sb.WriteString(k)
		}
		sb.WriteString("}")
	default:
		if o == objects.None {
			sb.WriteString("N")
		} else if o == objects.Ellipsis {
			sb.WriteString("E")
		} else {
			fmt.Fprintf(sb, "p%p;", o)
		}
	}
}

func (c *compiler) addConst(o objects.Object) int {
	// Equal constants of all code objects of a module are one object (CPython's
	// c_const_cache), so that marshal shares them and `is` behaves alike; a unit then finds
	// its constants by that object's address, hashing the value once.
	p := objKey(o)
	if i, ok := c.u.constIdx[p]; ok { // o itself is already one (None, an interned name...)
		return i
	}
	if _, isCode := o.(*objects.Code); !isCode {
		k := constKey(o)
		if c.constCache == nil {
			c.constCache = map[constKeyT]objects.Object{}
		}
		if cached, ok := c.constCache[k]; ok {
			o = cached
			p = objKey(o)
			if i, ok := c.u.constIdx[p]; ok {
				return i
			}
		} else {
			c.constCache[k] = o
		}
	}
	i := len(c.u.consts)
	c.u.consts = append(c.u.consts, o)
	c.u.constIdx[p] = i
	return i
}

// objKey is the identity of the object o: its dynamic type and address (the address alone
// would not do: None and Ellipsis are zero-sized, and Go may give them the same address).
func objKey(o objects.Object) [2]unsafe.Pointer {
	return *(*[2]unsafe.Pointer)(unsafe.Pointer(&o))
}

func (c *compiler) loadConst(o objects.Object) {
	c.addOp(op.LOAD_CONST, c.addConst(o))
}

func (c *compiler) addName(name string) int {
	u := c.u
	if i, ok := nameIndex(u.names, u.nameIdx, name); ok {
		return i
	}
	u.names = append(u.names, name)
	u.nameIdx = indexed(u.nameIdx, u.names)
	return len(u.names) - 1
}

// nameIndex finds name in list (distinct names), whose index m is kept by indexed: a linear
// search while the list has at most smallScope names (cheaper than hashing), m past that.
func nameIndex(list []string, m map[string]int, name string) (int, bool) {
	if len(list) > smallScope {
		i, ok := m[name]
		return i, ok
	}
	for i, n := range list {
		if n == name {
			return i, true
		}
	}
	return 0, false
}

// indexed updates m, the index of list, after a name was appended to list; it returns m.
func indexed(m map[string]int, list []string) map[string]int {
	switch n := len(list); {
	case n == smallScope+1:
		if m == nil {
			m = make(map[string]int, 2*n)
		}
		for i, s := range list {
			m[s] = i
		}
	case n > smallScope+1:
		m[list[n-1]] = n - 1
	}
	return m
}

// addOpName emits an instruction whose argument indexes co_names, mangling the name.
func (c *compiler) addOpName(o int, name string) {
	c.addOpNameRaw(o, mangle(c.u.private, name))
}

func (c *compiler) addOpNameRaw(o int, name string) {
	arg := c.addName(name)
	if o == op.LOAD_GLOBAL {
		arg <<= 1
	}
	c.addOp(o, arg)
}

func (c *compiler) addVarname(name string) int {
	u := c.u
	if i, ok := nameIndex(u.varnames, u.varIdx, name); ok {
		return i
	}
	u.varnames = append(u.varnames, name)
	u.varIdx = indexed(u.varIdx, u.varnames)
	return len(u.varnames) - 1
}

func (c *compiler) nameOp(name string, ctx ast.ExprContext) {
	mangled := mangle(c.u.private, name)
	if ctx == ast.Del && name == "__debug__" {
		c.error("cannot delete __debug__")
	}
	if ctx == ast.Store && name == "__debug__" {
		c.error("cannot assign to __debug__")
	}
	sc := c.u.ste.scopeOf(mangled)
	const (
		opName = iota
		opFast
		opGlobal
		opDeref
	)
	kind := opName
	switch sc {
	case scopeFree, scopeCell:
		kind = opDeref
	case scopeLocal:
		if c.u.ste.typ == functionBlock {
			kind = opFast
		}
	case scopeGlobalImplicit:
		if c.u.ste.typ == functionBlock {
			kind = opGlobal
		}
	case scopeGlobalExplicit:
		kind = opGlobal
	}
	switch kind {
	case opDeref:
		arg := 0
		if sc == scopeCell {
			arg = c.u.cellIdx[mangled]
		} else {
			arg = len(c.u.cellvars) + c.u.freeIdx[mangled]
		}
		switch ctx {
		case ast.Load:
			if c.u.ste.typ == classBlock {
				c.addOp(op.LOAD_CLASSDEREF, arg)
			} else {
				c.addOp(op.LOAD_DEREF, arg)
			}
		case ast.Store:
			c.addOp(op.STORE_DEREF, arg)
		default:
			c.addOp(op.DELETE_DEREF, arg)
		}
	case opFast:
		arg := c.addVarname(mangled)
		switch ctx {
		case ast.Load:
			c.addOp(op.LOAD_FAST, arg)
		case ast.Store:
			c.addOp(op.STORE_FAST, arg)
		default:
			c.addOp(op.DELETE_FAST, arg)
		}
	case opGlobal:
		switch ctx {
		case ast.Load:
			c.addOpNameRaw(op.LOAD_GLOBAL, mangled)
		case ast.Store:
			c.addOpNameRaw(op.STORE_GLOBAL, mangled)
		default:
			c.addOpNameRaw(op.DELETE_GLOBAL, mangled)
		}
	default:
		switch ctx {
		case ast.Load:
			c.addOpNameRaw(op.LOAD_NAME, mangled)
		case ast.Store:
			c.addOpNameRaw(op.STORE_NAME, mangled)
		default:
			c.addOpNameRaw(op.DELETE_NAME, mangled)
		}
	}
}

// ---- frame blocks ----

const maxBlocks = 20

func (c *compiler) pushFblock(kind fblockKind, b, exit *block) *fblock {
	if len(c.u.fblocks) >= maxBlocks {
		c.error("too many statically nested blocks")
	}
	c.u.fblocks = append(c.u.fblocks, fblock{kind: kind, block: b, exit: exit})
	return &c.u.fblocks[len(c.u.fblocks)-1]
}

func (c *compiler) popFblock() {
	c.u.fblocks = c.u.fblocks[:len(c.u.fblocks)-1]
}

func sortStrings(s []string) {
	// insertion sort is fine for the handful of names involved; keeps imports minimal
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// ---- constant conversion ----

// constObject is the constant object for v, outside a compilation (identifier-like strs are
// interned in the process-wide table).
func constObject(v ast.Value) objects.Object { return (*compiler)(nil).constObject(v) }

// constObject is the constant object for v; identifier-like strs are interned (c.intern).
func (c *compiler) constObject(v ast.Value) objects.Object {
	switch v.Kind {
	case ast.NoneKind:
		return objects.None
	case ast.BoolKind:
		return objects.NewBool(v.Int != 0)
	case ast.EllipsisKind:
		return objects.Ellipsis
	case ast.IntKind:
		if v.Big != nil {
			return objects.NewIntBig(v.Big)
		}
		return objects.NewInt(v.Int)
	case ast.FloatKind:
		return objects.NewFloat(v.Float)
	case ast.ComplexKind:
		return objects.NewComplex(complex(v.Float, v.Imag))
	case ast.StrKind:
		if isIdentifierLike(v.Str) {
			return c.intern(v.Str)
		}
		if c != nil && c.marshalOnly {
			return c.strs.New(v.Str)
		}
		return objects.NewStr(v.Str)
	case ast.BytesKind:
		return objects.NewBytes([]byte(v.Str))
	case ast.TupleKind:
		items := make([]objects.Object, len(v.Elts))
		for i, e := range v.Elts {
			items[i] = c.constObject(e)
		}
		return objects.NewTuple(items)
	case ast.FrozensetKind:
		items := make([]objects.Object, len(v.Elts))
		for i, e := range v.Elts {
			items[i] = c.constObject(e)
		}
		fs, err := objects.NewFrozenSetConst(items)
		if err != nil {
			panic(err)
		}
		return fs
	}
	panic("compile: bad constant kind")
}

func isIdentifierLike(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9') {
			return false
		}
	}
	return true
}

// strObj is the interned str s as a constant.
func (c *compiler) strObj(s string) objects.Object { return c.intern(s) }
