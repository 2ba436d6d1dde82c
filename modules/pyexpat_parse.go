package modules

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// This file is pyexpat's XML parser: a well-formedness-checking, incremental tokenizer written
// for gopyc (not derived from expat's source; its error codes and positions were matched to
// expat 2.5.0's by differential testing against CPython). Input arrives in arbitrary chunks;
// each call to feed scans as many complete tokens as the buffered text holds and keeps the
// rest (an incomplete token is scanned again from its start when more input comes, as expat
// 2.5 does). The scan produces events, each with the line, column and byte index expat reports
// for it, and at most one error; pyexpat_dispatch.go calls the handlers for the events every
// 512 events and at the end of each feed. The DTD's internal subset is in pyexpat_dtd.go.

// Expat's error codes (the subset this parser raises).
const (
	xpErrSyntax        = 2
	xpErrNoElements    = 3
	xpErrInvalidToken  = 4
	xpErrUnclosedToken = 5
	xpErrPartialChar   = 6
	xpErrTagMismatch   = 7
	xpErrDupAttribute  = 8
	xpErrJunkAfterDoc  = 9
	xpErrParamEntRef   = 10
	xpErrUndefEntity   = 11
	xpErrRecursiveEnt  = 12
	xpErrBadCharRef    = 14
	xpErrBinaryEntRef  = 15
	xpErrExtEntInAttr  = 16
	xpErrMisplacedXML  = 17
	xpErrUnknownEnc    = 18
	xpErrUnclosedCDATA = 20
	xpErrUnboundPrefix = 27
	xpErrUndeclPrefix  = 28
	xpErrXMLDecl       = 30
	xpErrFinished      = 36
	xpErrAmplification = 43
)

// Event kinds, the first item of each event tuple (pyexpat.go's Python dispatches on them).
const (
	xpEvStart = iota
	xpEvEnd
	xpEvData
	xpEvPI
	xpEvComment
	xpEvStartNS
	xpEvEndNS
	xpEvXMLDecl
	xpEvStartDoctype
	xpEvEndDoctype
	xpEvStartCDATA
	xpEvEndCDATA
	xpEvEntityDecl
	xpEvNotationDecl
	xpEvElementDecl
	xpEvAttlistDecl
	xpEvExtRef
	xpEvSkipped
	xpEvDefault
	xpEvNotStandalone
)

// Billion-laughs protection, with expat's default thresholds: once entity expansion has
// produced more than xpAmpThreshold bytes, the output may be at most xpAmpFactor times the
// input.
const (
	xpAmpThreshold = 8 << 20
	xpAmpFactor    = 100
)

const (
	xpMore = -1 // the token continues beyond the buffered input
	xpFail = -2 // an error was recorded
)

// xpPos is a position as expat reports it: 1-based line, 0-based column in characters, and
// the byte offset in the input.
type xpPos struct{ line, col, idx int }

// xpValue is a string that may be absent (None in Python).
type xpValue struct {
	s  string
	ok bool
}

type xpEntity struct {
	name, value            string
	internal, param        bool
	sysid, pubid, notation xpValue
	open                   bool
	size                   int64 // bytes of the full expansion, -1 before it is computed
}

// xpAttDefault is an attribute declared by an ATTLIST: its type and default value.
type xpAttDefault struct {
	name, value, typ string
	hasDefault       bool
}

type xpElem struct {
	qname  string
	name   string
	nsDecl []string // prefixes bound on this element, in declaration order
}

// xpEvent is an event before conversion to Python objects.
type xpEvent struct {
	kind   int
	pos    xpPos
	args   []any  // string, int, bool, xpValue, []string, *xpModel
	raw    []byte // the markup, for the default handler (a slice of the scanned text)
	hasRaw bool
	pieces []string // raw text in several pieces for the default handler
}

// xpModel is an element declaration's content model.
type xpModel struct {
	typ, quant int
	name       xpValue
	children   []*xpModel
}

type xpParser struct {
	nsSep      string
	ns         bool
	nsPrefixes bool
	noExpand   bool // DefaultHandler set: internal entities in content are not expanded

	encName  string // from ParserCreate
	enc      string // decided input encoding; "" until known
	raw      []byte // input not yet decoded
	strInput bool

	buf    []byte // decoded UTF-8 text not yet consumed
	bpos   xpPos  // position of buf[0]
	cur    xpPos  // position cache: position of buf[curOff]
	curOff int
	curCR  bool

	state       int // 0 document start, 1 prolog, 2 content, 3 epilog
	inCDATA     bool
	sawDoctype  bool
	stack       []xpElem
	bindings    map[string][]string
	ents        map[string]*xpEntity
	pents       map[string]*xpEntity
	attDefaults map[string][]xpAttDefault
	extSubset   bool
	paramRefs   bool
	standalone  int

	events   []xpEvent
	errCode  int
	errPos   xpPos
	finished bool

	direct, indirect    int64
	inSubset            bool     // in the internal subset of the document type declaration
	dtSys, dtPub        xpValue  // its external identifier
	undo                []func() // undoes the declarations of an incomplete one
	refPos              xpPos
	entDepth            int
	entBase             int    // open elements outside the entity being expanded
	needEnc             string // an encoding Python's codecs must describe (SetEncodingTable)
	encTable            []rune
	paramParsing        int
	foreignDTD          bool
	askedDTD            bool
	oddByte             bool
	resumeKind          byte // 'c' or 'p': an incomplete comment or PI at resumeTok
	resumeTok, resumeAt int
	sink                func() error // takes the pending events (drain)
	abort               error        // the sink's error: scanning stops
	hold                int          // >0 while events may still be taken back or amended
	sawBOM              bool
	dropDecl            bool // the XML declaration was reported before the encoding was known
	frag                bool // an external entity's parser: content without a document element
}

func newXPParser(encoding string, nsSep string, ns bool) *xpParser {
	p := &xpParser{encName: encoding, nsSep: nsSep, ns: ns, standalone: -1,
		ents: map[string]*xpEntity{}, pents: map[string]*xpEntity{}, attDefaults: map[string][]xpAttDefault{}}
	p.bpos = xpPos{line: 1}
	p.cur = p.bpos
	if ns {
		p.bindings = map[string][]string{"xml": {"http://www.w3.org/XML/1998/namespace"}}
	}
	return p
}

// src is the text a scan works on: the document buffer, or an entity's replacement text
// (complete, its events placed at the reference).
type xpSrc struct {
	b     []byte
	final bool
	ent   bool
}

func (p *xpParser) pos(s *xpSrc, i int) xpPos {
	if s.ent {
		return p.refPos
	}
	return p.posAt(i)
}

func (p *xpParser) posAt(off int) xpPos {
	if off < p.curOff {
		p.cur, p.curOff, p.curCR = p.bpos, 0, false
	}
	for j := p.curOff; j < off && j < len(p.buf); j++ {
		c := p.buf[j]
		switch {
		case c == '\n':
			if !p.curCR {
				p.cur.line++
				p.cur.col = 0
			}
			p.curCR = false
		case c == '\r':
			p.cur.line++
			p.cur.col = 0
			p.curCR = true
		default:
			p.curCR = false
			if c&0xC0 != 0x80 {
				p.cur.col++
			}
		}
		p.cur.idx++
	}
	if off > p.curOff {
		p.curOff = off
	}
	return p.cur
}

func (p *xpParser) fail(s *xpSrc, code, i int) int {
	if p.errCode == 0 {
		p.errCode = code
		p.errPos = p.pos(s, i)
	}
	return xpFail
}

func (p *xpParser) emit(s *xpSrc, kind, i int, args ...any) {
	p.events = append(p.events, xpEvent{kind: kind, pos: p.pos(s, i), args: args})
	p.drain()
}

// drain hands the events to the sink (the handlers) every so often, so that a large input
// does not pile them up; a sink error stops the scan.
func (p *xpParser) drain() {
	if len(p.events) >= 512 && p.hold == 0 && p.sink != nil && p.abort == nil {
		p.abort = p.sink()
	}
}

func (p *xpParser) emitRaw(s *xpSrc, kind, i, j int, args ...any) {
	e := xpEvent{kind: kind, pos: p.pos(s, i), args: args}
	if j >= i {
		e.raw, e.hasRaw = s.b[i:j:j], true
	}
	p.events = append(p.events, e)
	p.drain()
}

// feed adds input and scans it; final marks the end of the document.
func (p *xpParser) feed(data []byte, final, isStr bool) {
	if p.errCode != 0 {
		return
	}
	if p.finished {
		p.errCode = xpErrFinished
		p.errPos = p.bpos
		return
	}
	p.direct += int64(len(data))
	if isStr && p.enc == "" && len(p.raw) == 0 && !(len(data) >= 2 && (data[0] == 0 || data[1] == 0)) {
		// str input is UTF-8, but like expat the parser still takes "<\0" or "\0<" at
		// the start for UTF-16
		p.enc = "utf-8"
		p.strInput = true
	}
	if p.enc == "" {
		p.raw = append(p.raw, data...)
		if !p.detect(final) {
			if p.errCode != 0 || p.needEnc != "" {
				return
			}
			if !final {
				return
			}
			p.enc = "utf-8"
		}
		data, p.raw = p.raw, nil
	}
	p.decode(data, final)
	if p.errCode != 0 {
		return
	}
	s := &xpSrc{b: p.buf, final: final}
	// expat pairs CR and LF within one call only: a LF starting this input after a CR that
	// ended the previous one is a line end of its own
	p.curCR = false
	n := p.run(s)
	if p.oddByte && p.errCode == 0 {
		code := xpErrPartialChar
		if p.state < 2 {
			code = xpErrUnclosedToken
		}
		p.fail(s, code, n)
	}
	if p.errCode == 0 && p.abort == nil && final {
		p.finish(s, n)
	}
	if n > 0 {
		p.posAt(n)
		p.bpos = p.cur
		// a new array: events keep slices of the old one
		p.buf = append(make([]byte, 0, len(p.buf)-n+4096), p.buf[n:]...)
		if p.resumeTok >= n {
			p.resumeTok -= n
			p.resumeAt -= n
		} else {
			p.resumeKind = 0
		}
		p.curOff = 0
	}
	if final {
		p.finished = true
	}
}

// detect decides the input encoding from a byte order mark, the XML declaration or the
// encoding given to ParserCreate; false means more input is needed.
func (p *xpParser) detect(final bool) bool {
	r := p.raw
	if p.encName != "" {
		return p.setEnc(p.encName, 0)
	}
	if len(r) < 4 && !final {
		if len(r) == 0 || !strings.HasPrefix("<?xml", string(r)) && !strings.HasPrefix("\xef\xbb\xbf", string(r)) && !(len(r) >= 2 && (r[0] == 0xfe || r[0] == 0xff || r[0] == 0 || r[1] == 0)) {
			if len(r) >= 2 || len(r) == 1 && r[0] != 0xfe && r[0] != 0xff && r[0] != 0 && r[0] != '<' && r[0] != 0xef {
				p.enc = "utf-8"
				return true
			}
			return false
		}
		return false
	}
	switch {
	case len(r) >= 2 && r[0] == 0xfe && r[1] == 0xff, len(r) >= 2 && r[0] == 0:
		p.enc = "utf-16be"
		return true
	case len(r) >= 2 && r[0] == 0xff && r[1] == 0xfe, len(r) >= 2 && r[1] == 0:
		p.enc = "utf-16le"
		return true
	case hasPrefixMore(r, "<?xml") && len(r) < 5 && !final:
		return false
	case strings.HasPrefix(string(r), "<?xml"):
		end := strings.Index(string(r), "?>")
		if end < 0 {
			if !final && len(r) < 1024 {
				return false
			}
			p.enc = "utf-8"
			return true
		}
		decl := string(r[:end])
		k := strings.Index(decl, "encoding")
		if k < 0 {
			p.enc = "utf-8"
			return true
		}
		rest := strings.TrimLeft(decl[k+8:], " \t\r\n")
		if !strings.HasPrefix(rest, "=") {
			p.enc = "utf-8"
			return true
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		if rest == "" || rest[0] != '"' && rest[0] != '\'' {
			p.enc = "utf-8"
			return true
		}
		q := strings.IndexByte(rest[1:], rest[0])
		if q < 0 {
			p.enc = "utf-8"
			return true
		}
		name := rest[1 : 1+q]
		for k := 0; k < len(name); k++ {
			c := name[k]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || k > 0 && (c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
				p.enc = "utf-8" // a malformed declaration, reported when it is parsed
				return true
			}
		}
		if p.setEnc(name, 0) {
			return true
		}
		// expat reports the declaration (or its faults) before it looks the encoding up
		p.buf = append(p.buf[:0], r[:end+2]...)
		p.cur, p.curOff, p.curCR = p.bpos, 0, false
		p.hold++
		n := p.pi(&xpSrc{b: p.buf, final: true}, 0)
		p.hold--
		p.buf = p.buf[:0]
		p.cur, p.curOff, p.curCR = p.bpos, 0, false
		p.state = 0
		if n < 0 {
			p.needEnc = ""
			if p.errCode == 0 {
				p.enc = "utf-8"
				return true
			}
			return false
		}
		p.dropDecl = true
		return false
	}
	p.enc = "utf-8"
	return true
}

func (p *xpParser) setEnc(name string, at int) bool {
	switch strings.ToLower(name) {
	case "utf-8", "utf8":
		p.enc = "utf-8"
	case "iso-8859-1", "latin-1", "latin1", "iso8859-1", "l1":
		p.enc = "latin-1"
	case "us-ascii", "ascii":
		p.enc = "ascii"
	case "utf-16", "utf16":
		if len(p.raw) >= 2 && p.raw[0] == 0xfe && p.raw[1] == 0xff {
			p.enc = "utf-16be"
		} else {
			p.enc = "utf-16le"
		}
	case "utf-16le":
		p.enc = "utf-16le"
	case "utf-16be":
		p.enc = "utf-16be"
	default:
		if p.encTable == nil {
			p.needEnc = name
			return false
		}
		p.enc = "table"
	}
	return true
}

// SetEncodingTable gives the characters of the 256 bytes of the single-byte encoding the
// parser asked for (needEnc); nil means it is unknown.
func (p *xpParser) SetEncodingTable(table []rune) {
	if table == nil {
		p.errCode = xpErrUnknownEnc
		p.errPos = xpPos{line: 1}
		return
	}
	p.encTable = table
}

// decode appends input to buf as UTF-8, keeping an incomplete trailing sequence in raw.
func (p *xpParser) decode(data []byte, final bool) {
	switch p.enc {
	case "table":
		for _, c := range data {
			if r := p.encTable[c]; r >= 0 {
				p.buf = utf8.AppendRune(p.buf, r)
			} else {
				p.buf = append(p.buf, 0xff)
			}
		}
	case "latin-1", "ascii":
		for _, c := range data {
			if c < 0x80 {
				p.buf = append(p.buf, c)
			} else if p.enc == "ascii" {
				p.buf = append(p.buf, 0xff) // invalid in UTF-8: reported as an invalid token
			} else {
				p.buf = utf8.AppendRune(p.buf, rune(c))
			}
		}
	case "utf-16le", "utf-16be":
		data = append(p.raw, data...)
		p.raw = nil
		var u []uint16
		n := len(data) &^ 1
		for i := 0; i < n; i += 2 {
			if p.enc == "utf-16le" {
				u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
			} else {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			}
		}
		keep := data[n:]
		if len(u) > 0 && u[len(u)-1] >= 0xd800 && u[len(u)-1] < 0xdc00 && !final {
			keep = append([]byte{}, data[n-2:]...)
			u = u[:len(u)-1]
		}
		p.raw = append([]byte{}, keep...)
		for _, r := range utf16.Decode(u) {
			if r == utf8.RuneError {
				p.buf = append(p.buf, 0xff)
			} else {
				p.buf = utf8.AppendRune(p.buf, r)
			}
		}
		if final && len(p.raw) > 0 {
			// The odd byte is reported after the complete characters are scanned.
			p.oddByte = true
		}
	default:
		p.buf = append(p.buf, data...)
	}
}

// finish reports what is missing at the end of the document.
func (p *xpParser) finish(s *xpSrc, n int) {
	switch {
	case n < len(s.b):
		r, sz := utf8.DecodeRune(s.b[n:])
		if r == utf8.RuneError && sz <= 1 && !utf8.FullRune(s.b[n:]) {
			p.fail(s, xpErrPartialChar, n)
			return
		}
		if p.inCDATA {
			p.fail(s, xpErrUnclosedCDATA, n)
			return
		}
		p.fail(s, xpErrUnclosedToken, n)
	case p.inCDATA:
		p.fail(s, xpErrUnclosedCDATA, n)
	case p.state < 3 && !p.frag:
		p.fail(s, xpErrNoElements, n)
		if p.direct == 0 {
			p.errPos.idx = -1
		}
	}
}

// run scans tokens from the start of s and returns the offset up to which they are complete.
func (p *xpParser) run(s *xpSrc) int {
	i := 0
	for i < len(s.b) && p.errCode == 0 && p.abort == nil {
		var n int
		if p.inCDATA {
			n = p.cdata(s, i)
		} else if p.inSubset && !s.ent {
			n = p.subsetToken(s, i)
		} else if p.state == 2 || s.ent {
			n = p.content(s, i)
		} else {
			n = p.prolog(s, i)
		}
		if n < 0 {
			return i
		}
		i = n
	}
	return i
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// char decodes the character at i: its rune and size, 0 size at the end of the input, or -1
// for an invalid character (an incomplete sequence at the end gives size 0 unless final).
func (p *xpParser) char(s *xpSrc, i int) (rune, int) {
	if i >= len(s.b) {
		return 0, 0
	}
	c := s.b[i]
	if c < 0x80 {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return rune(c), -1
		}
		return rune(c), 1
	}
	if !utf8.FullRune(s.b[i:]) {
		if s.final {
			return 0, -1
		}
		return 0, 0
	}
	r, sz := utf8.DecodeRune(s.b[i:])
	if r == utf8.RuneError && sz <= 1 || r == 0xfffe || r == 0xffff {
		return r, -1
	}
	return r, sz
}

func isNameStart(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || r == ':'
	}
	return unicode.IsLetter(r) || r >= 0x3007 && r <= 0x3029 && unicode.Is(unicode.Nl, r)
}

func isNameChar(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == ':' || r == '-' || r == '.'
	}
	return r == 0xb7 || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Lm, unicode.Nl) || r == 0x387
}

// name scans a name at i: the offset after it, xpMore or xpFail.
func (p *xpParser) name(s *xpSrc, i int) int {
	r, sz := p.char(s, i)
	if sz == 0 {
		return xpMore
	}
	if sz < 0 || !isNameStart(r) {
		return p.fail(s, xpErrInvalidToken, i)
	}
	i += sz
	for {
		r, sz = p.char(s, i)
		if sz == 0 {
			if s.final && i == len(s.b) {
				return i // a name at the end of the document is complete
			}
			return xpMore
		}
		if sz < 0 || !isNameChar(r) {
			return i
		}
		i += sz
	}
}

// qname scans an element or attribute name; with namespaces a second colon is an invalid
// token, as in expat.
func (p *xpParser) qname(s *xpSrc, i int) int {
	if p.ns && i < len(s.b) && s.b[i] == ':' {
		return p.fail(s, xpErrInvalidToken, i)
	}
	n := p.name(s, i)
	if n < 0 || !p.ns {
		return n
	}
	if c := strings.IndexByte(string(s.b[i:n]), ':'); c >= 0 {
		if d := strings.IndexByte(string(s.b[i+c+1:n]), ':'); d >= 0 {
			return p.fail(s, xpErrInvalidToken, i+c+1+d)
		}
		if i+c+1 == n {
			return p.fail(s, xpErrInvalidToken, n)
		}
		if r, _ := utf8.DecodeRune(s.b[i+c+1:]); !isNameStart(r) {
			return p.fail(s, xpErrInvalidToken, i+c+1)
		}
	}
	return n
}

// spaces skips white space; xpMore if the input ends.
func (p *xpParser) spaces(s *xpSrc, i int) int {
	for i < len(s.b) && isXMLSpace(s.b[i]) {
		i++
	}
	if i == len(s.b) {
		return xpMore
	}
	return i
}

// prolog scans one token before or after the document element.
func (p *xpParser) prolog(s *xpSrc, i int) int {
	b := s.b
	if isXMLSpace(b[i]) {
		j := i
		for j < len(b) && isXMLSpace(b[j]) {
			j++
		}
		// before the document element a CR ending the input waits for a LF; after it expat
		// takes the white space at once (and a LF in the next input is another line end)
		if j == len(b) && !s.final && b[j-1] == '\r' && p.state != 3 {
			j--
			if j == i {
				return xpMore
			}
		}
		p.emitRaw(s, xpEvDefault, i, j, string(b[i:j]))
		if p.state == 0 {
			p.state = 1
		}
		return j
	}
	if p.state == 0 && !p.sawBOM && strings.HasPrefix(string(b[i:min(len(b), i+3)]), "\ufeff") {
		p.sawBOM = true
		return i + 3
	}
	if b[i] != '<' {
		code := xpErrSyntax
		if p.state == 3 {
			code = xpErrJunkAfterDoc
		}
		return p.prologToken(s, i, code)
	}
	if i+1 >= len(b) {
		return xpMore
	}
	switch b[i+1] {
	case '?':
		n := p.pi(s, i)
		if n >= 0 && p.state == 0 {
			p.state = 1
		}
		return n
	case '!':
		if i+2 >= len(b) {
			return xpMore
		}
		if b[i+2] == '-' {
			n := p.comment(s, i)
			if n >= 0 && p.state == 0 {
				p.state = 1
			}
			return n
		}
		kw, k := p.declKeyword(s, i)
		if k >= 0 && p.state == 3 {
			return p.fail(s, xpErrJunkAfterDoc, i)
		}
		if k < 0 {
			return k
		}
		if kw != "DOCTYPE" || p.sawDoctype {
			return p.fail(s, xpErrSyntax, i)
		}
		return p.doctype(s, i)
	}
	if p.state == 3 {
		r, sz := p.char(s, i+1)
		if sz == 0 {
			return xpMore
		}
		if sz > 0 && !isNameStart(r) && r < 0x80 {
			return p.fail(s, xpErrInvalidToken, i+1)
		}
		return p.fail(s, xpErrJunkAfterDoc, i)
	}
	if p.foreignDTD && !p.sawDoctype && p.paramParsing > 0 && !p.askedDTD {
		p.emit(s, xpEvExtRef, i, xpValue{}, xpValue{}, xpValue{})
		p.askedDTD = true
	}
	p.state = 2
	n := p.startTag(s, i)
	if n < 0 {
		p.state = 1
	}
	return n
}

// declKeyword scans the letters after "<!" at i; they must be followed by white space (an
// invalid token otherwise, at the character after them).
func (p *xpParser) declKeyword(s *xpSrc, i int) (string, int) {
	b := s.b
	k := i + 2
	if k >= len(b) {
		return "", xpMore
	}
	if b[k] == '[' {
		return "[", k + 1 // a conditional section: a syntax error where it may appear
	}
	nameByte := func(c byte) bool {
		return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == ':' && !p.ns
	}
	if !nameByte(b[k]) {
		return "", p.fail(s, xpErrInvalidToken, k)
	}
	for {
		k++
		if k >= len(b) {
			if s.final {
				return "", p.fail(s, xpErrUnclosedToken, i)
			}
			return "", xpMore
		}
		c := b[k]
		switch {
		case c == '%':
			if k+1 >= len(b) {
				if s.final {
					return "", p.fail(s, xpErrUnclosedToken, i)
				}
				return "", xpMore
			}
			if isXMLSpace(b[k+1]) || b[k+1] == '%' {
				return "", p.fail(s, xpErrInvalidToken, k)
			}
			return string(b[i+2 : k]), k
		case isXMLSpace(c):
			return string(b[i+2 : k]), k
		case nameByte(c):
		default:
			return "", p.fail(s, xpErrInvalidToken, k)
		}
	}
}

// dtdSyntax reports a syntax error at k in a declaration, or an invalid token when the text
// at k is not one of the tokens expat's prolog tokenizer knows.
func (p *xpParser) dtdSyntax(s *xpSrc, k int) int {
	b := s.b
	if k >= len(b) {
		return xpMore
	}
	if b[k] == '<' {
		if k+1 >= len(b) {
			return xpMore
		}
		switch b[k+1] {
		case '!':
			if k+2 < len(b) && b[k+2] == '-' {
				if strings.Contains(string(b[k+2:]), "-->") {
					return p.fail(s, xpErrSyntax, k)
				}
				if s.final {
					return p.fail(s, xpErrUnclosedToken, k)
				}
				return xpMore
			}
			if _, n := p.declKeyword(s, k); n < 0 {
				return n
			}
			return p.fail(s, xpErrSyntax, k)
		case '?':
			return p.fail(s, xpErrSyntax, k)
		}
		r, sz := p.char(s, k+1)
		if sz == 0 {
			return xpMore
		}
		if sz > 0 && (isNameStart(r) || r >= 0x80) {
			return p.fail(s, xpErrSyntax, k) // the document element's start
		}
		return p.fail(s, xpErrInvalidToken, k+1)
	}
	return p.prologToken(s, k, xpErrSyntax)
}

// prologToken reports an error for a token that cannot appear at i outside the document
// element: code (syntax error, or junk after the document element) when it is one of the
// tokens expat's prolog tokenizer knows, an invalid token at the offending character if not.
func (p *xpParser) prologToken(s *xpSrc, i, code int) int {
	b := s.b
	r, sz := p.char(s, i)
	if sz == 0 {
		return xpMore
	}
	if sz < 0 {
		return p.fail(s, xpErrInvalidToken, i)
	}
	switch {
	case isNameChar(r):
		n := i
		for {
			r2, sz2 := p.char(s, n)
			if sz2 == 0 {
				// a name reaching the end of the input is complete at the end of the
				// document; after the document element expat takes it as junk at once
				if s.final || code == xpErrJunkAfterDoc && n == len(b) {
					return p.fail(s, code, i)
				}
				return xpMore
			}
			if sz2 < 0 || !isNameChar(r2) {
				break
			}
			n += sz2
		}
		switch b[n] {
		case ' ', '\t', '\r', '\n', '>', ')', ',', '|', '[', '%', '+', '*', '?':
			return p.fail(s, code, i)
		}
		return p.fail(s, xpErrInvalidToken, n)
	case r == '"' || r == '\'':
		e := p.quoted(s, i)
		if e < 0 {
			return e
		}
		return p.fail(s, code, i)
	case r == '#':
		if i+1 >= len(b) {
			if s.final {
				return p.fail(s, xpErrUnclosedToken, i)
			}
			return xpMore
		}
		if r2, _ := p.char(s, i+1); !isNameStart(r2) {
			return p.fail(s, xpErrInvalidToken, i+1)
		}
		n := i + 1
		for {
			r2, sz2 := p.char(s, n)
			if sz2 == 0 {
				if s.final {
					return p.fail(s, code, i)
				}
				return xpMore
			}
			if sz2 < 0 || !isNameChar(r2) || p.ns && r2 == ':' {
				break
			}
			n += sz2
		}
		switch b[n] {
		case ' ', '\t', '\r', '\n', ')', '>', '%', '|':
			return p.fail(s, code, i)
		}
		return p.fail(s, xpErrInvalidToken, n)
	case r == '%':
		if i+1 >= len(b) {
			if s.final {
				return p.fail(s, xpErrUnclosedToken, i)
			}
			return xpMore
		}
		if isXMLSpace(b[i+1]) {
			return p.fail(s, code, i)
		}
		n := p.name(s, i+1)
		if n < 0 {
			return n
		}
		if n >= len(b) {
			if s.final {
				return p.fail(s, xpErrUnclosedToken, i)
			}
			return xpMore
		}
		if b[n] != ';' {
			return p.fail(s, xpErrInvalidToken, n)
		}
		return p.fail(s, code, i)
	case strings.ContainsRune("[]()|,>", r):
		return p.fail(s, code, i)
	}
	return p.fail(s, xpErrInvalidToken, i)
}

// hasPrefixMore reports whether b could start with prefix (b may be shorter).
func hasPrefixMore(b []byte, prefix string) bool {
	n := min(len(b), len(prefix))
	return string(b[:n]) == prefix[:n]
}

// content scans one token inside the document element (or an entity's replacement text).
func (p *xpParser) content(s *xpSrc, i int) int {
	b := s.b
	switch b[i] {
	case '<':
		if i+1 >= len(b) {
			return xpMore
		}
		switch b[i+1] {
		case '/':
			return p.endTag(s, i)
		case '?':
			return p.pi(s, i)
		case '!':
			if i+2 >= len(b) {
				return xpMore
			}
			if b[i+2] == '-' {
				return p.comment(s, i)
			}
			if b[i+2] != '[' {
				return p.fail(s, xpErrInvalidToken, i+2)
			}
			if len(b)-i < 9 && !s.final {
				return xpMore // expat looks at "<![CDATA[" once it is all there
			}
			if !hasPrefixMore(b[i:], "<![CDATA[") {
				k := i + 2
				for k < len(b) && k-i < 9 && b[k] == "<![CDATA["[k-i] {
					k++
				}
				return p.fail(s, xpErrInvalidToken, k)
			}
			if len(b)-i < 9 {
				return xpMore
			}
			p.emitRaw(s, xpEvStartCDATA, i, i+9)
			p.inCDATA = true
			return i + 9
		}
		return p.startTag(s, i)
	case '&':
		return p.reference(s, i)
	case '\n':
		p.emit(s, xpEvData, i, "\n")
		return i + 1
	case '\r':
		if i+1 >= len(b) {
			if !s.final {
				return xpMore
			}
			p.emit(s, xpEvData, i, "\n")
			return i + 1
		}
		p.emit(s, xpEvData, i, "\n")
		if b[i+1] == '\n' {
			return i + 2
		}
		return i + 1
	}
	j := i
	for j < len(b) {
		c := b[j]
		if c == '<' || c == '&' || c == '\n' || c == '\r' {
			break
		}
		if c == ']' {
			if j+2 >= len(b) && !s.final {
				if j+1 < len(b) && b[j+1] != ']' {
					j++
					continue
				}
				break
			}
			if j+2 < len(b) && b[j+1] == ']' && b[j+2] == '>' {
				// the whole run is one invalid token: its text is not reported
				return p.fail(s, xpErrInvalidToken, j+2)
			}
			j++
			continue
		}
		_, sz := p.char(s, j)
		if sz == 0 {
			break
		}
		if sz < 0 {
			if j > i {
				p.emitData(s, i, j)
			}
			return p.fail(s, xpErrInvalidToken, j)
		}
		j += sz
	}
	if j == i {
		return xpMore
	}
	p.emitData(s, i, j)
	return j
}

// cdata scans the inside of a CDATA section, in expat's pieces: runs of characters up to a
// ']' or a line end, a ']' that starts "]]" alone.
func (p *xpParser) cdata(s *xpSrc, i int) int {
	b := s.b
	j := i
	switch b[i] {
	case '\n':
		p.emit(s, xpEvData, i, "\n")
		return i + 1
	case '\r':
		if i+1 >= len(b) && !s.final {
			return xpMore
		}
		p.emit(s, xpEvData, i, "\n")
		if i+1 < len(b) && b[i+1] == '\n' {
			return i + 2
		}
		return i + 1
	case ']':
		if i+1 >= len(b) {
			if !s.final {
				return xpMore
			}
			j = i + 1
			break
		}
		if b[i+1] != ']' {
			j = i + 1
			break
		}
		if i+2 >= len(b) {
			if !s.final {
				return xpMore
			}
		} else if b[i+2] == '>' {
			p.emitRaw(s, xpEvEndCDATA, i, i+3)
			p.inCDATA = false
			return i + 3
		}
		p.emit(s, xpEvData, i, "]")
		return i + 1
	}
	for j < len(b) {
		c := b[j]
		if c == '\n' || c == '\r' || c == ']' {
			break
		}
		_, sz := p.char(s, j)
		if sz == 0 {
			break
		}
		if sz < 0 {
			if j > i {
				p.emitData(s, i, j)
			}
			return p.fail(s, xpErrInvalidToken, j)
		}
		j += sz
	}
	if j == i {
		return xpMore
	}
	p.emitData(s, i, j)
	return j
}

// resume notes how far an incomplete comment or PI at i was scanned, so that the next feed
// continues there instead of scanning a long token again from its start.
func (p *xpParser) resume(s *xpSrc, kind byte, i, at int) {
	if !s.ent {
		p.resumeKind, p.resumeTok, p.resumeAt = kind, i, at
	}
}

// comment scans <!--...-->.
func (p *xpParser) comment(s *xpSrc, i int) int {
	b := s.b
	if len(b)-i < 4 {
		if hasPrefixMore(b[i:], "<!--") {
			return xpMore
		}
		return p.fail(s, xpErrInvalidToken, i+3)
	}
	if b[i+3] != '-' {
		return p.fail(s, xpErrInvalidToken, i+3)
	}
	j := i + 4
	if !s.ent && p.resumeKind == 'c' && p.resumeTok == i && p.resumeAt > j {
		j = p.resumeAt // the text before was scanned by an earlier feed
	}
	for {
		if j+1 < len(b) && b[j] == '-' && b[j+1] == '-' {
			if j+2 >= len(b) {
				p.resume(s, 'c', i, j)
				return xpMore
			}
			if b[j+2] != '>' {
				return p.fail(s, xpErrInvalidToken, j+2)
			}
			p.emitRaw(s, xpEvComment, i, j+3, normNewlines(b[i+4:j]))
			return j + 3
		}
		_, sz := p.char(s, j)
		if sz == 0 {
			at := j // resume at a character start; a '-' before may begin "--"
			if j > i+4 && b[j-1] == '-' {
				at = j - 1
			}
			p.resume(s, 'c', i, at)
			return xpMore
		}
		if sz < 0 {
			return p.fail(s, xpErrInvalidToken, j)
		}
		j += sz
	}
}

func normNewlines(b []byte) string {
	if !strings.Contains(string(b), "\r") {
		return string(b)
	}
	return strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\r", "\n")
}

// pi scans <?target data?>, and the XML declaration at the start of the document.
func (p *xpParser) pi(s *xpSrc, i int) int {
	b := s.b
	t := p.qname(s, i+2)
	if t < 0 {
		return t
	}
	target := string(b[i+2 : t])
	if c := strings.IndexByte(target, ':'); c >= 0 && p.ns {
		return p.fail(s, xpErrInvalidToken, i+2+c)
	}
	if strings.EqualFold(target, "xml") {
		if target != "xml" {
			return p.fail(s, xpErrInvalidToken, t)
		}
		if p.state == 3 && !s.ent {
			return p.fail(s, xpErrJunkAfterDoc, i)
		}
		if p.state != 0 && !(p.frag && p.state == 2) || s.ent {
			return p.fail(s, xpErrMisplacedXML, i)
		}
		return p.xmlDecl(s, i, t)
	}
	j := t
	if j >= len(b) {
		return xpMore
	}
	if !isXMLSpace(b[j]) {
		if b[j] == '?' {
			if j+1 >= len(b) {
				return xpMore
			}
			if b[j+1] == '>' {
				p.emitRaw(s, xpEvPI, i, j+2, target, "")
				return j + 2
			}
			return p.fail(s, xpErrInvalidToken, j+1)
		}
		return p.fail(s, xpErrInvalidToken, j)
	}
	j = p.spaces(s, j)
	if j < 0 {
		return j
	}
	d := j
	if !s.ent && p.resumeKind == 'p' && p.resumeTok == i && p.resumeAt > j {
		j = p.resumeAt // the text before was scanned by an earlier feed
	}
	for {
		if j >= len(b) {
			return xpMore
		}
		if b[j] == '?' {
			if j+1 >= len(b) {
				p.resume(s, 'p', i, j)
				return xpMore
			}
			if b[j+1] == '>' {
				p.emitRaw(s, xpEvPI, i, j+2, target, normNewlines(b[d:j]))
				return j + 2
			}
		}
		_, sz := p.char(s, j)
		if sz == 0 {
			p.resume(s, 'p', i, j)
			return xpMore
		}
		if sz < 0 {
			return p.fail(s, xpErrInvalidToken, j)
		}
		j += sz
		if j >= len(b) {
			p.resume(s, 'p', i, j)
			return xpMore
		}
	}
}

// xmlDecl scans the XML declaration's pseudo-attributes (version, encoding, standalone),
// reporting a malformed one where expat does: at an unexpected name, a missing '=' or quote,
// or the first character not allowed in the value.
func (p *xpParser) xmlDecl(s *xpSrc, i, j int) int {
	b := s.b
	if j >= len(b) {
		return xpMore
	}
	if !isXMLSpace(b[j]) && b[j] != '?' {
		return p.fail(s, xpErrInvalidToken, j)
	}
	end := strings.Index(string(b[j:]), "?>")
	if end < 0 {
		for k := j; k < len(b); k++ {
			if _, sz := p.char(s, k); sz < 0 {
				return p.fail(s, xpErrInvalidToken, k)
			}
		}
		return xpMore
	}
	stop := j + end
	for k := j; k < stop; {
		_, sz := p.char(s, k)
		if sz < 0 {
			return p.fail(s, xpErrInvalidToken, k)
		}
		k += max(sz, 1)
	}
	var version, encoding xpValue
	standalone := -1
	seen := 0
	k := j
	for {
		ws := k
		for k < stop && isXMLSpace(b[k]) {
			k++
		}
		if k == stop {
			break
		}
		if k == ws {
			return p.fail(s, xpErrXMLDecl, k)
		}
		ns := k
		for k < stop && !isXMLSpace(b[k]) && b[k] != '=' {
			if b[k] >= 0x80 {
				return p.fail(s, xpErrXMLDecl, k)
			}
			k++
		}
		if k == ns {
			return p.fail(s, xpErrXMLDecl, k)
		}
		key := string(b[ns:k])
		for k < stop && isXMLSpace(b[k]) {
			k++
		}
		if k >= stop || b[k] != '=' {
			return p.fail(s, xpErrXMLDecl, k)
		}
		k++
		for k < stop && isXMLSpace(b[k]) {
			k++
		}
		if k >= stop || b[k] != '"' && b[k] != '\'' {
			return p.fail(s, xpErrXMLDecl, k)
		}
		q := b[k]
		vs := k + 1
		ve := vs
		for ; ve < stop && b[ve] != q; ve++ {
			c := b[ve]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
				return p.fail(s, xpErrXMLDecl, ve)
			}
		}
		if ve >= stop {
			return p.fail(s, xpErrXMLDecl, ve)
		}
		val := string(b[vs:ve])
		switch {
		case key == "version" && seen == 0:
			seen = 1
		case key == "encoding" && seen == 1:
			seen = 2
		case key == "standalone" && seen >= 1 && seen < 3:
			seen = 3
		default:
			return p.fail(s, xpErrXMLDecl, ns)
		}
		if key == "encoding" && (val == "" || !(val[0] >= 'a' && val[0] <= 'z' || val[0] >= 'A' && val[0] <= 'Z')) {
			return p.fail(s, xpErrXMLDecl, vs)
		}
		switch key {
		case "version":
			version = xpValue{val, true}
		case "encoding":
			encoding = xpValue{val, true}
		case "standalone":
			switch val {
			case "yes":
				standalone = 1
			case "no":
				standalone = 0
			default:
				return p.fail(s, xpErrXMLDecl, vs)
			}
		}
		k = ve + 1
	}
	if !version.ok {
		return p.fail(s, xpErrXMLDecl, k)
	}
	p.standalone = standalone
	if !p.frag {
		p.state = 1
	}
	n := stop + 2
	if p.dropDecl {
		p.dropDecl = false
	} else {
		p.emitRaw(s, xpEvXMLDecl, i, n, version, encoding, standalone)
	}
	return n
}

// quoted scans a quoted literal at i and returns the offset after it.
func (p *xpParser) quoted(s *xpSrc, i int) int {
	b := s.b
	if i >= len(b) {
		return xpMore
	}
	q := b[i]
	if q != '"' && q != '\'' {
		return p.dtdSyntax(s, i)
	}
	for j := i + 1; ; {
		if j >= len(b) {
			if s.final {
				return p.fail(s, xpErrUnclosedToken, i)
			}
			return xpMore
		}
		if b[j] == q {
			// a literal ends at white space, '>', '%' or '['
			if j+1 >= len(b) {
				if s.final {
					return j + 1
				}
				return xpMore
			}
			switch b[j+1] {
			case ' ', '\t', '\r', '\n', '>', '%', '[':
				return j + 1
			}
			return p.fail(s, xpErrInvalidToken, j+1)
		}
		_, sz := p.char(s, j)
		if sz == 0 {
			return xpMore
		}
		if sz < 0 {
			return p.fail(s, xpErrInvalidToken, j)
		}
		j += sz
	}
}

// startTag scans <name attr="value" ...> or <name .../>.
func (p *xpParser) startTag(s *xpSrc, i int) int {
	b := s.b
	n := p.qname(s, i+1)
	if n < 0 {
		return n
	}
	qname := string(b[i+1 : n])
	var attrs []string
	var vpos, npos []int
	j := n
	for {
		if j >= len(b) {
			return xpMore
		}
		sp := j
		for j < len(b) && isXMLSpace(b[j]) {
			j++
		}
		if j >= len(b) {
			return xpMore
		}
		if b[j] == '>' || b[j] == '/' {
			empty := b[j] == '/'
			end := j + 1
			if empty {
				if j+1 >= len(b) {
					return xpMore
				}
				if b[j+1] != '>' {
					return p.fail(s, xpErrInvalidToken, j+1)
				}
				end = j + 2
			}
			return p.element(s, i, end, qname, attrs, vpos, npos, empty)
		}
		if j == sp {
			return p.fail(s, xpErrInvalidToken, j)
		}
		a := p.qname(s, j)
		if a < 0 {
			return a
		}
		aname := string(b[j:a])
		npos = append(npos, j)
		k := a
		for k < len(b) && isXMLSpace(b[k]) {
			k++
		}
		if k >= len(b) {
			return xpMore
		}
		if b[k] != '=' {
			return p.fail(s, xpErrInvalidToken, k)
		}
		k++
		for k < len(b) && isXMLSpace(b[k]) {
			k++
		}
		if k >= len(b) {
			return xpMore
		}
		if b[k] != '"' && b[k] != '\'' {
			return p.fail(s, xpErrInvalidToken, k)
		}
		q := b[k]
		e := k + 1
		for {
			if e >= len(b) {
				return xpMore
			}
			if b[e] == q {
				break
			}
			if b[e] == '<' {
				return p.fail(s, xpErrInvalidToken, e)
			}
			if b[e] == '&' {
				r := p.refSyntax(s, e)
				if r < 0 {
					return r
				}
				e = r
				continue
			}
			_, sz := p.char(s, e)
			if sz == 0 {
				return xpMore
			}
			if sz < 0 {
				return p.fail(s, xpErrInvalidToken, e)
			}
			e += sz
		}
		attrs = append(attrs, aname, string(b[k+1:e]))
		vpos = append(vpos, k+1)
		j = e + 1
	}
}

// element handles a complete start tag: attribute values, defaults, namespaces, events.
func (p *xpParser) element(s *xpSrc, i, end int, qname string, attrs []string, vpos, npos []int, empty bool) int {
	// attribute by attribute, as expat: duplicates, then the value, then (with namespaces)
	// the binding an xmlns attribute makes, reported at once
	el := xpElem{qname: qname, name: qname}
	var seen map[string]bool
	if len(attrs) > 64 {
		seen = make(map[string]bool, len(attrs)/2)
	}
	for k := 0; k < len(attrs); k += 2 {
		a := attrs[k]
		if seen != nil {
			if seen[a] {
				return p.fail(s, xpErrDupAttribute, npos[k/2])
			}
			seen[a] = true
		} else {
			for m := 0; m < k; m += 2 {
				if attrs[m] == a {
					return p.fail(s, xpErrDupAttribute, npos[k/2])
				}
			}
		}
		v, ok := p.attValue(s, attrs[k+1], vpos[k/2], i, 0)
		if !ok {
			return xpFail
		}
		attrs[k+1] = v
		if p.ns && (a == "xmlns" || strings.HasPrefix(a, "xmlns:")) {
			if !p.bind(s, i, end, &el, a, v) {
				return xpFail
			}
		}
	}
	nspec := len(attrs)
	decls := p.attDefaults[qname]
	for _, d := range decls {
		if d.typ == "CDATA" {
			continue
		}
		for k := 0; k < nspec; k += 2 {
			if attrs[k] == d.name {
				attrs[k+1] = collapseSpaces(attrs[k+1])
			}
		}
	}
	for _, d := range decls {
		if !d.hasDefault {
			continue
		}
		found := false
		for k := 0; k < nspec; k += 2 {
			if attrs[k] == d.name {
				found = true
				break
			}
		}
		if !found {
			attrs = append(attrs, d.name, d.value)
		}
	}
	if p.ns {
		var out []string
		outSpec := 0
		for k := 0; k < len(attrs); k += 2 {
			a, v := attrs[k], attrs[k+1]
			if a != "xmlns" && !strings.HasPrefix(a, "xmlns:") {
				out = append(out, a, v)
				if k < nspec {
					outSpec += 2
				}
				continue
			}
			if k >= nspec && !p.bind(s, i, end, &el, a, v) { // a defaulted declaration
				return xpFail
			}
		}
		name, ok := p.expand(qname, true)
		if !ok {
			p.popNS(el.nsDecl)
			return p.fail(s, xpErrUnboundPrefix, i)
		}
		el.name = name
		for k := 0; k < len(out); k += 2 {
			if strings.IndexByte(out[k], ':') < 0 {
				continue
			}
			an, ok := p.expand(out[k], false)
			if !ok {
				p.popNS(el.nsDecl)
				return p.fail(s, xpErrUnboundPrefix, i)
			}
			out[k] = an
			for m := 0; m < k; m += 2 {
				if out[m] == an {
					p.popNS(el.nsDecl)
					return p.fail(s, xpErrDupAttribute, i)
				}
			}
		}
		attrs, nspec = out, outSpec
	}
	p.emitRaw(s, xpEvStart, i, end, el.name, attrs, nspec/2)
	if empty {
		p.emitRaw(s, xpEvEnd, end, end, el.name)
		p.popNSEvents(s, end, el.nsDecl)
		if len(p.stack) == 0 && !s.ent && !p.frag {
			p.state = 3
		}
		return end
	}
	p.stack = append(p.stack, el)
	return end
}

// bind makes the namespace binding of attribute a="v" on el and reports it.
func (p *xpParser) bind(s *xpSrc, i, end int, el *xpElem, a, v string) bool {
	prefix := ""
	if a != "xmlns" {
		prefix = a[6:]
		if v == "" {
			p.fail(s, xpErrUndeclPrefix, i)
			return false
		}
	}
	if p.nsSep != "" && strings.Contains(v, p.nsSep) {
		p.fail(s, xpErrSyntax, i)
		return false
	}
	p.bindings[prefix] = append(p.bindings[prefix], v)
	el.nsDecl = append(el.nsDecl, prefix)
	p.emitRaw(s, xpEvStartNS, i, end, xpValue{prefix, prefix != ""}, xpValue{v, v != ""})
	return true
}

func (p *xpParser) popNS(decls []string) {
	for _, pr := range decls {
		l := p.bindings[pr]
		p.bindings[pr] = l[:len(l)-1]
	}
}

func (p *xpParser) popNSEvents(s *xpSrc, at int, decls []string) {
	for k := len(decls) - 1; k >= 0; k-- {
		pr := decls[k]
		l := p.bindings[pr]
		p.bindings[pr] = l[:len(l)-1]
		p.emit(s, xpEvEndNS, at, xpValue{pr, pr != ""})
	}
}

// expand maps a qualified name to uri+sep+local (+sep+prefix with namespace_prefixes).
func (p *xpParser) expand(q string, isElem bool) (string, bool) {
	prefix, local := "", q
	if c := strings.IndexByte(q, ':'); c >= 0 {
		prefix, local = q[:c], q[c+1:]
	} else if !isElem {
		return q, true
	}
	l := p.bindings[prefix]
	if len(l) == 0 || l[len(l)-1] == "" {
		if prefix == "" {
			return local, true
		}
		return "", false
	}
	out := l[len(l)-1] + p.nsSep + local
	if p.nsPrefixes && prefix != "" {
		out += p.nsSep + prefix
	}
	return out, true
}

// endTag scans </name>.
func (p *xpParser) endTag(s *xpSrc, i int) int {
	b := s.b
	if p.ns && i+2 < len(b) && b[i+2] == ':' {
		return p.fail(s, xpErrInvalidToken, i+2)
	}
	n := p.name(s, i+2)
	if n < 0 {
		return n
	}
	j := n
	for j < len(b) && isXMLSpace(b[j]) {
		j++
	}
	if j >= len(b) {
		return xpMore
	}
	if b[j] != '>' {
		return p.fail(s, xpErrInvalidToken, j)
	}
	qname := string(b[i+2 : n])
	if len(p.stack) == 0 || p.stack[len(p.stack)-1].qname != qname {
		if s.ent && len(p.stack) <= p.entBase {
			return p.fail(s, xpErrAsyncEntity, i)
		}
		return p.fail(s, xpErrTagMismatch, i+2)
	}
	el := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	p.emitRaw(s, xpEvEnd, i, j+1, el.name)
	p.popNSEvents(s, i, el.nsDecl)
	if len(p.stack) == 0 && !s.ent && !p.frag {
		p.state = 3
	}
	return j + 1
}

const xpErrAsyncEntity = 13

// refSyntax checks the form of a reference &name; or &#...; at i (as expat's tokenizer does,
// reporting the offending character) and returns the offset after it.
func (p *xpParser) refSyntax(s *xpSrc, i int) int {
	b := s.b
	j := i + 1
	if j >= len(b) {
		return xpMore
	}
	if b[j] == '#' {
		j++
		if j >= len(b) {
			return xpMore
		}
		hex := b[j] == 'x'
		if hex {
			j++
		}
		start := j
		for ; j < len(b); j++ {
			c := b[j]
			if c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				continue
			}
			if c == ';' && j > start {
				return j + 1
			}
			return p.fail(s, xpErrInvalidToken, j)
		}
		return xpMore
	}
	n := p.name(s, j)
	if n < 0 {
		return n
	}
	if p.ns {
		if c := strings.IndexByte(string(b[j:n]), ':'); c >= 0 {
			return p.fail(s, xpErrInvalidToken, j+c)
		}
	}
	if n >= len(b) {
		return xpMore
	}
	if b[n] != ';' {
		return p.fail(s, xpErrInvalidToken, n)
	}
	return n + 1
}

// charRef parses &#...; at i (b[i] == '&', b[i+1] == '#'): the character and the offset after.
func (p *xpParser) charRef(s *xpSrc, i int) (rune, int) {
	b := s.b
	j := i + 2
	hex := false
	if j < len(b) && b[j] == 'x' {
		hex = true
		j++
	}
	v := 0
	digits := 0
	for {
		if j >= len(b) {
			return 0, xpMore
		}
		c := b[j]
		d := -1
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case hex && c >= 'a' && c <= 'f':
			d = int(c-'a') + 10
		case hex && c >= 'A' && c <= 'F':
			d = int(c-'A') + 10
		}
		if d < 0 {
			break
		}
		if v < 0x110000 {
			if hex {
				v = v*16 + d
			} else {
				v = v*10 + d
			}
		}
		digits++
		j++
	}
	if b[j] != ';' || digits == 0 {
		return 0, p.fail(s, xpErrInvalidToken, j)
	}
	r := rune(v)
	if v >= 0x110000 || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0xd800 && r < 0xe000 || r == 0xfffe || r == 0xffff {
		return 0, p.fail(s, xpErrBadCharRef, i)
	}
	return r, j + 1
}

var xpPredefined = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"}

// reference handles &...; in content.
func (p *xpParser) reference(s *xpSrc, i int) int {
	b := s.b
	if i+1 >= len(b) {
		return xpMore
	}
	if b[i+1] == '#' {
		r, n := p.charRef(s, i)
		if n < 0 {
			return n
		}
		p.emitRaw(s, xpEvData, i, n, string(r))
		return n
	}
	n := p.name(s, i+1)
	if n < 0 {
		return n
	}
	if p.ns {
		if c := strings.IndexByte(string(b[i+1:n]), ':'); c >= 0 {
			return p.fail(s, xpErrInvalidToken, i+1+c)
		}
	}
	if n >= len(b) {
		return xpMore
	}
	if b[n] != ';' {
		return p.fail(s, xpErrInvalidToken, n)
	}
	name := string(b[i+1 : n])
	if v, ok := xpPredefined[name]; ok {
		p.emitRaw(s, xpEvData, i, n+1, v)
		return n + 1
	}
	e := p.ents[name]
	if e == nil {
		if (p.extSubset || p.paramRefs) && p.standalone != 1 {
			p.emitRaw(s, xpEvSkipped, i, n+1, name, false)
			return n + 1
		}
		return p.fail(s, xpErrUndefEntity, i)
	}
	if e.open {
		return p.fail(s, xpErrRecursiveEnt, i)
	}
	if !e.internal {
		if e.notation.ok {
			return p.fail(s, xpErrBinaryEntRef, i)
		}
		p.emitRaw(s, xpEvExtRef, i, n+1, xpValue{name, true}, e.sysid, e.pubid)
		return n + 1
	}
	if p.noExpand {
		p.emitRaw(s, xpEvSkipped, i, n+1, name, false)
		return n + 1
	}
	if !p.amplify(e) {
		return p.fail(s, xpErrAmplification, i)
	}
	saved := p.refPos
	if !s.ent {
		p.refPos = p.pos(s, i)
	}
	depth := len(p.stack)
	savedBase := p.entBase
	p.entBase = depth
	e.open = true
	p.entDepth++
	sub := &xpSrc{b: []byte(e.value), final: true, ent: true}
	m := p.run(sub)
	p.entDepth--
	p.entBase = savedBase
	e.open = false
	p.refPos = saved
	if p.errCode != 0 {
		return xpFail
	}
	if p.inCDATA {
		p.inCDATA = false
		return p.fail(s, xpErrUnclosedCDATA, i)
	}
	if m < len(sub.b) {
		return p.fail(s, xpErrUnclosedToken, i)
	}
	if len(p.stack) != depth {
		return p.fail(s, xpErrAsyncEntity, i)
	}
	return n + 1
}

// amplify accounts for the expansion of e and reports whether the amplification limit holds.
func (p *xpParser) amplify(e *xpEntity) bool {
	size := p.expansionSize(e, 0)
	if size < 0 {
		return false
	}
	p.indirect += size
	total := p.direct + p.indirect
	return total <= xpAmpThreshold || total <= xpAmpFactor*max(p.direct, 1)
}

// expansionSize is the number of bytes the full expansion of e produces (capped; -1 on
// overflow).
func (p *xpParser) expansionSize(e *xpEntity, depth int) int64 {
	if e.size >= 0 {
		return e.size
	}
	if depth > 64 || e.open {
		return int64(len(e.value))
	}
	e.open = true
	defer func() { e.open = false }()
	total := int64(len(e.value))
	v := e.value
	for k := 0; k < len(v); k++ {
		if v[k] != '&' || k+1 < len(v) && v[k+1] == '#' {
			continue
		}
		end := strings.IndexByte(v[k:], ';')
		if end < 0 {
			break
		}
		if r := p.ents[v[k+1:k+end]]; r != nil && r.internal {
			sz := p.expansionSize(r, depth+1)
			if sz < 0 {
				return -1
			}
			total += sz
			if total > 1<<40 {
				return -1
			}
		}
		k += end
	}
	e.size = total
	return total
}

// attValue expands references in an attribute value and normalizes white space.
func (p *xpParser) attValue(s *xpSrc, v string, at, errAt int, depth int) (string, bool) {
	if !strings.ContainsAny(v, "&\t\n\r") {
		return v, true
	}
	var sb strings.Builder
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch c {
		case '\r':
			if k+1 < len(v) && v[k+1] == '\n' {
				k++
			}
			sb.WriteByte(' ')
		case '\t', '\n':
			sb.WriteByte(' ')
		case '&':
			end := strings.IndexByte(v[k:], ';')
			if end < 0 {
				p.fail(s, xpErrInvalidToken, at+k)
				return "", false
			}
			ref := v[k+1 : k+end]
			if strings.HasPrefix(ref, "#") {
				tmp := &xpSrc{b: []byte(v[k : k+end+1]), final: true, ent: true}
				saved := p.refPos
				p.refPos = p.pos(s, at+k)
				r, n := p.charRef(tmp, 0)
				p.refPos = saved
				if n < 0 {
					return "", false
				}
				sb.WriteRune(r)
			} else if pv, ok := xpPredefined[ref]; ok {
				sb.WriteString(pv)
			} else {
				e := p.ents[ref]
				if e == nil {
					if (p.extSubset || p.paramRefs) && p.standalone != 1 {
						k += end
						continue
					}
					p.fail(s, xpErrUndefEntity, errAt)
					return "", false
				}
				if e.open {
					p.fail(s, xpErrRecursiveEnt, errAt)
					return "", false
				}
				if !e.internal {
					p.fail(s, xpErrExtEntInAttr, errAt)
					return "", false
				}
				if strings.IndexByte(e.value, '<') >= 0 {
					p.fail(s, xpErrInvalidToken, errAt)
					return "", false
				}
				if !p.amplify(e) {
					p.fail(s, xpErrAmplification, errAt)
					return "", false
				}
				e.open = true
				sub, ok := p.attValue(s, e.value, at+k, errAt, depth+1)
				e.open = false
				if !ok {
					return "", false
				}
				sb.WriteString(sub)
			}
			k += end
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String(), true
}

// emitData reports character data s.b[i:j]. Like expat, text converted from another input
// encoding arrives in pieces of at most 1024 bytes of UTF-8.
func (p *xpParser) emitData(s *xpSrc, i, j int) {
	if s.ent || p.enc == "utf-8" || p.enc == "" || j-i <= 1024 {
		p.emit(s, xpEvData, i, string(s.b[i:j]))
		return
	}
	for i < j {
		k := min(j, i+1024)
		for k < j && k > i && !utf8.RuneStart(s.b[k]) {
			k--
		}
		p.emit(s, xpEvData, i, string(s.b[i:k]))
		i = k
	}
}
