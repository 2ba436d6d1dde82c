package marshal

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"gopyc/objects"
)

// writer writes in one pass. FLAG_REF must go on every object that occurs more than once (by
// identity), which is only known once the whole tree is written; so every object that may be
// referenced again gets an entry when it is first written (in stream order, which is the order
// of CPython's reference indexes), its type byte is written without the flag, and a TYPE_REF to
// it is written with the entry's number as a placeholder. At the end (finish) the entries that
// turned out to be referenced get the flag and their reference indexes (their rank among the
// flagged entries), and the placeholders are patched. This replaces a counting pass over the
// whole tree and two map lookups per object with one hash-table probe per object.
type writer struct {
	buf     []byte
	version int
	err     *Error
	depth   int

	entries []entry  // the objects that may be referenced, in stream order
	fixes   []fixup  // the TYPE_REF operands to patch
	addrs   ptrTable // entry of each object written so far, by address
	// Entries of the values CPython has one object for, by value: strs (the interned ones and
	// the empty and one-character Latin-1 ones), small ints, bytes of at most one byte, the
	// empty tuple. -1 (after reset) means not written yet.
	sharedStr   strTable
	sharedInt   [262]int32 // ints -5..256
	sharedBytes [257]int32 // b"" at 256, else the byte
	oneChar     [257]int32 // "" at 256, else the one Latin-1 character
	emptyTuple  int32
	forcedInts  int // ints written with FLAG_REF that later occurrences must reference

	keys *map[unsafe.Pointer][]byte // set members' sort keys, shared with nested writers
}

// entry is an object that may be referenced: where its type byte is and whether it is.
type entry struct {
	pos  int
	idx  int32 // its reference index, once finish has numbered the flagged entries
	flag bool
}

// fixup is a TYPE_REF operand at pos that must name entry e's reference index.
type fixup struct {
	pos int
	e   int32
}

// Buffer is implemented by objects outside the core types that expose their contents as bytes
// (bytearray, memoryview, array in the VM): CPython writes any object with the buffer protocol
// as bytes, and Dumps does the same for a Buffer.
type Buffer interface {
	objects.Object
	BufferBytes() []byte
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
	var keys map[unsafe.Pointer][]byte
	return appendDumps(buf, o, version, true, &keys)
}

// appendDumps is AppendDumps; topRef says whether o counts as referenced by the caller, and
// keys caches set-member sort keys (without it, nested sets would recompute the keys of their
// members once per enclosing level).
func appendDumps(buf []byte, o objects.Object, version int, topRef bool, keys *map[unsafe.Pointer][]byte) ([]byte, error) {
	w := newWriter(buf, version, keys)
	defer w.release()
	// The caller holds a reference to o, so CPython always finds o shared (a .pyc's code object
	// starts with 'c'|FLAG_REF).
	w.object(o, topRef)
	if w.err != nil {
		return nil, w.err
	}
	w.finish()
	return w.buf, nil
}

// writers keeps writers with their tables, which are cleared and reused (growing them for
// every module costs more than filling them).
var writers = sync.Pool{New: func() any {
	w := &writer{}
	w.reset()
	return w
}}

func newWriter(buf []byte, version int, keys *map[unsafe.Pointer][]byte) *writer {
	w := writers.Get().(*writer)
	w.buf, w.version, w.keys = buf, version, keys
	return w
}

// reset clears the by-value tables.
func (w *writer) reset() {
	for i := range w.sharedInt {
		w.sharedInt[i] = -1
	}
	for i := range w.sharedBytes {
		w.sharedBytes[i] = -1
		w.oneChar[i] = -1
	}
	w.emptyTuple = -1
	w.forcedInts = 0
}

// release clears w and returns it to the pool. A table that grew large is dropped: clearing a
// map costs its capacity, which every later small module would pay again.
func (w *writer) release() {
	w.buf, w.err, w.depth, w.keys = nil, nil, 0, nil
	if len(w.entries) > 0 {
		w.reset()
	}
	w.entries, w.fixes = w.entries[:0], w.fixes[:0]
	if cap(w.entries) > 1<<16 {
		w.entries, w.fixes = nil, nil
	}
	w.addrs.clear()
	w.sharedStr.clear()
	writers.Put(w)
}

// addr is the address of the object o points to: its identity.
func addr(o objects.Object) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[1]
}

// newEntry records that an object that may be referenced starts at the end of the buffer.
func (w *writer) newEntry(flag bool) int32 {
	w.entries = append(w.entries, entry{pos: len(w.buf), flag: flag})
	return int32(len(w.entries) - 1)
}

// refTo writes a TYPE_REF to entry e, which becomes flagged.
func (w *writer) refTo(e int32) {
	w.entries[e].flag = true
	w.grow(5)
	w.fixes = append(w.fixes, fixup{len(w.buf) + 1, e})
	w.buf = append(w.buf, typeRef, 0, 0, 0, 0)
}

// finish sets FLAG_REF on the flagged entries, numbers them in stream order and fills in the
// TYPE_REF operands.
func (w *writer) finish() {
	if len(w.fixes) == 0 && !w.anyFlag() {
		return
	}
	var n int32
	for i := range w.entries {
		e := &w.entries[i]
		if e.flag {
			w.buf[e.pos] |= flagRef
			e.idx = n
			n++
		}
	}
	for _, f := range w.fixes {
		binary.LittleEndian.PutUint32(w.buf[f.pos:], uint32(w.entries[f.e].idx))
	}
}

func (w *writer) anyFlag() bool {
	for i := range w.entries {
		if w.entries[i].flag {
			return true
		}
	}
	return false
}

// oneCharSlot is the slot in writer.oneChar of a str CPython has one object for by its value
// (the empty str, one Latin-1 character), or -1.
func oneCharSlot(t string) int {
	switch {
	case len(t) == 0:
		return 256
	case len(t) == 1:
		return int(t[0])
	case len(t) == 2 && (t[0] == 0xC2 || t[0] == 0xC3) && t[1]&0xC0 == 0x80:
		return int(t[0]&0x1F)<<6 | int(t[1]&0x3F)
	}
	return -1
}

// grow makes room for n more bytes, doubling the buffer (append's growth for large slices is
// gentler, which costs several times the output in copies).
func (w *writer) grow(n int) {
	if cap(w.buf)-len(w.buf) < n {
		nb := make([]byte, len(w.buf), 2*cap(w.buf)+n+256)
		copy(nb, w.buf)
		w.buf = nb
	}
}

func (w *writer) byte(c byte) {
	w.grow(1)
	w.buf = append(w.buf, c)
}

func (w *writer) i32(v int) {
	w.grow(4)
	w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(int32(v)))
}

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

// object writes o; forceRef sets FLAG_REF as CPython does for objects it knows to be referenced
// elsewhere (the top-level object, set members).
func (w *writer) object(o objects.Object, forceRef bool) {
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
		w.value(o)
		w.depth--
		return
	}
	// Values CPython has one object for: written once, then referenced.
	switch v := o.(type) {
	case *objects.Bool:
		w.value(o)
		return
	case *objects.Str:
		if w.sharedStrObject(v) {
			return
		}
	case *objects.Int:
		if x, ok := v.Int64(); ok && x >= -5 && x <= 256 {
			slot := &w.sharedInt[x+5]
			if *slot >= 0 {
				w.refTo(*slot)
				return
			}
			*slot = w.newEntry(true)
			w.byte(typeInt)
			w.i32(int(x))
			return
		}
		// Other ints are written by value (sharing one, beyond the small ones, only saves a
		// few bytes), so only those written with FLAG_REF are entered.
		if w.forcedInts == 0 && !forceRef {
			w.value(o)
			return
		}
		if e, ok := w.addrs.lookup(addr(o)); ok {
			w.refTo(e)
			return
		}
		if !forceRef {
			w.value(o)
			return
		}
		w.forcedInts++
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
	if e, found := w.addrs.insert(addr(o), int32(len(w.entries))); found {
		w.refTo(e)
		return
	}
	w.newEntry(forceRef)
	w.depth++
	w.value(o)
	w.depth--
}

// sharedStrObject writes s if CPython has one object for its value (the empty str, one Latin-1
// character, interned strs): the first time with FLAG_REF, then as a reference. It reports
// whether s was such a str.
func (w *writer) sharedStrObject(s *objects.Str) bool {
	t := s.String()
	if i := oneCharSlot(t); i >= 0 {
		slot := &w.oneChar[i]
		if *slot >= 0 {
			w.refTo(*slot)
			return true
		}
		*slot = w.newEntry(true)
		w.str(s)
		return true
	}
	if !objects.IsInterned(s) {
		return false
	}
	// Most interned strs are names written many times, the same object each time: the address
	// comes first, the text only for an object not seen yet.
	p := unsafe.Pointer(s)
	e, found := w.addrs.insert(p, int32(len(w.entries)))
	if found {
		w.refTo(e)
		return true
	}
	if e, found := w.sharedStr.insert(s, e); found {
		// Another str object with the same interned text was written.
		w.addrs.set(p, e)
		w.refTo(e)
		return true
	}
	w.newEntry(true)
	w.str(s)
	return true
}

// strObject is object for a *Str (a nil one is written as NULL).
func (w *writer) strObject(s *objects.Str) {
	if s == nil {
		if w.err == nil {
			w.byte(typeNull)
		}
		return
	}
	if w.version < 3 || w.depth >= MaxDepth {
		w.object(s, false)
		return
	}
	if w.err != nil || w.sharedStrObject(s) {
		return
	}
	if e, found := w.addrs.insert(unsafe.Pointer(s), int32(len(w.entries))); found {
		w.refTo(e)
		return
	}
	w.newEntry(false)
	w.str(s)
}

func (w *writer) sharedBytesBody(b []byte) {
	if w.version >= 3 {
		i := 256
		if len(b) == 1 {
			i = int(b[0])
		}
		slot := &w.sharedBytes[i]
		if *slot >= 0 {
			w.refTo(*slot)
			return
		}
		*slot = w.newEntry(true)
	}
	w.grow(5 + len(b))
	w.buf = append(w.buf, typeString)
	w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(len(b)))
	w.buf = append(w.buf, b...)
}

func (w *writer) emptyTupleBody() {
	if w.version >= 3 {
		if w.emptyTuple >= 0 {
			w.refTo(w.emptyTuple)
			return
		}
		w.emptyTuple = w.newEntry(true)
	}
	if w.version >= 4 {
		w.byte(typeSmallTuple)
		w.byte(0)
	} else {
		w.byte(typeTuple)
		w.i32(0)
	}
}

// value writes o's type byte (without FLAG_REF, which finish adds) and contents.
func (w *writer) value(o objects.Object) {
	switch v := o.(type) {
	case *objects.Bool:
		if v.V {
			w.byte(typeTrue)
		} else {
			w.byte(typeFalse)
		}
	case *objects.Int:
		if x, ok := v.Int64(); ok && x == int64(int32(x)) {
			w.byte(typeInt)
			w.i32(int(x))
			return
		}
		w.byte(typeLong)
		w.long(v)
	case *objects.Float:
		if w.version > 1 {
			w.byte(typeBinaryFloat)
			w.grow(8)
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v.V))
		} else {
			w.byte(typeFloat)
			w.textFloat(v.V)
		}
	case *objects.Complex:
		if w.version > 1 {
			w.byte(typeBinaryComplex)
			w.grow(16)
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(real(v.V)))
			w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(imag(v.V)))
		} else {
			w.byte(typeComplex)
			w.textFloat(real(v.V))
			w.textFloat(imag(v.V))
		}
	case *objects.Bytes:
		w.byte(typeString)
		if w.size(len(v.B)) {
			w.grow(len(v.B))
			w.buf = append(w.buf, v.B...)
		}
	case *objects.Str:
		w.str(v)
	case *objects.Tuple:
		if w.version >= 4 && len(v.V) < 256 {
			w.grow(2)
			w.buf = append(w.buf, typeSmallTuple, byte(len(v.V)))
		} else {
			w.byte(typeTuple)
			if !w.size(len(v.V)) {
				return
			}
		}
		for _, x := range v.V {
			w.object(x, false)
		}
	case *objects.List:
		w.byte(typeList)
		if !w.size(len(v.V)) {
			return
		}
		for _, x := range v.V {
			w.object(x, false)
		}
	case *objects.Dict:
		w.byte(typeDict)
		v.Range(func(k, x objects.Object) bool {
			w.object(k, false)
			w.object(x, false)
			return w.err == nil
		})
		w.byte(typeNull)
	case *objects.FrozenSet:
		w.byte(typeFrozenSet)
		w.set(v.Items())
	case *objects.Set:
		w.byte(typeSet)
		w.set(v.Items())
	case *objects.Code:
		w.code(v)
	case Buffer:
		b := v.BufferBytes()
		w.byte(typeString)
		if w.size(len(b)) {
			w.grow(len(b))
			w.buf = append(w.buf, b...)
		}
	default:
		w.fail(errUnmarshallable)
	}
}

func (w *writer) str(s *objects.Str) {
	t := s.String()
	ascii := true
	for i := 0; i < len(t); i++ {
		if t[i] >= 0x80 {
			ascii = false
			break
		}
	}
	interned := w.version >= 3 && (t == "" || objects.IsInterned(s))
	if w.version >= 4 && ascii {
		if len(t) < 256 {
			c := byte(typeShortASCII)
			if interned {
				c = typeShortASCIIInterne
			}
			w.grow(2 + len(t))
			w.buf = append(w.buf, c, byte(len(t)))
		} else {
			if interned {
				w.byte(typeASCIIInterned)
			} else {
				w.byte(typeASCII)
			}
			if !w.size(len(t)) {
				return
			}
			w.grow(len(t))
		}
		w.buf = append(w.buf, t...)
		return
	}
	if interned {
		w.byte(typeInterned)
	} else {
		w.byte(typeUnicode)
	}
	if w.size(len(t)) {
		w.grow(len(t))
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
		w.grow(8)
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
	w.grow(len(s))
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
		if *w.keys == nil {
			*w.keys = make(map[unsafe.Pointer][]byte)
		}
		for i, x := range items {
			if _, ok := x.(*objects.Bool); ok || x == nil || x == objects.None || x == objects.Ellipsis || x == objects.StopIterationType {
				// Singletons (some of which may share an address): cheap, not cached.
				k, _ := appendDumps(nil, x, w.version, false, w.keys)
				ks[i] = keyed{k, x}
				continue
			}
			k, ok := (*w.keys)[addr(x)]
			if !ok {
				var err error
				k, err = appendDumps(nil, x, w.version, false, w.keys)
				if err != nil {
					w.fail(err.(*Error))
					return
				}
				(*w.keys)[addr(x)] = k
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

func (w *writer) code(c *objects.Code) {
	w.grow(21)
	w.buf = append(w.buf, typeCode)
	for _, v := range [...]int{c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, c.StackSize, c.Flags} {
		w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(int32(v)))
	}
	// co_code, co_consts, the name tuples and the byte tables are fresh objects in CPython
	// (referenced once), so they carry no FLAG_REF unless CPython shares their value.
	w.freshBytes(c.Code)
	if w.freshTuple(len(c.Consts)) {
		w.depth++
		for _, x := range c.Consts {
			w.object(x, false)
		}
		w.depth--
	}
	w.strTuple(c.Names)
	w.strTuple(c.LocalsPlusNames)
	w.freshBytes(c.LocalsPlusKinds)
	w.strObject(c.Filename)
	w.strObject(c.Name)
	w.strObject(c.QualName)
	w.i32(c.FirstLineNo)
	w.freshBytes(c.LineTable)
	w.freshBytes(c.ExceptionTable)
}

func (w *writer) freshBytes(b []byte) {
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

// freshTuple writes the header of a tuple of n items that is a fresh object in CPython (not
// referenced elsewhere) and reports whether the caller is to write the items (the empty tuple
// is shared).
func (w *writer) freshTuple(n int) bool {
	if n == 0 {
		w.emptyTupleBody()
		return false
	}
	if w.version >= 4 && n < 256 {
		w.grow(2)
		w.buf = append(w.buf, typeSmallTuple, byte(n))
	} else {
		w.byte(typeTuple)
		if !w.size(n) {
			return false
		}
	}
	return true
}

// strTuple writes a fresh tuple of strs (co_names, co_localsplusnames) without converting each
// to an Object and back.
func (w *writer) strTuple(names []*objects.Str) {
	if w.freshTuple(len(names)) {
		w.depth++
		for _, s := range names {
			w.strObject(s)
		}
		w.depth--
	}
}

// ptrTable maps object addresses to entry numbers: open addressing with linear probing, kept at
// most three quarters full (the table starts cold in the cache for each module, and a smaller
// one costs fewer misses than the longer probe runs, which stay within a cache line), cleared
// slot by slot (a Go map costs about twice as much per lookup here, and clearing one costs its
// whole capacity). The keys are pointers, so the objects stay where they
// are (on the heap) while the table holds them. Keys and values are separate arrays: a probe
// reads only keys, and most probes miss the cache, so 8 bytes a slot rather than 16 halves the
// memory they touch.
type ptrTable struct {
	keys  []unsafe.Pointer // nil marks an empty slot
	vals  []int32
	used  []int32 // the slots in use, for clear
	shift uint
}

// slot spreads an address over the table (Fibonacci hashing: the top bits of the product).
func (t *ptrTable) slot(p unsafe.Pointer) int {
	return int(uint64(uintptr(p)) * 0x9E3779B97F4A7C15 >> t.shift)
}

// insert enters p with value v unless it is present; it returns p's value and whether it was.
func (t *ptrTable) insert(p unsafe.Pointer, v int32) (int32, bool) {
	if 4*(len(t.used)+1) > 3*len(t.keys) {
		t.grow()
	}
	keys := t.keys
	mask := len(keys) - 1
	for i := t.slot(p); ; i = (i + 1) & mask {
		k := keys[i]
		if k == p {
			return t.vals[i], true
		}
		if k == nil {
			keys[i], t.vals[i] = p, v
			t.used = append(t.used, int32(i))
			return v, false
		}
	}
}

// set sets p's value to v (p must be present).
func (t *ptrTable) set(p unsafe.Pointer, v int32) {
	mask := len(t.keys) - 1
	for i := t.slot(p); ; i = (i + 1) & mask {
		if t.keys[i] == p {
			t.vals[i] = v
			return
		}
	}
}

// lookup returns p's value, if present.
func (t *ptrTable) lookup(p unsafe.Pointer) (int32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	mask := len(t.keys) - 1
	for i := t.slot(p); ; i = (i + 1) & mask {
		k := t.keys[i]
		if k == p {
			return t.vals[i], true
		}
		if k == nil {
			return 0, false
		}
	}
}

func (t *ptrTable) grow() {
	oldKeys, oldVals, used := t.keys, t.vals, t.used
	n := max(1024, 2*len(oldKeys))
	t.keys, t.vals = make([]unsafe.Pointer, n), make([]int32, n)
	t.used = make([]int32, 0, 3*n/4)
	t.shift = uint(64 - bits.TrailingZeros(uint(n)))
	for _, i := range used {
		t.insert(oldKeys[i], oldVals[i])
	}
}

// clear empties the table; a table that grew large is dropped (see writer.release).
func (t *ptrTable) clear() {
	if len(t.keys) > 1<<16 {
		*t = ptrTable{}
		return
	}
	for _, i := range t.used {
		t.keys[i] = nil
	}
	t.used = t.used[:0]
}

// slotTable is strTable's storage: a power-of-two array of slots, the indexes
// of the slots in use (so that clearing touches only those), and the shift that turns a
// 64-bit hash into a slot index.
type slotTable[S any] struct {
	slots []S
	used  []int32
	shift uint
}

// resize replaces the slots with twice as many empty ones (at least min), returning the old
// slots and the indexes of those in use, for the caller to insert again.
func (t *slotTable[S]) resize(min int) (old []S, used []int32) {
	old, used = t.slots, t.used
	n := max(min, 2*len(old))
	t.slots = make([]S, n)
	t.used = make([]int32, 0, n/2)
	t.shift = uint(64 - bits.TrailingZeros(uint(n)))
	return old, used
}

// empty clears the slots in use, or drops the arrays once they hold more than limit slots.
func (t *slotTable[S]) empty(limit int) {
	if len(t.slots) > limit {
		*t = slotTable[S]{}
		return
	}
	var zero S
	for _, i := range t.used {
		t.slots[i] = zero
	}
	t.used = t.used[:0]
}

// strTable maps the texts of the interned strs written to their entries: open addressing with
// linear probing, as ptrTable (one probe where a map needs a lookup and an insertion).
type strTable struct{ slotTable[strSlot] }

type strSlot struct {
	s   *objects.Str // nil marks an empty slot
	h   uint32       // the low bits of the hash of s's text
	val int32
}

var strSeed = maphash.MakeSeed()

// insert enters s's text with value v unless it is present; it returns the text's value and
// whether it was.
func (t *strTable) insert(s *objects.Str, v int32) (int32, bool) {
	if 2*(len(t.used)+1) > len(t.slots) {
		t.grow()
	}
	text := s.String()
	hash := maphash.String(strSeed, text)
	h := uint32(hash)
	mask := len(t.slots) - 1
	for i := int(hash >> t.shift); ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.s == nil {
			*sl = strSlot{s, h, v}
			t.used = append(t.used, int32(i))
			return v, false
		}
		if sl.h == h && sl.s.String() == text {
			return sl.val, true
		}
	}
}

func (t *strTable) grow() {
	old, used := t.resize(512)
	for _, j := range used {
		t.insert(old[j].s, old[j].val)
	}
}

// clear empties the table; a table that grew large is dropped.
func (t *strTable) clear() { t.empty(1 << 15) }
