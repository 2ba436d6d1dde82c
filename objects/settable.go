package objects

// setTable is CPython 3.11's set hash table (Objects/setobject.c, read for the algorithm): open
// addressing over a power-of-two table of at least 8 slots, LINEAR_PROBES (9) adjacent slots
// tried before a perturbed jump, growth when fill*5 >= mask*3 to the smallest power of two above
// used*4 (used*2 past 50,000). Iteration walks the slots in order, so with equal hashes the order of
// a set is CPython's.
type setTable struct {
	slots  []setSlot
	fill   int // active + dummy slots
	used   int // active slots
	finger int // where set.pop resumes
}

type setSlot struct {
	key  Object // nil = never used; dummy = deleted
	hash int64
}

const (
	setMinSize   = 8
	linearProbes = 9
	perturbShift = 5
)

type dummyObject struct{}

func (dummyObject) Type() *Type { return NoneType }

var dummy Object = &dummyObject{}

// eqFunc compares two keys with equal hashes; it may fail when that runs Python code.
type eqFunc func(a, b Object) (bool, error)

func (t *setTable) init() {
	if t.slots == nil {
		t.slots = make([]setSlot, setMinSize)
	}
}

// add inserts key unless an equal key is present; it reports whether the key was added.
func (t *setTable) add(key Object, hash int64, eq eqFunc) (bool, error) {
	t.init()
restart:
	mask := uint64(len(t.slots) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	free := -1
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		j := i
		for {
			s := &t.slots[j]
			if s.key == nil {
				if free >= 0 {
					t.slots[free] = setSlot{key, hash}
					t.used++
					return true, nil
				}
				*s = setSlot{key, hash}
				t.fill++
				t.used++
				if uint64(t.fill)*5 >= mask*3 {
					n := t.used * 4
					if t.used > 50000 {
						n = t.used * 2
					}
					t.resize(n)
				}
				return true, nil
			}
			if s.key == dummy {
				if free < 0 {
					free = int(j)
				}
			} else if s.hash == hash {
				if s.key == key {
					return false, nil
				}
				if a, ok := s.key.(*Str); ok {
					if b, ok := key.(*Str); ok {
						if a.s == b.s {
							return false, nil
						}
						goto next
					}
				}
				n := len(t.slots)
				same, err := eq(s.key, key)
				if err != nil {
					return false, err
				}
				if same {
					return false, nil
				}
				if len(t.slots) != n {
					goto restart // the comparison mutated the set
				}
			}
		next:
			if probes == 0 {
				break
			}
			probes--
			j++
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// lookup returns the slot index of key, or -1.
func (t *setTable) lookup(key Object, hash int64, eq eqFunc) (int, error) {
	if t.slots == nil {
		return -1, nil
	}
	mask := uint64(len(t.slots) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		j := i
		for {
			s := &t.slots[j]
			if s.key == nil {
				return -1, nil
			}
			if s.key != dummy && s.hash == hash {
				if s.key == key {
					return int(j), nil
				}
				same, err := eq(s.key, key)
				if err != nil {
					return -1, err
				}
				if same {
					return int(j), nil
				}
			}
			if probes == 0 {
				break
			}
			probes--
			j++
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// discardAt turns an active slot into a dummy.
func (t *setTable) discardAt(i int) {
	t.slots[i].key = dummy
	t.slots[i].hash = -1
	t.used--
}

func (t *setTable) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := t.slots
	t.slots = make([]setSlot, size)
	t.fill = t.used
	mask := uint64(size - 1)
	for _, s := range old {
		if s.key == nil || s.key == dummy {
			continue
		}
		perturb := uint64(s.hash)
		i := uint64(s.hash) & mask
	probe:
		for {
			if t.slots[i].key == nil {
				t.slots[i] = s
				break
			}
			if i+linearProbes <= mask {
				for j := uint64(1); j <= linearProbes; j++ {
					if t.slots[i+j].key == nil {
						t.slots[i+j] = s
						break probe
					}
				}
			}
			perturb >>= perturbShift
			i = (i*5 + 1 + perturb) & mask
		}
	}
}

// items returns the members in iteration order.
func (t *setTable) items() []Object {
	out := make([]Object, 0, t.used)
	for _, s := range t.slots {
		if s.key != nil && s.key != dummy {
			out = append(out, s.key)
		}
	}
	return out
}
