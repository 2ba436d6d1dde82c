package compile

import (
	"gopyc/ast"
	op "gopyc/bytecode"
	"gopyc/objects"
)

func binaryOp(o ast.Operator) int {
	switch o {
	case ast.Add:
		return op.NB_ADD
	case ast.Sub:
		return op.NB_SUBTRACT
	case ast.Mult:
		return op.NB_MULTIPLY
	case ast.MatMult:
		return op.NB_MATRIX_MULTIPLY
	case ast.Div:
		return op.NB_TRUE_DIVIDE
	case ast.ModOp:
		return op.NB_REMAINDER
	case ast.Pow:
		return op.NB_POWER
	case ast.LShift:
		return op.NB_LSHIFT
	case ast.RShift:
		return op.NB_RSHIFT
	case ast.BitOr:
		return op.NB_OR
	case ast.BitXor:
		return op.NB_XOR
	case ast.BitAnd:
		return op.NB_AND
	case ast.FloorDiv:
		return op.NB_FLOOR_DIVIDE
	}
	panic("compile: bad operator")
}

func inplaceOp(o ast.Operator) int { return binaryOp(o) + op.NB_INPLACE_ADD }

func (c *compiler) expr(e ast.Expr) {
	c.guard.enter()
	saved := c.u.loc
	// The commonest expressions without expr1's bigger switch.
	switch x := e.(type) {
	case *ast.Name:
		c.u.loc = posLoc(&x.Pos)
		c.nameExpr(x)
	case *ast.Constant:
		c.u.loc = posLoc(&x.Pos)
		c.addOp(op.LOAD_CONST, c.constValue(x.Value))
	case *ast.Attribute:
		c.u.loc = posLoc(&x.Pos)
		c.attribute(x)
	case *ast.Call:
		c.u.loc = posLoc(&x.Pos)
		c.call(x)
	default:
		c.expr1(e)
	}
	c.u.loc = saved
	c.guard.leave()
}

// matchAttrLoc moves the start of the current location to the attribute name when the
// attribute access spans lines (CPython's update_start_location_to_match_attr).
func (c *compiler) matchAttrLoc(a *ast.Attribute) {
	if int(c.u.loc.line) != a.EndLineno {
		c.u.loc.line = int32(a.EndLineno)
		n := len([]rune(a.Attr))
		if n <= a.EndColOffset {
			c.u.loc.col = int32(a.EndColOffset - n)
		} else {
			c.u.loc.col, c.u.loc.endCol = -1, -1
		}
		if c.u.loc.endLine < c.u.loc.line {
			c.u.loc.endLine = c.u.loc.line
		}
		if c.u.loc.line == c.u.loc.endLine && c.u.loc.endCol < c.u.loc.col {
			c.u.loc.endCol = c.u.loc.col
		}
	}
}

// expr1 compiles e, which is not a Name or Constant, setting the location to its own (for each
// node type with its own Pos: one type switch rather than locOf's and expr1's).
func (c *compiler) expr1(e ast.Expr) {
	switch e := e.(type) {
	case *ast.NamedExpr:
		c.u.loc = posLoc(&e.Pos)
		c.expr(e.Value)
		c.addOp(op.COPY, 1)
		c.expr(e.Target)
	case *ast.BoolOp:
		c.u.loc = posLoc(&e.Pos)
		jump := op.JUMP_IF_FALSE_OR_POP
		if e.Op == ast.Or {
			jump = op.JUMP_IF_TRUE_OR_POP
		}
		end := c.newBlock()
		n := len(e.Values) - 1
		for i := 0; i < n; i++ {
			c.expr(e.Values[i])
			c.addJump(jump, end)
			c.nextBlock()
		}
		c.expr(e.Values[n])
		c.useNext(end)
	case *ast.BinOp:
		c.u.loc = posLoc(&e.Pos)
		c.expr(e.Left)
		c.expr(e.Right)
		c.addOp(op.BINARY_OP, binaryOp(e.Op))
	case *ast.UnaryOp:
		c.u.loc = posLoc(&e.Pos)
		c.expr(e.Operand)
		switch e.Op {
		case ast.Invert:
			c.addOp(op.UNARY_INVERT, 0)
		case ast.Not:
			c.addOp(op.UNARY_NOT, 0)
		case ast.UAdd:
			c.addOp(op.UNARY_POSITIVE, 0)
		case ast.USub:
			c.addOp(op.UNARY_NEGATIVE, 0)
		}
	case *ast.Lambda:
		c.u.loc = posLoc(&e.Pos)
		c.lambda(e)
	case *ast.IfExp:
		c.u.loc = posLoc(&e.Pos)
		end := c.newBlock()
		next := c.newBlock()
		c.jumpIf(e.Test, next, false)
		c.expr(e.Body)
		c.addJumpNoLine(pJump, end)
		c.useNext(next)
		c.expr(e.Orelse)
		c.useNext(end)
	case *ast.Dict:
		c.u.loc = posLoc(&e.Pos)
		c.dict(e)
	case *ast.Set:
		c.u.loc = posLoc(&e.Pos)
		c.starunpack(e.Elts, 0, op.BUILD_SET, op.SET_ADD, op.SET_UPDATE, false)
	case *ast.GeneratorExp:
		c.u.loc = posLoc(&e.Pos)
		c.comprehension(e, compGen, "<genexpr>", e.Generators, e.Elt, nil)
	case *ast.ListComp:
		c.u.loc = posLoc(&e.Pos)
		c.comprehension(e, compList, "<listcomp>", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		c.u.loc = posLoc(&e.Pos)
		c.comprehension(e, compSet, "<setcomp>", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		c.u.loc = posLoc(&e.Pos)
		c.comprehension(e, compDict, "<dictcomp>", e.Generators, e.Key, e.Value)
	case *ast.Yield:
		c.u.loc = posLoc(&e.Pos)
		if c.u.ste.typ != functionBlock {
			c.error("'yield' outside function")
		}
		if e.Value != nil {
			c.expr(e.Value)
		} else {
			c.loadConst(objects.None)
		}
		c.addYield()
	case *ast.YieldFrom:
		c.u.loc = posLoc(&e.Pos)
		if c.u.ste.typ != functionBlock {
			c.error("'yield' outside function")
		}
		if c.u.scopeType == scopeAsyncFunction {
			c.error("'yield from' inside async function")
		}
		c.expr(e.Value)
		c.addOp(op.GET_YIELD_FROM_ITER, 0)
		c.loadConst(objects.None)
		c.addYieldFrom(false)
	case *ast.Await:
		c.u.loc = posLoc(&e.Pos)
		if !c.isTopLevelAwait() {
			if c.u.ste.typ != functionBlock {
				c.error("'await' outside function")
			}
			if c.u.scopeType != scopeAsyncFunction && c.u.scopeType != scopeComprehension {
				c.error("'await' outside async function")
			}
		}
		c.expr(e.Value)
		c.await(0)
	case *ast.Compare:
		c.u.loc = posLoc(&e.Pos)
		c.compare(e)
	case *ast.Call:
		c.u.loc = posLoc(&e.Pos)
		c.call(e)
	case *ast.Constant:
		c.u.loc = posLoc(&e.Pos)
		c.addOp(op.LOAD_CONST, c.constValue(e.Value))
	case *ast.JoinedStr:
		c.u.loc = posLoc(&e.Pos)
		if len(e.Values) > stackUseGuideline {
			c.loadConst(objects.NewStr(""))
			c.addOpName(op.LOAD_METHOD, "join")
			c.addOp(op.BUILD_LIST, 0)
			for _, v := range e.Values {
				c.expr(v)
				c.addOp(op.LIST_APPEND, 1)
			}
			c.addOp(op.PRECALL, 1)
			c.addOp(op.CALL, 1)
		} else {
			for _, v := range e.Values {
				c.expr(v)
			}
			if len(e.Values) != 1 {
				c.addOp(op.BUILD_STRING, len(e.Values))
			}
		}
	case *ast.FormattedValue:
		c.u.loc = posLoc(&e.Pos)
		c.expr(e.Value)
		arg := 0
		switch e.Conversion {
		case 's':
			arg = 1
		case 'r':
			arg = 2
		case 'a':
			arg = 3
		}
		if e.FormatSpec != nil {
			c.expr(e.FormatSpec)
			arg |= 4
		}
		c.addOp(op.FORMAT_VALUE, arg)
	case *ast.Attribute:
		c.u.loc = posLoc(&e.Pos)
		c.attribute(e)
	case *ast.Subscript:
		c.u.loc = posLoc(&e.Pos)
		if e.Ctx == ast.Load {
			c.checkSubscript(e)
		}
		c.expr(e.Value)
		c.expr(e.Slice)
		switch e.Ctx {
		case ast.Load:
			c.addOp(op.BINARY_SUBSCR, 0)
		case ast.Store:
			c.addOp(op.STORE_SUBSCR, 0)
		default:
			c.addOp(op.DELETE_SUBSCR, 0)
		}
	case *ast.Starred:
		c.u.loc = posLoc(&e.Pos)
		if e.Ctx == ast.Store {
			c.error("starred assignment target must be in a list or tuple")
		}
		c.error("can't use starred expression here")
	case *ast.Slice:
		c.u.loc = posLoc(&e.Pos)
		n := 2
		if e.Lower != nil {
			c.expr(e.Lower)
		} else {
			c.loadConst(objects.None)
		}
		if e.Upper != nil {
			c.expr(e.Upper)
		} else {
			c.loadConst(objects.None)
		}
		if e.Step != nil {
			n++
			c.expr(e.Step)
		}
		c.addOp(op.BUILD_SLICE, n)
	case *ast.Name:
		c.u.loc = posLoc(&e.Pos)
		c.nameExpr(e)
	case *ast.List:
		c.u.loc = posLoc(&e.Pos)
		switch e.Ctx {
		case ast.Store:
			c.assignmentHelper(e.Elts)
		case ast.Load:
			c.starunpack(e.Elts, 0, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, false)
		default:
			for _, x := range e.Elts {
				c.expr(x)
			}
		}
	case *ast.Tuple:
		c.u.loc = posLoc(&e.Pos)
		switch e.Ctx {
		case ast.Store:
			c.assignmentHelper(e.Elts)
		case ast.Load:
			c.starunpack(e.Elts, 0, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, true)
		default:
			for _, x := range e.Elts {
				c.expr(x)
			}
		}
	default:
		c.setLoc(e)
		c.error("unsupported expression")
	}
}

// attribute compiles the Attribute node e (at its location).
func (c *compiler) attribute(e *ast.Attribute) {
	c.expr(e.Value)
	c.matchAttrLoc(e)
	switch e.Ctx {
	case ast.Load:
		c.addOpName(op.LOAD_ATTR, e.Attr)
	case ast.Store:
		if e.Attr == "__debug__" {
			c.error("cannot assign to __debug__")
		}
		c.addOpName(op.STORE_ATTR, e.Attr)
	default:
		c.addOpName(op.DELETE_ATTR, e.Attr)
	}
}

func (c *compiler) addYield() {
	if c.u.ste.generator && c.u.ste.coroutine {
		c.addOp(op.ASYNC_GEN_WRAP, 0)
	}
	c.addOp(op.YIELD_VALUE, 0)
	c.addOp(op.RESUME, 1)
}

func (c *compiler) assignmentHelper(elts []ast.Expr) {
	seenStar := false
	n := len(elts)
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			if seenStar {
				c.error("multiple starred expressions in assignment")
			}
			if i >= 1<<8 || n-i-1 >= (1<<31-1)>>8 {
				c.error("too many expressions in star-unpacking assignment")
			}
			c.addOp(op.UNPACK_EX, i+((n-i-1)<<8))
			seenStar = true
		}
	}
	if !seenStar {
		c.addOp(op.UNPACK_SEQUENCE, n)
	}
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			c.expr(s.Value)
		} else {
			c.expr(e)
		}
	}
}

func allConst(elts []ast.Expr) bool {
	for _, e := range elts {
		if _, ok := e.(*ast.Constant); !ok {
			return false
		}
	}
	return true
}

func (c *compiler) starunpack(elts []ast.Expr, pushed int, build, add, extend int, tuple bool) {
	n := len(elts)
	if n > 2 && allConst(elts) {
		items := make([]objects.Object, n)
		for i, e := range elts {
			items[i] = c.constObject(e.(*ast.Constant).Value)
		}
		if tuple && pushed == 0 {
			c.loadConst(objects.NewTuple(items))
		} else {
			var folded objects.Object = objects.NewTuple(items)
			if add == op.SET_ADD {
				fs, err := objects.NewFrozenSetConst(items)
				if err != nil {
					c.error(err.Error())
				}
				folded = fs
			}
			c.addOp(build, pushed)
			c.loadConst(folded)
			c.addOp(extend, 1)
			if tuple {
				c.addOp(op.LIST_TO_TUPLE, 0)
			}
		}
		return
	}
	big := n+pushed > stackUseGuideline
	seenStar := false
	for _, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			seenStar = true
		}
	}
	if !seenStar && !big {
		for _, e := range elts {
			c.expr(e)
		}
		if tuple {
			c.addOp(op.BUILD_TUPLE, n+pushed)
		} else {
			c.addOp(build, n+pushed)
		}
		return
	}
	built := false
	if big {
		c.addOp(build, pushed)
		built = true
	}
	for i, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			if !built {
				c.addOp(build, i+pushed)
				built = true
			}
			c.expr(s.Value)
			c.addOp(extend, 1)
		} else {
			c.expr(e)
			if built {
				c.addOp(add, 1)
			}
		}
	}
	if tuple {
		c.addOp(op.LIST_TO_TUPLE, 0)
	}
}

func (c *compiler) subdict(d *ast.Dict, begin, end int) {
	n := end - begin
	big := n*2 > stackUseGuideline
	if n > 1 && !big && allConst(d.Keys[begin:end]) {
		for i := begin; i < end; i++ {
			c.expr(d.Values[i])
		}
		keys := make([]objects.Object, n)
		for i := begin; i < end; i++ {
			keys[i-begin] = c.constObject(d.Keys[i].(*ast.Constant).Value)
		}
		c.loadConst(objects.NewTuple(keys))
		c.addOp(op.BUILD_CONST_KEY_MAP, n)
		return
	}
	if big {
		c.addOp(op.BUILD_MAP, 0)
	}
	for i := begin; i < end; i++ {
		c.expr(d.Keys[i])
		c.expr(d.Values[i])
		if big {
			c.addOp(op.MAP_ADD, 1)
		}
	}
	if !big {
		c.addOp(op.BUILD_MAP, n)
	}
}

func (c *compiler) dict(d *ast.Dict) {
	n := len(d.Values)
	haveDict := false
	elements := 0
	for i := 0; i < n; i++ {
		if d.Keys[i] == nil {
			if elements > 0 {
				c.subdict(d, i-elements, i)
				if haveDict {
					c.addOp(op.DICT_UPDATE, 1)
				}
				haveDict = true
				elements = 0
			}
			if !haveDict {
				c.addOp(op.BUILD_MAP, 0)
				haveDict = true
			}
			c.expr(d.Values[i])
			c.addOp(op.DICT_UPDATE, 1)
		} else {
			if elements*2 > stackUseGuideline {
				c.subdict(d, i-elements, i+1)
				if haveDict {
					c.addOp(op.DICT_UPDATE, 1)
				}
				haveDict = true
				elements = 0
			} else {
				elements++
			}
		}
	}
	if elements > 0 {
		c.subdict(d, n-elements, n)
		if haveDict {
			c.addOp(op.DICT_UPDATE, 1)
		}
		haveDict = true
	}
	if !haveDict {
		c.addOp(op.BUILD_MAP, 0)
	}
}

// compareOps is the instruction of each comparison operator: COMPARE_OP with the index of
// the operator in dis.cmp_op, IS_OP or CONTAINS_OP with 1 for the negated form.
var compareOps = [...]struct{ op, arg int }{
	ast.Lt: {op.COMPARE_OP, 0}, ast.LtE: {op.COMPARE_OP, 1}, ast.Eq: {op.COMPARE_OP, 2},
	ast.NotEq: {op.COMPARE_OP, 3}, ast.Gt: {op.COMPARE_OP, 4}, ast.GtE: {op.COMPARE_OP, 5},
	ast.Is: {op.IS_OP, 0}, ast.IsNot: {op.IS_OP, 1}, ast.In: {op.CONTAINS_OP, 0}, ast.NotIn: {op.CONTAINS_OP, 1},
}

func (c *compiler) compareOp(o ast.Cmpop) {
	if int(o) < len(compareOps) && compareOps[o].op != 0 {
		c.addOp(compareOps[o].op, compareOps[o].arg)
	}
}

func (c *compiler) compare(e *ast.Compare) {
	c.checkCompare(e)
	c.expr(e.Left)
	n := len(e.Ops) - 1
	if n == 0 {
		c.expr(e.Comparators[0])
		c.compareOp(e.Ops[0])
		return
	}
	cleanup := c.newBlock()
	for i := 0; i < n; i++ {
		c.expr(e.Comparators[i])
		c.addOp(op.SWAP, 2)
		c.addOp(op.COPY, 2)
		c.compareOp(e.Ops[i])
		c.addJump(op.JUMP_IF_FALSE_OR_POP, cleanup)
	}
	c.expr(e.Comparators[n])
	c.compareOp(e.Ops[n])
	end := c.newBlock()
	c.addJumpNoLine(pJump, end)
	c.useNext(cleanup)
	c.addOp(op.SWAP, 2)
	c.addOp(op.POP_TOP, 0)
	c.useNext(end)
}

// jumpIf compiles e as a condition: jump to next when its truth equals cond.
func (c *compiler) jumpIf(e ast.Expr, next *block, cond bool) {
	switch x := e.(type) {
	case *ast.UnaryOp:
		if x.Op == ast.Not {
			c.jumpIf(x.Operand, next, !cond)
			return
		}
	case *ast.BoolOp:
		n := len(x.Values) - 1
		cond2 := x.Op == ast.Or
		next2 := next
		if cond2 != cond {
			next2 = c.newBlock()
		}
		for i := 0; i < n; i++ {
			c.jumpIf(x.Values[i], next2, cond2)
		}
		c.jumpIf(x.Values[n], next, cond)
		if next2 != next {
			c.useNext(next2)
		}
		return
	case *ast.IfExp:
		end := c.newBlock()
		next2 := c.newBlock()
		c.jumpIf(x.Test, next2, false)
		c.jumpIf(x.Body, next, cond)
		c.addJumpNoLine(pJump, end)
		c.useNext(next2)
		c.jumpIf(x.Orelse, next, cond)
		c.useNext(end)
		return
	case *ast.Compare:
		// CPython sets the comparison's location here and does not restore it: the jump and
		// whatever the caller emits next stay on the comparison's line.
		c.setLoc(x)
		n := len(x.Ops) - 1
		if n > 0 {
			c.checkCompare(x)
			cleanup := c.newBlock()
			c.expr(x.Left)
			for i := 0; i < n; i++ {
				c.expr(x.Comparators[i])
				c.addOp(op.SWAP, 2)
				c.addOp(op.COPY, 2)
				c.compareOp(x.Ops[i])
				c.addJump(pPopJumpIfFalse, cleanup)
			}
			c.expr(x.Comparators[n])
			c.compareOp(x.Ops[n])
			if cond {
				c.addJump(pPopJumpIfTrue, next)
			} else {
				c.addJump(pPopJumpIfFalse, next)
			}
			end := c.newBlock()
			c.addJumpNoLine(pJump, end)
			c.useNext(cleanup)
			c.addOp(op.POP_TOP, 0)
			if !cond {
				c.addJumpNoLine(pJump, next)
			}
			c.useNext(end)
			return
		}
	}
	c.expr(e)
	if cond {
		c.addJump(pPopJumpIfTrue, next)
	} else {
		c.addJump(pPopJumpIfFalse, next)
	}
}

// ---- calls ----

func (c *compiler) isImportOriginated(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	// The answer depends on the name only: its symbol in this scope keeps it, which saves
	// looking the name up in the module's scope again (at each method call on it).
	var sym *symbol
	if use := c.findUse(n, false); use != nil {
		sym = use.sym
		if sym.topImport != 0 {
			return sym.topImport == 2
		}
	}
	imp := c.st.top.lookup(n.Id)&defImport != 0
	if sym != nil {
		sym.topImport = 1
		if imp {
			sym.topImport = 2
		}
	}
	return imp
}

func (c *compiler) call(e *ast.Call) {
	if c.maybeMethodCall(e) {
		return
	}
	c.checkCaller(e.Func)
	saved := c.u.loc
	c.setLoc(e.Func)
	c.addOp(op.PUSH_NULL, 0)
	c.u.loc = saved
	c.expr(e.Func)
	c.callHelper(0, e.Args, e.Keywords)
}

func (c *compiler) maybeMethodCall(e *ast.Call) bool {
	meth, ok := e.Func.(*ast.Attribute)
	if !ok || meth.Ctx != ast.Load {
		return false
	}
	if c.isImportOriginated(meth.Value) {
		return false
	}
	nargs, nkw := len(e.Args), len(e.Keywords)
	extra := 0
	if nkw != 0 {
		extra = 1
	}
	if nargs+nkw+extra >= stackUseGuideline {
		return false
	}
	for _, a := range e.Args {
		if _, ok := a.(*ast.Starred); ok {
			return false
		}
	}
	for _, k := range e.Keywords {
		if k.Arg == "" {
			return false
		}
	}
	c.expr(meth.Value)
	saved := c.u.loc
	c.setLoc(meth)
	c.matchAttrLoc(meth)
	c.addOpName(op.LOAD_METHOD, meth.Attr)
	for _, a := range e.Args {
		c.expr(a)
	}
	if nkw > 0 {
		c.validateKeywords(e.Keywords)
		for _, k := range e.Keywords {
			c.expr(k.Value)
		}
		c.kwNames(e.Keywords)
	}
	c.u.loc = saved
	c.matchAttrLoc(meth)
	c.addOp(op.PRECALL, nargs+nkw)
	c.addOp(op.CALL, nargs+nkw)
	c.u.loc = saved
	return true
}

func (c *compiler) kwNames(kws []*ast.Keyword) {
	names := make([]objects.Object, len(kws))
	for i, k := range kws {
		names[i] = c.strObj(k.Arg)
	}
	c.addOp(op.KW_NAMES, c.addConst(objects.NewTuple(names)))
}

func (c *compiler) validateKeywords(kws []*ast.Keyword) {
	for i, k := range kws {
		if k.Arg == "" {
			continue
		}
		if k.Arg == "__debug__" {
			c.error("cannot assign to __debug__")
		}
		for _, k2 := range kws[i+1:] {
			if k2.Arg == k.Arg {
				c.errorAt("keyword argument repeated: "+k.Arg, locOf(k2))
			}
		}
	}
}

func (c *compiler) callHelper(n int, args []ast.Expr, kws []*ast.Keyword) {
	c.validateKeywords(kws)
	nargs, nkw := len(args), len(kws)
	ex := nargs+nkw*2 > stackUseGuideline
	for _, a := range args {
		if _, ok := a.(*ast.Starred); ok {
			ex = true
		}
	}
	for _, k := range kws {
		if k.Arg == "" {
			ex = true
		}
	}
	if !ex {
		for _, a := range args {
			c.expr(a)
		}
		if nkw > 0 {
			for _, k := range kws {
				c.expr(k.Value)
			}
			c.kwNames(kws)
		}
		c.addOp(op.PRECALL, n+nargs+nkw)
		c.addOp(op.CALL, n+nargs+nkw)
		return
	}
	if s, ok := firstStarredOnly(args); n == 0 && ok {
		c.expr(s.Value)
	} else {
		c.starunpack(args, n, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, true)
	}
	if nkw > 0 {
		haveDict := false
		nseen := 0
		for i, k := range kws {
			if k.Arg == "" {
				if nseen > 0 {
					c.subkwargs(kws[i-nseen : i])
					if haveDict {
						c.addOp(op.DICT_MERGE, 1)
					}
					haveDict = true
					nseen = 0
				}
				if !haveDict {
					c.addOp(op.BUILD_MAP, 0)
					haveDict = true
				}
				c.expr(k.Value)
				c.addOp(op.DICT_MERGE, 1)
			} else {
				nseen++
			}
		}
		if nseen > 0 {
			c.subkwargs(kws[nkw-nseen:])
			if haveDict {
				c.addOp(op.DICT_MERGE, 1)
			}
		}
	}
	flag := 0
	if nkw > 0 {
		flag = 1
	}
	c.addOp(op.CALL_FUNCTION_EX, flag)
}

func firstStarredOnly(args []ast.Expr) (*ast.Starred, bool) {
	if len(args) != 1 {
		return nil, false
	}
	s, ok := args[0].(*ast.Starred)
	return s, ok
}

func (c *compiler) subkwargs(kws []*ast.Keyword) {
	n := len(kws)
	big := n*2 > stackUseGuideline
	if n > 1 && !big {
		for _, k := range kws {
			c.expr(k.Value)
		}
		keys := make([]objects.Object, n)
		for i, k := range kws {
			keys[i] = c.strObj(k.Arg)
		}
		c.loadConst(objects.NewTuple(keys))
		c.addOp(op.BUILD_CONST_KEY_MAP, n)
		return
	}
	if big {
		c.addOpNoLine(op.BUILD_MAP, 0)
	}
	for _, k := range kws {
		c.addOp(op.LOAD_CONST, c.constStr(k.Arg))
		c.expr(k.Value)
		if big {
			c.addOpNoLine(op.MAP_ADD, 1)
		}
	}
	if !big {
		c.addOp(op.BUILD_MAP, n)
	}
}

// ---- lambda and comprehensions ----

func (c *compiler) lambda(e *ast.Lambda) {
	c.checkDebugArgs(e.Args)
	flags := c.defaultArguments(e.Args)
	c.enterScope("<lambda>", scopeLambda, e, e.Lineno)
	c.addConst(objects.None)
	c.u.argcount = len(e.Args.Args)
	c.u.posonly = len(e.Args.Posonlyargs)
	c.u.kwonly = len(e.Args.Kwonlyargs)
	c.expr(e.Body)
	var co *objects.Code
	if c.u.ste.generator {
		co = c.assemble(false)
	} else {
		c.addOp(op.RETURN_VALUE, 0)
		co = c.assemble(true)
	}
	c.exitScope()
	c.makeClosure(co, flags)
}

func (c *compiler) comprehension(e ast.Expr, kind compKind, name string, gens []*ast.Comprehension, elt, val ast.Expr) {
	outer := gens[0]
	scopeType := c.u.scopeType
	topAwait := c.isTopLevelAwait()
	c.enterScope(name, scopeComprehension, e, int(locOf(e).line))
	c.setLoc(e)
	isAsyncGen := c.u.ste.coroutine
	if isAsyncGen && kind != compGen && scopeType != scopeAsyncFunction &&
		scopeType != scopeComprehension && !topAwait {
		c.error("asynchronous comprehension outside of an asynchronous function")
	}
	switch kind {
	case compList:
		c.addOp(op.BUILD_LIST, 0)
	case compSet:
		c.addOp(op.BUILD_SET, 0)
	case compDict:
		c.addOp(op.BUILD_MAP, 0)
	}
	c.comprehensionGenerator(gens, 0, 0, elt, val, kind)
	if kind != compGen {
		c.addOp(op.RETURN_VALUE, 0)
	}
	co := c.assemble(true)
	c.exitScope()
	if topAwait && isAsyncGen {
		c.u.ste.coroutine = true
	}
	c.makeClosure(co, 0)
	c.expr(outer.Iter)
	if outer.IsAsync != 0 {
		c.addOp(op.GET_AITER, 0)
	} else {
		c.addOp(op.GET_ITER, 0)
	}
	c.addOp(op.PRECALL, 0)
	c.addOp(op.CALL, 0)
	if isAsyncGen && kind != compGen {
		c.await(0)
	}
}

func (c *compiler) comprehensionGenerator(gens []*ast.Comprehension, idx, depth int, elt, val ast.Expr, kind compKind) {
	if gens[idx].IsAsync != 0 {
		c.asyncComprehensionGenerator(gens, idx, depth, elt, val, kind)
	} else {
		c.syncComprehensionGenerator(gens, idx, depth, elt, val, kind)
	}
}

func (c *compiler) comprehensionElement(elt, val ast.Expr, kind compKind, depth int) {
	switch kind {
	case compGen:
		c.expr(elt)
		c.addYield()
		c.addOp(op.POP_TOP, 0)
	case compList:
		c.expr(elt)
		c.addOp(op.LIST_APPEND, depth+1)
	case compSet:
		c.expr(elt)
		c.addOp(op.SET_ADD, depth+1)
	case compDict:
		c.expr(elt)
		c.expr(val)
		c.addOp(op.MAP_ADD, depth+1)
	}
}

func (c *compiler) syncComprehensionGenerator(gens []*ast.Comprehension, idx, depth int, elt, val ast.Expr, kind compKind) {
	start := c.newBlock()
	ifCleanup := c.newBlock()
	anchor := c.newBlock()
	gen := gens[idx]
	if idx == 0 {
		c.u.argcount = 1
		c.addOp(op.LOAD_FAST, 0)
	} else {
		var elts []ast.Expr
		switch it := gen.Iter.(type) {
		case *ast.List:
			elts = it.Elts
		case *ast.Tuple:
			elts = it.Elts
		}
		if len(elts) == 1 {
			if _, ok := elts[0].(*ast.Starred); !ok {
				c.expr(elts[0])
				start = nil
			}
		}
		if start != nil {
			c.expr(gen.Iter)
			c.addOp(op.GET_ITER, 0)
		}
	}
	if start != nil {
		depth++
		c.useNext(start)
		c.addJump(op.FOR_ITER, anchor)
	}
	c.expr(gen.Target)
	for _, cond := range gen.Ifs {
		c.jumpIf(cond, ifCleanup, false)
	}
	idx++
	if idx < len(gens) {
		c.comprehensionGenerator(gens, idx, depth, elt, val, kind)
	} else {
		c.comprehensionElement(elt, val, kind, depth)
	}
	c.useNext(ifCleanup)
	if start != nil {
		c.addJump(pJump, start)
		c.useNext(anchor)
	}
}

func (c *compiler) asyncComprehensionGenerator(gens []*ast.Comprehension, idx, depth int, elt, val ast.Expr, kind compKind) {
	start := c.newBlock()
	except := c.newBlock()
	ifCleanup := c.newBlock()
	gen := gens[idx]
	if idx == 0 {
		c.u.argcount = 1
		c.addOp(op.LOAD_FAST, 0)
	} else {
		c.expr(gen.Iter)
		c.addOp(op.GET_AITER, 0)
	}
	c.useNext(start)
	c.pushFblock(fbAsyncComprehensionGenerator, start, nil)
	c.addJump(pSetupFinally, except)
	c.addOp(op.GET_ANEXT, 0)
	c.loadConst(objects.None)
	c.addYieldFrom(true)
	c.addOp(pPopBlock, 0)
	c.expr(gen.Target)
	for _, cond := range gen.Ifs {
		c.jumpIf(cond, ifCleanup, false)
	}
	depth++
	idx++
	if idx < len(gens) {
		c.comprehensionGenerator(gens, idx, depth, elt, val, kind)
	} else {
		c.comprehensionElement(elt, val, kind, depth)
	}
	c.useNext(ifCleanup)
	c.addJump(pJump, start)
	c.popFblock()
	c.useNext(except)
	c.addOp(op.END_ASYNC_FOR, 0)
}
