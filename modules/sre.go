package modules

import (
	"unicode"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeSre builds _sre, the regular-expression engine under re. re's own Python compiler
// (re._parser, re._compiler) turns a pattern into a list of 32-bit code words; this file is
// a backtracking matcher over that list, in continuation-passing style: run(pc, pos, k)
// executes the code from pc at subject position pos and, on reaching SUCCESS, calls k with
// the end position; returning false backtracks. Group marks are restored on the way back
// out, so every alternative sees the marks of its own path, as in CPython. The Pattern,
// Match and Scanner classes are written in Python (the second half of this file) around
// one Go entry point, _run.
func makeSre(t *vm.Thread) (*vm.Module, error) {
	cache := &sreCache{}
	return pyModule(t, "_sre", sreSrc, func(m *vm.Module) {
		m.Set("MAGIC", NewInt(20220615))
		m.Set("CODESIZE", NewInt(4))
		m.Set("MAXREPEAT", NewInt(sreMaxRepeat))
		m.Set("MAXGROUPS", NewInt(sreMaxRepeat/2))
		fn(m, "getcodesize", 0, 0, func(t *vm.Thread, a []Object) (Object, error) { return NewInt(4), nil })
		fn(m, "ascii_iscased", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			c, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			return NewBool(c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')), nil
		})
		fn(m, "unicode_iscased", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			c, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			r := rune(c)
			return NewBool(r != unicode.ToLower(r) || r != unicode.ToUpper(r)), nil
		})
		fn(m, "ascii_tolower", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			c, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			return NewInt(int64(asciiLower(int32(c)))), nil
		})
		fn(m, "unicode_tolower", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			c, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			return NewInt(int64(unicode.ToLower(rune(c)))), nil
		})
		// _run(code, string, pos, endpos, mode, must_advance) -> None or (start, end, lastindex, marks)
		// mode 0 = match, 1 = fullmatch, 2 = search.
		fn(m, "_run", 6, 6, func(t *vm.Thread, a []Object) (Object, error) {
			code, err := cache.code(t, a[0])
			if err != nil {
				return nil, err
			}
			subj, err := cache.subject(a[1])
			if err != nil {
				return nil, err
			}
			pos, err := intArg(t, a[2])
			if err != nil {
				return nil, err
			}
			endpos, err := intArg(t, a[3])
			if err != nil {
				return nil, err
			}
			mode, err := intArg(t, a[4])
			if err != nil {
				return nil, err
			}
			adv, _ := t.IsTrue(a[5])
			n := int64(len(subj))
			if endpos > n {
				endpos = n
			}
			if endpos < 0 {
				endpos = 0
			}
			if pos < 0 {
				pos = 0
			}
			if pos > endpos {
				if mode == 2 || pos > n {
					return None, nil
				}
				pos = endpos
			}
			mt := &sreMatcher{code: code, s: subj[:endpos], mustAdvance: adv}
			start, end, ok := mt.exec(int(pos), int(mode))
			if !ok {
				return None, nil
			}
			marks := make([]Object, len(mt.marks))
			for i, v := range mt.marks {
				marks[i] = NewInt(int64(v))
			}
			return NewTuple([]Object{NewInt(int64(start)), NewInt(int64(end)), NewInt(int64(mt.lastindex)), NewTuple(marks)}), nil
		})
	})
}

const sreMaxRepeat = 1073741823

// sre opcodes (re._constants.OPCODES order in 3.11).
const (
	opFailure = iota
	opSuccess
	opAny
	opAnyAll
	opAssert
	opAssertNot
	opAt
	opBranch
	opCategory
	opCharset
	opBigCharset
	opGroupref
	opGrouprefExists
	opIn
	opInfo
	opJump
	opLiteral
	opMark
	opMaxUntil
	opMinUntil
	opNotLiteral
	opNegate
	opRange
	opRepeat
	opRepeatOne
	opSubpattern
	opMinRepeatOne
	opAtomicGroup
	opPossessiveRepeat
	opPossessiveRepeatOne
	opGrouprefIgnore
	opInIgnore
	opLiteralIgnore
	opNotLiteralIgnore
	opGrouprefLocIgnore
	opInLocIgnore
	opLiteralLocIgnore
	opNotLiteralLocIgnore
	opGrouprefUniIgnore
	opInUniIgnore
	opLiteralUniIgnore
	opNotLiteralUniIgnore
	opRangeUniIgnore
)

const (
	atBeginning = iota
	atBeginningLine
	atBeginningString
	atBoundary
	atNonBoundary
	atEnd
	atEndLine
	atEndString
	atLocBoundary
	atLocNonBoundary
	atUniBoundary
	atUniNonBoundary
)

type sreCache struct {
	codeObj Object
	codeVal []uint32
	subjObj Object
	subjVal []int32
}

func (c *sreCache) code(t *vm.Thread, o Object) ([]uint32, error) {
	if o == c.codeObj && c.codeObj != nil {
		return c.codeVal, nil
	}
	items, err := t.ToSlice(o)
	if err != nil {
		return nil, err
	}
	code := make([]uint32, len(items))
	for i, it := range items {
		v, err := intArg(t, it)
		if err != nil {
			return nil, err
		}
		code[i] = uint32(v)
	}
	c.codeObj, c.codeVal = o, code
	return code, nil
}

func (c *sreCache) subject(o Object) ([]int32, error) {
	if o == c.subjObj && c.subjObj != nil {
		return c.subjVal, nil
	}
	var s []int32
	switch v := vm.Unwrap(o).(type) {
	case *Str:
		s = []int32(v.String())
	case *Bytes:
		s = make([]int32, len(v.B))
		for i, b := range v.B {
			s[i] = int32(b)
		}
	case *vm.ByteArray:
		s = make([]int32, len(v.B))
		for i, b := range v.B {
			s[i] = int32(b)
		}
		return s, nil
	default:
		return nil, vm.TypeError("expected string or bytes-like object, got '%s'", o.Type().Name)
	}
	c.subjObj, c.subjVal = o, s
	return s, nil
}

type sreRepeat struct {
	count   int
	pc      int // the REPEAT op
	lastpos int
	prev    *sreRepeat
}

type sreMatcher struct {
	code        []uint32
	s           []int32
	marks       []int
	lastindex   int
	repeat      *sreRepeat
	mustAdvance bool
	start       int
}

func (m *sreMatcher) exec(pos, mode int) (int, int, bool) {
	end := -1
	origin := pos
	k := func(e int) bool {
		if mode == 1 && e != len(m.s) {
			return false
		}
		if m.mustAdvance && m.start == origin && e == origin {
			return false
		}
		end = e
		return true
	}
	if mode != 2 {
		m.start = pos
		m.reset()
		if m.run(0, pos, k) {
			return pos, end, true
		}
		return 0, 0, false
	}
	for p := pos; p <= len(m.s); p++ {
		m.start = p
		m.reset()
		if m.run(0, p, k) {
			return p, end, true
		}
	}
	return 0, 0, false
}

func (m *sreMatcher) reset() {
	m.marks = m.marks[:0]
	m.lastindex = -1
	m.repeat = nil
}

func (m *sreMatcher) mark(i int) int {
	if i < len(m.marks) {
		return m.marks[i]
	}
	return -1
}

func (m *sreMatcher) setMark(i, v int) {
	for len(m.marks) <= i {
		m.marks = append(m.marks, -1)
	}
	m.marks[i] = v
}

func asciiLower(c int32) int32 {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func uniLower(c int32) int32 { return unicode.ToLower(c) }

func isWordASCII(c int32) bool {
	return c < 128 && (c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

func isWordUni(c int32) bool {
	return c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Nd, c) || unicode.IsNumber(c) && !unicode.Is(unicode.No, c) || unicode.Is(unicode.Nl, c) || unicode.Is(unicode.No, c)
}

func isSpaceUni(c int32) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f, 0x85:
		return true
	}
	return c > 127 && unicode.IsSpace(c)
}

func isLinebreakUni(c int32) bool {
	switch c {
	case '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func category(cat uint32, c int32) bool {
	switch cat {
	case 0:
		return c >= '0' && c <= '9'
	case 1:
		return !(c >= '0' && c <= '9')
	case 2:
		return c == ' ' || c >= 9 && c <= 13
	case 3:
		return !(c == ' ' || c >= 9 && c <= 13)
	case 4, 8:
		return isWordASCII(c)
	case 5, 9:
		return !isWordASCII(c)
	case 6:
		return c == '\n'
	case 7:
		return c != '\n'
	case 10:
		return unicode.Is(unicode.Nd, c)
	case 11:
		return !unicode.Is(unicode.Nd, c)
	case 12:
		return isSpaceUni(c)
	case 13:
		return !isSpaceUni(c)
	case 14:
		return isWordUni(c)
	case 15:
		return !isWordUni(c)
	case 16:
		return isLinebreakUni(c)
	case 17:
		return !isLinebreakUni(c)
	}
	return false
}

// inSet reports whether c is in the set starting at code[pc] (terminated by FAILURE).
func (m *sreMatcher) inSet(pc int, c int32) bool {
	code := m.code
	for {
		switch code[pc] {
		case opFailure:
			return false
		case opLiteral:
			if c == int32(code[pc+1]) {
				return true
			}
			pc += 2
		case opCategory:
			if category(code[pc+1], c) {
				return true
			}
			pc += 2
		case opCharset:
			if c >= 0 && c < 256 && code[pc+1+int(c>>5)]&(1<<uint(c&31)) != 0 {
				return true
			}
			pc += 9
		case opRange:
			if int32(code[pc+1]) <= c && c <= int32(code[pc+2]) {
				return true
			}
			pc += 3
		case opRangeUniIgnore:
			if int32(code[pc+1]) <= c && c <= int32(code[pc+2]) {
				return true
			}
			u := unicode.ToUpper(c)
			if int32(code[pc+1]) <= u && u <= int32(code[pc+2]) {
				return true
			}
			pc += 3
		case opNegate:
			return !m.inSet(pc+1, c)
		case opBigCharset:
			n := int(code[pc+1])
			pc += 2
			if c >= 0 && c < 65536 {
				hi := int(c >> 8)
				blk := int(code[pc+hi/4]>>(uint(hi%4)*8)) & 0xff
				lo := int(c & 255)
				if code[pc+64+blk*8+lo/32]&(1<<uint(lo%32)) != 0 {
					return true
				}
			}
			pc += 64 + n*8
		default:
			return false
		}
	}
}

// one reports whether the single-character item at pc matches at pos.
func (m *sreMatcher) one(pc, pos int) bool {
	if pos >= len(m.s) {
		return false
	}
	c := m.s[pos]
	code := m.code
	switch code[pc] {
	case opAny:
		return c != '\n'
	case opAnyAll:
		return true
	case opLiteral:
		return c == int32(code[pc+1])
	case opNotLiteral:
		return c != int32(code[pc+1])
	case opLiteralIgnore, opLiteralLocIgnore:
		return asciiLower(c) == int32(code[pc+1])
	case opNotLiteralIgnore, opNotLiteralLocIgnore:
		return asciiLower(c) != int32(code[pc+1])
	case opLiteralUniIgnore:
		return uniLower(c) == int32(code[pc+1])
	case opNotLiteralUniIgnore:
		return uniLower(c) != int32(code[pc+1])
	case opIn:
		return m.inSet(pc+2, c)
	case opInIgnore, opInLocIgnore:
		return m.inSet(pc+2, asciiLower(c))
	case opInUniIgnore:
		return m.inSet(pc+2, uniLower(c))
	case opCategory:
		return category(code[pc+1], c)
	}
	return false
}

func (m *sreMatcher) at(code uint32, pos int) bool {
	s := m.s
	n := len(s)
	word := isWordASCII
	switch code {
	case atBeginning, atBeginningString:
		return pos == 0
	case atBeginningLine:
		return pos == 0 || s[pos-1] == '\n'
	case atEnd:
		return pos == n || pos == n-1 && s[pos] == '\n'
	case atEndLine:
		return pos == n || s[pos] == '\n'
	case atEndString:
		return pos == n
	case atUniBoundary, atUniNonBoundary:
		word = isWordUni
	}
	if n == 0 {
		return false
	}
	before := pos > 0 && word(s[pos-1])
	after := pos < n && word(s[pos])
	switch code {
	case atBoundary, atLocBoundary, atUniBoundary:
		return before != after
	case atNonBoundary, atLocNonBoundary, atUniNonBoundary:
		return before == after
	}
	return false
}

func (m *sreMatcher) groupref(g, pos int, fold func(int32) int32) (int, bool) {
	st, en := m.mark(2*g), m.mark(2*g+1)
	if st < 0 || en < 0 || en < st {
		return 0, false
	}
	l := en - st
	if pos+l > len(m.s) {
		return 0, false
	}
	for i := 0; i < l; i++ {
		a, b := m.s[st+i], m.s[pos+i]
		if fold != nil {
			a, b = fold(a), fold(b)
		}
		if a != b {
			return 0, false
		}
	}
	return pos + l, true
}

// run executes code from pc at pos; on SUCCESS it calls k with the position reached.
func (m *sreMatcher) run(pc, pos int, k func(int) bool) bool {
	code := m.code
	for {
		op := code[pc]
		switch op {
		case opFailure:
			return false
		case opSuccess:
			return k(pos)
		case opInfo:
			if pos+int(code[pc+3]) > len(m.s) {
				return false
			}
			pc += 1 + int(code[pc+1])
		case opAny, opAnyAll, opLiteral, opNotLiteral, opLiteralIgnore, opLiteralLocIgnore,
			opNotLiteralIgnore, opNotLiteralLocIgnore, opLiteralUniIgnore, opNotLiteralUniIgnore, opCategory:
			if !m.one(pc, pos) {
				return false
			}
			pos++
			if op == opAny || op == opAnyAll {
				pc++
			} else {
				pc += 2
			}
		case opIn, opInIgnore, opInLocIgnore, opInUniIgnore:
			if !m.one(pc, pos) {
				return false
			}
			pos++
			pc += 1 + int(code[pc+1])
		case opAt:
			if !m.at(code[pc+1], pos) {
				return false
			}
			pc += 2
		case opJump:
			pc += 1 + int(code[pc+1])
		case opMark:
			i := int(code[pc+1])
			old, oldLast := m.mark(i), m.lastindex
			m.setMark(i, pos)
			if i&1 == 1 {
				m.lastindex = i/2 + 1
			}
			if m.run(pc+2, pos, k) {
				return true
			}
			m.setMark(i, old)
			m.lastindex = oldLast
			return false
		case opBranch:
			alt := pc + 1
			for code[alt] != 0 {
				if m.run(alt+1, pos, k) {
					return true
				}
				alt += int(code[alt])
			}
			return false
		case opGroupref, opGrouprefIgnore, opGrouprefLocIgnore, opGrouprefUniIgnore:
			var fold func(int32) int32
			switch op {
			case opGrouprefIgnore, opGrouprefLocIgnore:
				fold = asciiLower
			case opGrouprefUniIgnore:
				fold = uniLower
			}
			np, ok := m.groupref(int(code[pc+1]), pos, fold)
			if !ok {
				return false
			}
			pos = np
			pc += 2
		case opGrouprefExists:
			g := int(code[pc+1])
			st, en := m.mark(2*g), m.mark(2*g+1)
			if st >= 0 && en >= 0 && st <= en {
				pc += 3
			} else {
				pc += 1 + int(code[pc+2])
			}
		case opAssert, opAssertNot:
			back := int(code[pc+2])
			ok := false
			saved := append([]int(nil), m.marks...)
			savedLast := m.lastindex
			if pos-back >= 0 {
				sub := &sreMatcher{code: m.code, s: m.s, marks: m.marks, lastindex: m.lastindex, start: m.start}
				ok = sub.run(pc+3, pos-back, func(int) bool { return true })
				if ok && op == opAssert {
					m.marks, m.lastindex = sub.marks, sub.lastindex
				}
			}
			if ok != (op == opAssert) {
				m.marks, m.lastindex = saved, savedLast
				return false
			}
			if op == opAssertNot {
				m.marks, m.lastindex = saved, savedLast
			}
			next := pc + 1 + int(code[pc+1])
			if m.run(next, pos, k) {
				return true
			}
			m.marks, m.lastindex = saved, savedLast
			return false
		case opRepeatOne, opMinRepeatOne, opPossessiveRepeatOne:
			mn, mx := int(code[pc+2]), int(code[pc+3])
			item := pc + 4
			next := pc + 1 + int(code[pc+1])
			if op == opMinRepeatOne {
				n := 0
				for n < mn {
					if !m.one(item, pos+n) {
						return false
					}
					n++
				}
				for {
					if m.run(next, pos+n, k) {
						return true
					}
					if n >= mx && mx != sreMaxRepeat || !m.one(item, pos+n) {
						return false
					}
					n++
				}
			}
			n := 0
			for (mx == sreMaxRepeat || n < mx) && m.one(item, pos+n) {
				n++
			}
			if n < mn {
				return false
			}
			if op == opPossessiveRepeatOne {
				pos += n
				pc = next
				continue
			}
			var lit int32 = -1
			if code[next] == opLiteral {
				lit = int32(code[next+1])
			}
			for ; n >= mn; n-- {
				if lit >= 0 && (pos+n >= len(m.s) || m.s[pos+n] != lit) {
					continue
				}
				if m.run(next, pos+n, k) {
					return true
				}
			}
			return false
		case opRepeat:
			rp := &sreRepeat{count: -1, pc: pc, lastpos: -1, prev: m.repeat}
			m.repeat = rp
			if m.run(pc+1+int(code[pc+1]), pos, k) {
				return true
			}
			m.repeat = rp.prev
			return false
		case opMaxUntil, opMinUntil:
			rp := m.repeat
			if rp == nil {
				return false
			}
			rpc := rp.pc
			mn, mx := int(code[rpc+2]), int(code[rpc+3])
			body := rpc + 4
			count := rp.count + 1
			if count < mn {
				rp.count = count
				if m.run(body, pos, k) {
					return true
				}
				rp.count = count - 1
				return false
			}
			tail := func() bool {
				m.repeat = rp.prev
				if m.run(pc+1, pos, k) {
					return true
				}
				m.repeat = rp
				return false
			}
			more := func() bool {
				if (count < mx || mx == sreMaxRepeat) && pos != rp.lastpos {
					oldLast := rp.lastpos
					rp.count = count
					rp.lastpos = pos
					if m.run(body, pos, k) {
						return true
					}
					rp.count = count - 1
					rp.lastpos = oldLast
				}
				return false
			}
			if op == opMaxUntil {
				return more() || tail()
			}
			return tail() || more()
		case opAtomicGroup:
			saved := append([]int(nil), m.marks...)
			savedLast := m.lastindex
			end := -1
			if !m.run(pc+2, pos, func(e int) bool { end = e; return true }) {
				return false
			}
			if m.run(pc+1+int(code[pc+1]), end, k) {
				return true
			}
			m.marks, m.lastindex = saved, savedLast
			return false
		case opPossessiveRepeat:
			saved := append([]int(nil), m.marks...)
			savedLast := m.lastindex
			mn, mx := int(code[pc+2]), int(code[pc+3])
			n := 0
			p := pos
			for mx == sreMaxRepeat || n < mx {
				end := -1
				if !m.run(pc+4, p, func(e int) bool { end = e; return true }) {
					break
				}
				n++
				if end == p && n >= mn {
					break
				}
				p = end
			}
			if n < mn {
				m.marks, m.lastindex = saved, savedLast
				return false
			}
			if m.run(pc+1+int(code[pc+1]), p, k) {
				return true
			}
			m.marks, m.lastindex = saved, savedLast
			return false
		default:
			return false
		}
	}
}

const sreSrc = `
import sys as _sys

_MAXSIZE = _sys.maxsize


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    return Pattern(pattern, flags, code, groups, groupindex, indexgroup)


def _mappingproxy(d):
    import types
    return types.MappingProxyType(d)


class Pattern:
    def __init__(self, pattern, flags, code, groups, groupindex, indexgroup):
        self.pattern = pattern
        self.flags = flags
        self._code = list(code)
        self.groups = groups
        self._groupindex = dict(groupindex)
        self._indexgroup = indexgroup

    @property
    def groupindex(self):
        return _mappingproxy(self._groupindex)

    def _check(self, string):
        if isinstance(self.pattern, str):
            if not isinstance(string, str):
                raise TypeError('cannot use a string pattern on a bytes-like object')
        elif isinstance(self.pattern, bytes):
            if isinstance(string, str):
                raise TypeError('cannot use a bytes pattern on a string-like object')
            if not isinstance(string, (bytes, bytearray)):
                if isinstance(string, memoryview):
                    string = bytes(string)
                else:
                    raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        return string

    def _do(self, string, pos, endpos, mode, must_advance=False):
        r = _run(self._code, string, pos, endpos, mode, must_advance)
        if r is None:
            return None
        return Match(self, string, pos, endpos, r)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        string = self._check(string)
        return self._do(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        string = self._check(string)
        return self._do(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        string = self._check(string)
        return self._do(string, pos, endpos, 2)

    def _iter(self, string, pos=0, endpos=_MAXSIZE):
        string = self._check(string)
        n = len(string)
        if endpos > n:
            endpos = n
        must_advance = False
        while pos <= endpos:
            m = self._do(string, pos, endpos, 2, must_advance)
            if m is None:
                return
            yield m
            must_advance = m._end == m._start
            pos = m._end

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return iter(list(self._iter(string, pos, endpos)))

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        out = []
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m._group_or(1, string[:0]))
            else:
                out.append(tuple(m._group_or(i, string[:0]) for i in range(1, self.groups + 1)))
        return out

    def split(self, string, maxsplit=0):
        string = self._check(string)
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:m._start])
            out.extend(m.groups())
            last = m._end
            n += 1
        out.append(string[last:])
        return out

    def _subx(self, repl, string, count):
        string = self._check(string)
        if callable(repl):
            filt = repl
        else:
            is_lit = isinstance(repl, (str, bytes)) and ('\\' not in repl if isinstance(repl, str) else b'\\' not in repl)
            if is_lit:
                filt = repl
            else:
                import re
                filt = re._subx(self, repl)
        pieces = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            pieces.append(string[last:m._start])
            if callable(filt):
                r = filt(m)
                if r is None:
                    r = string[:0]
                pieces.append(r)
            else:
                pieces.append(filt)
            last = m._end
            n += 1
        pieces.append(string[last:])
        joiner = string[:0]
        if isinstance(joiner, bytearray):
            joiner = b''
        return joiner.join(pieces), n

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        names = []
        import re
        if isinstance(self.pattern, str):
            flags &= ~re.UNICODE
        for name in ('TEMPLATE', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'UNICODE', 'VERBOSE', 'DEBUG', 'ASCII'):
            v = getattr(re, name, None)
            if v is not None and flags & v:
                names.append('re.' + name)
                flags &= ~v
        if flags:
            names.append(hex(flags))
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        if names:
            return 're.compile(%s, %s)' % (p, '|'.join(names))
        return 're.compile(%s)' % (p,)

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags and self._code == other._code

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        import re
        return (re._compile, (self.pattern, self.flags))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class Match:
    def __init__(self, pattern, string, pos, endpos, r):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = min(endpos, len(string)) if endpos >= 0 else 0
        self._start, self._end, li, marks = r
        self.lastindex = li if li >= 0 else None
        spans = [(self._start, self._end)]
        for g in range(1, pattern.groups + 1):
            i = 2 * (g - 1)
            if i + 1 < len(marks) and marks[i] >= 0 and marks[i + 1] >= 0 and marks[i] <= marks[i + 1]:
                spans.append((marks[i], marks[i + 1]))
            else:
                spans.append((-1, -1))
        self._spans = spans

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        ig = self.re._indexgroup
        if ig is None or self.lastindex >= len(ig):
            return None
        return ig[self.lastindex]

    @property
    def regs(self):
        return tuple(self._spans)

    def _index(self, g):
        if isinstance(g, int) or hasattr(g, '__index__') and not isinstance(g, (str, bytes)):
            try:
                i = g.__index__()
            except Exception:
                raise IndexError('no such group')
            if 0 <= i <= self.re.groups:
                return i
            raise IndexError('no such group')
        try:
            return self.re._groupindex[g]
        except (KeyError, TypeError):
            raise IndexError('no such group')

    def _group_or(self, i, default):
        a, b = self._spans[i]
        if a < 0:
            return default
        return self.string[a:b]

    def group(self, *args):
        if not args:
            return self._group_or(0, None)
        if len(args) == 1:
            return self._group_or(self._index(args[0]), None)
        return tuple(self._group_or(self._index(a), None) for a in args)

    def __getitem__(self, g):
        return self._group_or(self._index(g), None)

    def groups(self, default=None):
        return tuple(self._group_or(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group_or(i, default) for name, i in self.re._groupindex.items()}

    def start(self, group=0):
        return self._spans[self._index(group)][0]

    def end(self, group=0):
        return self._spans[self._index(group)][1]

    def span(self, group=0):
        return self._spans[self._index(group)]

    def expand(self, template):
        import re
        return re._expand(self.re, self, template)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (self._start, self._end, self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = pattern._check(string)
        self._pos = pos
        self._endpos = endpos
        self._must_advance = False
        self._done = False

    def _next(self, mode):
        if self._done:
            return None
        m = self.pattern._do(self._string, self._pos, self._endpos, mode, self._must_advance)
        if m is None:
            self._done = True
            return None
        self._must_advance = m._end == m._start
        self._pos = m._end
        return m

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


class _CastView:
    _sizes = {'B': 1, 'b': 1, 'c': 1, 'H': 2, 'h': 2, 'I': 4, 'i': 4, 'L': 8, 'l': 8,
              'Q': 8, 'q': 8, 'N': 8, 'n': 8}

    def __init__(self, data, format, shape=None):
        f = format.lstrip('@=')
        if f not in self._sizes:
            raise ValueError('memoryview: destination format must be a native single character format prefixed with an optional \'@\'')
        self.format = format
        self.itemsize = self._sizes[f]
        if len(data) % self.itemsize:
            raise TypeError('memoryview: length is not a multiple of itemsize')
        self._data = data
        self.nbytes = len(data)
        self.readonly = True
        self.ndim = 1

    def __len__(self):
        return len(self._data) // self.itemsize

    def __getitem__(self, i):
        items = self.tolist()
        return items[i]

    def __iter__(self):
        return iter(self.tolist())

    def tobytes(self):
        return self._data

    def tolist(self):
        f = self.format.lstrip('@=')
        if f == 'c':
            return [bytes([b]) for b in self._data]
        n = self.itemsize
        signed = f.islower()
        d = self._data
        return [int.from_bytes(d[i:i + n], 'little', signed=signed) for i in range(0, len(d), n)]

    def release(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


for _c in (Pattern, Match):
    _c.__module__ = 're'
Scanner.__module__ = '_sre'
Scanner.__name__ = Scanner.__qualname__ = 'SRE_Scanner'
del _c
`

// installMemoryviewCast gives the VM's byte-only memoryview a cast(format) method for the
// integer formats (re._compiler reads big character sets through memoryview(b).cast('I')).
// The view it returns is a read-only snapshot, a Python object from _sre (_CastView).
func installMemoryviewCast() {
	vm.AddTypeMethod(vm.MemoryViewType, "cast", func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		if len(args) < 2 {
			return nil, vm.TypeError("cast() missing required argument 'format' (pos 1)")
		}
		mv := args[0].(*vm.MemoryView)
		b, err := t.Call(BytesType, []Object{mv}, nil)
		if err != nil {
			return nil, err
		}
		mods := t.Interp().Modules
		sre, _ := mods.GetStr(NewStr("_sre")).(*vm.Module)
		if sre == nil {
			m, err := makeSre(t)
			if err != nil {
				return nil, err
			}
			sre = m
		}
		return t.Call(sre.Dict.GetStr(NewStr("_CastView")), []Object{b, args[1]}, nil)
	})
}
