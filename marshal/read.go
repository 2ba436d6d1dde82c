package marshal

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"gopyc/objects"
)

// Type codes.
const (
	typeNull              = '0'
	typeNone              = 'N'
	typeFalse             = 'F'
	typeTrue              = 'T'
	typeStopIter          = 'S'
	typeEllipsis          = '.'
	typeInt               = 'i'
	typeInt64             = 'I'
	typeFloat             = 'f'
	typeBinaryFloat       = 'g'
	typeComplex           = 'x'
	typeBinaryComplex     = 'y'
	typeLong              = 'l'
	typeString            = 's'
	typeInterned          = 't'
	typeRef               = 'r'
	typeTuple             = '('
	typeList              = '['
	typeDict              = '{'
	typeCode              = 'c'
	typeUnicode           = 'u'
	typeSet               = '<'
	typeFrozenSet         = '>'
	typeASCII             = 'a'
	typeASCIIInterned     = 'A'
	typeSmallTuple        = ')'
	typeShortASCII        = 'z'
	typeShortASCIIInterne = 'Z'

	flagRef = 0x80
)

// Version is the marshal format version CPython 3.11 writes by default (marshal.version).
const Version = 4

// MaxDepth is CPython's MAX_MARSHAL_STACK_DEPTH: the deepest nesting read or written.
const MaxDepth = 2000

// Error is a marshal failure, carrying the Python exception class CPython raises (EOFError,
// ValueError, TypeError, UnicodeDecodeError, SystemError) and its message.
type Error struct {
	Class string
	Msg   string
}

func (e *Error) Error() string { return e.Class + ": " + e.Msg }

func errorf(class, format string, args ...any) *Error {
	return &Error{Class: class, Msg: fmt.Sprintf(format, args...)}
}

var (
	errTooShort    = &Error{"EOFError", "marshal data too short"}
	errEOFObject   = &Error{"EOFError", "EOF read where object expected"}
	errEOFByte     = &Error{"EOFError", "EOF read where not expected"}
	errUnknownType = &Error{"ValueError", "bad marshal data (unknown type code)"}
	errBadRef      = &Error{"ValueError", "bad marshal data (invalid reference)"}
	errRecursion   = &Error{"ValueError", "recursion limit exceeded"}
)

// reserved marks a reference slot whose object is still being read.
type reservedObject struct{}

func (reservedObject) Type() *objects.Type { return objects.NoneType }

var reserved objects.Object = &reservedObject{}

// lazyBytes marks a reference slot holding a code object's bytes field (CPython flags co_code,
// which it caches on the code object); the *objects.Bytes is made only if a reference to the
// slot is actually read (see reader.lazy).
type lazyBytesObject struct{ _ byte }

func (*lazyBytesObject) Type() *objects.Type { return objects.BytesType }

var lazyBytes objects.Object = &lazyBytesObject{}

type lazyRef struct {
	idx int
	b   []byte
}

type reader struct {
	data  []byte
	pos   int
	refs  []objects.Object
	depth int
	cost  map[*objects.Tuple]int // hashCost memo
	spent int                    // hashing work charged so far
	slab  []byte                 // see copyBytes
	lazy  []lazyRef              // contents of lazyBytes slots, by increasing idx
}

// maxHashCost bounds the work of hashing the set members and dict keys of one input. Hashing a
// tuple hashes its items again each time they occur, so a few hundred bytes of references can
// describe a tuple whose hash takes 2**40 steps (CPython would hang on it); gopyc refuses such
// data.
const maxHashCost = 1 << 24

var errHashCost = &Error{"ValueError", "bad marshal data (set member or dict key too costly to hash)"}

// hashable charges the cost of hashing o (tuple items visited) and fails once the total for this
// input exceeds maxHashCost.
func (r *reader) hashable(o objects.Object) error {
	r.spent += r.hashCost(o)
	if r.spent > maxHashCost {
		return errHashCost
	}
	return nil
}

func (r *reader) hashCost(o objects.Object) int {
	t, ok := o.(*objects.Tuple)
	if !ok {
		return 1
	}
	if c, ok := r.cost[t]; ok {
		return c
	}
	if r.cost == nil {
		r.cost = make(map[*objects.Tuple]int)
	}
	c := 1
	for _, x := range t.V {
		c += r.hashCost(x)
		if c > maxHashCost {
			c = maxHashCost + 1
			break
		}
	}
	r.cost[t] = c
	return c
}

// Loads reads one object from data, as marshal.loads does (trailing bytes are ignored).
func Loads(data []byte) (objects.Object, error) {
	o, _, err := LoadsPrefix(data)
	return o, err
}

// LoadsPrefix reads one object from the start of data and also returns the number of bytes it
// took. The object read never refers to data's bytes (strs and bytes are copies), so the caller
// may reuse data afterwards.
func LoadsPrefix(data []byte) (objects.Object, int, error) {
	r := readers.Get().(*reader)
	r.data = data
	o, err := r.object()
	pos := r.pos
	r.release()
	if err != nil {
		return nil, pos, err
	}
	if o == nil {
		return nil, pos, &Error{"TypeError", "NULL object in marshal data for object"}
	}
	return o, pos, nil
}

// readers recycles readers, for their reference tables: a .pyc file has hundreds of references,
// and growing a new table for each file imported allocated more than a tenth of what loading it
// did.
var readers = sync.Pool{New: func() any { return new(reader) }}

// maxPooledRefs bounds the reference table a pooled reader keeps.
const maxPooledRefs = 1 << 14

// release empties r (dropping every pointer it holds into what was read) and returns it to
// readers. The slab is not kept: the strs and bytes read share it.
func (r *reader) release() {
	clear(r.refs)
	clear(r.lazy)
	refs, lazy := r.refs[:0], r.lazy[:0]
	if cap(refs) > maxPooledRefs {
		refs, lazy = nil, nil
	}
	*r = reader{refs: refs, lazy: lazy}
	readers.Put(r)
}

func (r *reader) remaining() int { return len(r.data) - r.pos }

func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || n > r.remaining() {
		r.pos = len(r.data)
		return nil, errTooShort
	}
	b := r.data[r.pos : r.pos+n]
	r.pos += n
	return b, nil
}

func (r *reader) u8() (int, error) {
	if r.pos >= len(r.data) {
		return 0, errTooShort
	}
	c := r.data[r.pos]
	r.pos++
	return int(c), nil
}

func (r *reader) i32() (int, error) {
	b, err := r.bytes(4)
	if err != nil {
		return 0, err
	}
	return int(int32(binary.LittleEndian.Uint32(b))), nil
}

func (r *reader) i16() (int, error) {
	b, err := r.bytes(2)
	if err != nil {
		return 0, err
	}
	return int(int16(binary.LittleEndian.Uint16(b))), nil
}

// size reads a 4-byte element count and checks it is not negative; what names the container
// in the error message.
func (r *reader) size(what string) (int, error) {
	n, err := r.i32()
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, errorf("ValueError", "bad marshal data (%s size out of range)", what)
	}
	return n, nil
}

// reserve allocates the next reference slot when flag is set and returns its index, or -1.
func (r *reader) reserve(flag bool) int {
	if !flag {
		return -1
	}
	r.refs = append(r.refs, reserved)
	return len(r.refs) - 1
}

func (r *reader) fill(idx int, o objects.Object) {
	if idx >= 0 {
		r.refs[idx] = o
	}
}

// object reads one object. A nil result with a nil error is NULL.
func (r *reader) object() (objects.Object, error) {
	if r.depth >= MaxDepth {
		return nil, errRecursion
	}
	r.depth++
	o, err := r.object1()
	r.depth--
	return o, err
}

func (r *reader) object1() (objects.Object, error) {
	if r.pos >= len(r.data) {
		return nil, errEOFObject
	}
	code := r.data[r.pos]
	r.pos++
	flag := code&flagRef != 0
	switch code &^ flagRef {
	case typeNull:
		return nil, nil
	case typeNone:
		return objects.None, nil
	case typeFalse:
		return objects.False, nil
	case typeTrue:
		return objects.True, nil
	case typeStopIter:
		return objects.StopIterationType, nil
	case typeEllipsis:
		return objects.Ellipsis, nil
	case typeRef:
		n, err := r.i32()
		if err != nil {
			return nil, err
		}
		if n < 0 || n >= len(r.refs) || r.refs[n] == reserved {
			return nil, errBadRef
		}
		if r.refs[n] == lazyBytes {
			i, _ := slices.BinarySearchFunc(r.lazy, n, func(l lazyRef, n int) int { return l.idx - n })
			r.refs[n] = objects.NewBytes(r.lazy[i].b)
		}
		return r.refs[n], nil
	}
	idx := r.reserve(flag)
	o, err := r.value(code&^flagRef, idx)
	if err != nil {
		return nil, err
	}
	r.fill(idx, o)
	return o, nil
}

// value reads the body of an object of type t; idx is its reference slot or -1.
func (r *reader) value(t byte, idx int) (objects.Object, error) {
	switch t {
	case typeInt:
		v, err := r.i32()
		if err != nil {
			return nil, err
		}
		return objects.NewInt(int64(v)), nil
	case typeInt64:
		b, err := r.bytes(8)
		if err != nil {
			return nil, err
		}
		return objects.NewInt(int64(binary.LittleEndian.Uint64(b))), nil
	case typeLong:
		return r.long()
	case typeBinaryFloat:
		b, err := r.bytes(8)
		if err != nil {
			return nil, err
		}
		return objects.NewFloat(math.Float64frombits(binary.LittleEndian.Uint64(b))), nil
	case typeBinaryComplex:
		b, err := r.bytes(16)
		if err != nil {
			return nil, err
		}
		re := math.Float64frombits(binary.LittleEndian.Uint64(b))
		im := math.Float64frombits(binary.LittleEndian.Uint64(b[8:]))
		return objects.NewComplex(complex(re, im)), nil
	case typeFloat:
		f, err := r.textFloat()
		if err != nil {
			return nil, err
		}
		return objects.NewFloat(f), nil
	case typeComplex:
		re, err := r.textFloat()
		if err != nil {
			return nil, err
		}
		im, err := r.textFloat()
		if err != nil {
			return nil, err
		}
		return objects.NewComplex(complex(re, im)), nil
	case typeString:
		n, err := r.size("bytes object")
		if err != nil {
			return nil, err
		}
		b, err := r.bytes(n)
		if err != nil {
			return nil, err
		}
		return objects.NewBytes(r.copyBytes(b)), nil
	case typeUnicode, typeInterned:
		n, err := r.size("string")
		if err != nil {
			return nil, err
		}
		b, err := r.bytes(n)
		if err != nil {
			return nil, err
		}
		if err := checkUTF8(b); err != nil {
			return nil, err
		}
		if t == typeInterned {
			return intern(b), nil
		}
		return objects.NewStr(r.str(b)), nil
	case typeASCII, typeASCIIInterned, typeShortASCII, typeShortASCIIInterne:
		var n int
		var err error
		if t == typeShortASCII || t == typeShortASCIIInterne {
			n, err = r.u8()
			if err != nil {
				return nil, errEOFByte
			}
		} else if n, err = r.size("string"); err != nil {
			return nil, err
		}
		b, err := r.bytes(n)
		if err != nil {
			return nil, err
		}
		if t == typeASCIIInterned || t == typeShortASCIIInterne {
			if isASCII(b) {
				return intern(b), nil
			}
			return objects.InternStr(latin1(b)), nil
		}
		return objects.NewStr(r.latin1(b)), nil
	case typeTuple, typeSmallTuple:
		var n int
		var err error
		if t == typeSmallTuple {
			n, err = r.u8()
			if err != nil {
				return nil, errEOFByte
			}
		} else if n, err = r.size("tuple"); err != nil {
			return nil, err
		}
		items, err := r.items(n, "tuple")
		if err != nil {
			return nil, err
		}
		return objects.NewTuple(items), nil
	case typeList:
		n, err := r.size("list")
		if err != nil {
			return nil, err
		}
		l := objects.NewList(make([]objects.Object, 0, min(n, r.remaining())))
		r.fill(idx, l)
		for i := 0; i < n; i++ {
			o, err := r.object()
			if err != nil {
				return nil, err
			}
			if o == nil {
				return nil, &Error{"TypeError", "NULL object in marshal data for list"}
			}
			l.V = append(l.V, o)
		}
		return l, nil
	case typeDict:
		d := objects.NewDict(0)
		r.fill(idx, d)
		for {
			k, err := r.object()
			if err != nil {
				return nil, err
			}
			if k == nil {
				break
			}
			v, err := r.object()
			if err != nil {
				return nil, err
			}
			if v == nil {
				break
			}
			if err := r.hashable(k); err != nil {
				return nil, err
			}
			if err := d.SetItemConst(k, v); err != nil {
				return nil, constErr(err)
			}
		}
		return d, nil
	case typeSet, typeFrozenSet:
		n, err := r.size("set")
		if err != nil {
			return nil, err
		}
		if t == typeSet {
			// The set is registered before its members, as in CPython; members are added
			// as they arrive, so a member referring back to the set is unhashable.
			s, _ := objects.NewSetConst(nil)
			r.fill(idx, s)
			items, err := r.items(n, "set")
			if err != nil {
				return nil, err
			}
			s2, err := objects.NewSetConst(items)
			if err != nil {
				return nil, constErr(err)
			}
			*s = *s2
			return s, nil
		}
		items, err := r.items(n, "set")
		if err != nil {
			return nil, err
		}
		fs, err := objects.NewFrozenSetConst(items)
		if err != nil {
			return nil, constErr(err)
		}
		return fs, nil
	case typeCode:
		return r.code()
	}
	return nil, errUnknownType
}

// items reads n objects (none may be NULL) for a tuple, set or frozenset; set members must be
// cheap enough to hash.
func (r *reader) items(n int, what string) ([]objects.Object, error) {
	if n == 0 {
		return nil, nil
	}
	items := make([]objects.Object, 0, min(n, r.remaining()))
	for i := 0; i < n; i++ {
		o, err := r.object()
		if err != nil {
			return nil, err
		}
		if o == nil {
			return nil, errorf("TypeError", "NULL object in marshal data for %s", what)
		}
		if what == "set" {
			if err := r.hashable(o); err != nil {
				return nil, err
			}
		}
		items = append(items, o)
	}
	return items, nil
}

func constErr(err error) error {
	if ce, ok := err.(*objects.ConstError); ok {
		return &Error{"TypeError", ce.Msg}
	}
	return &Error{"SystemError", err.Error()}
}

// long reads a TYPE_LONG body: a signed digit count, then 15-bit digits, least significant
// first.
func (r *reader) long() (objects.Object, error) {
	n, err := r.i32()
	if err != nil {
		return nil, err
	}
	if n == math.MinInt32 {
		return nil, &Error{"ValueError", "bad marshal data (long size out of range)"}
	}
	neg := n < 0
	if neg {
		n = -n
	}
	if n == 0 {
		return objects.NewInt(0), nil
	}
	if 2*n > r.remaining() {
		r.pos = len(r.data)
		return nil, errTooShort
	}
	digits := make([]uint16, n)
	for i := range digits {
		d, _ := r.i16()
		if d < 0 {
			return nil, &Error{"ValueError", "bad marshal data (digit out of range in long)"}
		}
		digits[i] = uint16(d)
	}
	if digits[n-1] == 0 {
		return nil, &Error{"ValueError", "bad marshal data (unnormalized long data)"}
	}
	if n <= 4 {
		var u uint64
		for i := n - 1; i >= 0; i-- {
			u = u<<15 | uint64(digits[i])
		}
		if u <= math.MaxInt64 {
			v := int64(u)
			if neg {
				v = -v
			}
			return objects.NewInt(v), nil
		}
	}
	// Pack the 15-bit digits into big.Words.
	words := make([]big.Word, (n*15+bitsPerWord-1)/bitsPerWord)
	for i, d := range digits {
		bit := i * 15
		w, off := bit/bitsPerWord, bit%bitsPerWord
		words[w] |= big.Word(d) << off
		if off+15 > bitsPerWord {
			words[w+1] |= big.Word(d) >> (bitsPerWord - off)
		}
	}
	b := new(big.Int).SetBits(words)
	if neg {
		b.Neg(b)
	}
	return objects.NewIntBig(b), nil
}

const bitsPerWord = 32 << (^big.Word(0) >> 63)

// textFloat reads a float in the old text form: a 1-byte length, then the decimal text.
func (r *reader) textFloat() (float64, error) {
	n, err := r.u8()
	if err != nil {
		return 0, errEOFByte
	}
	b, err := r.bytes(n)
	if err != nil {
		return 0, err
	}
	f, ok := parseFloat(string(b))
	if !ok {
		return 0, &Error{"ValueError", "could not convert string to float: " + objects.ReprStr(latin1(b))}
	}
	return f, nil
}

// parseFloat accepts what CPython's PyOS_string_to_double accepts with no trailing text: an
// optionally signed decimal number or inf, infinity, nan in any case. Out-of-range values
// become infinities or zeros.
func parseFloat(s string) (float64, bool) {
	t := s
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	switch strings.ToLower(t) {
	case "inf", "infinity":
		return math.Inf(1 - 2*b2i(s[0] == '-')), true
	case "nan":
		// CPython's NaN has only the quiet bit set (Go's math.NaN sets the lowest bit too).
		return math.Float64frombits(0x7FF8000000000000 | uint64(b2i(s[0] == '-'))<<63), true
	}
	digits, i := 0, 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		ed := 0
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i, ed = i+1, ed+1
		}
		if ed == 0 {
			return 0, false
		}
	}
	if i != len(t) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return f, true
}

// internIndex maps text to the interned str objects.InternStr returned for it, so that reading
// a name that is already interned (most names in .pyc files) needs no allocation: a lookup by
// the bytes themselves. Interned strs are never released, so entries never go stale.
var internIndex = struct {
	sync.RWMutex
	m map[string]*objects.Str
}{m: make(map[string]*objects.Str)}

// intern returns the interned str with text b (valid WTF-8).
func intern(b []byte) *objects.Str {
	internIndex.RLock()
	s, ok := internIndex.m[string(b)]
	internIndex.RUnlock()
	if ok {
		return s
	}
	// Not from the slab: the intern table lives forever and would pin it.
	s = objects.InternStr(string(b))
	internIndex.Lock()
	internIndex.m[s.String()] = s
	internIndex.Unlock()
	return s
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// slabSize is the size of the blocks strs' and bytes' contents are copied into: one allocation
// for many small objects. The blocks are never written after a piece is handed out.
const slabSize = 32 << 10

// copyBytes copies b into the reader's slab and returns the copy (capacity-limited).
func (r *reader) copyBytes(b []byte) []byte {
	n := len(b)
	if n == 0 {
		return []byte{}
	}
	if n > slabSize/4 {
		return append([]byte(nil), b...)
	}
	if len(r.slab)+n > cap(r.slab) {
		// Contents never exceed the input, so a short input gets a short slab.
		r.slab = make([]byte, 0, max(n, min(slabSize, len(r.data)-r.pos+n)))
	}
	off := len(r.slab)
	r.slab = append(r.slab, b...)
	return r.slab[off : off+n : off+n]
}

// str returns b as a string whose bytes live in the slab.
func (r *reader) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	c := r.copyBytes(b)
	return unsafe.String(&c[0], len(c))
}

// latin1 converts Latin-1 bytes to a UTF-8 string in the slab.
func (r *reader) latin1(b []byte) string {
	for _, c := range b {
		if c >= 0x80 {
			return latin1(b)
		}
	}
	return r.str(b)
}

// latin1 converts Latin-1 bytes to UTF-8.
func latin1(b []byte) string {
	for _, c := range b {
		if c >= 0x80 {
			out := make([]byte, 0, len(b)+8)
			for _, c := range b {
				out = utf8.AppendRune(out, rune(c))
			}
			return string(out)
		}
	}
	return string(b)
}

// checkUTF8 validates b as CPython's UTF-8 decoder with errors="surrogatepass" does and returns
// the UnicodeDecodeError it would raise.
func checkUTF8(b []byte) error {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			i++
			continue
		}
		n, end, reason := utf8Seq(b, i)
		if reason == "" {
			i += n
			continue
		}
		// surrogatepass: ED A0..BF 80..BF is a lone surrogate.
		if c == 0xED && i+2 < len(b) && b[i+1]&0xE0 == 0xA0 && b[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		var msg string
		if end-i == 1 {
			msg = fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: %s", c, i, reason)
		} else {
			msg = fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: %s", i, end-1, reason)
		}
		return &Error{"UnicodeDecodeError", msg}
	}
	return nil
}

// utf8Seq examines the strict UTF-8 sequence starting at b[i] (a non-ASCII byte); it returns its
// length when valid, else the end of the invalid range and the reason CPython gives.
func utf8Seq(b []byte, i int) (n, end int, reason string) {
	c := b[i]
	var lo, hi byte = 0x80, 0xBF
	switch {
	case c >= 0xC2 && c <= 0xDF:
		n = 2
	case c >= 0xE0 && c <= 0xEF:
		n = 3
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		n = 4
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 0, i + 1, "invalid start byte"
	}
	for k := 1; k < n; k++ {
		if i+k >= len(b) {
			return 0, len(b), "unexpected end of data"
		}
		d := b[i+k]
		if k == 1 {
			if d < lo || d > hi {
				return 0, i + 1, "invalid continuation byte"
			}
		} else if d&0xC0 != 0x80 {
			return 0, i + k, "invalid continuation byte"
		}
	}
	return n, 0, ""
}

// code reads a TYPE_CODE body. Its fields are read with fieldTuple, fieldStrs and fieldBytes,
// which build no tuple or bytes object for the fields CPython writes unshared; the checks are
// CPython's _PyCode_Validate, made after all fields are read, as CPython makes them.
func (r *reader) code() (objects.Object, error) {
	var ints [5]int
	for i := range ints {
		v, err := r.i32()
		if err != nil {
			return nil, err
		}
		ints[i] = v
	}
	co := &objects.Code{
		ArgCount: ints[0], PosOnlyArgCount: ints[1], KwOnlyArgCount: ints[2],
		StackSize: ints[3], Flags: ints[4],
	}
	var ok [10]bool
	var err error
	if co.Code, ok[0], err = r.fieldBytes(); err != nil {
		return nil, err
	}
	if co.Consts, ok[1], err = r.fieldTuple(); err != nil {
		return nil, err
	}
	if co.Names, ok[2], err = r.fieldStrs(); err != nil {
		return nil, err
	}
	if co.LocalsPlusNames, ok[3], err = r.fieldStrs(); err != nil {
		return nil, err
	}
	if co.LocalsPlusKinds, ok[4], err = r.fieldBytes(); err != nil {
		return nil, err
	}
	for i, dst := range [...]**objects.Str{&co.Filename, &co.Name, &co.QualName} {
		o, err := r.object()
		if err != nil {
			return nil, err
		}
		*dst, ok[5+i] = o.(*objects.Str)
	}
	if co.FirstLineNo, err = r.i32(); err != nil {
		return nil, err
	}
	if co.LineTable, ok[8], err = r.fieldBytes(); err != nil {
		return nil, err
	}
	if co.ExceptionTable, ok[9], err = r.fieldBytes(); err != nil {
		return nil, err
	}
	for _, v := range ok {
		if !v {
			return nil, errBadInternalCall
		}
	}
	if co.ArgCount < co.PosOnlyArgCount || co.PosOnlyArgCount < 0 ||
		co.KwOnlyArgCount < 0 || co.StackSize < 0 || co.Flags < 0 ||
		len(co.LocalsPlusNames) != len(co.LocalsPlusKinds) {
		return nil, errBadInternalCall
	}
	if len(co.Code)%2 != 0 {
		return nil, &Error{"ValueError", "code: co_code is malformed"}
	}
	if co.Consts == nil {
		co.Consts = []objects.Object{}
	}
	nplain := 0 // co.NLocals(), without building co_varnames
	for _, k := range co.LocalsPlusKinds {
		if k&objects.FastLocal != 0 {
			nplain++
		}
	}
	if co.Flags&objects.CoVarArgs != 0 {
		nplain--
	}
	if co.Flags&objects.CoVarKeywords != 0 {
		nplain--
	}
	if nplain < co.ArgCount+co.KwOnlyArgCount {
		return nil, &Error{"ValueError", "code: co_varnames is too small"}
	}
	return co, nil
}

var errBadInternalCall = &Error{"SystemError", "bad argument to internal function"}

// unflagged reports whether the next type byte is one of types without FLAG_REF, so that the
// object cannot be referenced and need not be built as such; it consumes the byte if so.
func (r *reader) unflagged(types ...byte) (byte, bool) {
	if r.pos >= len(r.data) || r.depth >= MaxDepth {
		return 0, false
	}
	for _, t := range types {
		if r.data[r.pos] == t {
			r.pos++
			return t, true
		}
	}
	return 0, false
}

// fieldTuple reads a tuple field of a code object and returns its items; ok is false if the
// object read is not a tuple.
func (r *reader) fieldTuple() (items []objects.Object, ok bool, err error) {
	t, fast := r.unflagged(typeSmallTuple, typeTuple)
	if !fast {
		o, err := r.object()
		if err != nil {
			return nil, false, err
		}
		tu, ok := o.(*objects.Tuple)
		if !ok {
			return nil, false, nil
		}
		return tu.V, true, nil
	}
	var n int
	if t == typeSmallTuple {
		if n, err = r.u8(); err != nil {
			return nil, false, errEOFByte
		}
	} else if n, err = r.size("tuple"); err != nil {
		return nil, false, err
	}
	r.depth++
	items, err = r.items(n, "tuple")
	r.depth--
	return items, err == nil, err
}

// fieldStrs reads a tuple-of-strs field of a code object; ok is false unless it is a tuple of
// strs. An unflagged tuple is read straight into the result.
func (r *reader) fieldStrs() ([]*objects.Str, bool, error) {
	t, fast := r.unflagged(typeSmallTuple, typeTuple)
	if !fast {
		o, err := r.object()
		if err != nil {
			return nil, false, err
		}
		tu, ok := o.(*objects.Tuple)
		if !ok {
			return nil, false, nil
		}
		out := make([]*objects.Str, len(tu.V))
		for i, x := range tu.V {
			if out[i], ok = x.(*objects.Str); !ok {
				return nil, false, nil
			}
		}
		return out, true, nil
	}
	var n int
	var err error
	if t == typeSmallTuple {
		if n, err = r.u8(); err != nil {
			return nil, false, errEOFByte
		}
	} else if n, err = r.size("tuple"); err != nil {
		return nil, false, err
	}
	out := make([]*objects.Str, 0, min(n, r.remaining()))
	ok := true
	r.depth++
	defer func() { r.depth-- }()
	for i := 0; i < n; i++ {
		o, err := r.object()
		if err != nil {
			return nil, false, err
		}
		if o == nil {
			return nil, false, &Error{"TypeError", "NULL object in marshal data for tuple"}
		}
		s, isStr := o.(*objects.Str)
		ok = ok && isStr
		out = append(out, s)
	}
	return out, ok, nil
}

// fieldBytes reads a bytes field of a code object; ok is false if the object is not bytes.
func (r *reader) fieldBytes() ([]byte, bool, error) {
	if t, fast := r.unflagged(typeString, typeString|flagRef); fast {
		idx := r.reserve(t&flagRef != 0)
		n, err := r.size("bytes object")
		if err != nil {
			return nil, false, err
		}
		b, err := r.bytes(n)
		if err != nil {
			return nil, false, err
		}
		b = r.copyBytes(b)
		if idx >= 0 {
			r.refs[idx] = lazyBytes
			r.lazy = append(r.lazy, lazyRef{idx, b})
		}
		return b, true, nil
	}
	o, err := r.object()
	if err != nil {
		return nil, false, err
	}
	b, ok := o.(*objects.Bytes)
	if !ok {
		return nil, false, nil
	}
	return b.B, true, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
