// Package objects is gopyc's object model: the Go representation of Python values.
//
// Every Python value is an Object, a small interface whose one method gives the value's type. The
// concrete types here are the ones every stage of the pipeline exchanges: the constants a code object
// holds (None, bool, int, float, complex, str, bytes, tuple, frozenset, Ellipsis, code) and the
// containers marshal can carry (list, dict, set). The marshal reader builds them, the compiler creates
// them as constants, the VM executes with them.
//
// Representation choices (ARCHITECTURE.md §5):
//   - *Int keeps an int64 and switches to *big.Int only past the int64 range; values in
//     [-5, 1024] are preallocated so common arithmetic does not allocate. Ints are immutable
//     except through ReuseInt, for a temporary only the VM can see. The bytes of big-int results
//     pace the collector (gcpace.go), since they die fast and in bulk.
//   - *Str holds a Go string in "WTF-8": UTF-8 in which lone surrogates (which Python str allows)
//     are encoded as their 3-byte sequences, exactly the bytes marshal stores with surrogatepass.
//     Length in code points and the hash are computed once and cached.
//   - Dict is an insertion-ordered open-addressing table (dense entries + int32 index, CPython's
//     probe sequence) with a fast path for str keys; general keys compare through an EqFunc the
//     VM supplies (a closure over the running thread, ARCHITECTURE §8). Version/Modified counters
//     let iterators detect resizing and let the VM cache global lookups.
//   - Type carries what the VM needs (bases, MRO, dict, layout, slots, version for caches).
//   - Dict iterates in insertion order; FrozenSet and Set use CPython's own open-addressing table
//     (same sizes, probing and resizing), so that with the same hashes their iteration order is
//     CPython's, which programs and `dis` output can observe.
//   - Hashes follow CPython 3.11 exactly (int modulo 2**61-1, float, complex, tuple's xxHash
//     variant, frozenset, str/bytes with SipHash-1-3 keyed by PYTHONHASHSEED), see hash.go.
//
// Functions named ...Const (HashConst, EqualConst, NewFrozenSetConst, ...) handle only values
// that need no Python code to hash or compare (the constants above); they are what marshal and the
// compiler use. The VM layers the general protocols, which can call back into Python, on top.
package objects
