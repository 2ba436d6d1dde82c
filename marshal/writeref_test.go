// The writer before the one-pass rewrite, kept as the reference the equivalence tests compare
// against.

package marshal

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"gopyc/objects"
)

type refWriter struct {
	buf     []byte
	version int
	err     *Error
	depth   int
	nrefs   int

	// Pass 1: occurrences of each object, by address (ints, empty tuples and strs and bytes of
	// at most one byte, all shared by value, are not counted).
	counts map[unsafe.Pointer]int32
	// Reference indexes of objects written with FLAG_REF, by address, and of the values CPython
	// has one object for (small ints, empty and one-character strs and bytes, interned strs,
	// the empty tuple), by value.
	refs        map[unsafe.Pointer]int
	sharedStr   map[string]int
	sharedInt   map[int64]int
	sharedBytes map[string]int
	emptyTuple  int

	keys     *map[unsafe.Pointer][]byte // set members' sort keys, shared with nested refWriters
	estimate int                        // output size guessed by the first pass
}

// refAppendDumpsTop is the former writer (kept as the reference for the tests): it appends the marshal form of o to buf.
func refAppendDumpsTop(buf []byte, o objects.Object, version int) ([]byte, error) {
	var keys map[unsafe.Pointer][]byte
	return refAppendDumps(buf, o, version, true, &keys)
}

// refAppendDumps is AppendDumps; topRef says whether o counts as referenced by the caller, and
// keys caches set-member sort keys (without it, nested sets would recompute the keys of their
// members once per enclosing level).
func refAppendDumps(buf []byte, o objects.Object, version int, topRef bool, keys *map[unsafe.Pointer][]byte) ([]byte, error) {
	w := refNewWriter(buf, version, keys)
	defer w.release()
	if version >= 3 {
		w.count(o, 0)
		w.grow(w.estimate)
	}
	// The caller holds a reference to o, so CPython always finds o shared (a .pyc's code object
	// starts with 'c'|FLAG_REF).
	w.object(o, topRef)
	if w.err != nil {
		return nil, w.err
	}
	return w.buf, nil
}

// refWriters keeps refWriters with their maps, which are cleared and reused (growing the maps for
// every module costs more than filling them).
var refWriters = sync.Pool{New: func() any {
	return &refWriter{
		counts:    make(map[unsafe.Pointer]int32),
		refs:      make(map[unsafe.Pointer]int),
		sharedStr: make(map[string]int),
	}
}}

func refNewWriter(buf []byte, version int, keys *map[unsafe.Pointer][]byte) *refWriter {
	w := refWriters.Get().(*refWriter)
	w.buf, w.version, w.keys, w.emptyTuple = buf, version, keys, -1
	return w
}

// release clears w and returns it to the pool. A map that grew large is replaced by a new one:
// clearing costs a map's capacity, which every later small module would pay again.
func (w *refWriter) release() {
	*w = refWriter{counts: refReuse(w.counts), refs: refReuse(w.refs), sharedStr: refReuse(w.sharedStr),
		sharedInt: refReuse(w.sharedInt), sharedBytes: refReuse(w.sharedBytes)}
	refWriters.Put(w)
}

// refReuse returns m cleared, or a new empty map when m grew large (nil stays nil).
func refReuse[K comparable, V any](m map[K]V) map[K]V {
	if len(m) > 1024 {
		return make(map[K]V)
	}
	clear(m)
	return m
}

// refAddr is the address of the object o points to: its identity.
func refAddr(o objects.Object) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[1]
}

// count records how often each object occurs; containers are walked on first sight only.
func (w *refWriter) count(o objects.Object, depth int) {
	if depth > MaxDepth {
		return
	}
	switch v := o.(type) {
	case nil, *objects.Bool, *objects.Int:
		// Ints are written by value; sharing one (beyond the small ones, which are always
		// flagged) only saves a few bytes.
		return
	case *objects.Str:
		// Counted by address even when CPython shares it by value (object() checks that
		// first): cheaper than deciding here.
		w.estimate += len(v.String()) + 5
		if len(v.String()) <= 1 {
			return
		}
	case *objects.Tuple:
		if len(v.V) == 0 {
			return
		}
		w.estimate += 2
	case *objects.Code:
		w.estimate += len(v.Code) + len(v.LineTable) + len(v.ExceptionTable) + len(v.LocalsPlusKinds) + 64
	case *objects.Bytes:
		if len(v.B) <= 1 {
			return
		}
	}
	if o == objects.None || o == objects.Ellipsis || o == objects.StopIterationType {
		return
	}
	p := refAddr(o)
	n := w.counts[p] + 1
	w.counts[p] = n
	if n > 1 {
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

// sharedByValue reports whether CPython has a single object for s's value, so that every
// occurrence after the first is a reference: the empty str, one-character Latin-1 strs and
// interned strs.
func (w *refWriter) sharedByValue(s *objects.Str) bool {
	t := s.String()
	if len(t) <= 1 {
		return true
	}
	if r, n := objects.DecodeWTF8(t); n == len(t) && r < 0x100 {
		return true
	}
	return w.isInterned(s)
}

// isInterned reports whether CPython would find s interned: the empty str always is; otherwise
// s must be the interned str for its text (objects.IsInterned, which interns nothing).
func (w *refWriter) isInterned(s *objects.Str) bool {
	return s.String() == "" || objects.IsInterned(s)
}

// grow makes room for n more bytes, doubling the buffer (append's growth for large slices is
// gentler, which costs several times the output in copies).
func (w *refWriter) grow(n int) {
	if cap(w.buf)-len(w.buf) < n {
		nb := make([]byte, len(w.buf), 2*cap(w.buf)+n)
		copy(nb, w.buf)
		w.buf = nb
	}
}

func (w *refWriter) byte(c byte) {
	w.grow(1)
	w.buf = append(w.buf, c)
}

func (w *refWriter) i32(v int) {
	w.grow(4)
	w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(int32(v)))
}

func (w *refWriter) size(n int) bool {
	if n > math.MaxInt32 {
		w.fail(errUnmarshallable)
		return false
	}
	w.i32(n)
	return true
}

func (w *refWriter) fail(e *Error) {
	if w.err == nil {
		w.err = e
	}
}

// object writes o; forceRef sets FLAG_REF as CPython does for objects it knows to be referenced
// elsewhere (the top-level object, set members).
func (w *refWriter) object(o objects.Object, forceRef bool) {
	if w.err != nil {
		return
	}
	if w.depth >= MaxDepth {
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
	if w.version < 3 {
		w.depth++
		w.value(o, 0)
		w.depth--
		return
	}
	// Values CPython has one object for: written once, then referenced.
	switch v := o.(type) {
	case *objects.Bool:
		w.value(o, 0)
		return
	case *objects.Str:
		// Most strs are names written many times: the address lookup comes first, and a
		// by-value shared str is entered under its address as well.
		p := refAddr(o)
		if idx, ok := w.refs[p]; ok {
			w.byte(typeRef)
			w.i32(idx)
			return
		}
		if w.sharedByValue(v) {
			if idx, ok := w.sharedStr[v.String()]; ok {
				w.refs[p] = idx
				w.byte(typeRef)
				w.i32(idx)
				return
			}
			w.sharedStr[v.String()] = w.nrefs
			w.refs[p] = w.nrefs
			w.nrefs++
			w.str(v, flagRef)
			return
		}
	case *objects.Int:
		if x, ok := v.Int64(); ok && x >= -5 && x <= 256 {
			if w.sharedInt == nil {
				w.sharedInt = make(map[int64]int)
			}
			if refRef(w, w.sharedInt, x) {
				return
			}
			w.byte(typeInt | flagRef)
			w.i32(int(x))
			return
		}
	case *objects.Bytes:
		if len(v.B) <= 1 {
			w.sharedBytesBody(v.B)
			return
		}
	case *objects.Tuple:
		if len(v.V) == 0 {
			w.emptyTupleBody()
			return
		}
	}
	p := refAddr(o)
	if idx, ok := w.refs[p]; ok {
		w.byte(typeRef)
		w.i32(idx)
		return
	}
	flag := byte(0)
	if forceRef || w.counts[p] > 1 {
		w.refs[p] = w.nrefs
		w.nrefs++
		flag = flagRef
	}
	w.depth++
	w.value(o, flag)
	w.depth--
}

// ref writes a reference to the value key if it was written before and reports so; otherwise
// it allocates the value's reference index (the caller then writes it with FLAG_REF).
func refRef[K comparable](w *refWriter, m map[K]int, key K) bool {
	if idx, ok := m[key]; ok {
		w.byte(typeRef)
		w.i32(idx)
		return true
	}
	m[key] = w.nrefs
	w.nrefs++
	return false
}

func (w *refWriter) sharedBytesBody(b []byte) {
	if w.version >= 3 {
		if w.sharedBytes == nil {
			w.sharedBytes = make(map[string]int)
		}
		if refRef(w, w.sharedBytes, string(b)) {
			return
		}
		w.byte(typeString | flagRef)
	} else {
		w.byte(typeString)
	}
	w.i32(len(b))
	w.grow(len(b))
	w.buf = append(w.buf, b...)
}

func (w *refWriter) emptyTupleBody() {
	flag := byte(0)
	if w.version >= 3 {
		if w.emptyTuple >= 0 {
			w.byte(typeRef)
			w.i32(w.emptyTuple)
			return
		}
		w.emptyTuple = w.nrefs
		w.nrefs++
		flag = flagRef
	}
	if w.version >= 4 {
		w.byte(typeSmallTuple | flag)
		w.byte(0)
	} else {
		w.byte(typeTuple | flag)
		w.i32(0)
	}
}

func (w *refWriter) value(o objects.Object, flag byte) {
	switch v := o.(type) {
	case *objects.Bool:
		if v.V {
			w.byte(typeTrue)
		} else {
			w.byte(typeFalse)
		}
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
			w.grow(8)
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v.V))
		} else {
			w.byte(typeFloat | flag)
			w.textFloat(v.V)
		}
	case *objects.Complex:
		if w.version > 1 {
			w.byte(typeBinaryComplex | flag)
			w.grow(8)
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(real(v.V)))
			w.grow(8)
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(imag(v.V)))
		} else {
			w.byte(typeComplex | flag)
			w.textFloat(real(v.V))
			w.textFloat(imag(v.V))
		}
	case *objects.Bytes:
		w.byte(typeString | flag)
		if w.size(len(v.B)) {
			w.grow(len(v.B))
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
	case Buffer:
		b := v.BufferBytes()
		w.byte(typeString | flag)
		if w.size(len(b)) {
			w.grow(len(b))
			w.buf = append(w.buf, b...)
		}
	default:
		w.fail(errUnmarshallable)
	}
}

func (w *refWriter) str(s *objects.Str, flag byte) {
	t := s.String()
	ascii := true
	for i := 0; i < len(t); i++ {
		if t[i] >= 0x80 {
			ascii = false
			break
		}
	}
	interned := w.version >= 3 && w.isInterned(s)
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
		w.grow(len(t))
		w.buf = append(w.buf, t...)
		return
	}
	if interned {
		w.byte(typeInterned | flag)
	} else {
		w.byte(typeUnicode | flag)
	}
	if w.size(len(t)) {
		w.grow(len(t))
		w.buf = append(w.buf, t...)
	}
}

// long writes a TYPE_LONG body: the signed count of 15-bit digits, then the digits.
func (w *refWriter) long(v *objects.Int) {
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
		w.grow(8)
		w.buf = binary.LittleEndian.AppendUint16(w.buf, uint16(d&0x7FFF))
	}
}

// textFloat writes a float in the old text form, as repr with 17 significant digits.
func (w *refWriter) textFloat(f float64) {
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
	w.grow(len(s))
	w.buf = append(w.buf, s...)
}

// set writes a set's size and members, sorted by their own marshalled bytes (CPython 3.11 does
// so to make frozenset constants reproducible); CPython holds an extra reference to each member
// while it writes them, so from version 3 they carry FLAG_REF.
func (w *refWriter) set(items []objects.Object) {
	if !w.size(len(items)) {
		return
	}
	if len(items) > 1 {
		type keyed struct {
			key []byte
			o   objects.Object
		}
		ks := make([]keyed, len(items))
		if *w.keys == nil {
			*w.keys = make(map[unsafe.Pointer][]byte)
		}
		for i, x := range items {
			if _, ok := x.(*objects.Bool); ok || x == nil || x == objects.None || x == objects.Ellipsis || x == objects.StopIterationType {
				// Singletons (some of which may share an address): cheap, not cached.
				k, _ := refAppendDumps(nil, x, w.version, false, w.keys)
				ks[i] = keyed{k, x}
				continue
			}
			k, ok := (*w.keys)[refAddr(x)]
			if !ok {
				var err error
				k, err = refAppendDumps(nil, x, w.version, false, w.keys)
				if err != nil {
					w.fail(err.(*Error))
					return
				}
				(*w.keys)[refAddr(x)] = k
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

func (w *refWriter) code(c *objects.Code, flag byte) {
	w.byte(typeCode | flag)
	for _, v := range [...]int{c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, c.StackSize, c.Flags} {
		w.i32(v)
	}
	// co_code, co_consts, the name tuples and the byte tables are fresh objects in CPython
	// (referenced once), so they carry no FLAG_REF unless CPython shares their value.
	w.freshBytes(c.Code)
	w.freshTuple(len(c.Consts), func(i int) objects.Object { return c.Consts[i] })
	w.freshTuple(len(c.Names), func(i int) objects.Object { return c.Names[i] })
	w.freshTuple(len(c.LocalsPlusNames), func(i int) objects.Object { return c.LocalsPlusNames[i] })
	w.freshBytes(c.LocalsPlusKinds)
	w.object(c.Filename, false)
	w.object(c.Name, false)
	w.object(c.QualName, false)
	w.i32(c.FirstLineNo)
	w.freshBytes(c.LineTable)
	w.freshBytes(c.ExceptionTable)
}

func (w *refWriter) freshBytes(b []byte) {
	if len(b) <= 1 {
		w.sharedBytesBody(b)
		return
	}
	w.byte(typeString)
	if w.size(len(b)) {
		w.grow(len(b))
		w.buf = append(w.buf, b...)
	}
}

func (w *refWriter) freshTuple(n int, item func(int) objects.Object) {
	if n == 0 {
		w.emptyTupleBody()
		return
	}
	if w.version >= 4 && n < 256 {
		w.byte(typeSmallTuple)
		w.byte(byte(n))
	} else {
		w.byte(typeTuple)
		if !w.size(n) {
			return
		}
	}
	w.depth++
	for i := 0; i < n; i++ {
		w.object(item(i), false)
	}
	w.depth--
}
