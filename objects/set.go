package objects

// FrozenSet is an immutable set.
type FrozenSet struct {
	t    setTable
	hash int64
	done bool // hash computed
}

// Set is a mutable set.
type Set struct {
	t setTable
}

// Type implements Object.
func (*FrozenSet) Type() *Type { return FrozenSetType }

// Type implements Object.
func (*Set) Type() *Type { return SetType }

func constEq(a, b Object) (bool, error) { return EqualConst(a, b) }

func fillConst(t *setTable, items []Object) error {
	t.init()
	for _, it := range items {
		h, err := HashConst(it)
		if err != nil {
			return err
		}
		if _, err := t.add(it, h, constEq); err != nil {
			return err
		}
	}
	return nil
}

// NewFrozenSetConst builds a frozenset by adding items in order (as marshal and the compiler do),
// for items HashConst accepts.
func NewFrozenSetConst(items []Object) (*FrozenSet, error) {
	fs := &FrozenSet{}
	if err := fillConst(&fs.t, items); err != nil {
		return nil, err
	}
	return fs, nil
}

// NewSetConst builds a set by adding items in order, for items HashConst accepts.
func NewSetConst(items []Object) (*Set, error) {
	s := &Set{}
	if err := fillConst(&s.t, items); err != nil {
		return nil, err
	}
	return s, nil
}

// Items returns the members in iteration order (CPython's order for equal hashes).
func (fs *FrozenSet) Items() []Object { return fs.t.items() }

// Len returns the number of members.
func (fs *FrozenSet) Len() int { return fs.t.used }

// Items returns the members in iteration order.
func (s *Set) Items() []Object { return s.t.items() }

// Len returns the number of members.
func (s *Set) Len() int { return s.t.used }

// Hash returns hash(frozenset); members must be HashConst-able (a frozenset's members are hashed
// when added, so the stored hashes are used).
func (fs *FrozenSet) Hash() int64 {
	if !fs.done {
		hs := make([]int64, 0, fs.t.used)
		for _, s := range fs.t.slots {
			if s.key != nil && s.key != dummy {
				hs = append(hs, s.hash)
			}
		}
		fs.hash = HashFrozenSetOf(hs)
		fs.done = true
	}
	return fs.hash
}

// ContainsConst reports whether key (HashConst-able) is a member.
func (fs *FrozenSet) ContainsConst(key Object) (bool, error) {
	h, err := HashConst(key)
	if err != nil {
		return false, err
	}
	i, err := fs.t.lookup(key, h, constEq)
	return i >= 0, err
}

// SetEq compares set members with equal hashes (it may run Python code).
type SetEq = func(a, b Object) (bool, error)

// Add inserts key (with its hash) unless an equal member exists; it reports whether it was added.
func (s *Set) Add(key Object, hash int64, eq SetEq) (bool, error) { return s.t.add(key, hash, eq) }

// Add inserts key while the frozenset is being built (never after it is shared).
func (fs *FrozenSet) Add(key Object, hash int64, eq SetEq) (bool, error) {
	return fs.t.add(key, hash, eq)
}

// Contains reports membership.
func (s *Set) Contains(key Object, hash int64, eq SetEq) (bool, error) {
	i, err := s.t.lookup(key, hash, eq)
	return i >= 0, err
}

// Contains reports membership.
func (fs *FrozenSet) Contains(key Object, hash int64, eq SetEq) (bool, error) {
	i, err := fs.t.lookup(key, hash, eq)
	return i >= 0, err
}

// Discard removes key; it reports whether it was present.
func (s *Set) Discard(key Object, hash int64, eq SetEq) (bool, error) {
	i, err := s.t.lookup(key, hash, eq)
	if err != nil || i < 0 {
		return false, err
	}
	s.t.discardAt(i)
	return true, nil
}

// Clear removes every member.
func (s *Set) Clear() { s.t = setTable{} }

// Pop removes and returns an arbitrary member (CPython's choice: the first active slot at or
// after a rotating finger).
func (s *Set) Pop() (Object, bool) {
	if s.t.used == 0 {
		return nil, false
	}
	n := len(s.t.slots)
	i := s.t.finger % n
	for {
		sl := s.t.slots[i]
		if sl.key != nil && sl.key != dummy {
			s.t.discardAt(i)
			s.t.finger = i + 1
			return sl.key, true
		}
		i = (i + 1) % n
	}
}

// Entries calls f with each member and its stored hash.
func (s *Set) Entries(f func(key Object, hash int64)) {
	for _, sl := range s.t.slots {
		if sl.key != nil && sl.key != dummy {
			f(sl.key, sl.hash)
		}
	}
}

// Entries calls f with each member and its stored hash.
func (fs *FrozenSet) Entries(f func(key Object, hash int64)) {
	for _, sl := range fs.t.slots {
		if sl.key != nil && sl.key != dummy {
			f(sl.key, sl.hash)
		}
	}
}

func (t *setTable) mergeFrom(o *setTable) {
	t.init()
	if o.used == 0 {
		return
	}
	mask := len(t.slots) - 1
	if (t.fill+o.used)*5 >= mask*3 {
		t.resize((t.used + o.used) * 2)
	}
	if t.fill == 0 && len(t.slots) == len(o.slots) && o.fill == o.used {
		copy(t.slots, o.slots)
		t.fill, t.used = o.fill, o.used
		return
	}
	if t.fill == 0 {
		m := uint64(len(t.slots) - 1)
		for _, s := range o.slots {
			if s.key == nil || s.key == dummy {
				continue
			}
			t.insertClean(m, s)
		}
		return
	}
	for _, s := range o.slots {
		if s.key == nil || s.key == dummy {
			continue
		}
		_, _ = t.add(s.key, s.hash, func(a, b Object) (bool, error) { return a == b, nil })
	}
}

func (t *setTable) insertClean(mask uint64, s setSlot) {
	perturb := uint64(s.hash)
	i := uint64(s.hash) & mask
	for {
		if t.slots[i].key == nil {
			t.slots[i] = s
			t.fill++
			t.used++
			return
		}
		if i+linearProbes <= mask {
			for j := uint64(1); j <= linearProbes; j++ {
				if t.slots[i+j].key == nil {
					t.slots[i+j] = s
					t.fill++
					t.used++
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Merge adds every member of other (a *Set or *FrozenSet) the way CPython's set_merge does (one
// resize up front, the table copied when s is empty), so the resulting order is CPython's. Members
// of sets are unique and hashed, so no comparison can run Python code except against members
// already in s: eq is used for those.
func (s *Set) Merge(other Object, eq SetEq) error {
	var o *setTable
	switch x := other.(type) {
	case *Set:
		o = &x.t
	case *FrozenSet:
		o = &x.t
	default:
		return nil
	}
	if s.t.used > 0 {
		s.t.init()
		mask := len(s.t.slots) - 1
		if (s.t.fill+o.used)*5 >= mask*3 {
			s.t.resize((s.t.used + o.used) * 2)
		}
		for _, sl := range o.slots {
			if sl.key == nil || sl.key == dummy {
				continue
			}
			if _, err := s.t.add(sl.key, sl.hash, eq); err != nil {
				return err
			}
		}
		return nil
	}
	s.t.mergeFrom(o)
	return nil
}

// Reserve grows the table as CPython does before adding n keys from a dict.
func (s *Set) Reserve(n int) {
	s.t.init()
	mask := len(s.t.slots) - 1
	if (s.t.fill+n)*5 >= mask*3 {
		s.t.resize((s.t.used + n) * 2)
	}
}

// Freeze turns a set into a frozenset sharing its table (the set must not be used afterwards).
func (s *Set) Freeze() *FrozenSet { return &FrozenSet{t: s.t} }
