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
