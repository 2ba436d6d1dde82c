package objects

import (
	"gopyc/internal/pystr"
	"sync"
	"unicode/utf8"
)

// Str is a Python str. s is WTF-8: valid UTF-8 except that lone surrogates U+D800..U+DFFF may
// appear, encoded as their 3-byte sequences. A Str is immutable.
//
// hash, length and kind are caches filled in lazily, on first use, by plain unsynchronised
// writes. That is sound only because every goroutine that runs Python code holds the
// interpreter lock, and the values written are a pure function of s (two racing writers would
// store the same value). Go code that reads a Str shared with running Python code must
// therefore hold the interpreter lock too, or read only s. interned is written once, when the
// str is made (before InternStr publishes it through the intern table), and never changes after.
type Str struct {
	s        string
	hash     int64 // 0 = not computed (a real hash of 0 is recomputed, which is harmless)
	length   int32 // code points; -1 = not computed
	kind     uint8 // 0 = not computed, else 1, 2 or 4: bytes per char in CPython's representation
	interned bool  // s is the str InternStr returns for its text, or a NewPrivateInterned str
}

// Type implements Object.
func (*Str) Type() *Type { return StrType }

// NewStr returns a str holding s (WTF-8).
func NewStr(s string) *Str { return &Str{s: s, length: -1} }

// String returns the WTF-8 text.
func (s *Str) String() string { return s.s }

// Len returns the length in code points.
func (s *Str) Len() int {
	if s.length < 0 {
		s.scan()
	}
	return int(s.length)
}

// Kind returns 1, 2 or 4: the width CPython stores each character of this string in (Latin-1,
// UCS-2 or UCS-4), which its hash depends on.
func (s *Str) Kind() int {
	if s.kind == 0 {
		s.scan()
	}
	return int(s.kind)
}

func (s *Str) scan() {
	n, maxc := 0, rune(0)
	for i := 0; i < len(s.s); {
		r, size := DecodeWTF8(s.s[i:])
		i += size
		n++
		if r > maxc {
			maxc = r
		}
	}
	s.length = int32(n)
	switch {
	case maxc < 0x100:
		s.kind = 1
	case maxc < 0x10000:
		s.kind = 2
	default:
		s.kind = 4
	}
}

// DecodeWTF8 decodes the first code point of s, accepting encoded surrogates. Invalid bytes decode
// as themselves one at a time (U+FFFD is not substituted), which keeps the function total.
func DecodeWTF8(s string) (rune, int) {
	c := s[0]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c == 0xED && len(s) >= 3 && s[1] >= 0xA0 && s[1] <= 0xBF && s[2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size == 1 {
		return rune(c), 1
	}
	return r, size
}

// AppendWTF8 appends r to b, encoding surrogates as 3-byte sequences.
func AppendWTF8(b []byte, r rune) []byte { return pystr.AppendWTF8(b, r) }

// ValidWTF8 reports whether b is UTF-8 with surrogates allowed (what marshal accepts).
func ValidWTF8(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c == 0xED && i+2 < len(b) && b[i+1] >= 0xA0 && b[i+1] <= 0xBF && b[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return false
		}
		i += size
	}
	return true
}

var (
	internMu sync.Mutex
	interned = map[string]*Str{}
)

// InternStr returns the one interned str with text s.
func InternStr(s string) *Str {
	internMu.Lock()
	defer internMu.Unlock()
	if v, ok := interned[s]; ok {
		return v
	}
	v := NewStr(s)
	v.interned = true
	interned[s] = v
	return v
}

// NewPrivateInterned returns a new str with text s that counts as interned (IsInterned) without
// entering the process-wide intern table. It is for a compiler whose code objects are only
// marshalled, never run (compileall, py_compile): marshal writes such a str as CPython writes an
// interned one, and the names of every module compiled are not kept alive by the table. The
// caller keeps one such str per text within what it marshals (as the table would), and must not
// let the str reach running Python code, where an interned str is expected to be InternStr's.
func NewPrivateInterned(s string) *Str {
	v := NewStr(s)
	v.interned = true
	return v
}

// StrBlocks allocates strs in blocks: one allocation for many, for a compiler that makes
// hundreds per module and whose strs all live about as long (a block stays alive while any of
// its strs does). The zero value is ready to use; it is not safe for concurrent use.
type StrBlocks struct{ block []Str }

func (a *StrBlocks) alloc() *Str {
	if len(a.block) == 0 {
		a.block = make([]Str, 64)
	}
	v := &a.block[0]
	a.block = a.block[1:]
	return v
}

// New is NewStr(s), allocated from a's current block.
func (a *StrBlocks) New(s string) *Str {
	v := a.alloc()
	*v = Str{s: s, length: -1}
	return v
}

// PrivateInterned is NewPrivateInterned(s), allocated from a's current block.
func (a *StrBlocks) PrivateInterned(s string) *Str {
	v := a.alloc()
	*v = Str{s: s, length: -1, interned: true}
	return v
}

// IsInterned reports whether s is an interned str: the one InternStr returns for its text, or
// one made by NewPrivateInterned or StrBlocks.PrivateInterned. It never interns anything.
func IsInterned(s *Str) bool { return s.interned }

// LookupInterned returns the interned str with text s, if there is one, without interning it.
func LookupInterned(s string) (*Str, bool) {
	internMu.Lock()
	defer internMu.Unlock()
	v, ok := interned[s]
	return v, ok
}
