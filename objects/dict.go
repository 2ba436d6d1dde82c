package objects

// Dict is an insertion-ordered hash table. The core implements it for keys HashConst accepts
// (what marshal and the compiler need); the VM adds the general protocol.
type Dict struct {
	entries []dictEntry // insertion order; deleted entries have key == nil
	index   map[int64][]int32
	n       int
}

type dictEntry struct {
	hash  int64
	key   Object
	value Object
}

// Type implements Object.
func (*Dict) Type() *Type { return DictType }

// NewDict returns an empty dict with room for n items.
func NewDict(n int) *Dict {
	return &Dict{entries: make([]dictEntry, 0, n), index: make(map[int64][]int32, n)}
}

// SetItemConst sets d[key] = value for a key HashConst accepts.
func (d *Dict) SetItemConst(key, value Object) error {
	h, err := HashConst(key)
	if err != nil {
		return err
	}
	for _, i := range d.index[h] {
		e := &d.entries[i]
		if e.key == key {
			e.value = value
			return nil
		}
		same, err := EqualConst(e.key, key)
		if err != nil {
			return err
		}
		if same {
			e.value = value
			return nil
		}
	}
	d.index[h] = append(d.index[h], int32(len(d.entries)))
	d.entries = append(d.entries, dictEntry{h, key, value})
	d.n++
	return nil
}

// GetItemConst returns d[key] for a key HashConst accepts.
func (d *Dict) GetItemConst(key Object) (Object, bool, error) {
	h, err := HashConst(key)
	if err != nil {
		return nil, false, err
	}
	for _, i := range d.index[h] {
		e := &d.entries[i]
		if e.key == key {
			return e.value, true, nil
		}
		same, err := EqualConst(e.key, key)
		if err != nil {
			return nil, false, err
		}
		if same {
			return e.value, true, nil
		}
	}
	return nil, false, nil
}

// Len returns the number of items.
func (d *Dict) Len() int { return d.n }

// Range calls f for each item in insertion order until f returns false.
func (d *Dict) Range(f func(key, value Object) bool) {
	for _, e := range d.entries {
		if e.key != nil && !f(e.key, e.value) {
			return
		}
	}
}
