// Package marshal reads and writes CPython 3.11's marshal format, the serialisation of code
// objects and constants inside .pyc files.
//
// # Format
//
// Each object starts with a type byte. Its low seven bits name the type; bit 0x80 (FLAG_REF)
// asks the reader to remember the object in a reference list so that a later TYPE_REF ('r'
// followed by a 4-byte index) can name it again. Integers in the stream are little-endian;
// sizes are signed 32-bit values and a negative size is invalid. The types are:
//
//	'0' NULL (ends a dict)   'N' None   'F' False   'T' True   'S' StopIteration   '.' Ellipsis
//	'i' int32   'I' int64 (read only)   'l' long: signed count of 15-bit digits, then the digits
//	'g' float (8 bytes IEEE)   'y' complex (two floats)   'f', 'x' the same as decimal text
//	's' bytes   'u' str (UTF-8, surrogatepass)   't' interned str   'a' 'A' Latin-1 str
//	'z' 'Z' Latin-1 str with a 1-byte length ('A' and 'Z' interned)   '(' tuple   ')' small
//	tuple (1-byte length)   '[' list   '{' dict (pairs until NULL)   '<' set   '>' frozenset
//	'c' code   'r' reference
//
// # Reader
//
// Loads is a recursive-descent reader over a byte slice. References are numbered in pre-order:
// the slot of a container is reserved when its type byte is read, before its children, exactly as
// CPython numbers them. Mutable containers (list, dict, set) are entered into their slot at once,
// so self-references work as in CPython; tuples, frozensets and code objects fill their slot only
// when complete, and a reference to one still being built is "bad marshal data (invalid
// reference)" (CPython gives the same error for frozensets and code; for tuples it builds a
// cyclic tuple, which gopyc refuses, because a cyclic immutable constant cannot be hashed,
// compared or printed).
//
// Hostile input: every count is checked against the bytes remaining before anything is allocated
// for it (each element takes at least one byte, each long digit two), so the memory used is a
// small multiple of the input size; nesting deeper than 2000 levels is the error CPython reports;
// errors are *Error values carrying the Python exception class and message CPython raises.
// One deliberate difference: input whose set members and dict keys would take more than 2**24
// steps to hash (a tuple of two references to one tuple of two references to one tuple, and so
// on, is exponentially large when expanded; CPython hangs hashing it) is refused as bad marshal
// data.
//
// Contents are copied out of the input into shared blocks ("slabs"), one allocation for many
// strs and bytes; so the byte slices of the result (bytes values, co_code, co_linetable,
// co_exceptiontable, co_localspluskinds) must never be modified in place, as for any immutable
// value: they may share memory with strs.
//
// # Writer
//
// Dumps writes in one pass. FLAG_REF goes on objects that occur more than once (by identity),
// on the top-level object (its caller holds a reference) and on the values CPython always
// shares, which are also written once and then referenced by value: small ints in [-5, 256],
// the empty tuple, empty and one-character Latin-1 strs, bytes of at most one byte, and interned
// strs (objects.IsInterned tells them apart without interning anything). Whether an object occurs
// again is only known later, so the writer records each object that may be referenced where its
// type byte is, writes references with placeholder indexes, and at the end sets the flags,
// numbers the flagged objects in stream order (CPython's numbering) and fills in the
// placeholders. So for values without shared references the output is byte-identical to
// CPython's marshal.dumps. Set and frozenset members are written in the order of their own marshalled
// bytes, with FLAG_REF, as CPython 3.11 does.
package marshal
