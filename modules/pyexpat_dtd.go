package modules

import "strings"

// The document type declaration: <!DOCTYPE name ExternalID? [internal subset]? >. The internal
// subset's declarations (ENTITY, NOTATION, ELEMENT, ATTLIST), comments and PIs become events;
// general entities are kept for expansion. The whole declaration is scanned as one token, its
// events kept back until it is complete.

func (p *xpParser) doctype(s *xpSrc, i int) int {
	mark := len(p.events)
	p.hold++
	n := p.doctypeHead(s, i)
	p.hold--
	if n == xpMore {
		p.events = p.events[:mark]
		p.extSubset = false
		if s.final {
			return p.fail(s, xpErrNoElements, len(s.b))
		}
	}
	return n
}

// setEnt declares an entity, undone if the declaration turns out to be incomplete.
func (p *xpParser) setEnt(table map[string]*xpEntity, name string, e *xpEntity) {
	table[name] = e
	p.undo = append(p.undo, func() { delete(table, name) })
}

// setAttDefaults records an element's declared attributes, undone likewise.
func (p *xpParser) setAttDefaults(el string, l []xpAttDefault) {
	old, had := p.attDefaults[el]
	p.attDefaults[el] = l
	p.undo = append(p.undo, func() {
		if had {
			p.attDefaults[el] = old
		} else {
			delete(p.attDefaults, el)
		}
	})
}

// subsetToken scans one token of the internal subset: white space, a declaration, comment,
// PI or parameter-entity reference, or the closing "]>". Each is complete on its own, so a
// long subset arriving in pieces is not scanned again from its start.
func (p *xpParser) subsetToken(s *xpSrc, i int) int {
	b := s.b
	if isXMLSpace(b[i]) {
		j := i
		for j < len(b) && isXMLSpace(b[j]) {
			j++
		}
		p.events = append(p.events, xpEvent{kind: xpEvDefault, pos: p.pos(s, i), args: []any{string(b[i:j])}, raw: b[i:j:j], hasRaw: true})
		p.drain()
		return j
	}
	if b[i] == ']' {
		e := p.skipWS(s, i+1, false)
		if e == xpMore && s.final {
			return p.fail(s, xpErrNoElements, len(b))
		}
		if e < 0 {
			return e
		}
		if b[e] != '>' {
			return p.dtdSyntax(s, e)
		}
		p.endDoctype(s, i, e, true)
		return e + 1
	}
	mark := len(p.events)
	p.undo = p.undo[:0]
	p.hold++
	e := p.markupDecl(s, i)
	p.hold--
	if e == xpMore {
		p.events = p.events[:mark]
		for k := len(p.undo) - 1; k >= 0; k-- {
			p.undo[k]()
		}
		p.undo = p.undo[:0]
		if s.final && !hasPrefixMore(b[i:], "<!--") && !hasPrefixMore(b[i:], "<?") {
			// expat's declarations end at the end of the input: no element found
			return p.fail(s, xpErrNoElements, len(b))
		}
		return e
	}
	p.undo = p.undo[:0]
	if e < 0 {
		return e
	}
	if len(p.events) == mark {
		p.events = append(p.events, xpEvent{kind: xpEvDefault, pos: p.pos(s, i), args: []any{string(b[i:e])}})
	}
	p.events[mark].raw, p.events[mark].hasRaw = b[i:e:e], true
	for k := mark + 1; k < len(p.events); k++ {
		p.events[k].raw, p.events[k].hasRaw = nil, false
	}
	p.drain()
	return e
}

// endDoctype reports the end of the document type declaration, its '>' at j.
func (p *xpParser) endDoctype(s *xpSrc, closeAt, j int, internal bool) {
	if p.extSubset && (p.paramParsing == 2 || p.paramParsing == 1 && p.standalone != 1) {
		p.emit(s, xpEvExtRef, j, xpValue{}, p.dtSys, p.dtPub)
		p.askedDTD = true
	}
	p.emit(s, xpEvEndDoctype, j)
	ev := &p.events[len(p.events)-1]
	if internal {
		ev.pieces = rawTokens(string(s.b[closeAt:j]))
	}
	ev.pieces = append(ev.pieces, ">")
	p.inSubset = false
	p.sawDoctype = true
	if p.state == 0 {
		p.state = 1
	}
}

// skipWS skips white space; required reports a missing one as an error at i.
func (p *xpParser) skipWS(s *xpSrc, i int, required bool) int {
	j := i
	for j < len(s.b) && isXMLSpace(s.b[j]) {
		j++
	}
	if j >= len(s.b) {
		return xpMore
	}
	if required && j == i {
		return p.dtdSyntax(s, j)
	}
	return j
}

// externalID scans SYSTEM "sys" or PUBLIC "pub" "sys" (the system literal optional when
// allowNoSys, for notations).
func (p *xpParser) externalID(s *xpSrc, i int, allowNoSys bool) (sys, pub xpValue, n int) {
	b := s.b
	switch {
	case hasPrefixMore(b[i:], "SYSTEM") && len(b)-i > 6 && !isNameChar(rune(b[i+6])):
		if !nameEnds(b[i+6]) {
			return sys, pub, p.fail(s, xpErrInvalidToken, i+6)
		}
		j := p.skipWS(s, i+6, true)
		if j < 0 {
			return sys, pub, j
		}
		e := p.quoted(s, j)
		if e < 0 {
			return sys, pub, e
		}
		return xpValue{string(b[j+1 : e-1]), true}, pub, e
	case hasPrefixMore(b[i:], "PUBLIC") && len(b)-i > 6 && !isNameChar(rune(b[i+6])):
		if !nameEnds(b[i+6]) {
			return sys, pub, p.fail(s, xpErrInvalidToken, i+6)
		}
		j := p.skipWS(s, i+6, true)
		if j < 0 {
			return sys, pub, j
		}
		e := p.quoted(s, j)
		if e < 0 {
			return sys, pub, e
		}
		pub = xpValue{strings.Join(strings.Fields(string(b[j+1:e-1])), " "), true}
		k := p.skipWS(s, e, false)
		if k < 0 {
			return sys, pub, k
		}
		if allowNoSys && b[k] == '>' {
			return sys, pub, e
		}
		if k == e {
			return sys, pub, p.dtdSyntax(s, k)
		}
		e2 := p.quoted(s, k)
		if e2 < 0 {
			return sys, pub, e2
		}
		return xpValue{string(b[k+1 : e2-1]), true}, pub, e2
	}
	if len(b)-i <= 6 && (hasPrefixMore(b[i:], "SYSTEM") || hasPrefixMore(b[i:], "PUBLIC")) {
		return sys, pub, xpMore
	}
	return sys, pub, p.dtdSyntax(s, i)
}

// doctypeHead scans "<!DOCTYPE name ExternalID? [" (the internal subset then comes token by
// token) or the whole declaration when it has no internal subset.
func (p *xpParser) doctypeHead(s *xpSrc, i int) int {
	b := s.b
	j := p.skipWS(s, i+9, true)
	if j < 0 {
		return j
	}
	n := p.dtdName(s, j)
	if n < 0 {
		return n
	}
	name := string(b[j:n])
	j = p.skipWS(s, n, false)
	if j < 0 {
		return j
	}
	var sys, pub xpValue
	if b[j] != '[' && b[j] != '>' {
		if j == n {
			return p.dtdSyntax(s, j)
		}
		var e int
		sys, pub, e = p.externalID(s, j, false)
		if e < 0 {
			return e
		}
		j = p.skipWS(s, e, false)
		if j < 0 {
			return j
		}
		p.extSubset = true
	}
	internal := b[j] == '['
	if !internal && b[j] != '>' {
		return p.dtdSyntax(s, j)
	}
	if p.extSubset && p.standalone != 1 {
		p.emit(s, xpEvNotStandalone, j)
	}
	p.emit(s, xpEvStartDoctype, j, name, sys, pub, internal)
	// without a handler the default handler sees the declaration token by token
	ev := &p.events[len(p.events)-1]
	ev.pieces = append([]string{"<!DOCTYPE"}, rawTokens(string(b[i+9:j]))...)
	p.dtSys, p.dtPub = sys, pub
	if internal {
		ev.pieces = append(ev.pieces, "[")
		p.inSubset = true
		return j + 1
	}
	p.endDoctype(s, j, j, false)
	return j + 1
}

// markupDecl scans one declaration, comment, PI or parameter-entity reference of the
// internal subset.
func (p *xpParser) markupDecl(s *xpSrc, i int) int {
	b := s.b
	if b[i] == '%' {
		n := p.name(s, i+1)
		if n < 0 {
			return n
		}
		if n >= len(b) {
			return xpMore
		}
		if b[n] != ';' {
			return p.fail(s, xpErrInvalidToken, n)
		}
		if !p.paramRefs {
			p.paramRefs = true
			p.undo = append(p.undo, func() { p.paramRefs = false })
		}
		if p.standalone != 1 {
			p.emit(s, xpEvNotStandalone, i)
		}
		return n + 1
	}
	if b[i] != '<' {
		return p.dtdSyntax(s, i)
	}
	if i+1 >= len(b) {
		return xpMore
	}
	if b[i+1] == '?' {
		return p.pi(s, i)
	}
	if b[i+1] != '!' {
		return p.dtdSyntax(s, i)
	}
	if i+2 >= len(b) {
		return xpMore
	}
	if b[i+2] == '-' {
		return p.comment(s, i)
	}
	if b[i+2] == '[' {
		return p.fail(s, xpErrSyntax, i)
	}
	kw, k := p.declKeyword(s, i)
	if k < 0 {
		return k
	}
	if kw == "ENTITY" || kw == "NOTATION" || kw == "ELEMENT" || kw == "ATTLIST" {
		j := p.skipWS(s, k, true)
		if j < 0 {
			return j
		}
		switch kw {
		case "ENTITY":
			return p.entityDecl(s, i, j)
		case "NOTATION":
			return p.notationDecl(s, i, j)
		case "ELEMENT":
			return p.elementDecl(s, i, j)
		default:
			return p.attlistDecl(s, i, j)
		}
	}
	return p.dtdSyntax(s, i)
}

// declEnd expects optional white space and '>' at j.
func (p *xpParser) declEnd(s *xpSrc, j int) int {
	j = p.skipWS(s, j, false)
	if j < 0 {
		return j
	}
	if s.b[j] != '>' {
		return p.dtdSyntax(s, j)
	}
	return j + 1
}

// entityValue expands character references in an entity's literal value; general entity
// references stay for expansion when the entity is used.
func (p *xpParser) entityValue(s *xpSrc, i, e int, name string, param bool) (string, int) {
	v := s.b[i+1 : e-1]
	lit := &xpSrc{b: s.b[:e-1], final: true}
	var sb strings.Builder
	// a malformed reference ends the value: expat reports the declaration with the text
	// before it, then the error
	bad := func(code, at int) (string, int) {
		if code == 0 {
			code = xpErrInvalidToken
		}
		p.errCode = 0
		p.emit(s, xpEvEntityDecl, at, name, param, xpValue{sb.String(), true}, xpValue{}, xpValue{}, xpValue{}, xpValue{})
		return "", p.fail(s, code, at)
	}
	for k := 0; k < len(v); k++ {
		switch v[k] {
		case '%':
			return "", p.fail(s, xpErrParamEntRef, i+1+k)
		case '&':
			r := p.refSyntax(lit, i+1+k)
			if r == xpMore {
				return bad(xpErrInvalidToken, i+1+k)
			}
			if r < 0 {
				return bad(p.errCode, p.errPos.idx-p.bpos.idx)
			}
			if k+1 < len(v) && v[k+1] == '#' {
				tmp := &xpSrc{b: v[k:], final: true, ent: true}
				saved := p.refPos
				p.refPos = p.pos(s, i+1+k)
				ch, n := p.charRef(tmp, 0)
				p.refPos = saved
				if n < 0 {
					return bad(p.errCode, i+1+k)
				}
				sb.WriteRune(ch)
				k += n - 1
				continue
			}
			n := r - (i + 1)
			sb.Write(v[k:n])
			k = n - 1
		case '\r':
			if k+1 < len(v) && v[k+1] == '\n' {
				k++
			}
			sb.WriteByte('\n')
		default:
			sb.WriteByte(v[k])
		}
	}
	return sb.String(), 0
}

func (p *xpParser) entityDecl(s *xpSrc, i, j int) int {
	b := s.b
	param := false
	if b[j] == '%' {
		param = true
		var err int
		if j, err = p.skipWS(s, j+1, true), 0; j < 0 {
			return j + err
		}
	}
	n := p.dtdName(s, j)
	if n < 0 {
		return n
	}
	name := string(b[j:n])
	j = p.skipWS(s, n, true)
	if j < 0 {
		return j
	}
	e := &xpEntity{name: name, param: param, size: -1}
	emitted, dupInternal := false, false
	at := j
	if b[j] == '"' || b[j] == '\'' {
		end := p.quoted(s, j)
		if end < 0 {
			return end
		}
		v, st := p.entityValue(s, j, end, name, param)
		if st < 0 {
			return st
		}
		e.value, e.internal = v, true
		j = end
		// expat reports an internal entity once its value is complete
		table := p.ents
		if param {
			table = p.pents
		}
		if _, dup := table[name]; !dup {
			p.setEnt(table, name, e)
			p.emit(s, xpEvEntityDecl, at, name, param, xpValue{v, true}, xpValue{}, xpValue{}, xpValue{}, xpValue{})
		} else {
			dupInternal = true
		}
		emitted = true
	} else {
		sys, pub, end := p.externalID(s, j, false)
		if end < 0 {
			return end
		}
		e.sysid, e.pubid = sys, pub
		j = end
		at = -1
		k := p.skipWS(s, j, false)
		if k < 0 {
			return k
		}
		if !param && k > j && hasPrefixMore(b[k:], "NDATA") {
			if len(b)-k <= 5 {
				return xpMore
			}
			if w := p.dtdName(s, k); w < 0 {
				return w
			} else if w != k+5 {
				return p.fail(s, xpErrSyntax, k)
			}
			m := p.skipWS(s, k+5, true)
			if m < 0 {
				return m
			}
			at = m
			q := p.dtdName(s, m)
			if q < 0 {
				return q
			}
			e.notation = xpValue{string(b[m:q]), true}
			j = q
			// an unparsed entity is reported once its notation name is complete
			if _, dup := p.ents[name]; !dup {
				p.setEnt(p.ents, name, e)
				p.emit(s, xpEvEntityDecl, at, name, false, xpValue{}, xpValue{}, e.sysid, e.pubid, e.notation)
			} else {
				dupInternal = true
			}
			emitted = true
		}
	}
	end := p.declEnd(s, j)
	if end < 0 {
		return end
	}
	if at < 0 {
		at = end - 1
	}
	table := p.ents
	if param {
		table = p.pents
	}
	if emitted {
		if dupInternal {
			p.emitRaw(s, xpEvDefault, i, end, string(b[i:end]))
		}
		return end
	}
	if _, dup := table[name]; !dup {
		p.setEnt(table, name, e)
		if !param && e.notation.ok {
			p.emitRaw(s, xpEvEntityDecl, at, end, name, false, xpValue{}, xpValue{}, e.sysid, e.pubid, e.notation)
		} else {
			val := xpValue{e.value, e.internal}
			p.emitRaw(s, xpEvEntityDecl, at, end, name, param, val, xpValue{}, e.sysid, e.pubid, xpValue{})
		}
	} else {
		p.emitRaw(s, xpEvDefault, i, end, string(b[i:end]))
	}
	return end
}

func (p *xpParser) notationDecl(s *xpSrc, i, j int) int {
	b := s.b
	n := p.dtdName(s, j)
	if n < 0 {
		return n
	}
	name := string(b[j:n])
	j = p.skipWS(s, n, true)
	if j < 0 {
		return j
	}
	sys, pub, e := p.externalID(s, j, true)
	if e < 0 {
		return e
	}
	if sys.ok {
		// reported at the system literal; without one, at the '>'
		p.emit(s, xpEvNotationDecl, e-len(sys.s)-2, name, xpValue{}, sys, pub)
		return p.declEnd(s, e)
	}
	end := p.declEnd(s, e)
	if end < 0 {
		return end
	}
	p.emitRaw(s, xpEvNotationDecl, end-1, end, name, xpValue{}, sys, pub)
	return end
}

func (p *xpParser) elementDecl(s *xpSrc, i, j int) int {
	b := s.b
	n := p.dtdName(s, j)
	if n < 0 {
		return n
	}
	name := string(b[j:n])
	j = p.skipWS(s, n, true)
	if j < 0 {
		return j
	}
	var m *xpModel
	at := j
	switch {
	case hasPrefixMore(b[j:], "EMPTY") && len(b)-j > 5:
		m = &xpModel{typ: 1}
		j += 5
	case hasPrefixMore(b[j:], "ANY") && len(b)-j > 3:
		m = &xpModel{typ: 2}
		j += 3
	case b[j] == '(':
		var e int
		m, e = p.contentModel(s, j, 0)
		if e < 0 {
			return e
		}
		j = e
		at = e - 1
		if m.quant != 0 {
			at--
		}
	default:
		if len(b)-j < 5 {
			return xpMore
		}
		return p.dtdSyntax(s, j)
	}
	// expat reports the declaration once its content model is complete
	p.emit(s, xpEvElementDecl, at, name, m)
	if m.typ > 2 && m.quant == 0 {
		if j = p.afterParen(s, j); j < 0 {
			return j
		}
	}
	return p.declEnd(s, j)
}

// contentModel scans a parenthesized content model at i.
func (p *xpParser) contentModel(s *xpSrc, i, depth int) (*xpModel, int) {
	b := s.b
	if depth > 64 {
		return nil, p.dtdSyntax(s, i)
	}
	j := p.skipWS(s, i+1, false)
	if j < 0 {
		return nil, j
	}
	if b[j] == '#' {
		if r, sz := p.char(s, j+1); sz == 0 {
			return nil, xpMore
		} else if sz < 0 || !isNameStart(r) {
			return nil, p.fail(s, xpErrInvalidToken, j+1)
		}
		w := p.poundName(s, j+1)
		if w < 0 {
			return nil, w
		}
		if string(b[j+1:w]) != "PCDATA" {
			return nil, p.dtdSyntax(s, j)
		}
		m := &xpModel{typ: 3}
		j = w
		for {
			j = p.skipWS(s, j, false)
			if j < 0 {
				return nil, j
			}
			if b[j] == ')' {
				j++
				if j >= len(b) {
					return nil, xpMore
				}
				if b[j] == '*' {
					m.quant = 2
					return m, j + 1
				}
				if depth > 0 || len(m.children) > 0 {
					if j = p.afterParen(s, j); j < 0 {
						return nil, j
					}
				}
				if len(m.children) > 0 {
					return nil, p.fail(s, xpErrSyntax, j-1) // names need ")*"
				}
				return m, j
			}
			if b[j] != '|' {
				return nil, p.dtdSyntax(s, j)
			}
			k := p.skipWS(s, j+1, false)
			if k < 0 {
				return nil, k
			}
			n := p.dtdName(s, k)
			if n < 0 {
				return nil, n
			}
			m.children = append(m.children, &xpModel{typ: 4, name: xpValue{string(b[k:n]), true}})
			j = n
		}
	}
	m := &xpModel{typ: 6}
	sep := byte(0)
	for {
		var c *xpModel
		if b[j] == '(' {
			var e int
			c, e = p.contentModel(s, j, depth+1)
			if e < 0 {
				return nil, e
			}
			j = e
		} else {
			n := p.dtdNameQ(s, j)
			if n < 0 {
				return nil, n
			}
			c = &xpModel{typ: 4, name: xpValue{string(b[j:n]), true}}
			j = n
			if j >= len(b) {
				return nil, xpMore
			}
			c.quant, j = quantifier(b, j)
		}
		m.children = append(m.children, c)
		j = p.skipWS(s, j, false)
		if j < 0 {
			return nil, j
		}
		if b[j] == ')' {
			j++
			if j >= len(b) {
				return nil, xpMore
			}
			if sep == '|' {
				m.typ = 5
			}
			m.quant, j = quantifier(b, j)
			if m.quant == 0 && depth > 0 {
				if j = p.afterParen(s, j); j < 0 {
					return nil, j
				}
			}
			return m, j
		}
		if b[j] != '|' && b[j] != ',' || sep != 0 && b[j] != sep {
			return nil, p.dtdSyntax(s, j)
		}
		sep = b[j]
		j = p.skipWS(s, j+1, false)
		if j < 0 {
			return nil, j
		}
	}
}

// afterParen checks the character after a content model's ')' and quantifier.
func (p *xpParser) afterParen(s *xpSrc, j int) int {
	if j >= len(s.b) {
		return xpMore
	}
	switch s.b[j] {
	case ' ', '\t', '\r', '\n', '>', ',', '|', ')':
		return j
	}
	return p.fail(s, xpErrInvalidToken, j)
}

func quantifier(b []byte, j int) (int, int) {
	switch b[j] {
	case '?':
		return 1, j + 1
	case '*':
		return 2, j + 1
	case '+':
		return 3, j + 1
	}
	return 0, j
}

func (p *xpParser) attlistDecl(s *xpSrc, i, j int) int {
	b := s.b
	n := p.dtdName(s, j)
	if n < 0 {
		return n
	}
	elName := string(b[j:n])
	j = n
	for {
		k := p.skipWS(s, j, false)
		if k < 0 {
			return k
		}
		if b[k] == '>' {
			return k + 1
		}
		if k == j {
			return p.dtdSyntax(s, k)
		}
		n := p.dtdName(s, k)
		if n < 0 {
			return n
		}
		attName := string(b[k:n])
		t := p.skipWS(s, n, true)
		if t < 0 {
			return t
		}
		var typ string
		var e int
		if b[t] == '(' || hasPrefixMore(b[t:], "NOTATION") && len(b)-t > 8 && !isNameChar(rune(b[t+8])) {
			prefix := ""
			if b[t] != '(' {
				prefix = "NOTATION"
				t = p.skipWS(s, t+8, true)
				if t < 0 {
					return t
				}
				if b[t] != '(' {
					return p.dtdSyntax(s, t)
				}
			}
			c := strings.IndexByte(string(b[t:]), ')')
			if c < 0 {
				return xpMore
			}
			var parts []string
			for _, f := range strings.Split(string(b[t+1:t+c]), "|") {
				f = strings.Trim(f, " \t\r\n")
				if f == "" {
					return p.dtdSyntax(s, t)
				}
				parts = append(parts, f)
			}
			typ = prefix + "(" + strings.Join(parts, "|") + ")"
			e = t + c + 1
		} else {
			e = p.dtdName(s, t)
			if e < 0 {
				return e
			}
			typ = string(b[t:e])
			switch typ {
			case "CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS":
			default:
				return p.dtdSyntax(s, t)
			}
		}
		d := p.skipWS(s, e, true)
		if d < 0 {
			return d
		}
		var def xpValue
		required := false
		switch {
		case b[d] == '#':
			if r, sz := p.char(s, d+1); sz == 0 {
				return xpMore
			} else if sz < 0 || !isNameStart(r) {
				return p.fail(s, xpErrInvalidToken, d+1)
			}
			w := p.poundName(s, d+1)
			if w < 0 {
				return w
			}
			kw := string(b[d+1 : w])
			switch kw {
			case "REQUIRED":
				required = true
				e = w
			case "IMPLIED":
				e = w
			case "FIXED":
				required = true
				q := p.skipWS(s, w, true)
				if q < 0 {
					return q
				}
				d = q
				e = -3
			default:
				return p.dtdSyntax(s, d)
			}
		default:
			e = -3
		}
		if e == -3 {
			q := p.quoted(s, d)
			if q < 0 {
				return q
			}
			// an attribute value literal: no '<', references well formed, no entity
			// whose text has '<'
			lit := &xpSrc{b: b[:q-1], final: true}
			for k := d + 1; k < q-1; k++ {
				if b[k] == '<' {
					return p.fail(s, xpErrInvalidToken, k)
				}
				if b[k] == '&' {
					r := p.refSyntax(lit, k)
					if r == xpMore {
						return p.fail(s, xpErrInvalidToken, k)
					}
					if r < 0 {
						return r
					}
					if b[k+1] != '#' {
						if ent := p.ents[string(b[k+1:r-1])]; ent != nil && ent.internal && strings.IndexByte(ent.value, '<') >= 0 {
							return p.fail(s, xpErrInvalidToken, d)
						}
					}
					k = r - 1
				}
			}
			v, ok := p.attValue(s, string(b[d+1:q-1]), d+1, d+1, 0)
			if !ok {
				return xpFail
			}
			if typ != "CDATA" {
				v = collapseSpaces(v)
			}
			def = xpValue{v, true}
			e = q
		}
		dup := false
		for _, a := range p.attDefaults[elName] {
			dup = dup || a.name == attName
		}
		if !dup {
			l := append([]xpAttDefault{}, p.attDefaults[elName]...)
			p.setAttDefaults(elName, append(l, xpAttDefault{name: attName, value: def.s, hasDefault: def.ok, typ: typ}))
		}
		p.emitRaw(s, xpEvAttlistDecl, d, e, elName, attName, typ, def, required)
		j = e
	}
}

// collapseSpaces normalizes a non-CDATA attribute value: runs of spaces become one, leading
// and trailing spaces go (characters from references such as &#9; stay).
func collapseSpaces(v string) string {
	parts := strings.Split(v, " ")
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// rawTokens splits declaration text into white space runs, quoted literals and other tokens,
// the pieces expat passes one by one to a default handler.
func rawTokens(t string) []string {
	var out []string
	for k := 0; k < len(t); {
		e := k + 1
		switch {
		case isXMLSpace(t[k]):
			for e < len(t) && isXMLSpace(t[e]) {
				e++
			}
		case t[k] == '"' || t[k] == '\'':
			q := strings.IndexByte(t[k+1:], t[k])
			e = len(t)
			if q >= 0 {
				e = k + q + 2
			}
		default:
			for e < len(t) && !isXMLSpace(t[e]) && t[e] != '"' && t[e] != '\'' {
				e++
			}
		}
		out = append(out, t[k:e])
		k = e
	}
	return out
}

// dtdName scans a name in a declaration: what is not a name there is a syntax error (or an
// invalid token), and the name must end where expat's prolog tokenizer ends one.
func (p *xpParser) dtdName(s *xpSrc, i int) int {
	n := p.dtdNameQ(s, i)
	if n >= 0 && n < len(s.b) && (s.b[n] == '?' || s.b[n] == '*' || s.b[n] == '+') {
		return p.fail(s, xpErrSyntax, i)
	}
	return n
}

// dtdNameQ is dtdName for content models, where a quantifier may follow.
func (p *xpParser) dtdNameQ(s *xpSrc, i int) int {
	r, sz := p.char(s, i)
	if sz == 0 {
		return xpMore
	}
	if sz < 0 || !isNameStart(r) {
		return p.dtdSyntax(s, i)
	}
	n := p.name(s, i)
	if n < 0 || n == len(s.b) {
		return n
	}
	if !nameEnds(s.b[n]) {
		return p.fail(s, xpErrInvalidToken, n)
	}
	return n
}

// nameEnds reports whether c may follow a name in the prolog.
func nameEnds(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '>', ')', ',', '|', '[', '%', '+', '*', '?':
		return true
	}
	return false
}

// poundName scans the name after '#' (#PCDATA, #REQUIRED, ...), which ends only at white
// space, ')', '>', '%' or '|'.
func (p *xpParser) poundName(s *xpSrc, i int) int {
	n := p.name(s, i)
	if n < 0 || n == len(s.b) {
		return n
	}
	switch s.b[n] {
	case ' ', '\t', '\r', '\n', ')', '>', '%', '|':
		return n
	}
	return p.fail(s, xpErrInvalidToken, n)
}
