package marshal

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strconv"
	"unicode"

	"gopyc/objects"
)

type writer struct {
	buf     []byte
	version int
	counts  map[objects.Object]int // occurrences by identity (first pass)
	refs    map[objects.Object]int // reference index of objects written with FLAG_REF
	shared  map[string]int         // reference index of always-shared values, by value
	nrefs   int
	depth   int
	err     *Error
	keys    map[objects.Object][]byte // set members' sort keys, shared with nested writers
}

var (
	errUnmarshallable = &Error{"ValueError", "unmarshallable object"}
	errTooDeep        = &Error{"ValueError", "object too deeply nested to marshal"}
)

// Dumps returns the marshal form of o in the given format version (0 to 4; Version is the
// default). A nil Object is written as NULL.
func Dumps(o objects.Object, version int) ([]byte, error) {
	return AppendDumps(nil, o, version)
}

// AppendDumps appends the marshal form of o to buf.
func AppendDumps(buf []byte, o objects.Object, version int) ([]byte, error) {
	return appendDumps(buf, o, version, true)
}

// appendDumps is AppendDumps; topRef says whether o counts as referenced by the caller.
func appendDumps(buf []byte, o objects.Object, version int, topRef bool) ([]byte, error) {
	return appendDumpsKeys(buf, o, version, topRef, make(map[objects.Object][]byte))
}

// appendDumpsKeys is appendDumps with a cache of set-member sort keys (without it, nested
// sets would recompute the keys of their members once per enclosing level).
func appendDumpsKeys(buf []byte, o objects.Object, version int, topRef bool, keys map[objects.Object][]byte) ([]byte, error) {
	w := &writer{buf: buf, version: version, keys: keys}
	if version >= 3 {
		w.counts = make(map[objects.Object]int)
		w.refs = make(map[objects.Object]int)
		w.shared = make(map[string]int)
		w.count(o, 0)
	}
	// The caller holds a reference to o, so CPython always finds o shared (a .pyc's code object
	// starts with 'c'|FLAG_REF).
	w.object(o, topRef)
	if w.err != nil {
		return nil, w.err
	}
	return w.buf, nil
}

// referenceable reports whether o goes through CPython's reference table (everything but the
// singletons written as one byte, and NULL).
func referenceable(o objects.Object) bool {
	switch o.(type) {
	case nil, *objects.Bool:
		return false
	}
	return o != objects.None && o != objects.Ellipsis && o != objects.StopIterationType
}

// count records how often each object occurs; containers are walked on first sight only.
func (w *writer) count(o objects.Object, depth int) {
	if !referenceable(o) || depth > MaxDepth {
		return
	}
	w.counts[o]++
	if w.counts[o] > 1 {
		return
	}
	switch v := o.(type) {
	case *objects.Tuple:
		for _, x := range v.V {
			w.count(x, depth+1)
		}
	case *objects.List:
		for _, x := range v.V {
			w.count(x, depth+1)
		}
	case *objects.Dict:
		v.Range(func(k, x objects.Object) bool {
			w.count(k, depth+1)
			w.count(x, depth+1)
			return true
		})
	case *objects.FrozenSet:
		for _, x := range v.Items() {
			w.count(x, depth+1)
		}
	case *objects.Set:
		for _, x := range v.Items() {
			w.count(x, depth+1)
		}
	case *objects.Code:
		for _, x := range v.Consts {
			w.count(x, depth+2)
		}
		for _, x := range v.Names {
			w.count(x, depth+2)
		}
		for _, x := range v.LocalsPlusNames {
			w.count(x, depth+2)
		}
		w.count(v.Filename, depth+1)
		w.count(v.Name, depth+1)
		w.count(v.QualName, depth+1)
	}
}

// alwaysShared reports whether CPython would always find another reference to o: the cached
// small ints, the empty tuple, str and bytes, one-character Latin-1 strs and bytes, interned
// strs.
func alwaysShared(o objects.Object) bool {
	switch v := o.(type) {
	case *objects.Int:
		x, ok := v.Int64()
		return ok && x >= -5 && x <= 256
	case *objects.Tuple:
		return len(v.V) == 0
	case *objects.Bytes:
		return len(v.B) <= 1
	case *objects.Str:
		t := v.String()
		if t == "" {
			return true
		}
		if r, n := objects.DecodeWTF8(t); n == len(t) && r < 0x100 {
			return true
		}
		return isInterned(v)
	}
	return false
}

// isInterned reports whether CPython would find s interned: the empty str always is; otherwise
// s must be the interned str for its text. Only strs made of
// letters, digits and underscores are looked up (objects offers no lookup without interning,
// and this keeps the table from growing with arbitrary text); others count as not interned.
func isInterned(s *objects.Str) bool {
	t := s.String()
	if t == "" {
		return true
	}
	for _, r := range t {
		if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return objects.InternStr(t) == s
}

// sharedKey is the by-value key of an alwaysShared object (interned strs are already unique by
// identity, but keying them by text is equally right).
func sharedKey(o objects.Object) string {
	switch v := o.(type) {
	case *objects.Int:
		x, _ := v.Int64()
		return "i" + strconv.FormatInt(x, 10)
	case *objects.Tuple:
		return "t"
	case *objects.Bytes:
		return "b" + string(v.B)
	case *objects.Str:
		return "s" + v.String()
	}
	return ""
}

func (w *writer) byte(c byte) { w.buf = append(w.buf, c) }

func (w *writer) i32(v int) { w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(int32(v))) }

func (w *writer) size(n int) bool {
	if n > math.MaxInt32 {
		w.fail(errUnmarshallable)
		return false
	}
	w.i32(n)
	return true
}

func (w *writer) fail(e *Error) {
	if w.err == nil {
		w.err = e
	}
}

// object writes o; forceRef sets FLAG_REF as CPython does for set members (which it holds an
// extra reference to while writing).
func (w *writer) object(o objects.Object, forceRef bool) {
	if w.err != nil {
		return
	}
	w.depth++
	defer func() { w.depth-- }()
	if w.depth > MaxDepth {
		w.fail(errTooDeep)
		return
	}
	switch o {
	case nil:
		w.byte(typeNull)
		return
	case objects.None:
		w.byte(typeNone)
		return
	case objects.Ellipsis:
		w.byte(typeEllipsis)
		return
	case objects.StopIterationType:
		w.byte(typeStopIter)
		return
	}
	if b, ok := o.(*objects.Bool); ok {
		if b.V {
			w.byte(typeTrue)
		} else {
			w.byte(typeFalse)
		}
		return
	}
	flag := byte(0)
	if w.version >= 3 {
		if idx, ok := w.refs[o]; ok {
			w.byte(typeRef)
			w.i32(idx)
			return
		}
		shared := alwaysShared(o)
		var key string
		if shared {
			// CPython has one object for each of these values, so equal values written from
			// different Go objects are one reference.
			key = sharedKey(o)
			if idx, ok := w.shared[key]; ok {
				w.byte(typeRef)
				w.i32(idx)
				return
			}
			w.shared[key] = w.nrefs
		}
		if forceRef || w.counts[o] > 1 || shared {
			w.refs[o] = w.nrefs
			w.nrefs++
			flag = flagRef
		}
	}
	w.value(o, flag)
}

func (w *writer) value(o objects.Object, flag byte) {
	switch v := o.(type) {
	case *objects.Int:
		if x, ok := v.Int64(); ok && x == int64(int32(x)) {
			w.byte(typeInt | flag)
			w.i32(int(x))
			return
		}
		w.byte(typeLong | flag)
		w.long(v)
	case *objects.Float:
		if w.version > 1 {
			w.byte(typeBinaryFloat | flag)
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v.V))
		} else {
			w.byte(typeFloat | flag)
			w.textFloat(v.V)
		}
	case *objects.Complex:
		if w.version > 1 {
			w.byte(typeBinaryComplex | flag)
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(real(v.V)))
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(imag(v.V)))
		} else {
			w.byte(typeComplex | flag)
			w.textFloat(real(v.V))
			w.textFloat(imag(v.V))
		}
	case *objects.Bytes:
		w.byte(typeString | flag)
		if w.size(len(v.B)) {
			w.buf = append(w.buf, v.B...)
		}
	case *objects.Str:
		w.str(v, flag)
	case *objects.Tuple:
		if w.version >= 4 && len(v.V) < 256 {
			w.byte(typeSmallTuple | flag)
			w.byte(byte(len(v.V)))
		} else {
			w.byte(typeTuple | flag)
			if !w.size(len(v.V)) {
				return
			}
		}
		for _, x := range v.V {
			w.object(x, false)
		}
	case *objects.List:
		w.byte(typeList | flag)
		if !w.size(len(v.V)) {
			return
		}
		for _, x := range v.V {
			w.object(x, false)
		}
	case *objects.Dict:
		w.byte(typeDict | flag)
		v.Range(func(k, x objects.Object) bool {
			w.object(k, false)
			w.object(x, false)
			return w.err == nil
		})
		w.byte(typeNull)
	case *objects.FrozenSet:
		w.byte(typeFrozenSet | flag)
		w.set(v.Items())
	case *objects.Set:
		w.byte(typeSet | flag)
		w.set(v.Items())
	case *objects.Code:
		w.code(v, flag)
	default:
		w.fail(errUnmarshallable)
	}
}

func (w *writer) str(s *objects.Str, flag byte) {
	t := s.String()
	ascii := true
	for i := 0; i < len(t); i++ {
		if t[i] >= 0x80 {
			ascii = false
			break
		}
	}
	interned := w.version >= 3 && isInterned(s)
	if w.version >= 4 && ascii {
		if len(t) < 256 {
			if interned {
				w.byte(typeShortASCIIInterne | flag)
			} else {
				w.byte(typeShortASCII | flag)
			}
			w.byte(byte(len(t)))
		} else {
			if interned {
				w.byte(typeASCIIInterned | flag)
			} else {
				w.byte(typeASCII | flag)
			}
			if !w.size(len(t)) {
				return
			}
		}
		w.buf = append(w.buf, t...)
		return
	}
	if interned {
		w.byte(typeInterned | flag)
	} else {
		w.byte(typeUnicode | flag)
	}
	if w.size(len(t)) {
		w.buf = append(w.buf, t...)
	}
}

// long writes a TYPE_LONG body: the signed count of 15-bit digits, then the digits.
func (w *writer) long(v *objects.Int) {
	b := v.Big()
	neg := b.Sign() < 0
	words := b.Bits()
	nbits := b.BitLen()
	n := (nbits + 14) / 15
	if neg {
		w.i32(-n)
	} else {
		w.i32(n)
	}
	for i := 0; i < n; i++ {
		bit := i * 15
		wi, off := bit/bitsPerWord, bit%bitsPerWord
		d := uint64(words[wi]) >> off
		if off+15 > bitsPerWord && wi+1 < len(words) {
			d |= uint64(words[wi+1]) << (bitsPerWord - off)
		}
		w.buf = binary.LittleEndian.AppendUint16(w.buf, uint16(d&0x7FFF))
	}
}

// textFloat writes a float in the old text form, as repr with 17 significant digits.
func (w *writer) textFloat(f float64) {
	var s string
	switch {
	case math.IsInf(f, 1):
		s = "inf"
	case math.IsInf(f, -1):
		s = "-inf"
	case math.IsNaN(f):
		s = "nan"
	default:
		s = strconv.FormatFloat(f, 'g', 17, 64)
	}
	w.byte(byte(len(s)))
	w.buf = append(w.buf, s...)
}

// set writes a set's size and members, sorted by their own marshalled bytes (CPython 3.11 does
// so to make frozenset constants reproducible); CPython holds an extra reference to each member
// while it writes them, so from version 3 they carry FLAG_REF.
func (w *writer) set(items []objects.Object) {
	if !w.size(len(items)) {
		return
	}
	if len(items) > 1 {
		type keyed struct {
			key []byte
			o   objects.Object
		}
		ks := make([]keyed, len(items))
		for i, x := range items {
			k, ok := w.keys[x]
			if !ok {
				var err error
				k, err = appendDumpsKeys(nil, x, w.version, false, w.keys)
				if err != nil {
					w.fail(err.(*Error))
					return
				}
				w.keys[x] = k
			}
			ks[i] = keyed{k, x}
		}
		slices.SortStableFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
		for i := range ks {
			items[i] = ks[i].o
		}
	}
	for _, x := range items {
		w.object(x, w.version >= 3)
	}
}

func (w *writer) code(c *objects.Code, flag byte) {
	w.byte(typeCode | flag)
	for _, v := range []int{c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, c.StackSize, c.Flags} {
		w.i32(v)
	}
	w.object(objects.NewBytes(c.Code), false)
	w.object(objects.NewTuple(c.Consts), false)
	w.object(strTuple(c.Names), false)
	w.object(strTuple(c.LocalsPlusNames), false)
	w.object(objects.NewBytes(c.LocalsPlusKinds), false)
	w.object(c.Filename, false)
	w.object(c.Name, false)
	w.object(c.QualName, false)
	w.i32(c.FirstLineNo)
	w.object(objects.NewBytes(c.LineTable), false)
	w.object(objects.NewBytes(c.ExceptionTable), false)
}

func strTuple(s []*objects.Str) *objects.Tuple {
	items := make([]objects.Object, len(s))
	for i, x := range s {
		items[i] = x
	}
	return objects.NewTuple(items)
}
