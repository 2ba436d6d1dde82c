package compile

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

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
	node  any // (an any: see locOf)
	name  string
}

type unit struct {
	ste       *scope
	scopeType int
	name      string
	qualname  string
	private   string

	consts   []objects.Object
	constIDs []int32 // the compilation-wide id (scratch.constObjs) of each of consts; -1: a code object
	names    []string
	nameIdx  strIndex // index of names past smallScope entries (addName)
	useCur   int      // the next of the scope's symtable.uses (from its usesStart) that nameExpr expects
	varnames []string
	varIdx   strIndex // index of varnames past smallScope entries (nameIndex, indexList)
	cellvars []string
	cellIdx  map[string]int
	freevars []string
	freeIdx  map[string]int

	gen int32 // the number of the unit in its compilation (from 1)

	// constSlot finds a constant by its id: 1 + its index in consts, when constIDs confirms it
	// (entries are never cleared: a stale one, of an earlier unit or compilation, fails that
	// check). A slice index instead of a map keyed by the constant's identity.
	constSlot []int32

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
	units       int32      // the units entered so far (numbering them: unit.gen)

	filenameStr *objects.Str // c.intern(filename), made once per compilation by assemble
	chunks      codeChunks   // where assemble cuts the code objects from with MarshalOnly

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

	interned   internTable       // interned names of this compilation (intern)
	strs       objects.StrBlocks // str constants (and private interned strs) with Options.MarshalOnly
	freeScopes []*scope          // symbol-table scopes
	byNode     map[any]*scope

	constIDs  constTable       // the constants of this compilation, by value: their id
	constObjs []objects.Object // the constants of this compilation by id, the first seen of each value
	noneID    int32            // 1 + the id of None, 0 until it is used

	freeSymChunks [][]symbol // symbol-table symbols
	allScopes     []*scope   // symtable.all and symtable.stack, recycled
	keyBuf        []byte     // addConst's key encodings
	scopeStack    []*scope
	nameUses      []nameUse // symtable.uses, recycled
	nameUses2     []nameUse // symtable.groupUses's other buffer
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
	s.constIDs.reset()
	clear(s.constObjs)
	s.constObjs = s.constObjs[:0]
	s.noneID = 0
	s.interned.reset()
	if st.byNode != nil {
		s.byNode = reuse(st.byNode)
	}
	for _, c := range st.symChunks {
		clear(c)
		s.freeSymChunks = append(s.freeSymChunks, c)
	}
	// In reverse, so that the next compilation, taking the last first, gets back its scopes
	// in creation order (the module's first): a scope's slices and map keep their capacity
	// for a similar scope.
	for i := len(st.all) - 1; i >= 0; i-- {
		sc := st.all[i]
		sc.syms.reset()
		sc.directives = reuse(sc.directives)
		clear(sc.children)
		clear(sc.symList)
		*sc = scope{syms: sc.syms, directives: sc.directives, order: sc.order[:0],
			symList: sc.symList[:0], varnames: sc.varnames[:0], children: sc.children[:0]}
		s.freeScopes = append(s.freeScopes, sc)
	}
	for _, u := range s.freeUnits {
		if cap(u.constSlot) > 1<<16 {
			u.constSlot = nil // the next compilation may need far fewer
		}
	}
	clear(st.all)
	s.allScopes = st.all[:0]
	if cap(st.uses) > 1<<17 {
		s.nameUses, s.nameUses2 = nil, nil // the next compilation may need far fewer
	} else {
		clear(st.uses)
		s.nameUses = st.uses[:0]
	}
	clear(st.stack[:cap(st.stack)])
	s.scopeStack = st.stack[:0]
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

// locOf is the location of the node n. n is an any, not an ast.Node: converting an ast.Expr
// or ast.Stmt to another interface with methods is an itab lookup at every call, to any only
// a load.
func locOf(n any) loc {
	// A type switch over the node types (a few comparisons) is cheaper than the conversion
	// to ast.Positioned (an itab lookup for each of many types at one call site) and the
	// indirect Position call.
	var q *ast.Pos
	// The commonest first (each case of a small switch is one comparison).
	switch n := n.(type) {
	case *ast.Name:
		q = &n.Pos
	case *ast.Attribute:
		q = &n.Pos
	case *ast.Call:
		q = &n.Pos
	case *ast.Constant:
		q = &n.Pos
	default:
		q = posOf1(n)
		if q == nil {
			return noLoc
		}
	}
	return posLoc(q)
}

// posLoc is the location of the position *p.
func posLoc(p *ast.Pos) loc {
	return loc{int32(p.Lineno), int32(p.EndLineno), int32(p.ColOffset), int32(p.EndColOffset)}
}

// posOf1 is the position of n, nil if it has none.
func posOf1(n any) *ast.Pos {
	var q *ast.Pos
	switch n := n.(type) {
	case *ast.FunctionDef:
		q = &n.Pos
	case *ast.AsyncFunctionDef:
		q = &n.Pos
	case *ast.ClassDef:
		q = &n.Pos
	case *ast.Return:
		q = &n.Pos
	case *ast.Delete:
		q = &n.Pos
	case *ast.Assign:
		q = &n.Pos
	case *ast.AugAssign:
		q = &n.Pos
	case *ast.AnnAssign:
		q = &n.Pos
	case *ast.For:
		q = &n.Pos
	case *ast.AsyncFor:
		q = &n.Pos
	case *ast.While:
		q = &n.Pos
	case *ast.If:
		q = &n.Pos
	case *ast.With:
		q = &n.Pos
	case *ast.AsyncWith:
		q = &n.Pos
	case *ast.Match:
		q = &n.Pos
	case *ast.Raise:
		q = &n.Pos
	case *ast.Try:
		q = &n.Pos
	case *ast.TryStar:
		q = &n.Pos
	case *ast.Assert:
		q = &n.Pos
	case *ast.Import:
		q = &n.Pos
	case *ast.ImportFrom:
		q = &n.Pos
	case *ast.Global:
		q = &n.Pos
	case *ast.Nonlocal:
		q = &n.Pos
	case *ast.ExprStmt:
		q = &n.Pos
	case *ast.Pass:
		q = &n.Pos
	case *ast.Break:
		q = &n.Pos
	case *ast.Continue:
		q = &n.Pos
	case *ast.BoolOp:
		q = &n.Pos
	case *ast.NamedExpr:
		q = &n.Pos
	case *ast.BinOp:
		q = &n.Pos
	case *ast.UnaryOp:
		q = &n.Pos
	case *ast.Lambda:
		q = &n.Pos
	case *ast.IfExp:
		q = &n.Pos
	case *ast.Dict:
		q = &n.Pos
	case *ast.Set:
		q = &n.Pos
	case *ast.ListComp:
		q = &n.Pos
	case *ast.SetComp:
		q = &n.Pos
	case *ast.DictComp:
		q = &n.Pos
	case *ast.GeneratorExp:
		q = &n.Pos
	case *ast.Await:
		q = &n.Pos
	case *ast.Yield:
		q = &n.Pos
	case *ast.YieldFrom:
		q = &n.Pos
	case *ast.Compare:
		q = &n.Pos
	case *ast.Call:
		q = &n.Pos
	case *ast.FormattedValue:
		q = &n.Pos
	case *ast.JoinedStr:
		q = &n.Pos
	case *ast.Constant:
		q = &n.Pos
	case *ast.Attribute:
		q = &n.Pos
	case *ast.Subscript:
		q = &n.Pos
	case *ast.Starred:
		q = &n.Pos
	case *ast.Name:
		q = &n.Pos
	case *ast.List:
		q = &n.Pos
	case *ast.Tuple:
		q = &n.Pos
	case *ast.Slice:
		q = &n.Pos
	case *ast.ExceptHandler:
		q = &n.Pos
	case *ast.MatchValue:
		q = &n.Pos
	case *ast.MatchSingleton:
		q = &n.Pos
	case *ast.MatchSequence:
		q = &n.Pos
	case *ast.MatchMapping:
		q = &n.Pos
	case *ast.MatchClass:
		q = &n.Pos
	case *ast.MatchStar:
		q = &n.Pos
	case *ast.MatchAs:
		q = &n.Pos
	case *ast.MatchOr:
		q = &n.Pos
	case *ast.Arg:
		q = &n.Pos
	case *ast.Keyword:
		q = &n.Pos
	case *ast.Alias:
		q = &n.Pos
	default:
		if p, ok := n.(ast.Positioned); ok {
			q = p.Position()
		}
	}
	return q
}

func (c *compiler) setLoc(n any) { c.u.loc = locOf(n) }
func (c *compiler) unsetLoc()    { c.u.loc.line = -1 }

// ---- scopes ----

func (c *compiler) enterScope(name string, scopeType int, node any, firstLine int) {
	ste := c.st.scopeOf(node)
	u := c.newUnit()
	u.ste, u.scopeType, u.name, u.firstLine = ste, scopeType, name, firstLine
	u.useCur = 0
	for _, v := range ste.varnames {
		u.varnames = append(u.varnames, v)
		indexList(&u.varIdx, u.varnames)
	}
	var cells, frees []string
	if ste.closure { // (most scopes have no cell or free name to look for)
		for i, n := range ste.order {
			sym := ste.symList[i]
			if sym.scope == scopeCell {
				cells = append(cells, n)
			}
			if sym.scope == scopeFree || sym.flags&defFreeClass != 0 {
				frees = append(frees, n)
			}
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
	c.units++
	u.gen = c.units
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
	return &unit{slab: make([]instr, 0, 64)}
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
		// The constants used (constIDs is never shorter, even when consts was trimmed).
		clear(u.consts[:max(len(u.consts), len(u.constIDs))])
	}
	// The slab is not cleared: its instructions refer only to blocks, which are recycled
	// (kept alive by freeBlocks anyway), and addOp and addJump overwrite every field.
	clear(u.layoutBuf)
	// (u.work, stackBuf and arenaBuf are left as they are: they hold only blocks, which are
	// recycled and kept by freeBlocks anyway)
	clear(u.fblocks) // they refer to the tree (popFblock clears the places past the length)
	u.nameIdx.reset()
	u.varIdx.reset()
	u.cellIdx = reuse(u.cellIdx)
	u.freeIdx = reuse(u.freeIdx)
	*u = unit{
		constSlot: u.constSlot, constIDs: u.constIDs[:0], nameIdx: u.nameIdx, varIdx: u.varIdx, cellIdx: u.cellIdx, freeIdx: u.freeIdx,
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
			// one concatenation each (no intermediate string)
			if parent.scopeType == scopeFunction || parent.scopeType == scopeAsyncFunction || parent.scopeType == scopeLambda {
				u.qualname = parent.qualname + ".<locals>." + u.name
				return
			}
			if parent.qualname != "" {
				u.qualname = parent.qualname + "." + u.name
				return
			}
		}
	}
	u.qualname = u.name
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

// addOp appends the instruction o with argument arg at the current location. emit's fast
// path is repeated here, writing the instruction in place: no call of emit, no copy of the
// 40-byte instruction through it.
func (c *compiler) addOp(o int, arg int) {
	u := c.u
	if n := len(u.slab); u.cur == u.slabOwner && !u.slabClosed && n < cap(u.slab) {
		// (every field written: the slab is recycled uncleared, see releaseUnit)
		u.slab = u.slab[:n+1]
		in := &u.slab[n]
		in.op, in.arg, in.loc, in.target, in.except = int32(o), int32(arg), u.loc, nil, nil
		u.slabClosed = props(int32(o))&(fTerminator|fJump) != 0
		return
	}
	c.emitSlow(instr{op: int32(o), arg: int32(arg), loc: u.loc})
}

func (c *compiler) addOpNoLine(o int, arg int) {
	c.emit(instr{op: int32(o), arg: int32(arg), loc: noLoc})
}

func (c *compiler) addJump(o int, target *block) {
	u := c.u
	if n := len(u.slab); u.cur == u.slabOwner && !u.slabClosed && n < cap(u.slab) {
		u.slab = u.slab[:n+1] // (every field written: see addOp)
		in := &u.slab[n]
		in.op, in.arg, in.target, in.loc, in.except = int32(o), 0, target, u.loc, nil
		u.slabClosed = props(int32(o))&(fTerminator|fJump) != 0
		return
	}
	c.emitSlow(instr{op: int32(o), target: target, loc: u.loc})
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

// simpleConstKey is the key of a str, small int, float or singleton (ok false for others).
func simpleConstKey(o objects.Object) (constKeyT, bool) {
	switch v := o.(type) {
	case *objects.Str:
		return constKeyT{kind: 's', s: v.String()}, true
	case *objects.Int:
		if i, ok := v.Int64(); ok {
			return constKeyT{kind: 'i', i: uint64(i)}, true
		}
	case *objects.Float:
		return constKeyT{kind: 'f', i: math.Float64bits(v.V)}, true
	case *objects.Bool:
		if v.V {
			return constKeyT{kind: 'T'}, true
		}
		return constKeyT{kind: 'F'}, true
	}
	if o == objects.None {
		return constKeyT{kind: 'N'}, true
	}
	return constKeyT{}, false
}

// appendConstKey appends to b an encoding of the constant o's type and value.
func appendConstKey(b []byte, o objects.Object) []byte {
	switch v := o.(type) {
	case *objects.Str:
		b = append(b, 's')
		b = strconv.AppendInt(b, int64(len(v.String())), 10)
		b = append(b, ':')
		b = append(b, v.String()...)
	case *objects.Bytes:
		b = append(b, 'b')
		b = strconv.AppendInt(b, int64(len(v.B)), 10)
		b = append(b, ':')
		b = append(b, v.B...)
	case *objects.Int:
		b = append(b, 'i')
		b = append(b, v.String()...)
		b = append(b, ';')
	case *objects.Float:
		b = append(b, 'f')
		b = strconv.AppendUint(b, math.Float64bits(v.V), 16)
		b = append(b, ';')
	case *objects.Complex:
		b = append(b, 'c')
		b = strconv.AppendUint(b, math.Float64bits(real(v.V)), 16)
		b = append(b, ',')
		b = strconv.AppendUint(b, math.Float64bits(imag(v.V)), 16)
		b = append(b, ';')
	case *objects.Bool:
		if v.V {
			b = append(b, 'T')
		} else {
			b = append(b, 'F')
		}
	case *objects.Tuple:
		b = append(b, '(')
		for _, x := range v.V {
			b = appendConstKey(b, x)
		}
		b = append(b, ')')
	case *objects.FrozenSet:
		// Equal frozensets are one constant whatever their iteration order (which depends on
		// the hashes, and so may differ between equal sets built apart): the members' keys
		// are sorted, as CPython keys a frozenset by the set of its members' keys.
		keys := make([]string, 0, len(v.Items()))
		for _, x := range v.Items() {
			keys = append(keys, string(appendConstKey(nil, x)))
		}
		slices.Sort(keys)
		b = append(b, '{')
		for _, k := range keys {
			b = append(b, k...)
		}
		b = append(b, '}')
	default:
		if o == objects.None {
			b = append(b, 'N')
		} else if o == objects.Ellipsis {
			b = append(b, 'E')
		} else {
			b = fmt.Appendf(b, "p%p;", o)
		}
	}
	return b
}

func (c *compiler) addConst(o objects.Object) int {
	if _, isCode := o.(*objects.Code); isCode {
		return c.appendConst(o, -1) // each code object is a constant of its own
	}
	if o == objects.None {
		return c.addConstID(c.constNone())
	}
	k, simple := simpleConstKey(o)
	if !simple {
		// Other constants (tuples, mostly) are keyed by an encoding of their value, built
		// in a reused buffer: a string is made only for a new key.
		c.keyBuf = appendConstKey(c.keyBuf[:0], o)
		id, h := c.constIDs.findX(c.keyBuf)
		if id < 0 {
			id = c.newConstID(constKeyT{kind: 'x', s: string(c.keyBuf)}, h, o)
		}
		return c.addConstID(id)
	}
	id, h := c.constIDs.find(k)
	if id < 0 {
		id = c.newConstID(k, h, o)
	}
	return c.addConstID(id)
}

// newConstID records o, whose key k (hashing to h) is not known yet, as a constant of the compilation.
//
// Equal constants of all code objects of a module are one object (CPython's c_const_cache),
// so that marshal shares them and `is` behaves alike: the first one seen of each value. A
// unit finds its constants by that object's id (addConstID), hashing the value once.
func (c *compiler) newConstID(k constKeyT, h uint64, o objects.Object) int32 {
	id := int32(len(c.constObjs))
	c.constObjs = append(c.constObjs, o)
	c.constIDs.add(k, h, id)
	return id
}

// constTable finds a constant's id by its key: an open-addressing table of ids hashed with
// strHash (cheaper than Go maps keyed by strings, ints and constKeyT, and one table for
// all kinds), cleared for reuse by the next compilation.
type constTable struct {
	slots  []int32     // 1 + an id, 0 for an empty slot; a power of two long
	keys   []constKeyT // the key of each id
	hashes []uint64    // the hash of each key (a docstring's is not cheap to compute again)
}

// hash is the hash of k: strHash for strs and encoded keys (kind 's' and 'x'; hash/maphash
// was no faster even for docstrings), a multiplication for the others.
func (k *constKeyT) hash() uint64 {
	const prime = 0x9E3779B97F4A7C15
	if k.kind == 's' || k.kind == 'x' {
		return strHash(k.s) ^ uint64(k.kind)
	}
	h := (k.i ^ uint64(k.kind)<<56) * prime
	return h ^ h>>32
}

// find returns the id of the constant with key k, -1 if there is none, and k's hash.
func (t *constTable) find(k constKeyT) (int32, uint64) {
	h := k.hash()
	if len(t.slots) == 0 {
		return -1, h
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		p := t.slots[i]
		if p == 0 {
			return -1, h
		}
		if t.hashes[p-1] == h && t.keys[p-1] == k {
			return p - 1, h
		}
	}
}

// findX is find for the key {kind: 'x', s: string(b)}, without making the string.
func (t *constTable) findX(b []byte) (int32, uint64) {
	h := strHash(b) ^ 'x'
	if len(t.slots) == 0 {
		return -1, h
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		p := t.slots[i]
		if p == 0 {
			return -1, h
		}
		if k := &t.keys[p-1]; t.hashes[p-1] == h && k.kind == 'x' && k.s == string(b) {
			return p - 1, h
		}
	}
}

// add records id, the next id (len(t.keys)), as the constant with key k, which hashes to h
// and is not in t.
func (t *constTable) add(k constKeyT, h uint64, id int32) {
	t.keys = append(t.keys, k)
	t.hashes = append(t.hashes, h)
	if 2*len(t.keys) > len(t.slots) {
		size := max(64, 2*len(t.slots))
		if size > cap(t.slots) {
			t.slots = make([]int32, size)
		} else {
			t.slots = t.slots[:size]
			clear(t.slots)
		}
		for j := range t.keys {
			t.put(j)
		}
		return
	}
	t.put(int(id))
}

func (t *constTable) put(id int) {
	mask := uint64(len(t.slots) - 1)
	i := t.hashes[id] & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = int32(id + 1)
}

// reset empties t for reuse (dropping a big table, which every later small use would pay to
// clear, and the keys' strings).
func (t *constTable) reset() {
	if cap(t.slots) > 4*bigMap {
		t.slots = nil
	} else {
		t.slots = t.slots[:0] // (add clears it when it grows from here)
	}
	clear(t.keys)
	if cap(t.keys) > 4*bigMap {
		t.keys, t.hashes = nil, nil
	} else {
		t.keys, t.hashes = t.keys[:0], t.hashes[:0]
	}
}

// constNone is the id of None (asked for often: no map lookup).
func (c *compiler) constNone() int32 {
	if c.noneID == 0 {
		k := constKeyT{kind: 'N'}
		id, h := c.constIDs.find(k)
		if id < 0 {
			id = c.newConstID(k, h, objects.None)
		}
		c.noneID = id + 1
	}
	return c.noneID - 1
}

// addConstID returns the index in the current unit's constants of the constant with the
// given id, adding it if needed.
func (c *compiler) addConstID(id int32) int {
	u := c.u
	if int(id) < len(u.constSlot) {
		if i := int(u.constSlot[id]) - 1; i >= 0 && i < len(u.consts) && u.constIDs[i] == id {
			return i
		}
	} else {
		// (entries past the old length may be stale: harmless, as above)
		n := int(id) + 1 + 32
		u.constSlot = slices.Grow(u.constSlot, n-len(u.constSlot))[:n]
	}
	i := c.appendConst(c.constObjs[id], id)
	u.constSlot[id] = int32(i + 1)
	return i
}

func (c *compiler) appendConst(o objects.Object, id int32) int {
	u := c.u
	i := len(u.consts)
	u.consts = append(u.consts, o)
	u.constIDs = append(u.constIDs[:i], id) // consts may have been trimmed
	return i
}

// constValue is c.addConst(c.constObject(v)) without making the object when an equal
// constant is known already (the common str, int and float constants).
func (c *compiler) constValue(v ast.Value) int {
	var k constKeyT
	switch v.Kind {
	case ast.NoneKind:
		return c.addConstID(c.constNone())
	case ast.StrKind:
		k = constKeyT{kind: 's', s: v.Str}
	case ast.IntKind:
		if v.Big != nil {
			return c.addConst(c.constObject(v))
		}
		k = constKeyT{kind: 'i', i: uint64(v.Int)}
	case ast.FloatKind:
		k = constKeyT{kind: 'f', i: math.Float64bits(v.Float)}
	default:
		return c.addConst(c.constObject(v))
	}
	id, h := c.constIDs.find(k)
	if id < 0 {
		id = c.newConstID(k, h, c.constObject(v))
	}
	return c.addConstID(id)
}

// constStr is c.addConst(c.strObj(s)), likewise.
func (c *compiler) constStr(s string) int {
	k := constKeyT{kind: 's', s: s}
	id, h := c.constIDs.find(k)
	if id < 0 {
		id = c.newConstID(k, h, c.strObj(s))
	}
	return c.addConstID(id)
}

func (c *compiler) loadConst(o objects.Object) {
	c.addOp(op.LOAD_CONST, c.addConst(o))
}

func (c *compiler) addName(name string) int {
	u := c.u
	if len(u.names) > smallScope {
		if i := u.nameIdx.find(u.names, name); i >= 0 {
			return i
		}
	} else {
		for i, n := range u.names {
			if n == name {
				return i
			}
		}
	}
	u.names = append(u.names, name)
	if len(u.names) > smallScope {
		u.nameIdx.added(u.names)
	}
	return len(u.names) - 1
}

// nameIndex finds name in list (distinct names), whose index x is kept by indexList: a
// linear search while the list has at most smallScope names (cheaper than hashing), x past
// that.
func nameIndex(list []string, x strIndex, name string) (int, bool) {
	if len(list) > smallScope {
		i := x.find(list, name)
		return i, i >= 0
	}
	for i, n := range list {
		if n == name {
			return i, true
		}
	}
	return 0, false
}

// indexList updates x, the index of list, after a name was appended to list.
func indexList(x *strIndex, list []string) {
	if len(list) > smallScope {
		x.added(list)
	}
}

// addOpName emits an instruction whose argument indexes co_names, mangling the name.
func (c *compiler) addOpName(o int, name string) {
	if mayMangle(c.u.private, name) {
		name = mangleDunder(c.u.private, name)
	}
	c.addOpNameRaw(o, name)
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
	indexList(&u.varIdx, u.varnames)
	return len(u.varnames) - 1
}

// nameExpr compiles the Name node x. The symbol table resolved it already: its record of
// that (the scope's range of symtable.uses) is followed in step, which saves hashing the
// name again (99.5% of the stdlib's Names are found). The walks' orders differ here and
// there: an assignment's targets are walked before its value but compiled after it, hence
// the look behind; a node found nowhere near is looked up by name.
func (c *compiler) nameExpr(x *ast.Name) {
	// findUse's first probe, the usual hit, inline
	u := c.u
	if i := u.ste.usesStart + u.useCur; i < u.ste.usesEnd && c.st.uses[i].node == x {
		u.useCur++
		c.nameOpSym(x.Id, x.Ctx, &c.st.uses[i])
		return
	}
	c.nameOpSym(x.Id, x.Ctx, c.findUse(x, true))
}

// findUse returns the symbol table's record of x in the current scope, or nil; advance
// moves the unit's place in the records past it.
func (c *compiler) findUse(x *ast.Name, advance bool) *nameUse {
	u := c.u
	uses := c.st.uses
	start, cur := u.ste.usesStart, u.ste.usesStart+u.useCur
	for i, end := cur, min(cur+4, u.ste.usesEnd); i < end; i++ {
		if uses[i].node == x {
			if advance {
				u.useCur = i + 1 - start
			}
			return &uses[i]
		}
	}
	for i := cur - 1; i >= max(cur-8, start); i-- {
		if uses[i].node == x {
			return &uses[i]
		}
	}
	return nil
}

func (c *compiler) nameOp(name string, ctx ast.ExprContext) { c.nameOpSym(name, ctx, nil) }

// nameOpSym compiles a use of name; use, if not nil, is the symbol table's resolution of it.
func (c *compiler) nameOpSym(name string, ctx ast.ExprContext, use *nameUse) {
	u := c.u
	mangled := name
	if mayMangle(u.private, name) {
		mangled = mangleDunder(u.private, name)
	}
	if ctx >= ast.Store && name == "__debug__" { // Store or Del
		if ctx == ast.Del {
			c.error("cannot delete __debug__")
		}
		c.error("cannot assign to __debug__")
	}
	var sym *symbol
	if use != nil && len(mangled) == len(name) && use.scope == u.ste { // (mangling lengthens)
		sym = use.sym
	} else {
		sym = u.ste.sym(mangled)
	}
	sc := scopeNone
	if sym != nil {
		sc = sym.scope
	}
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
		if u.ste.typ == functionBlock {
			kind = opFast
		}
	case scopeGlobalImplicit:
		if u.ste.typ == functionBlock {
			kind = opGlobal
		}
	case scopeGlobalExplicit:
		kind = opGlobal
	}
	// The argument (a cell, varnames or names index) is the same for every use of the name
	// in the unit: the symbol keeps it, saving the lookups in the unit's tables.
	cached := sym != nil && sym.gen == u.gen
	arg := 0
	if cached {
		arg = int(sym.arg)
	}
	switch kind {
	case opDeref:
		if !cached {
			if sc == scopeCell {
				arg = u.cellIdx[mangled]
			} else {
				arg = len(u.cellvars) + u.freeIdx[mangled]
			}
		}
		switch ctx {
		case ast.Load:
			if u.ste.typ == classBlock {
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
		if !cached {
			arg = c.addVarname(mangled)
		}
		switch ctx {
		case ast.Load:
			c.addOp(op.LOAD_FAST, arg)
		case ast.Store:
			c.addOp(op.STORE_FAST, arg)
		default:
			c.addOp(op.DELETE_FAST, arg)
		}
	case opGlobal:
		if !cached {
			arg = c.addName(mangled)
		}
		switch ctx {
		case ast.Load:
			c.addOp(op.LOAD_GLOBAL, arg<<1)
		case ast.Store:
			c.addOp(op.STORE_GLOBAL, arg)
		default:
			c.addOp(op.DELETE_GLOBAL, arg)
		}
	default:
		if !cached {
			arg = c.addName(mangled)
		}
		switch ctx {
		case ast.Load:
			c.addOp(op.LOAD_NAME, arg)
		case ast.Store:
			c.addOp(op.STORE_NAME, arg)
		default:
			c.addOp(op.DELETE_NAME, arg)
		}
	}
	if sym != nil {
		sym.gen, sym.arg = u.gen, int32(arg)
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

// popFblock pops the innermost frame block, clearing its place (it refers to the tree), so
// that releaseUnit need not clear the stack's whole capacity.
func (c *compiler) popFblock() {
	fbs := c.u.fblocks
	fbs[len(fbs)-1] = fblock{}
	c.u.fblocks = fbs[:len(fbs)-1]
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
