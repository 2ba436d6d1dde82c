package compile

import (
	"slices"
	"strings"

	"gopyc/ast"
)

// Symbol flags, recorded while walking a scope's body.
const (
	defGlobal    = 1 << iota // explicit global statement
	defLocal                 // assignment in the block
	defParam                 // formal parameter
	defNonlocal              // nonlocal statement
	defUse                   // name is used
	defFree                  // name used but not defined in the nested block
	defFreeClass             // free variable from a class's method
	defImport                // assignment by import
	defAnnot                 // annotated name
	defCompIter              // comprehension iteration variable
)

const defBound = defLocal | defParam | defImport

// Scopes, the result of the analysis.
const (
	scopeNone = iota
	scopeLocal
	scopeGlobalExplicit
	scopeGlobalImplicit
	scopeFree
	scopeCell
)

type blockType uint8

const (
	functionBlock blockType = iota
	classBlock
	moduleBlock
	annotationBlock
)

type compKind uint8

const (
	compNone compKind = iota
	compList
	compSet
	compDict
	compGen
)

type symbol struct {
	flags int
	scope int
	// the argument of the name's instructions in the unit numbered gen (compiler.nameOp)
	gen, arg int32
	// whether the module binds the name by an import (compiler.isImportOriginated), once
	// known: 0 unknown, 1 no, 2 yes
	topImport int8
}

// scope is one symbol-table entry: a module, class, function, lambda, comprehension or
// (with "from __future__ import annotations") annotation block.
type scope struct {
	name     string
	typ      blockType
	node     any // the tree node (an any: see locOf)
	pos      ast.Pos
	order    []string  // symbol names in insertion order (CPython's dict order)
	symList  []*symbol // their symbols, parallel to order
	syms     strIndex  // index of order, kept once there are more than smallScope symbols
	varnames []string  // parameters, in order
	// symtable.uses[usesStart:usesEnd] are the Name nodes resolved in this scope
	usesStart, usesEnd int
	children           []*scope
	parent             *scope

	nested, generator, coroutine, varargs, varkeywords bool
	needsClassClosure                                  bool
	closure                                            bool // has cell or free names (or defFreeClass ones)
	comprehension                                      compKind
	compIterTarget                                     bool
	compIterExpr                                       int
	returnsValue                                       bool
	directives                                         map[string]ast.Pos
}

// nameUse records that the symbol table resolved the Name node, whose name is not mangled,
// to sym in scope: the code generator, visiting the same nodes in nearly the same order,
// takes the symbol from here instead of looking the name up a second time.
type nameUse struct {
	node  *ast.Name
	scope *scope
	sym   *symbol
}

// smallScope is the number of symbols up to which a scope finds a name by a linear search
// (most function scopes: cheaper than hashing); past it, syms indexes them.
const smallScope = 8

// sym returns the symbol of name, or nil.
func (s *scope) sym(name string) *symbol {
	if len(s.order) > smallScope {
		if i := s.syms.find(s.order, name); i >= 0 {
			return s.symList[i]
		}
		return nil
	}
	for i, n := range s.order {
		if n == name {
			return s.symList[i]
		}
	}
	return nil
}

// add records a new symbol (name has none yet).
func (s *scope) add(name string, sym *symbol) {
	s.order = append(s.order, name)
	s.symList = append(s.symList, sym)
	if len(s.order) > smallScope {
		s.syms.added(s.order)
	}
}

// strIndex indexes a list of distinct strings by hash: an open-addressing table of
// positions in the list, for lists past smallScope entries. Cheaper than a Go map for these
// short names (one hash, a probe or two, no map machinery), and cleared for reuse.
type strIndex struct {
	slots []int32 // 1 + a position in the list, 0 for an empty slot; a power of two long
}

// strHash hashes s (a string, or bytes as a string) eight bytes at a time, FNV-1a style: cheaper than hash/maphash for short
// names. The last 1-8 bytes are one word, from two loads that may overlap (the length is in
// the hash already): no byte loop, whose mispredicted exit cost more than the rest for short
// names. The high half is folded into the low bits, which index the tables.
func strHash[S string | []byte](s S) uint64 {
	const prime = 0x9E3779B97F4A7C15
	n := len(s)
	h := uint64(n) * prime
	var w uint64
	switch {
	case n > 8:
		for t := s; len(t) > 8; t = t[8:] {
			h = (h ^ load64(t)) * prime
		}
		w = load64(s[n-8:])
	case n == 8:
		w = load64(s)
	case n >= 4:
		w = uint64(load32(s)) | uint64(load32(s[n-4:]))<<32
	case n >= 2:
		w = uint64(load16(s)) | uint64(load16(s[n-2:]))<<16
	case n == 1:
		w = uint64(s[0])
	default:
		return h ^ h>>32
	}
	h = (h ^ w) * prime
	return h ^ h>>32
}

// load64, load32 and load16 read the first bytes of s little-endian (the compiler makes
// each one load).
func load64[S string | []byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32[S string | []byte](s S) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func load16[S string | []byte](s S) uint16 {
	_ = s[1]
	return uint16(s[0]) | uint16(s[1])<<8
}

// find returns the position of name in list, -1 if absent.
func (x *strIndex) find(list []string, name string) int {
	mask := uint64(len(x.slots) - 1)
	for i := strHash(name) & mask; ; i = (i + 1) & mask {
		p := x.slots[i]
		if p == 0 {
			return -1
		}
		if list[p-1] == name {
			return int(p - 1)
		}
	}
}

// added indexes list[len(list)-1], just appended (the whole list when it has just grown
// past smallScope, or when the table is half full).
func (x *strIndex) added(list []string) {
	n := len(list)
	if n == smallScope+1 || 2*n > len(x.slots) {
		size := 16 * smallScope // (rehashing as the list grows cost more than clearing a bigger table)
		for size < 4*n {
			size *= 2
		}
		if size > cap(x.slots) {
			x.slots = make([]int32, size)
		} else {
			x.slots = x.slots[:size]
			clear(x.slots)
		}
		for i := range list {
			x.put(list, i)
		}
		return
	}
	x.put(list, n-1)
}

func (x *strIndex) put(list []string, pos int) {
	mask := uint64(len(x.slots) - 1)
	i := strHash(list[pos]) & mask
	for x.slots[i] != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = int32(pos + 1)
}

// reset empties x for reuse (dropping a big table, which every later small use would pay
// to clear).
func (x *strIndex) reset() {
	if cap(x.slots) > 4*bigMap {
		x.slots = nil
	} else {
		x.slots = x.slots[:0]
	}
}

func (s *scope) lookup(name string) int {
	if sym := s.sym(name); sym != nil {
		return sym.flags
	}
	return 0
}

func (s *scope) scopeOf(name string) int {
	if sym := s.sym(name); sym != nil {
		return sym.scope
	}
	return scopeNone
}

// symtable builds the scopes of a module.
type symtable struct {
	filename string
	top      *scope
	cur      *scope
	stack    []*scope
	private  string
	futures  int
	byNode   map[any]*scope // the scopes by node, made only if scopeOf needs it
	nextNode int            // the index in all of the scope scopeOf expects next
	err      *Error
	guard    depthGuard
	symChunk []symbol // symbols are carved from chunks
	// the chunks of this compilation, for recycling
	symChunks [][]symbol
	sc        *scratch  // recycled scopes
	all       []*scope  // every scope, for recycling
	uses      []nameUse // the Name nodes resolved, in walk order, then by scope (groupUses)
	freeBuf   []string  // analyzeBlock's free names

	// The walk also folds the tree (fold.go's rules, bottom-up as each node's children are
	// walked): one pass over the tree instead of two. folding is off in the annotations that
	// the folder leaves alone (under "from __future__ import annotations").
	f       *folder
	folding bool
}

func (st *symtable) newSymbol() *symbol {
	if len(st.symChunk) == 0 {
		// Chunks are recycled across compilations (scratch.release clears them).
		if n := len(st.sc.freeSymChunks); n > 0 {
			st.symChunk = st.sc.freeSymChunks[n-1]
			st.sc.freeSymChunks = st.sc.freeSymChunks[:n-1]
		} else {
			st.symChunk = make([]symbol, 128)
		}
		st.symChunks = append(st.symChunks, st.symChunk)
	}
	s := &st.symChunk[0]
	st.symChunk = st.symChunk[1:]
	return s
}

type stErr struct{}

func (st *symtable) fail(msg string, p ast.Pos) {
	if st.err == nil {
		st.err = newError(msg, st.filename, p)
	}
	panic(stErr{})
}

// buildSymtable builds the symbol table of mod, folding mod with f on the way.
func buildSymtable(mod ast.Mod, filename string, futures int, guard depthGuard, sc *scratch, f *folder) (st *symtable, err *Error) {
	st = &symtable{filename: filename, futures: futures, guard: guard, sc: sc,
		f: f, folding: true, all: sc.allScopes[:0], stack: sc.scopeStack[:0], uses: sc.nameUses[:0]}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stErr); !ok {
				panic(r)
			}
			err = st.err
		}
	}()
	st.enter("top", moduleBlock, mod, ast.Pos{})
	st.top = st.cur
	switch m := mod.(type) {
	case *ast.Module:
		st.stmts(m.Body)
	case *ast.Interactive:
		st.stmts(m.Body)
	case *ast.Expression:
		m.Body = st.expr(m.Body)
	}
	st.exit()
	st.analyze()
	st.groupUses()
	return st, nil
}

// scopeOf returns the scope of node (a module, class, function, lambda or comprehension).
// The code generator enters scopes nearly in the order they were made, so the next few
// scopes are tried first, which saves hashing every node into a map; the map is made on
// the first miss.
func (st *symtable) scopeOf(node any) *scope {
	if st.byNode == nil {
		for i, end := st.nextNode, min(st.nextNode+4, len(st.all)); i < end; i++ {
			// (An annotation scope, never compiled, may share its node with a lambda.)
			if s := st.all[i]; s.node == node && s.typ != annotationBlock {
				st.nextNode = i + 1
				return s
			}
		}
		st.byNode = st.sc.byNode
		if st.byNode == nil {
			st.byNode = map[any]*scope{}
		}
		for _, s := range st.all { // the last made of a node's scopes wins, as ever
			st.byNode[s.node] = s
		}
	}
	return st.byNode[node]
}

// groupUses sorts st.uses by scope (in creation order), keeping the walk order within each,
// and sets each scope's range of them: a counting sort into the recycled second buffer.
func (st *symtable) groupUses() {
	for _, u := range st.uses {
		u.scope.usesEnd++ // a count, for now
	}
	pos := 0
	for _, s := range st.all {
		n := s.usesEnd
		s.usesStart, s.usesEnd = pos, pos // usesEnd is the next free place until the scatter ends
		pos += n
	}
	out := st.sc.nameUses2[:0]
	if cap(out) < len(st.uses) {
		out = make([]nameUse, len(st.uses))
	}
	out = out[:len(st.uses)]
	for _, u := range st.uses {
		out[u.scope.usesEnd] = u
		u.scope.usesEnd++
	}
	clear(st.uses)
	st.sc.nameUses2 = st.uses[:0]
	st.uses = out
}

func (st *symtable) enter(name string, typ blockType, node any, p ast.Pos) {
	var s *scope
	if n := len(st.sc.freeScopes); n > 0 {
		s = st.sc.freeScopes[n-1]
		st.sc.freeScopes = st.sc.freeScopes[:n-1]
	} else {
		s = &scope{}
	}
	st.all = append(st.all, s)
	s.name, s.typ, s.node, s.pos, s.parent = name, typ, node, p, st.cur
	if st.cur != nil {
		if st.cur.nested || st.cur.typ == functionBlock {
			s.nested = true
		}
		s.compIterExpr = st.cur.compIterExpr
		st.cur.children = append(st.cur.children, s)
	}
	st.stack = append(st.stack, s)
	st.cur = s
}

func (st *symtable) exit() {
	st.stack = st.stack[:len(st.stack)-1]
	if len(st.stack) > 0 {
		st.cur = st.stack[len(st.stack)-1]
	} else {
		st.cur = nil
	}
}

// mangle implements private name mangling: __spam in class Ham becomes _Ham__spam.
func mangle(private, name string) string {
	if mayMangle(private, name) {
		return mangleDunder(private, name)
	}
	return name
}

// mayMangle says whether name may need mangling in a class named private (inlined at the hot
// call sites, which call mangleDunder only then: mangle itself is too big to be inlined).
func mayMangle(private, name string) bool {
	return private != "" && len(name) > 2 && name[0] == '_' && name[1] == '_'
}

// mangleDunder is mangle for a name starting with "__" in a class. A mangled name is longer
// than name: callers tell whether it was mangled by the length.
func mangleDunder(private, name string) string {
	if strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	p := strings.TrimLeft(private, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}

func (st *symtable) addDef(name string, flag int, p ast.Pos) {
	st.addDefIn(name, flag, st.cur, p)
}

// addDefIn adds flag to the symbol of name in s; it returns the mangled name and its symbol.
func (st *symtable) addDefIn(name string, flag int, s *scope, p ast.Pos) (string, *symbol) {
	m := name
	if mayMangle(st.private, name) {
		m = mangleDunder(st.private, name)
	}
	sym := s.sym(m)
	if sym == nil {
		sym = st.newSymbol()
		s.add(m, sym)
	}
	if flag&defParam != 0 && sym.flags&defParam != 0 {
		st.fail("duplicate argument '"+m+"' in function definition", p)
	}
	sym.flags |= flag
	if flag&defParam != 0 {
		s.varnames = append(s.varnames, m)
	} else if flag&defGlobal != 0 {
		g := st.top.sym(m)
		if g == nil {
			g = st.newSymbol()
			st.top.add(m, g)
		}
		g.flags |= flag
	}
	if s.compIterTarget {
		if sym.flags&(defGlobal|defNonlocal) != 0 {
			st.fail("comprehension inner loop cannot rebind assignment expression target '"+name+"'", p)
		}
		sym.flags |= defCompIter
	}
	return m, sym
}

func (st *symtable) recordDirective(name string, p ast.Pos) {
	if st.cur.directives == nil {
		st.cur.directives = map[string]ast.Pos{}
	}
	m := mangle(st.private, name)
	if _, ok := st.cur.directives[m]; !ok {
		st.cur.directives[m] = p
	}
}

func (st *symtable) stmts(list []ast.Stmt) {
	for _, s := range list {
		st.stmt(s)
	}
}

// exprs walks (and folds) the expressions of list, in place.
func (st *symtable) exprs(list []ast.Expr) {
	for i, e := range list {
		if e != nil {
			list[i] = st.expr(e)
		}
	}
}

// opt is expr for an optional expression.
func (st *symtable) opt(e ast.Expr) ast.Expr {
	if e == nil {
		return nil
	}
	return st.expr(e)
}

// foldOnly folds e (where the folder looks and the symbol table does not), at the walk's depth.
func (st *symtable) foldOnly(e ast.Expr) ast.Expr {
	if e == nil || !st.folding {
		return e
	}
	st.f.guard.depth = st.guard.depth
	return st.f.expr(e)
}

func (st *symtable) stmt(s ast.Stmt) {
	st.guard.enter()
	st.stmt1(s)
	st.guard.leave()
}

func (st *symtable) stmt1(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.FunctionDef:
		st.function(s, s.Name, s.Args, s.Body, s.DecoratorList, &s.Returns, s.Pos, false)
	case *ast.AsyncFunctionDef:
		st.function(s, s.Name, s.Args, s.Body, s.DecoratorList, &s.Returns, s.Pos, true)
	case *ast.ClassDef:
		st.addDef(s.Name, defLocal, s.Pos)
		st.exprs(s.Bases)
		st.keywords(s.Keywords)
		st.exprs(s.DecoratorList)
		st.enter(s.Name, classBlock, s, s.Pos)
		saved := st.private
		st.private = s.Name
		st.stmts(s.Body)
		st.private = saved
		st.exit()
	case *ast.Return:
		if s.Value != nil {
			s.Value = st.expr(s.Value)
			st.cur.returnsValue = true
		}
	case *ast.Delete:
		st.exprs(s.Targets)
	case *ast.Assign:
		st.exprs(s.Targets)
		s.Value = st.expr(s.Value)
	case *ast.AnnAssign:
		if n, ok := s.Target.(*ast.Name); ok {
			cur := st.cur.lookup(mangle(st.private, n.Id))
			if cur&(defGlobal|defNonlocal) != 0 && st.cur != st.top && s.Simple != 0 {
				msg := "annotated name '" + n.Id + "' can't be global"
				if cur&defNonlocal != 0 {
					msg = "annotated name '" + n.Id + "' can't be nonlocal"
				}
				st.fail(msg, s.Pos)
			}
			if s.Simple != 0 {
				st.addDef(n.Id, defAnnot|defLocal, n.Pos)
			} else if s.Value != nil {
				st.addDef(n.Id, defLocal, n.Pos)
			}
		} else {
			s.Target = st.expr(s.Target)
		}
		s.Annotation = st.annotation(s.Annotation) // folded even under the future import
		s.Value = st.opt(s.Value)
	case *ast.AugAssign:
		s.Target = st.expr(s.Target)
		s.Value = st.expr(s.Value)
	case *ast.For:
		s.Target = st.expr(s.Target)
		s.Iter = st.expr(s.Iter)
		if st.folding {
			s.Iter = st.f.iter(s.Iter)
		}
		st.stmts(s.Body)
		st.stmts(s.Orelse)
	case *ast.AsyncFor:
		s.Target = st.expr(s.Target)
		s.Iter = st.expr(s.Iter)
		st.stmts(s.Body)
		st.stmts(s.Orelse)
	case *ast.While:
		s.Test = st.expr(s.Test)
		st.stmts(s.Body)
		st.stmts(s.Orelse)
	case *ast.If:
		s.Test = st.expr(s.Test)
		st.stmts(s.Body)
		st.stmts(s.Orelse)
	case *ast.Match:
		s.Subject = st.expr(s.Subject)
		for _, c := range s.Cases {
			st.pattern(c.Pattern)
			c.Guard = st.opt(c.Guard)
			st.stmts(c.Body)
		}
	case *ast.Raise:
		if s.Exc != nil {
			s.Exc = st.expr(s.Exc)
			s.Cause = st.opt(s.Cause)
		} else {
			s.Cause = st.foldOnly(s.Cause)
		}
	case *ast.Try:
		st.stmts(s.Body)
		st.stmts(s.Orelse)
		st.handlers(s.Handlers)
		st.stmts(s.Finalbody)
	case *ast.TryStar:
		st.stmts(s.Body)
		st.stmts(s.Orelse)
		st.handlers(s.Handlers)
		st.stmts(s.Finalbody)
	case *ast.Assert:
		s.Test = st.expr(s.Test)
		s.Msg = st.opt(s.Msg)
	case *ast.Import:
		st.aliases(s.Names, s.Pos)
	case *ast.ImportFrom:
		st.aliases(s.Names, s.Pos)
	case *ast.Global:
		st.directive(s.Names, "global", defGlobal, s.Pos)
	case *ast.Nonlocal:
		st.directive(s.Names, "nonlocal", defNonlocal, s.Pos)
	case *ast.ExprStmt:
		s.Value = st.expr(s.Value)
	case *ast.With:
		st.withitems(s.Items)
		st.stmts(s.Body)
	case *ast.AsyncWith:
		st.withitems(s.Items)
		st.stmts(s.Body)
	case *ast.Pass, *ast.Break, *ast.Continue:
	}
}

// directive records a global or nonlocal statement (kind is its keyword, flag defGlobal or
// defNonlocal), rejecting names already used, bound, annotated or parameters in the scope.
func (st *symtable) directive(names []string, kind string, flag int, p ast.Pos) {
	for _, name := range names {
		cur := st.cur.lookup(mangle(st.private, name))
		if cur&(defParam|defLocal|defUse|defAnnot) != 0 {
			var msg string
			switch {
			case cur&defParam != 0:
				msg = "name '" + name + "' is parameter and " + kind
			case cur&defUse != 0:
				msg = "name '" + name + "' is used prior to " + kind + " declaration"
			case cur&defAnnot != 0:
				msg = "annotated name '" + name + "' can't be " + kind
			default:
				msg = "name '" + name + "' is assigned to before " + kind + " declaration"
			}
			st.fail(msg, p)
		}
		st.addDef(name, flag, p)
		st.recordDirective(name, p)
	}
}

func (st *symtable) withitems(items []*ast.Withitem) {
	for _, it := range items {
		it.ContextExpr = st.expr(it.ContextExpr)
		it.OptionalVars = st.opt(it.OptionalVars)
	}
}

func (st *symtable) handlers(hs []*ast.ExceptHandler) {
	for _, h := range hs {
		h.Type = st.opt(h.Type)
		if h.Name != "" {
			st.addDef(h.Name, defLocal, h.Pos)
		}
		st.stmts(h.Body)
	}
}

func (st *symtable) aliases(names []*ast.Alias, p ast.Pos) {
	for _, a := range names {
		store := a.Asname
		if store == "" {
			store = a.Name
			if i := strings.IndexByte(store, '.'); i >= 0 {
				store = store[:i]
			}
		}
		if store == "*" {
			if st.cur.typ != moduleBlock {
				st.fail("import * only allowed at module level", a.Pos)
			}
			continue
		}
		st.addDef(store, defImport, a.Pos)
	}
}

func (st *symtable) keywords(kws []*ast.Keyword) {
	for _, k := range kws {
		k.Value = st.expr(k.Value)
	}
}

func (st *symtable) function(node ast.Stmt, name string, args *ast.Arguments, body []ast.Stmt, decos []ast.Expr, returns *ast.Expr, p ast.Pos, async bool) {
	st.addDef(name, defLocal, p)
	st.exprs(args.Defaults)
	st.exprs(args.KwDefaults)
	st.annotations(args, returns)
	st.exprs(decos)
	st.enter(name, functionBlock, node, p)
	if async {
		st.cur.coroutine = true
	}
	st.arguments(args)
	st.stmts(body)
	st.exit()
}

func (st *symtable) annotation(e ast.Expr) ast.Expr {
	if st.futures&coFutureAnnotations != 0 {
		st.enter("_annotation", annotationBlock, e, *e.(ast.Positioned).Position())
		e = st.expr(e)
		st.exit()
		return e
	}
	return st.expr(e)
}

func (st *symtable) annotations(args *ast.Arguments, returns *ast.Expr) {
	future := st.futures&coFutureAnnotations != 0
	if future {
		st.enter("_annotation", annotationBlock, args, ast.Pos{})
	}
	// The folder leaves the annotations of parameters and returns alone under the future
	// import (folder.ann).
	folding := st.folding
	if future {
		st.folding = false
	}
	for _, list := range [][]*ast.Arg{args.Posonlyargs, args.Args} {
		for _, a := range list {
			a.Annotation = st.opt(a.Annotation)
		}
	}
	if args.Vararg != nil {
		args.Vararg.Annotation = st.opt(args.Vararg.Annotation)
	}
	if args.Kwarg != nil {
		args.Kwarg.Annotation = st.opt(args.Kwarg.Annotation)
	}
	for _, a := range args.Kwonlyargs {
		a.Annotation = st.opt(a.Annotation)
	}
	if future {
		st.exit()
	}
	if *returns != nil {
		*returns = st.annotation(*returns)
	}
	st.folding = folding
}

func (st *symtable) arguments(args *ast.Arguments) {
	for _, list := range [][]*ast.Arg{args.Posonlyargs, args.Args, args.Kwonlyargs} {
		for _, a := range list {
			st.addDef(a.Arg, defParam, a.Pos)
		}
	}
	if args.Vararg != nil {
		st.addDef(args.Vararg.Arg, defParam, args.Vararg.Pos)
		st.cur.varargs = true
	}
	if args.Kwarg != nil {
		st.addDef(args.Kwarg.Arg, defParam, args.Kwarg.Pos)
		st.cur.varkeywords = true
	}
}

func posOf(n any) ast.Pos {
	if p, ok := n.(ast.Positioned); ok {
		return *p.Position()
	}
	return ast.Pos{}
}

func (st *symtable) raiseIfAnnotation(what string, e ast.Expr) {
	if st.cur.typ == annotationBlock {
		st.fail(what+" cannot be used within an annotation", posOf(e))
	}
}

// expr walks e and returns it folded.
func (st *symtable) expr(e ast.Expr) ast.Expr {
	// Below the depth limit, where entering a node could not fail:
	if st.guard.depth < st.guard.budget {
		// The commonest nodes first, without expr1's bigger type switch.
		switch x := e.(type) {
		case *ast.Name:
			return st.name(x)
		case *ast.Constant:
			return e
		case *ast.Attribute:
			st.guard.depth++
			x.Value = st.expr(x.Value)
			st.guard.depth--
			return e
		}
	}
	st.guard.enter()
	e = st.expr1(e)
	st.guard.leave()
	return e
}

func (st *symtable) expr1(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.NamedExpr:
		st.raiseIfAnnotation("named expression", e)
		if st.cur.compIterExpr > 0 {
			st.fail("assignment expression cannot be used in a comprehension iterable expression", e.Pos)
		}
		if st.cur.comprehension != compNone {
			st.extendNamedExprScope(e.Target.(*ast.Name))
		}
		e.Value = st.expr(e.Value)
		st.expr(e.Target) // a name, which the folder leaves alone
	case *ast.BoolOp:
		st.exprs(e.Values)
	case *ast.BinOp:
		e.Left = st.expr(e.Left)
		e.Right = st.expr(e.Right)
		if st.folding {
			return st.f.binOp(e)
		}
	case *ast.UnaryOp:
		e.Operand = st.expr(e.Operand)
		if st.folding {
			return st.f.unaryOp(e)
		}
	case *ast.Lambda:
		st.exprs(e.Args.Defaults)
		st.exprs(e.Args.KwDefaults)
		st.enter("lambda", functionBlock, e, e.Pos)
		st.arguments(e.Args)
		e.Body = st.expr(e.Body)
		st.exit()
		st.lambdaAnnotations(e.Args)
	case *ast.IfExp:
		e.Test = st.expr(e.Test)
		e.Body = st.expr(e.Body)
		e.Orelse = st.expr(e.Orelse)
	case *ast.Dict:
		st.exprs(e.Keys)
		st.exprs(e.Values)
	case *ast.Set:
		st.exprs(e.Elts)
	case *ast.GeneratorExp:
		st.comprehension(e, "genexpr", e.Generators, &e.Elt, nil, compGen, e.Pos)
	case *ast.ListComp:
		st.comprehension(e, "listcomp", e.Generators, &e.Elt, nil, compList, e.Pos)
	case *ast.SetComp:
		st.comprehension(e, "setcomp", e.Generators, &e.Elt, nil, compSet, e.Pos)
	case *ast.DictComp:
		st.comprehension(e, "dictcomp", e.Generators, &e.Key, &e.Value, compDict, e.Pos)
	case *ast.Yield:
		st.raiseIfAnnotation("yield expression", e)
		e.Value = st.opt(e.Value)
		st.cur.generator = true
		st.raiseIfComprehension(e)
	case *ast.YieldFrom:
		st.raiseIfAnnotation("yield expression", e)
		e.Value = st.expr(e.Value)
		st.cur.generator = true
		st.raiseIfComprehension(e)
	case *ast.Await:
		st.raiseIfAnnotation("await expression", e)
		e.Value = st.expr(e.Value)
		st.cur.coroutine = true
	case *ast.Compare:
		e.Left = st.expr(e.Left)
		st.exprs(e.Comparators)
		if st.folding {
			st.f.compare(e)
		}
	case *ast.Call:
		e.Func = st.expr(e.Func)
		st.exprs(e.Args)
		st.keywords(e.Keywords)
	case *ast.FormattedValue:
		e.Value = st.expr(e.Value)
		e.FormatSpec = st.opt(e.FormatSpec)
	case *ast.JoinedStr:
		st.exprs(e.Values)
	case *ast.Constant:
	case *ast.Attribute:
		e.Value = st.expr(e.Value)
	case *ast.Subscript:
		e.Value = st.expr(e.Value)
		e.Slice = st.expr(e.Slice)
		if st.folding {
			return st.f.subscript(e)
		}
	case *ast.Starred:
		e.Value = st.expr(e.Value)
	case *ast.Slice:
		e.Lower = st.opt(e.Lower)
		e.Upper = st.opt(e.Upper)
		e.Step = st.opt(e.Step)
	case *ast.Name:
		return st.name(e)
	case *ast.List:
		st.exprs(e.Elts)
	case *ast.Tuple:
		st.exprs(e.Elts)
		if st.folding {
			return st.f.tuple(e)
		}
	}
	return e
}

// lambdaAnnotations folds the annotations of a lambda's parameters, as the folder does
// (the parser makes none; the symbol table does not look at them).
func (st *symtable) lambdaAnnotations(args *ast.Arguments) {
	for _, list := range [][]*ast.Arg{args.Posonlyargs, args.Args, args.Kwonlyargs} {
		for _, a := range list {
			a.Annotation = st.foldOnly(a.Annotation)
		}
	}
	if args.Vararg != nil {
		args.Vararg.Annotation = st.foldOnly(args.Vararg.Annotation)
	}
	if args.Kwarg != nil {
		args.Kwarg.Annotation = st.foldOnly(args.Kwarg.Annotation)
	}
}

// name records a name's use or binding; __debug__ is folded into a constant instead.
func (st *symtable) name(e *ast.Name) ast.Expr {
	if st.folding && e.Ctx == ast.Load && e.Id == "__debug__" {
		return st.f.name(e)
	}
	flag := defLocal
	if e.Ctx == ast.Load {
		flag = defUse
	}
	s := st.cur
	if !mayMangle(st.private, e.Id) && !s.compIterTarget {
		// addDefIn for the common case (no mangling, no comprehension target; flag is
		// neither defParam nor defGlobal).
		sym := s.sym(e.Id)
		if sym == nil {
			sym = st.newSymbol()
			s.add(e.Id, sym)
		}
		sym.flags |= flag
		st.uses = append(st.uses, nameUse{e, s, sym})
	} else if m, sym := st.addDefIn(e.Id, flag, s, e.Pos); len(m) == len(e.Id) {
		// not mangled (mangled names, rare, are looked up again)
		st.uses = append(st.uses, nameUse{e, s, sym})
	}
	if e.Ctx == ast.Load && st.cur.typ == functionBlock && e.Id == "super" {
		st.addDef("__class__", defUse, e.Pos)
	}
	return e
}

func (st *symtable) raiseIfComprehension(e ast.Expr) {
	switch st.cur.comprehension {
	case compList:
		st.fail("'yield' inside list comprehension", posOf(e))
	case compSet:
		st.fail("'yield' inside set comprehension", posOf(e))
	case compDict:
		st.fail("'yield' inside dict comprehension", posOf(e))
	case compGen:
		st.fail("'yield' inside generator expression", posOf(e))
	}
}

func (st *symtable) extendNamedExprScope(target *ast.Name) {
	name := target.Id
	for i := len(st.stack) - 1; i >= 0; i-- {
		s := st.stack[i]
		if s.comprehension != compNone {
			if s.lookup(name)&defCompIter != 0 {
				st.fail("assignment expression cannot rebind comprehension iteration variable '"+name+"'", target.Pos)
			}
			continue
		}
		switch s.typ {
		case functionBlock:
			if s.lookup(name)&defGlobal != 0 {
				st.addDef(name, defGlobal, target.Pos)
			} else {
				st.addDef(name, defNonlocal, target.Pos)
			}
			st.recordDirective(name, target.Pos)
			st.addDefIn(name, defLocal, s, target.Pos)
			return
		case moduleBlock:
			st.addDef(name, defGlobal, target.Pos)
			st.recordDirective(name, target.Pos)
			st.addDefIn(name, defGlobal, s, target.Pos)
			return
		case classBlock:
			st.fail("assignment expression within a comprehension cannot be used in a class body", target.Pos)
		}
	}
}

func (st *symtable) comprehension(e ast.Expr, name string, gens []*ast.Comprehension, elt, value *ast.Expr, kind compKind, p ast.Pos) {
	outer := gens[0]
	st.cur.compIterExpr++
	outer.Iter = st.expr(outer.Iter)
	st.cur.compIterExpr--
	st.enter(name, functionBlock, e, p)
	st.cur.comprehension = kind
	if outer.IsAsync != 0 {
		st.cur.coroutine = true
	}
	st.addDef(".0", defParam, p)
	st.cur.compIterTarget = true
	outer.Target = st.expr(outer.Target)
	st.cur.compIterTarget = false
	st.exprs(outer.Ifs)
	for _, g := range gens[1:] {
		st.cur.compIterTarget = true
		g.Target = st.expr(g.Target)
		st.cur.compIterTarget = false
		st.cur.compIterExpr++
		g.Iter = st.expr(g.Iter)
		st.cur.compIterExpr--
		st.exprs(g.Ifs)
		if g.IsAsync != 0 {
			st.cur.coroutine = true
		}
	}
	if value != nil {
		*value = st.expr(*value)
	}
	*elt = st.expr(*elt)
	if kind == compGen {
		st.cur.generator = true
	}
	isAsync := st.cur.coroutine && kind != compGen
	st.exit()
	if isAsync {
		st.cur.coroutine = true
	}
	if st.folding {
		st.f.compIters(gens)
	}
}

func (st *symtable) pattern(p ast.Pattern) {
	st.guard.enter()
	st.pattern1(p)
	st.guard.leave()
}

func (st *symtable) pattern1(p ast.Pattern) {
	switch p := p.(type) {
	case *ast.MatchValue:
		p.Value = st.expr(p.Value)
	case *ast.MatchSingleton:
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			st.pattern(q)
		}
	case *ast.MatchStar:
		if p.Name != "" {
			st.addDef(p.Name, defLocal, p.Pos)
		}
	case *ast.MatchMapping:
		st.exprs(p.Keys)
		for _, q := range p.Patterns {
			st.pattern(q)
		}
		if p.Rest != "" {
			st.addDef(p.Rest, defLocal, p.Pos)
		}
	case *ast.MatchClass:
		p.Cls = st.expr(p.Cls)
		for _, q := range p.Patterns {
			st.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			st.pattern(q)
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			st.pattern(p.Pattern)
		}
		if p.Name != "" {
			st.addDef(p.Name, defLocal, p.Pos)
		}
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			st.pattern(q)
		}
	}
}

// ---- analysis ----
//
// CPython's analyze_block hands each child scope copies of three name sets (bound in an
// enclosing function, global, free). Here no set is built: the global set only decided a flag
// nothing reads (ste_free), the bound set is answered by walking up the enclosing scopes
// (boundIn), whose names are decided before their children are analyzed, and the free names
// of a scope and its children are runs of one shared slice (st.freeBuf), small enough for
// linear searches. This avoided several map allocations and copies per scope.

func (st *symtable) analyze() {
	st.freeBuf = st.freeBuf[:0]
	st.analyzeBlock(st.top)
	clear(st.freeBuf[:cap(st.freeBuf)])
}

// boundIn reports whether name is in the bound set CPython would hand to s: bound in an
// enclosing function (and not declared global on the way), or __class__ under a class.
func (st *symtable) boundIn(s *scope, name string) bool {
	for p := s.parent; p != nil && p != st.top; p = p.parent {
		if p.typ == classBlock {
			// A class passes on its own bound set (a copy taken before its names were
			// decided) plus __class__.
			if name == "__class__" {
				return true
			}
			continue
		}
		if sym := p.sym(name); sym != nil {
			switch sym.scope {
			case scopeGlobalExplicit:
				return false // a global declaration removes the name
			case scopeLocal, scopeCell:
				if p.typ == functionBlock {
					return true
				}
			}
		}
	}
	return false
}

// analyzeName decides the scope of one name of s (sym.scope), as CPython's analyze_name; a
// free name is appended to st.freeBuf.
func (st *symtable) analyzeName(s *scope, sym *symbol, name string) {
	flags := sym.flags
	if flags&defGlobal != 0 {
		if flags&defNonlocal != 0 {
			st.fail("name '"+name+"' is nonlocal and global", s.directives[name])
		}
		sym.scope = scopeGlobalExplicit
		return
	}
	if flags&defNonlocal != 0 {
		if s == st.top {
			st.fail("nonlocal declaration not allowed at module level", s.directives[name])
		}
		if !st.boundIn(s, name) {
			st.fail("no binding for nonlocal '"+name+"' found", s.directives[name])
		}
		sym.scope = scopeFree
		s.closure = true
		st.freeBuf = append(st.freeBuf, name)
		return
	}
	if flags&defBound != 0 {
		sym.scope = scopeLocal
		return
	}
	if s != st.top && st.boundIn(s, name) {
		sym.scope = scopeFree
		s.closure = true
		st.freeBuf = append(st.freeBuf, name)
		return
	}
	sym.scope = scopeGlobalImplicit
}

// analyzeBlock analyzes s and its children; it appends to st.freeBuf the names free in s
// (each once).
func (st *symtable) analyzeBlock(s *scope) {
	base := len(st.freeBuf)
	for i, name := range s.order {
		st.analyzeName(s, s.symList[i], name)
	}
	own := len(st.freeBuf) // the names free in the children collect from here (newFree)
	for _, c := range s.children {
		from := len(st.freeBuf)
		st.analyzeBlock(c)
		st.freeBuf = appendNew(st.freeBuf, own, from)
	}
	newFree := st.freeBuf[own:]
	if s.typ == functionBlock {
		// Locals free in a child become cells.
		n := 0
		for _, name := range newFree {
			if sym := s.sym(name); sym != nil && sym.scope == scopeLocal {
				sym.scope = scopeCell
				s.closure = true
				continue
			}
			newFree[n] = name
			n++
		}
		newFree = newFree[:n]
	} else if s.typ == classBlock {
		for i, name := range newFree {
			if name == "__class__" {
				newFree = append(newFree[:i], newFree[i+1:]...)
				s.needsClassClosure = true
				break
			}
		}
	}
	st.freeBuf = st.freeBuf[:own+len(newFree)]
	slices.Sort(newFree)
	for _, name := range newFree {
		if sym := s.sym(name); sym != nil {
			if s.typ == classBlock && sym.flags&(defBound|defGlobal) != 0 {
				sym.flags |= defFreeClass
				s.closure = true
			}
			continue
		}
		if s != st.top && !st.boundIn(s, name) {
			continue
		}
		sym := st.newSymbol()
		sym.scope = scopeFree
		s.closure = true
		s.add(name, sym)
	}
	st.freeBuf = appendNew(st.freeBuf, base, own)
}

// appendNew keeps of buf[from:] the names not in buf[start:from] (nor earlier in buf[from:]).
func appendNew(buf []string, start, from int) []string {
	n := from
	for i := from; i < len(buf); i++ {
		name := buf[i]
		if !slices.Contains(buf[start:n], name) {
			buf[n] = name
			n++
		}
	}
	return buf[:n]
}
