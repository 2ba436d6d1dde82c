package compile

import (
	"gopyc/ast"
	op "gopyc/bytecode"
	"gopyc/objects"
)

// Structural pattern matching, as 3.11 compiles it. While a pattern is matched the stack
// holds, from the bottom: captured values (pc.stores, in order), then pc.onTop items the
// pattern still needs, then the current subject. On failure, a jump to failPop[n] pops the n
// items above the case's subject copy.

type patternContext struct {
	stores           []string
	allowIrrefutable bool
	failPop          []*block
	onTop            int
}

func isWildcard(p ast.Pattern) bool {
	a, ok := p.(*ast.MatchAs)
	return ok && a.Pattern == nil && a.Name == ""
}

func isWildcardStar(p ast.Pattern) bool {
	s, ok := p.(*ast.MatchStar)
	return ok && s.Name == ""
}

func (c *compiler) match(s *ast.Match) {
	c.expr(s.Subject)
	end := c.newBlock()
	cases := len(s.Cases)
	last := s.Cases[cases-1]
	hasDefault := 0
	if isWildcard(last.Pattern) && cases > 1 {
		hasDefault = 1
	}
	pc := &patternContext{}
	for i := 0; i < cases-hasDefault; i++ {
		m := s.Cases[i]
		c.setLoc(m.Pattern)
		if i != cases-hasDefault-1 {
			c.addOp(op.COPY, 1)
		}
		pc.stores = nil
		pc.allowIrrefutable = m.Guard != nil || i == cases-1
		pc.failPop = nil
		pc.onTop = 0
		c.pattern(m.Pattern, pc)
		for _, name := range pc.stores {
			c.nameOp(name, ast.Store)
		}
		if m.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.jumpIf(m.Guard, pc.failPop[0], false)
		}
		if i != cases-hasDefault-1 {
			c.addOp(op.POP_TOP, 0)
		}
		c.stmts(m.Body)
		c.addJumpNoLine(pJump, end)
		c.setLoc(m.Pattern)
		c.emitAndResetFailPop(pc)
	}
	if hasDefault == 1 {
		m := last
		c.setLoc(m.Pattern)
		if cases == 1 {
			c.addOp(op.POP_TOP, 0)
		} else {
			c.addOp(op.NOP, 0)
		}
		if m.Guard != nil {
			c.jumpIf(m.Guard, end, false)
		}
		c.stmts(m.Body)
	}
	c.useNext(end)
}

func (c *compiler) ensureFailPop(pc *patternContext, n int) {
	for len(pc.failPop) < n+1 {
		pc.failPop = append(pc.failPop, c.newBlock())
	}
}

func (c *compiler) jumpToFailPop(pc *patternContext, o int) {
	pops := pc.onTop + len(pc.stores)
	c.ensureFailPop(pc, pops)
	c.addJump(o, pc.failPop[pops])
}

func (c *compiler) emitAndResetFailPop(pc *patternContext) {
	if len(pc.failPop) == 0 {
		return
	}
	for i := len(pc.failPop) - 1; i > 0; i-- {
		c.useNext(pc.failPop[i])
		c.addOp(op.POP_TOP, 0)
	}
	c.useNext(pc.failPop[0])
	pc.failPop = nil
}

func (c *compiler) patternRotate(count int) {
	for count > 1 {
		c.addOp(op.SWAP, count)
		count--
	}
}

func (c *compiler) patternStoreName(name string, pc *patternContext) {
	if name == "" {
		c.addOp(op.POP_TOP, 0)
		return
	}
	if name == "__debug__" {
		c.error("cannot assign to __debug__")
	}
	for _, s := range pc.stores {
		if s == name {
			c.error("multiple assignments to name " + objects.ReprStr(name) + " in pattern")
		}
	}
	c.patternRotate(pc.onTop + len(pc.stores) + 1)
	pc.stores = append(pc.stores, name)
}

func (c *compiler) patternUnpack(elts []ast.Pattern) {
	n := len(elts)
	seen := false
	for i, e := range elts {
		if _, ok := e.(*ast.MatchStar); ok {
			if seen {
				c.error("multiple starred expressions in sequence pattern")
			}
			if i >= 1<<8 || n-i-1 >= (1<<31-1)>>8 {
				c.error("too many expressions in star-unpacking sequence pattern")
			}
			c.addOp(op.UNPACK_EX, i+((n-i-1)<<8))
			seen = true
		}
	}
	if !seen {
		c.addOp(op.UNPACK_SEQUENCE, n)
	}
}

func (c *compiler) subpattern(p ast.Pattern, pc *patternContext) {
	allow := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = allow
}

func (c *compiler) pattern(p ast.Pattern, pc *patternContext) {
	c.setLoc(p)
	switch p := p.(type) {
	case *ast.MatchValue:
		switch p.Value.(type) {
		case *ast.Constant, *ast.Attribute:
		default:
			c.error("patterns may only match literals and attribute lookups")
		}
		c.expr(p.Value)
		c.compareOp(ast.Eq)
		c.jumpToFailPop(pc, pPopJumpIfFalse)
	case *ast.MatchSingleton:
		c.addOp(op.LOAD_CONST, c.constValue(p.Value))
		c.compareOp(ast.Is)
		c.jumpToFailPop(pc, pPopJumpIfFalse)
	case *ast.MatchSequence:
		c.patternSequence(p, pc)
	case *ast.MatchMapping:
		c.patternMapping(p, pc)
	case *ast.MatchClass:
		c.patternClass(p, pc)
	case *ast.MatchStar:
		c.patternStoreName(p.Name, pc)
	case *ast.MatchAs:
		if p.Pattern == nil {
			if !pc.allowIrrefutable {
				if p.Name != "" {
					c.error("name capture " + objects.ReprStr(p.Name) + " makes remaining patterns unreachable")
				}
				c.error("wildcard makes remaining patterns unreachable")
			}
			c.patternStoreName(p.Name, pc)
			return
		}
		pc.onTop++
		c.addOp(op.COPY, 1)
		c.pattern(p.Pattern, pc)
		pc.onTop--
		c.patternStoreName(p.Name, pc)
	case *ast.MatchOr:
		c.patternOr(p, pc)
	}
}

func (c *compiler) patternSequence(p *ast.MatchSequence, pc *patternContext) {
	pats := p.Patterns
	size := len(pats)
	star := -1
	onlyWildcard := true
	starWildcard := false
	for i, q := range pats {
		if _, ok := q.(*ast.MatchStar); ok {
			if star >= 0 {
				c.error("multiple starred names in sequence pattern")
			}
			starWildcard = isWildcardStar(q)
			onlyWildcard = onlyWildcard && starWildcard
			star = i
			continue
		}
		onlyWildcard = onlyWildcard && isWildcard(q)
	}
	pc.onTop++
	c.addOp(op.MATCH_SEQUENCE, 0)
	c.jumpToFailPop(pc, pPopJumpIfFalse)
	if star < 0 {
		c.addOp(op.GET_LEN, 0)
		c.loadConst(objects.NewInt(int64(size)))
		c.compareOp(ast.Eq)
		c.jumpToFailPop(pc, pPopJumpIfFalse)
	} else if size > 1 {
		c.addOp(op.GET_LEN, 0)
		c.loadConst(objects.NewInt(int64(size - 1)))
		c.compareOp(ast.GtE)
		c.jumpToFailPop(pc, pPopJumpIfFalse)
	}
	pc.onTop--
	switch {
	case onlyWildcard:
		c.addOp(op.POP_TOP, 0)
	case starWildcard:
		pc.onTop++
		for i, q := range pats {
			if isWildcard(q) || i == star {
				continue
			}
			c.addOp(op.COPY, 1)
			if i < star {
				c.loadConst(objects.NewInt(int64(i)))
			} else {
				c.addOp(op.GET_LEN, 0)
				c.loadConst(objects.NewInt(int64(size - i)))
				c.addOp(op.BINARY_OP, op.NB_SUBTRACT)
			}
			c.addOp(op.BINARY_SUBSCR, 0)
			c.subpattern(q, pc)
		}
		pc.onTop--
		c.addOp(op.POP_TOP, 0)
	default:
		c.patternUnpack(pats)
		pc.onTop += size
		for _, q := range pats {
			pc.onTop--
			c.subpattern(q, pc)
		}
	}
}

func (c *compiler) patternMapping(p *ast.MatchMapping, pc *patternContext) {
	keys := p.Keys
	size := len(keys)
	if size != len(p.Patterns) {
		c.error("keys / patterns length mismatch in mapping pattern")
	}
	pc.onTop++
	c.addOp(op.MATCH_MAPPING, 0)
	c.jumpToFailPop(pc, pPopJumpIfFalse)
	if size == 0 && p.Rest == "" {
		pc.onTop--
		c.addOp(op.POP_TOP, 0)
		return
	}
	if size > 0 {
		c.addOp(op.GET_LEN, 0)
		c.loadConst(objects.NewInt(int64(size)))
		c.compareOp(ast.GtE)
		c.jumpToFailPop(pc, pPopJumpIfFalse)
	}
	var seen []objects.Object
	for i, k := range keys {
		if k == nil {
			c.setLoc(p.Patterns[i])
			c.error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)")
		}
		switch k := k.(type) {
		case *ast.Constant:
			v := c.constObject(k.Value)
			for _, s := range seen {
				if eq, err := objects.EqualConst(s, v); err == nil && eq {
					c.error("mapping pattern checks duplicate key (" + objects.ReprConst(v) + ")")
				}
			}
			seen = append(seen, v)
		case *ast.Attribute:
		default:
			c.error("mapping pattern keys may only match literals and attribute lookups")
		}
		c.expr(k)
	}
	c.addOp(op.BUILD_TUPLE, size)
	c.addOp(op.MATCH_KEYS, 0)
	pc.onTop += 2
	c.addOp(op.COPY, 1)
	c.loadConst(objects.None)
	c.addOp(op.IS_OP, 1)
	c.jumpToFailPop(pc, pPopJumpIfFalse)
	c.addOp(op.UNPACK_SEQUENCE, size)
	pc.onTop += size - 1
	for _, q := range p.Patterns {
		pc.onTop--
		c.subpattern(q, pc)
	}
	pc.onTop -= 2
	if p.Rest != "" {
		c.addOp(op.BUILD_MAP, 0)
		c.addOp(op.SWAP, 3)
		c.addOp(op.DICT_UPDATE, 2)
		c.addOp(op.UNPACK_SEQUENCE, size)
		for size > 0 {
			c.addOp(op.COPY, 1+size)
			size--
			c.addOp(op.SWAP, 2)
			c.addOp(op.DELETE_SUBSCR, 0)
		}
		c.patternStoreName(p.Rest, pc)
	} else {
		c.addOp(op.POP_TOP, 0)
		c.addOp(op.POP_TOP, 0)
	}
}

func (c *compiler) patternClass(p *ast.MatchClass, pc *patternContext) {
	nargs := len(p.Patterns)
	nattrs := len(p.KwdAttrs)
	if nattrs != len(p.KwdPatterns) {
		c.error("kwd_attrs / kwd_patterns length mismatch in class pattern")
	}
	if nattrs > 0 {
		for i, a := range p.KwdAttrs {
			c.setLoc(p.KwdPatterns[i])
			if a == "__debug__" {
				c.error("cannot assign to __debug__")
			}
			for j := i + 1; j < nattrs; j++ {
				if p.KwdAttrs[j] == a {
					c.setLoc(p.KwdPatterns[j])
					c.error("attribute name repeated in class pattern: " + a)
				}
			}
		}
		c.setLoc(p)
	}
	c.expr(p.Cls)
	names := make([]objects.Object, nattrs)
	for i, a := range p.KwdAttrs {
		names[i] = c.strObj(a)
	}
	c.loadConst(objects.NewTuple(names))
	c.addOp(op.MATCH_CLASS, nargs)
	c.addOp(op.COPY, 1)
	c.loadConst(objects.None)
	c.addOp(op.IS_OP, 1)
	pc.onTop++
	c.jumpToFailPop(pc, pPopJumpIfFalse)
	c.addOp(op.UNPACK_SEQUENCE, nargs+nattrs)
	pc.onTop += nargs + nattrs - 1
	for i := 0; i < nargs+nattrs; i++ {
		pc.onTop--
		var q ast.Pattern
		if i < nargs {
			q = p.Patterns[i]
		} else {
			q = p.KwdPatterns[i-nargs]
		}
		if isWildcard(q) {
			c.addOp(op.POP_TOP, 0)
			continue
		}
		c.subpattern(q, pc)
	}
}

func indexOf(l []string, s string) int {
	for i, x := range l {
		if x == s {
			return i
		}
	}
	return -1
}

func (c *compiler) patternOr(p *ast.MatchOr, pc *patternContext) {
	end := c.newBlock()
	size := len(p.Patterns)
	old := *pc
	var control []string
	for i, alt := range p.Patterns {
		c.setLoc(alt)
		pc.stores = nil
		pc.allowIrrefutable = i == size-1 && old.allowIrrefutable
		pc.failPop = nil
		pc.onTop = 0
		c.addOp(op.COPY, 1)
		c.pattern(alt, pc)
		nstores := len(pc.stores)
		if i == 0 {
			control = pc.stores
		} else if nstores != len(control) {
			c.error("alternative patterns bind different names")
		} else if nstores > 0 {
			for icontrol := nstores - 1; icontrol >= 0; icontrol-- {
				name := control[icontrol]
				istores := indexOf(pc.stores, name)
				if istores < 0 {
					c.error("alternative patterns bind different names")
				}
				if icontrol != istores {
					rotations := istores + 1
					rotated := append([]string(nil), pc.stores[:rotations]...)
					rest := append([]string(nil), pc.stores[rotations:]...)
					at := icontrol - istores
					ns := append([]string(nil), rest[:at]...)
					ns = append(ns, rotated...)
					ns = append(ns, rest[at:]...)
					pc.stores = ns
					for ; rotations > 0; rotations-- {
						c.patternRotate(icontrol + 1)
					}
				}
			}
		}
		c.addJump(pJump, end)
		c.emitAndResetFailPop(pc)
	}
	*pc = old
	c.addOp(op.POP_TOP, 0)
	c.jumpToFailPop(pc, pJump)
	c.useNext(end)
	nstores := len(control)
	nrots := nstores + 1 + pc.onTop + len(pc.stores)
	for i := 0; i < nstores; i++ {
		c.patternRotate(nrots)
		name := control[i]
		if indexOf(pc.stores, name) >= 0 {
			c.error("multiple assignments to name " + objects.ReprStr(name) + " in pattern")
		}
		pc.stores = append(pc.stores, name)
	}
	c.addOp(op.POP_TOP, 0)
}
