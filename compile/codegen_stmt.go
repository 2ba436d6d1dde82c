package compile

import (
	"strings"

	"gopyc/ast"
	op "gopyc/bytecode"
	"gopyc/objects"
)

const stackUseGuideline = 30

func (c *compiler) compileModule(mod ast.Mod) *objects.Code {
	c.enterScope("<module>", scopeModule, mod, 1)
	addNone := true
	switch m := mod.(type) {
	case *ast.Module:
		c.body(m.Body)
	case *ast.Interactive:
		c.interactive = true
		for _, s := range m.Body {
			c.stmt(s)
		}
	case *ast.Expression:
		c.expr(m.Body)
		addNone = false
	}
	co := c.assemble(addNone)
	c.exitScope()
	return co
}

// body compiles a module or class body: annotations set-up, docstring, statements.
func (c *compiler) body(stmts []ast.Stmt) {
	if c.u.scopeType == scopeModule && len(stmts) > 0 {
		c.setLoc(stmts[0])
	}
	if findAnn(stmts) {
		c.addOp(op.SETUP_ANNOTATIONS, 0)
	}
	if len(stmts) == 0 {
		return
	}
	i := 0
	if c.optimize < 2 && isDocstring(stmts[0]) {
		i = 1
		c.setLoc(stmts[0])
		c.expr(stmts[0].(*ast.ExprStmt).Value)
		c.unsetLoc()
		c.nameOp("__doc__", ast.Store)
	}
	for ; i < len(stmts); i++ {
		c.stmt(stmts[i])
	}
}

func findAnn(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.AnnAssign:
			return true
		case *ast.For:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.AsyncFor:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.While:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.If:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.With:
			if findAnn(s.Body) {
				return true
			}
		case *ast.AsyncWith:
			if findAnn(s.Body) {
				return true
			}
		case *ast.Try:
			if findAnnTry(s.Body, s.Handlers, s.Orelse, s.Finalbody) {
				return true
			}
		case *ast.TryStar:
			if findAnnTry(s.Body, s.Handlers, s.Orelse, s.Finalbody) {
				return true
			}
		case *ast.Match:
			for _, mc := range s.Cases {
				if findAnn(mc.Body) {
					return true
				}
			}
		}
	}
	return false
}

func findAnnTry(body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, finalbody []ast.Stmt) bool {
	for _, h := range handlers {
		if findAnn(h.Body) {
			return true
		}
	}
	return findAnn(body) || findAnn(finalbody) || findAnn(orelse)
}

func (c *compiler) stmts(list []ast.Stmt) {
	for _, s := range list {
		c.stmt(s)
	}
}

func (c *compiler) stmt(s ast.Stmt) {
	c.guard.enter()
	c.stmt1(s)
	c.guard.leave()
}

// stmt1 compiles s, setting the location to its own first (in each case: one type switch).
func (c *compiler) stmt1(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.FunctionDef:
		c.u.loc = posLoc(&s.Pos)
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, false)
	case *ast.AsyncFunctionDef:
		c.u.loc = posLoc(&s.Pos)
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, true)
	case *ast.ClassDef:
		c.u.loc = posLoc(&s.Pos)
		c.class(s)
	case *ast.Return:
		c.u.loc = posLoc(&s.Pos)
		c.returnStmt(s)
	case *ast.Delete:
		c.u.loc = posLoc(&s.Pos)
		for _, t := range s.Targets {
			c.expr(t)
		}
	case *ast.Assign:
		c.u.loc = posLoc(&s.Pos)
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.addOp(op.COPY, 1)
			}
			c.expr(t)
		}
	case *ast.AugAssign:
		c.u.loc = posLoc(&s.Pos)
		c.augAssign(s)
	case *ast.AnnAssign:
		c.u.loc = posLoc(&s.Pos)
		c.annAssign(s)
	case *ast.For:
		c.u.loc = posLoc(&s.Pos)
		c.forStmt(s)
	case *ast.AsyncFor:
		c.u.loc = posLoc(&s.Pos)
		c.asyncFor(s)
	case *ast.While:
		c.u.loc = posLoc(&s.Pos)
		c.whileStmt(s)
	case *ast.If:
		c.u.loc = posLoc(&s.Pos)
		c.ifStmt(s)
	case *ast.Match:
		c.u.loc = posLoc(&s.Pos)
		c.match(s)
	case *ast.Raise:
		c.u.loc = posLoc(&s.Pos)
		n := 0
		if s.Exc != nil {
			c.expr(s.Exc)
			n++
			if s.Cause != nil {
				c.expr(s.Cause)
				n++
			}
		}
		c.addOp(op.RAISE_VARARGS, n)
		c.nextBlock()
	case *ast.Try:
		c.u.loc = posLoc(&s.Pos)
		if len(s.Finalbody) > 0 {
			c.tryFinally(s.Body, s.Handlers, s.Orelse, s.Finalbody, false)
		} else {
			c.tryExcept(s.Body, s.Handlers, s.Orelse)
		}
	case *ast.TryStar:
		c.u.loc = posLoc(&s.Pos)
		if len(s.Finalbody) > 0 {
			c.tryFinally(s.Body, s.Handlers, s.Orelse, s.Finalbody, true)
		} else {
			c.tryStarExcept(s.Body, s.Handlers, s.Orelse)
		}
	case *ast.Assert:
		c.u.loc = posLoc(&s.Pos)
		c.assert(s)
	case *ast.Import:
		c.u.loc = posLoc(&s.Pos)
		c.importStmt(s)
	case *ast.ImportFrom:
		c.u.loc = posLoc(&s.Pos)
		c.importFrom(s)
	case *ast.Global:
		c.u.loc = posLoc(&s.Pos)
	case *ast.Nonlocal:
		c.u.loc = posLoc(&s.Pos)
	case *ast.ExprStmt:
		c.u.loc = posLoc(&s.Pos)
		c.exprStmt(s.Value)
	case *ast.Pass:
		c.u.loc = posLoc(&s.Pos)
		c.addOp(op.NOP, 0)
	case *ast.Break:
		c.u.loc = posLoc(&s.Pos)
		c.breakStmt()
	case *ast.Continue:
		c.u.loc = posLoc(&s.Pos)
		c.continueStmt()
	case *ast.With:
		c.u.loc = posLoc(&s.Pos)
		c.with(s, s.Items, s.Body, 0, false)
	case *ast.AsyncWith:
		c.u.loc = posLoc(&s.Pos)
		c.with(s, s.Items, s.Body, 0, true)
	default:
		c.setLoc(s)
		c.error("unsupported statement")
	}
}

func (c *compiler) exprStmt(v ast.Expr) {
	if c.interactive && c.nestLevel <= 1 {
		c.expr(v)
		c.addOp(op.PRINT_EXPR, 0)
		return
	}
	if _, ok := v.(*ast.Constant); ok {
		c.addOp(op.NOP, 0)
		return
	}
	c.expr(v)
	c.unsetLoc()
	c.addOp(op.POP_TOP, 0)
}

// ---- functions and classes ----

func (c *compiler) checkDebugArgs(args *ast.Arguments) {
	check := func(a *ast.Arg) {
		if a != nil && a.Arg == "__debug__" {
			c.error("cannot assign to __debug__")
		}
	}
	for _, l := range [][]*ast.Arg{args.Posonlyargs, args.Args, args.Kwonlyargs} {
		for _, a := range l {
			check(a)
		}
	}
	check(args.Vararg)
	check(args.Kwarg)
}

func (c *compiler) defaultArguments(args *ast.Arguments) int {
	flags := 0
	if len(args.Defaults) > 0 {
		for _, d := range args.Defaults {
			c.expr(d)
		}
		c.addOp(op.BUILD_TUPLE, len(args.Defaults))
		flags |= op.MakeFunctionDefaults
	}
	var keys []objects.Object
	for i, a := range args.Kwonlyargs {
		if i < len(args.KwDefaults) && args.KwDefaults[i] != nil {
			keys = append(keys, c.strObj(mangle(c.u.private, a.Arg)))
			c.expr(args.KwDefaults[i])
		}
	}
	if len(keys) > 0 {
		c.loadConst(objects.NewTuple(keys))
		c.addOp(op.BUILD_CONST_KEY_MAP, len(keys))
		flags |= op.MakeFunctionKwDefaults
	}
	return flags
}

func (c *compiler) argAnnotation(id string, ann ast.Expr, n *int) {
	if ann == nil {
		return
	}
	c.addOp(op.LOAD_CONST, c.constStr(mangle(c.u.private, id)))
	if c.flags&coFutureAnnotations != 0 {
		c.loadConst(objects.NewStr(unparse(ann)))
	} else if st, ok := ann.(*ast.Starred); ok {
		c.expr(st.Value)
		c.addOp(op.UNPACK_SEQUENCE, 1)
	} else {
		c.expr(ann)
	}
	*n += 2
}

func (c *compiler) annotations(args *ast.Arguments, returns ast.Expr) bool {
	n := 0
	for _, a := range args.Args {
		c.argAnnotation(a.Arg, a.Annotation, &n)
	}
	for _, a := range args.Posonlyargs {
		c.argAnnotation(a.Arg, a.Annotation, &n)
	}
	if args.Vararg != nil {
		c.argAnnotation(args.Vararg.Arg, args.Vararg.Annotation, &n)
	}
	for _, a := range args.Kwonlyargs {
		c.argAnnotation(a.Arg, a.Annotation, &n)
	}
	if args.Kwarg != nil {
		c.argAnnotation(args.Kwarg.Arg, args.Kwarg.Annotation, &n)
	}
	c.argAnnotation("return", returns, &n)
	if n > 0 {
		c.addOp(op.BUILD_TUPLE, n)
		return true
	}
	return false
}

func (c *compiler) function(s ast.Stmt, name string, args *ast.Arguments, body []ast.Stmt, decos []ast.Expr, returns ast.Expr, async bool) {
	c.checkDebugArgs(args)
	for _, d := range decos {
		c.expr(d)
	}
	first := int(locOf(s).line)
	if len(decos) > 0 {
		first = int(locOf(decos[0]).line)
	}
	flags := c.defaultArguments(args)
	if c.annotations(args, returns) {
		flags |= op.MakeFunctionAnnotations
	}
	st := scopeFunction
	if async {
		st = scopeAsyncFunction
	}
	c.enterScope(name, st, s, first)
	var doc objects.Object = objects.None
	start := 0
	if c.optimize < 2 && len(body) > 0 && isDocstring(body[0]) {
		doc = c.constObject(body[0].(*ast.ExprStmt).Value.(*ast.Constant).Value)
		start = 1
	}
	c.addConst(doc)
	c.u.argcount = len(args.Args)
	c.u.posonly = len(args.Posonlyargs)
	c.u.kwonly = len(args.Kwonlyargs)
	for _, st := range body[start:] {
		c.stmt(st)
	}
	co := c.assemble(true)
	c.exitScope()
	c.makeClosure(co, flags)
	c.applyDecorators(decos)
	c.nameOp(name, ast.Store)
}

// applyDecorators calls the decorators, innermost first, each at its own location.
func (c *compiler) applyDecorators(decos []ast.Expr) {
	saved := c.u.loc
	for i := len(decos) - 1; i >= 0; i-- {
		c.setLoc(decos[i])
		c.addOp(op.PRECALL, 0)
		c.addOp(op.CALL, 0)
	}
	c.u.loc = saved
}

func (c *compiler) makeClosure(co *objects.Code, flags int) {
	nfree := 0
	for i, k := range co.LocalsPlusKinds {
		if k&objects.FastFree == 0 {
			continue
		}
		nfree++
		name := co.LocalsPlusNames[i].String()
		var arg int
		if c.u.scopeType == scopeClass && name == "__class__" {
			arg = c.u.cellIdx[name]
		} else if c.u.ste.scopeOf(name) == scopeCell {
			arg = c.u.cellIdx[name]
		} else {
			fi, ok := c.u.freeIdx[name]
			if !ok {
				panic("compile: closure variable " + name + " not found in " + c.u.name)
			}
			arg = len(c.u.cellvars) + fi
		}
		c.addOp(op.LOAD_CLOSURE, arg)
	}
	if nfree > 0 {
		flags |= op.MakeFunctionClosure
		c.addOp(op.BUILD_TUPLE, nfree)
	}
	c.loadConst(co)
	c.addOp(op.MAKE_FUNCTION, flags)
}

func (c *compiler) class(s *ast.ClassDef) {
	for _, d := range s.DecoratorList {
		c.expr(d)
	}
	first := s.Lineno
	if len(s.DecoratorList) > 0 {
		first = int(locOf(s.DecoratorList[0]).line)
	}
	c.enterScope(s.Name, scopeClass, s, first)
	c.u.private = s.Name
	c.nameOp("__name__", ast.Load)
	c.nameOp("__module__", ast.Store)
	c.addOp(op.LOAD_CONST, c.constStr(c.u.qualname))
	c.nameOp("__qualname__", ast.Store)
	c.body(s.Body)
	c.unsetLoc()
	if c.u.ste.needsClassClosure {
		c.addOp(op.LOAD_CLOSURE, c.u.cellIdx["__class__"])
		c.addOp(op.COPY, 1)
		c.nameOp("__classcell__", ast.Store)
	} else {
		c.loadConst(objects.None)
	}
	c.addOp(op.RETURN_VALUE, 0)
	co := c.assemble(true)
	c.exitScope()
	c.addOp(op.PUSH_NULL, 0)
	c.addOp(op.LOAD_BUILD_CLASS, 0)
	c.makeClosure(co, 0)
	c.addOp(op.LOAD_CONST, c.constStr(s.Name))
	c.callHelper(2, s.Bases, s.Keywords)
	c.applyDecorators(s.DecoratorList)
	c.nameOp(s.Name, ast.Store)
}

// ---- simple statements ----

func (c *compiler) returnStmt(s *ast.Return) {
	_, isConst := s.Value.(*ast.Constant)
	preserve := s.Value != nil && !isConst
	if c.u.ste.typ != functionBlock {
		c.error("'return' outside function")
	}
	if s.Value != nil && c.u.ste.coroutine && c.u.ste.generator {
		c.error("'return' with value in async generator")
	}
	if preserve {
		c.expr(s.Value)
	} else if s.Value != nil {
		c.setLoc(s.Value)
		c.addOp(op.NOP, 0)
	}
	if s.Value == nil || int(locOf(s.Value).line) != s.Lineno {
		c.setLoc(s)
		c.addOp(op.NOP, 0)
	}
	c.unwindFblockStack(preserve, false)
	if s.Value == nil {
		c.loadConst(objects.None)
	} else if !preserve {
		c.addOp(op.LOAD_CONST, c.constValue(s.Value.(*ast.Constant).Value))
	}
	c.addOp(op.RETURN_VALUE, 0)
	// No new block here (3.11 starts none): a function ending in a return gets no implicit
	// "return None", so no None constant either. emit starts a block if code follows.
}

func (c *compiler) breakStmt() {
	saved := c.u.loc
	c.addOp(op.NOP, 0)
	loop := c.unwindFblockStack(false, true)
	if loop == nil {
		c.errorAt("'break' outside loop", saved)
	}
	c.unwindFblock(loop, false)
	c.addJump(pJump, loop.exit)
	c.nextBlock()
}

func (c *compiler) continueStmt() {
	saved := c.u.loc
	c.addOp(op.NOP, 0)
	loop := c.unwindFblockStack(false, true)
	if loop == nil {
		c.errorAt("'continue' not properly in loop", saved)
	}
	c.addJump(pJump, loop.block)
	c.nextBlock()
}

// unwindFblockStack emits the clean-up code of the frame blocks down to the innermost loop
// (when wantLoop) or all of them, and returns that loop.
func (c *compiler) unwindFblockStack(preserveTOS bool, wantLoop bool) *fblock {
	n := len(c.u.fblocks)
	if n == 0 {
		return nil
	}
	top := c.u.fblocks[n-1]
	if top.kind == fbExceptionGroupHandler {
		c.error("'break', 'continue' and 'return' cannot appear in an except* block")
	}
	if wantLoop && (top.kind == fbWhileLoop || top.kind == fbForLoop) {
		t := top
		return &t
	}
	c.u.fblocks = c.u.fblocks[:n-1]
	c.unwindFblock(&top, preserveTOS)
	loop := c.unwindFblockStack(preserveTOS, wantLoop)
	c.u.fblocks = append(c.u.fblocks, top)
	return loop
}

func (c *compiler) unwindFblock(f *fblock, preserveTOS bool) {
	switch f.kind {
	case fbWhileLoop, fbExceptionHandler, fbExceptionGroupHandler, fbAsyncComprehensionGenerator:
	case fbForLoop:
		if preserveTOS {
			c.addOp(op.SWAP, 2)
		}
		c.addOp(op.POP_TOP, 0)
	case fbTryExcept:
		c.addOp(pPopBlock, 0)
	case fbFinallyTry:
		c.addOp(pPopBlock, 0)
		if preserveTOS {
			c.pushFblock(fbPopValue, nil, nil)
		}
		c.stmts(f.stmts)
		if preserveTOS {
			c.popFblock()
		}
		c.unsetLoc()
	case fbFinallyEnd:
		if preserveTOS {
			c.addOp(op.SWAP, 2)
		}
		c.addOp(op.POP_TOP, 0)
		if preserveTOS {
			c.addOp(op.SWAP, 2)
		}
		c.addOp(pPopBlock, 0)
		c.addOp(op.POP_EXCEPT, 0)
	case fbWith, fbAsyncWith:
		c.setLoc(f.node)
		c.addOp(pPopBlock, 0)
		if preserveTOS {
			c.addOp(op.SWAP, 2)
		}
		c.callExitWithNones()
		if f.kind == fbAsyncWith {
			c.await(2)
		}
		c.addOp(op.POP_TOP, 0)
		c.unsetLoc()
	case fbHandlerCleanup:
		if f.name != "" {
			c.addOp(pPopBlock, 0)
		}
		if preserveTOS {
			c.addOp(op.SWAP, 2)
		}
		c.addOp(pPopBlock, 0)
		c.addOp(op.POP_EXCEPT, 0)
		if f.name != "" {
			c.loadConst(objects.None)
			c.nameOp(f.name, ast.Store)
			c.nameOp(f.name, ast.Del)
		}
	case fbPopValue:
		if preserveTOS {
			c.addOp(op.SWAP, 2)
		}
		c.addOp(op.POP_TOP, 0)
	}
}

func (c *compiler) callExitWithNones() {
	c.loadConst(objects.None)
	c.loadConst(objects.None)
	c.loadConst(objects.None)
	c.addOp(op.PRECALL, 2)
	c.addOp(op.CALL, 2)
}

func (c *compiler) augAssign(s *ast.AugAssign) {
	saved := c.u.loc
	e := s.Target
	c.setLoc(e)
	switch t := e.(type) {
	case *ast.Attribute:
		c.expr(t.Value)
		c.addOp(op.COPY, 1)
		c.matchAttrLoc(t)
		c.addOpName(op.LOAD_ATTR, t.Attr)
	case *ast.Subscript:
		c.expr(t.Value)
		c.expr(t.Slice)
		c.addOp(op.COPY, 2)
		c.addOp(op.COPY, 2)
		c.addOp(op.BINARY_SUBSCR, 0)
	case *ast.Name:
		c.nameOp(t.Id, ast.Load)
	default:
		c.error("invalid node type for augmented assignment")
	}
	c.u.loc = saved
	c.expr(s.Value)
	c.addOp(op.BINARY_OP, inplaceOp(s.Op))
	c.setLoc(e)
	switch t := e.(type) {
	case *ast.Attribute:
		c.matchAttrLoc(t)
		c.addOp(op.SWAP, 2)
		c.addOpName(op.STORE_ATTR, t.Attr)
	case *ast.Subscript:
		c.addOp(op.SWAP, 3)
		c.addOp(op.SWAP, 2)
		c.addOp(op.STORE_SUBSCR, 0)
	case *ast.Name:
		c.nameOp(t.Id, ast.Store)
	}
}

func (c *compiler) checkAnnExpr(e ast.Expr) {
	c.expr(e)
	c.addOp(op.POP_TOP, 0)
}

func (c *compiler) checkAnnSubscr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Slice:
		if e.Lower != nil {
			c.checkAnnExpr(e.Lower)
		}
		if e.Upper != nil {
			c.checkAnnExpr(e.Upper)
		}
		if e.Step != nil {
			c.checkAnnExpr(e.Step)
		}
	case *ast.Tuple:
		for _, x := range e.Elts {
			c.checkAnnSubscr(x)
		}
	default:
		c.checkAnnExpr(e)
	}
}

func (c *compiler) annAssign(s *ast.AnnAssign) {
	if s.Value != nil {
		c.expr(s.Value)
		c.expr(s.Target)
	}
	switch t := s.Target.(type) {
	case *ast.Name:
		if t.Id == "__debug__" {
			c.error("cannot assign to __debug__")
		}
		if s.Simple != 0 && (c.u.scopeType == scopeModule || c.u.scopeType == scopeClass) {
			if c.flags&coFutureAnnotations != 0 {
				c.loadConst(objects.NewStr(unparse(s.Annotation)))
			} else {
				c.expr(s.Annotation)
			}
			c.addOpNameRaw(op.LOAD_NAME, "__annotations__")
			c.addOp(op.LOAD_CONST, c.constStr(mangle(c.u.private, t.Id)))
			c.addOp(op.STORE_SUBSCR, 0)
		}
	case *ast.Attribute:
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
		}
	case *ast.Subscript:
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
			c.checkAnnSubscr(t.Slice)
		}
	}
	if s.Simple == 0 && c.flags&coFutureAnnotations == 0 &&
		(c.u.scopeType == scopeModule || c.u.scopeType == scopeClass) {
		c.checkAnnExpr(s.Annotation)
	}
}

func (c *compiler) assert(s *ast.Assert) {
	if c.optimize > 0 {
		return
	}
	if isNonEmptyTuple(s.Test) {
		c.warn("assertion is always true, perhaps remove parentheses?")
	}
	end := c.newBlock()
	c.jumpIf(s.Test, end, true)
	c.addOp(op.LOAD_ASSERTION_ERROR, 0)
	if s.Msg != nil {
		c.expr(s.Msg)
		c.addOp(op.PRECALL, 0)
		c.addOp(op.CALL, 0)
	}
	c.addOp(op.RAISE_VARARGS, 1)
	c.useNext(end)
}

func (c *compiler) importStmt(s *ast.Import) {
	for _, a := range s.Names {
		c.loadConst(objects.NewInt(0))
		c.loadConst(objects.None)
		c.addOpName(op.IMPORT_NAME, a.Name)
		if a.Asname != "" {
			c.importAs(a.Name, a.Asname)
		} else {
			store := a.Name
			if i := strings.IndexByte(store, '.'); i >= 0 {
				store = store[:i]
			}
			c.nameOp(store, ast.Store)
		}
	}
}

func (c *compiler) importAs(name, asname string) {
	dot := strings.IndexByte(name, '.')
	if dot < 0 {
		c.nameOp(asname, ast.Store)
		return
	}
	parts := strings.Split(name[dot+1:], ".")
	for i, attr := range parts {
		c.addOpNameRaw(op.IMPORT_FROM, attr)
		if i == len(parts)-1 {
			break
		}
		c.addOp(op.SWAP, 2)
		c.addOp(op.POP_TOP, 0)
	}
	c.nameOp(asname, ast.Store)
	c.addOp(op.POP_TOP, 0)
}

func (c *compiler) importFrom(s *ast.ImportFrom) {
	c.loadConst(objects.NewInt(int64(s.Level)))
	names := make([]objects.Object, len(s.Names))
	for i, a := range s.Names {
		names[i] = c.strObj(a.Name)
	}
	if s.Lineno > c.futureLine && s.Module == "__future__" {
		c.error("from __future__ imports must occur at the beginning of the file")
	}
	c.loadConst(objects.NewTuple(names))
	c.addOpName(op.IMPORT_NAME, s.Module)
	for i, a := range s.Names {
		if i == 0 && a.Name == "*" {
			c.addOp(op.IMPORT_STAR, 0)
			return
		}
		c.addOpName(op.IMPORT_FROM, a.Name)
		store := a.Name
		if a.Asname != "" {
			store = a.Asname
		}
		c.nameOp(store, ast.Store)
	}
	c.addOp(op.POP_TOP, 0)
}

// ---- compound statements ----

func (c *compiler) ifStmt(s *ast.If) {
	end := c.newBlock()
	next := end
	if len(s.Orelse) > 0 {
		next = c.newBlock()
	}
	c.jumpIf(s.Test, next, false)
	c.stmts(s.Body)
	if len(s.Orelse) > 0 {
		c.addJumpNoLine(pJump, end)
		c.useNext(next)
		c.stmts(s.Orelse)
	}
	c.useNext(end)
}

func (c *compiler) whileStmt(s *ast.While) {
	loop := c.newBlock()
	body := c.newBlock()
	anchor := c.newBlock()
	end := c.newBlock()
	c.useNext(loop)
	c.pushFblock(fbWhileLoop, loop, end)
	c.jumpIf(s.Test, anchor, false)
	c.useNext(body)
	c.stmts(s.Body)
	c.setLoc(s)
	c.jumpIf(s.Test, body, true)
	c.popFblock()
	c.useNext(anchor)
	c.stmts(s.Orelse)
	c.useNext(end)
}

func (c *compiler) forStmt(s *ast.For) {
	start := c.newBlock()
	body := c.newBlock()
	cleanup := c.newBlock()
	end := c.newBlock()
	c.pushFblock(fbForLoop, start, end)
	c.expr(s.Iter)
	c.addOp(op.GET_ITER, 0)
	c.useNext(start)
	c.addJump(op.FOR_ITER, cleanup)
	c.useNext(body)
	c.expr(s.Target)
	c.stmts(s.Body)
	c.unsetLoc()
	c.addJump(pJump, start)
	c.useNext(cleanup)
	c.popFblock()
	c.stmts(s.Orelse)
	c.useNext(end)
}

func (c *compiler) isTopLevelAwait() bool {
	return c.flags&cfAllowTopLevelAwait != 0 && c.u.ste.typ == moduleBlock
}

func (c *compiler) asyncFor(s *ast.AsyncFor) {
	if c.isTopLevelAwait() {
		c.u.ste.coroutine = true
	} else if c.u.scopeType != scopeAsyncFunction {
		c.error("'async for' outside async function")
	}
	start := c.newBlock()
	except := c.newBlock()
	end := c.newBlock()
	c.expr(s.Iter)
	c.addOp(op.GET_AITER, 0)
	c.useNext(start)
	c.pushFblock(fbForLoop, start, end)
	c.addJump(pSetupFinally, except)
	c.addOp(op.GET_ANEXT, 0)
	c.loadConst(objects.None)
	c.addYieldFrom(true)
	c.addOp(pPopBlock, 0)
	c.expr(s.Target)
	c.stmts(s.Body)
	c.unsetLoc()
	c.addJump(pJump, start)
	c.popFblock()
	c.useNext(except)
	c.setLoc(s.Iter)
	c.addOp(op.END_ASYNC_FOR, 0)
	c.stmts(s.Orelse)
	c.useNext(end)
}

func (c *compiler) addYieldFrom(await bool) {
	start := c.newBlock()
	resume := c.newBlock()
	exit := c.newBlock()
	c.useNext(start)
	c.addJump(op.SEND, exit)
	c.useNext(resume)
	c.addOp(op.YIELD_VALUE, 0)
	if await {
		c.addOp(op.RESUME, 3)
	} else {
		c.addOp(op.RESUME, 2)
	}
	c.addJump(pJumpNoInterrupt, start)
	c.useNext(exit)
}

func (c *compiler) popExceptAndReraise() {
	c.addOp(op.COPY, 3)
	c.addOp(op.POP_EXCEPT, 0)
	c.addOp(op.RERAISE, 1)
}

func (c *compiler) tryExcept(body []ast.Stmt, handlers []*ast.ExceptHandler, orelse []ast.Stmt) {
	bodyB := c.newBlock()
	except := c.newBlock()
	end := c.newBlock()
	cleanup := c.newBlock()
	c.addJump(pSetupFinally, except)
	c.useNext(bodyB)
	c.pushFblock(fbTryExcept, bodyB, nil)
	c.stmts(body)
	c.popFblock()
	c.addOpNoLine(pPopBlock, 0)
	c.stmts(orelse)
	c.addJumpNoLine(pJump, end)
	c.useNext(except)
	c.unsetLoc()
	c.addJump(pSetupCleanup, cleanup)
	c.addOp(op.PUSH_EXC_INFO, 0)
	c.pushFblock(fbExceptionHandler, nil, nil)
	for i, h := range handlers {
		c.setLoc(h)
		if h.Type == nil && i < len(handlers)-1 {
			c.error("default 'except:' must be last")
		}
		except = c.newBlock()
		if h.Type != nil {
			c.expr(h.Type)
			c.addOp(op.CHECK_EXC_MATCH, 0)
			c.addJump(pPopJumpIfFalse, except)
		}
		if h.Name != "" {
			cleanupEnd := c.newBlock()
			cleanupBody := c.newBlock()
			c.nameOp(h.Name, ast.Store)
			c.addJump(pSetupCleanup, cleanupEnd)
			c.useNext(cleanupBody)
			fb := c.pushFblock(fbHandlerCleanup, cleanupBody, nil)
			fb.name = h.Name
			c.stmts(h.Body)
			c.popFblock()
			c.unsetLoc()
			c.addOp(pPopBlock, 0)
			c.addOp(pPopBlock, 0)
			c.addOp(op.POP_EXCEPT, 0)
			c.loadConst(objects.None)
			c.nameOp(h.Name, ast.Store)
			c.nameOp(h.Name, ast.Del)
			c.addJump(pJump, end)
			c.useNext(cleanupEnd)
			c.unsetLoc()
			c.loadConst(objects.None)
			c.nameOp(h.Name, ast.Store)
			c.nameOp(h.Name, ast.Del)
			c.addOp(op.RERAISE, 1)
		} else {
			cleanupBody := c.newBlock()
			c.addOp(op.POP_TOP, 0)
			c.useNext(cleanupBody)
			c.pushFblock(fbHandlerCleanup, cleanupBody, nil)
			c.stmts(h.Body)
			c.popFblock()
			c.unsetLoc()
			c.addOp(pPopBlock, 0)
			c.addOp(op.POP_EXCEPT, 0)
			c.addJump(pJump, end)
		}
		c.useNext(except)
	}
	c.unsetLoc()
	c.popFblock()
	c.addOp(op.RERAISE, 0)
	c.useNext(cleanup)
	c.popExceptAndReraise()
	c.useNext(end)
}

func (c *compiler) tryFinally(body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, finalbody []ast.Stmt, star bool) {
	bodyB := c.newBlock()
	end := c.newBlock()
	exit := c.newBlock()
	cleanup := c.newBlock()
	c.addJump(pSetupFinally, end)
	c.useNext(bodyB)
	fb := c.pushFblock(fbFinallyTry, bodyB, end)
	fb.stmts = finalbody
	if len(handlers) > 0 {
		if star {
			c.tryStarExcept(body, handlers, orelse)
		} else {
			c.tryExcept(body, handlers, orelse)
		}
	} else {
		c.stmts(body)
	}
	c.addOpNoLine(pPopBlock, 0)
	c.popFblock()
	c.stmts(finalbody)
	c.addJumpNoLine(pJump, exit)
	c.useNext(end)
	c.unsetLoc()
	c.addJump(pSetupCleanup, cleanup)
	c.addOp(op.PUSH_EXC_INFO, 0)
	c.pushFblock(fbFinallyEnd, end, nil)
	c.stmts(finalbody)
	c.popFblock()
	c.addOp(op.RERAISE, 0)
	c.useNext(cleanup)
	c.popExceptAndReraise()
	c.useNext(exit)
}

func (c *compiler) tryStarExcept(body []ast.Stmt, handlers []*ast.ExceptHandler, orelse []ast.Stmt) {
	bodyB := c.newBlock()
	except := c.newBlock()
	orelseB := c.newBlock()
	end := c.newBlock()
	cleanup := c.newBlock()
	reraiseStar := c.newBlock()
	c.addJump(pSetupFinally, except)
	c.useNext(bodyB)
	c.pushFblock(fbTryExcept, bodyB, nil)
	c.stmts(body)
	c.popFblock()
	c.addOpNoLine(pPopBlock, 0)
	c.addJumpNoLine(pJump, orelseB)
	c.useNext(except)
	c.unsetLoc()
	c.addJump(pSetupCleanup, cleanup)
	c.addOp(op.PUSH_EXC_INFO, 0)
	c.pushFblock(fbExceptionGroupHandler, nil, nil)
	n := len(handlers)
	for i, h := range handlers {
		c.setLoc(h)
		except = c.newBlock()
		exceptWithError := c.newBlock()
		noMatch := c.newBlock()
		if i == 0 {
			c.addOp(op.COPY, 1)
			c.addOp(op.BUILD_LIST, 0)
			c.addOp(op.SWAP, 2)
		}
		if h.Type != nil {
			c.expr(h.Type)
			c.addOp(op.CHECK_EG_MATCH, 0)
			c.addOp(op.COPY, 1)
			c.addJump(pPopJumpIfNone, noMatch)
		}
		cleanupEnd := c.newBlock()
		cleanupBody := c.newBlock()
		if h.Name != "" {
			c.nameOp(h.Name, ast.Store)
		} else {
			c.addOp(op.POP_TOP, 0)
		}
		c.addJump(pSetupCleanup, cleanupEnd)
		c.useNext(cleanupBody)
		fb := c.pushFblock(fbHandlerCleanup, cleanupBody, nil)
		fb.name = h.Name
		c.stmts(h.Body)
		c.popFblock()
		c.unsetLoc()
		c.addOp(pPopBlock, 0)
		if h.Name != "" {
			c.loadConst(objects.None)
			c.nameOp(h.Name, ast.Store)
			c.nameOp(h.Name, ast.Del)
		}
		c.addJump(pJump, except)
		c.useNext(cleanupEnd)
		c.unsetLoc()
		if h.Name != "" {
			c.loadConst(objects.None)
			c.nameOp(h.Name, ast.Store)
			c.nameOp(h.Name, ast.Del)
		}
		c.addOp(op.LIST_APPEND, 3)
		c.addOp(op.POP_TOP, 0)
		c.addJump(pJump, exceptWithError)
		c.useNext(except)
		c.addOp(op.NOP, 0)
		c.addJump(pJump, exceptWithError)
		c.useNext(noMatch)
		c.addOp(op.POP_TOP, 0)
		c.useNext(exceptWithError)
		if i == n-1 {
			c.addOp(op.LIST_APPEND, 1)
			c.addJump(pJump, reraiseStar)
		}
	}
	c.unsetLoc()
	c.popFblock()
	reraise := c.newBlock()
	c.useNext(reraiseStar)
	c.addOp(op.PREP_RERAISE_STAR, 0)
	c.addOp(op.COPY, 1)
	c.addJump(pPopJumpIfNotNone, reraise)
	c.addOp(op.POP_TOP, 0)
	c.addOp(pPopBlock, 0)
	c.addOp(op.POP_EXCEPT, 0)
	c.addJump(pJump, end)
	c.useNext(reraise)
	c.addOp(pPopBlock, 0)
	c.addOp(op.SWAP, 2)
	c.addOp(op.POP_EXCEPT, 0)
	c.addOp(op.RERAISE, 0)
	c.useNext(cleanup)
	c.popExceptAndReraise()
	c.useNext(orelseB)
	c.stmts(orelse)
	c.useNext(end)
}

func (c *compiler) withExceptFinish(cleanup *block) {
	c.unsetLoc()
	exit := c.newBlock()
	c.addJump(pPopJumpIfTrue, exit)
	c.addOp(op.RERAISE, 2)
	c.useNext(cleanup)
	c.popExceptAndReraise()
	c.useNext(exit)
	c.addOp(op.POP_TOP, 0)
	c.addOp(pPopBlock, 0)
	c.addOp(op.POP_EXCEPT, 0)
	c.addOp(op.POP_TOP, 0)
	c.addOp(op.POP_TOP, 0)
}

// with compiles item pos of a with statement (s is *ast.With or *ast.AsyncWith) and, inside
// it, the remaining items and the body.
func (c *compiler) with(s ast.Stmt, items []*ast.Withitem, body []ast.Stmt, pos int, async bool) {
	item := items[pos]
	if async {
		if c.isTopLevelAwait() {
			c.u.ste.coroutine = true
		} else if c.u.scopeType != scopeAsyncFunction {
			c.error("'async with' outside async function")
		}
	}
	blk := c.newBlock()
	final := c.newBlock()
	exit := c.newBlock()
	cleanup := c.newBlock()
	c.expr(item.ContextExpr)
	kind := fbWith
	if async {
		kind = fbAsyncWith
		c.addOp(op.BEFORE_ASYNC_WITH, 0)
		c.await(1)
	} else {
		c.addOp(op.BEFORE_WITH, 0)
	}
	c.addJump(pSetupWith, final)
	c.useNext(blk)
	fb := c.pushFblock(kind, blk, final)
	fb.node = s
	if item.OptionalVars != nil {
		c.expr(item.OptionalVars)
	} else {
		c.addOp(op.POP_TOP, 0)
	}
	if pos+1 == len(items) {
		c.stmts(body)
	} else {
		c.with(s, items, body, pos+1, async)
	}
	c.unsetLoc()
	c.addOp(pPopBlock, 0)
	c.popFblock()
	c.setLoc(s)
	c.callExitWithNones()
	if async {
		c.await(2)
	}
	c.addOp(op.POP_TOP, 0)
	c.addJump(pJump, exit)
	c.useNext(final)
	c.addJump(pSetupCleanup, cleanup)
	c.addOp(op.PUSH_EXC_INFO, 0)
	c.addOp(op.WITH_EXCEPT_START, 0)
	if async {
		c.await(2)
	}
	c.withExceptFinish(cleanup)
	c.useNext(exit)
}

// await awaits the object on top of the stack: GET_AWAITABLE where (0 for an await
// expression, 1 after __aenter__, 2 after __aexit__), then the yield-from loop.
func (c *compiler) await(where int) {
	c.addOp(op.GET_AWAITABLE, where)
	c.loadConst(objects.None)
	c.addYieldFrom(true)
}
