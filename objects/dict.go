package objects

// Dict is an insertion-ordered hash table (the layout CPython has used since 3.6): entries are
// appended to a dense slice in insertion order, and a power-of-two index of int32 positions is probed
// with CPython's perturbation scheme. Deleting leaves a hole (key == nil) in entries and a dummy in
// the index; the table is compacted when it is rebuilt. Str keys compare by content without a call
// back into Python; other keys of equal hash go through the caller's EqFunc, which is how the VM
// runs __eq__ with the running thread (ARCHITECTURE §8).
//
// Version changes on every mutation that adds or removes a key (not on value replacement), which is
// what iterators use to detect "dictionary changed size during iteration"; Modified changes on every
// mutation and keys attribute caches.
type Dict struct {
	entries  []dictEntry // insertion order; deleted entries have key == nil
	index    []int32     // -1 empty, -2 dummy, else position in entries
	n        int         // live items
	Version  uint64      // bumped when the set of keys changes
	Modified uint64      // bumped on any mutation
}

type dictEntry struct {
	hash  int64
	key   Object
	value Object
}

// EqFunc compares two keys with equal hashes; it may run Python code and so fail.
type EqFunc func(a, b Object) (bool, error)

// Type implements Object.
func (*Dict) Type() *Type { return DictType }

const (
	ixEmpty = -1
	ixDummy = -2
)

// NewDict returns an empty dict with room for n items.
func NewDict(n int) *Dict {
	d := &Dict{}
	if n > 0 {
		d.entries = make([]dictEntry, 0, n)
	}
	return d
}

func (d *Dict) build(capacity int) {
	size := 8
	for size*2 < capacity*3 {
		size <<= 1
	}
	d.index = make([]int32, size)
	for i := range d.index {
		d.index[i] = ixEmpty
	}
	if d.n != len(d.entries) {
		live := make([]dictEntry, 0, max(capacity, d.n))
		for _, e := range d.entries {
			if e.key != nil {
				live = append(live, e)
			}
		}
		d.entries = live
	}
	mask := uint64(size - 1)
	for pos, e := range d.entries {
		perturb := uint64(e.hash)
		i := uint64(e.hash) & mask
		for d.index[i] != ixEmpty {
			perturb >>= 5
			i = (i*5 + perturb + 1) & mask
		}
		d.index[i] = int32(pos)
	}
}

// find returns the index slot and the entry position of key, or pos -1 and the slot where it would
// go.
func (d *Dict) find(key Object, hash int64, eq EqFunc) (slot int, pos int, err error) {
	if d.index == nil {
		d.build(len(d.entries) + 1)
	}
restart:
	mask := uint64(len(d.index) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	free := -1
	ks, kIsStr := key.(*Str)
	for {
		ix := d.index[i]
		if ix == ixEmpty {
			if free >= 0 {
				return free, -1, nil
			}
			return int(i), -1, nil
		}
		if ix == ixDummy {
			if free < 0 {
				free = int(i)
			}
		} else {
			e := &d.entries[ix]
			if kIsStr {
				// str keys: compare pointers, then text, without a generic interface comparison.
				if es, ok := e.key.(*Str); ok {
					if es == ks || (e.hash == hash && es.s == ks.s) {
						return int(i), int(ix), nil
					}
					goto next
				}
			} else if e.key == key {
				return int(i), int(ix), nil
			}
			if e.hash == hash {
				if es, ok := e.key.(*Str); ok && kIsStr {
					if es.s == ks.s {
						return int(i), int(ix), nil
					}
				} else if eq != nil {
					ver, ek := d.Modified, e.key
					same, err := eq(ek, key)
					if err != nil {
						return 0, -1, err
					}
					if d.Modified != ver || d.entries[ix].key != ek {
						goto restart
					}
					if same {
						return int(i), int(ix), nil
					}
				}
			}
		}
	next:
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// Lookup returns d[key] given key's hash.
func (d *Dict) Lookup(key Object, hash int64, eq EqFunc) (Object, bool, error) {
	if d.n == 0 {
		return nil, false, nil
	}
	_, pos, err := d.find(key, hash, eq)
	if err != nil || pos < 0 {
		return nil, false, err
	}
	return d.entries[pos].value, true, nil
}

// GetStr looks up a str key (the fast path for attribute and global dicts). Non-str keys with an
// equal hash are skipped unless they are equal by identity, which is exact for dicts whose keys
// are all str (namespaces); use Lookup when other keys may be present.
func (d *Dict) GetStr(key *Str) Object {
	if d.n == 0 {
		return nil
	}
	_, pos, _ := d.find(key, key.Hash(), nil)
	if pos < 0 {
		return nil
	}
	return d.entries[pos].value
}

// SetStr sets a str key.
func (d *Dict) SetStr(key *Str, value Object) {
	_ = d.Set(key, key.Hash(), value, nil)
}

// Set sets d[key] = value given key's hash.
func (d *Dict) Set(key Object, hash int64, value Object, eq EqFunc) error {
	slot, pos, err := d.find(key, hash, eq)
	if err != nil {
		return err
	}
	d.Modified++
	if pos >= 0 {
		d.entries[pos].value = value
		return nil
	}
	if len(d.entries) >= len(d.index)*2/3 {
		d.build((d.n + 1) * 2)
		slot, _, _ = d.find(key, hash, nil)
	}
	d.index[slot] = int32(len(d.entries))
	d.entries = append(d.entries, dictEntry{hash, key, value})
	d.n++
	d.Version++
	return nil
}

// Delete removes key; it reports whether the key was present and returns its value.
func (d *Dict) Delete(key Object, hash int64, eq EqFunc) (Object, bool, error) {
	if d.n == 0 {
		return nil, false, nil
	}
	slot, pos, err := d.find(key, hash, eq)
	if err != nil || pos < 0 {
		return nil, false, err
	}
	v := d.entries[pos].value
	d.index[slot] = ixDummy
	d.entries[pos] = dictEntry{}
	d.n--
	d.Version++
	d.Modified++
	if d.n == 0 {
		d.entries = d.entries[:0]
		d.index = nil
	}
	return v, true, nil
}

// Clear removes every item.
func (d *Dict) Clear() {
	d.entries, d.index, d.n = nil, nil, 0
	d.Version++
	d.Modified++
}

// SetItemConst sets d[key] = value for a key HashConst accepts.
func (d *Dict) SetItemConst(key, value Object) error {
	h, err := HashConst(key)
	if err != nil {
		return err
	}
	return d.Set(key, h, value, EqualConst)
}

// GetItemConst returns d[key] for a key HashConst accepts.
func (d *Dict) GetItemConst(key Object) (Object, bool, error) {
	h, err := HashConst(key)
	if err != nil {
		return nil, false, err
	}
	return d.Lookup(key, h, EqualConst)
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

// EntryAt returns the item at entry position i (for iterators): ok is false past the end; a deleted
// entry has key nil.
func (d *Dict) EntryAt(i int) (key, value Object, hash int64, ok bool) {
	if i >= len(d.entries) {
		return nil, nil, 0, false
	}
	e := &d.entries[i]
	return e.key, e.value, e.hash, true
}

// Keys returns the keys in order.
func (d *Dict) Keys() []Object {
	out := make([]Object, 0, d.n)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e.key)
		}
	}
	return out
}

// Values returns the values in order.
func (d *Dict) Values() []Object {
	out := make([]Object, 0, d.n)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e.value)
		}
	}
	return out
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	c := &Dict{n: d.n}
	if d.n == len(d.entries) {
		c.entries = append([]dictEntry(nil), d.entries...)
		if d.index != nil {
			c.index = append([]int32(nil), d.index...)
		}
	} else {
		c.entries = make([]dictEntry, 0, d.n)
		for _, e := range d.entries {
			if e.key != nil {
				c.entries = append(c.entries, e)
			}
		}
	}
	return c
}

// PopLast removes and returns the last item (dict.popitem).
func (d *Dict) PopLast() (key, value Object, ok bool) {
	for i := len(d.entries) - 1; i >= 0; i-- {
		e := d.entries[i]
		if e.key != nil {
			_, _, _ = d.Delete(e.key, e.hash, nil)
			return e.key, e.value, true
		}
	}
	return nil, nil, false
}
