// Package vm executes CPython 3.11 bytecode over gopyc's object model.
//
// Job: given an *objects.Code (from marshal or the compiler), run it the way CPython 3.11's
// ceval.c would, with the builtin types' behaviour, attribute lookup, the call protocol, classes,
// exceptions, generators and coroutines.
//
// Algorithm:
//   - Each code object is decoded once (decode.go) into an instruction array with one entry per
//     16-bit code unit, so that offsets from the exception table and the location table index it
//     directly. EXTENDED_ARG is folded into the following instruction (and itself becomes NOP),
//     relative jumps become absolute unit indices, CACHE units become NOPs that are never reached.
//   - The eval loop (eval.go) is one switch over the decoded opcodes. Python exceptions travel as
//     Go error values: *Exception is both a Python object and a Go error. When an instruction fails
//     the loop adds a traceback entry, looks up the handler in the decoded exception table, trims
//     the value stack to the handler's depth, and jumps; with no handler the frame returns the
//     error to its caller.
//   - Python-to-Python calls recurse on the Go stack, bounded by sys.getrecursionlimit(): the depth
//     check raises RecursionError long before Go's stack could overflow. Generators keep their
//     Frame (value stack and pc) on the heap; YIELD_VALUE returns from the loop and send() re-enters
//     it, so no goroutine is used per generator.
//   - The general protocols (hash, ==, repr, iteration, attribute lookup) take the running *Thread
//     explicitly; Go code that must call back into Python (dict lookups with user keys, sort keys)
//     passes closures over that thread, never package-level hooks (ARCHITECTURE §8).
//
// Speed (ARCHITECTURE §5-6): LOAD_GLOBAL caches its result keyed by the globals and builtins
// dicts' modification counters; LOAD_ATTR/LOAD_METHOD/STORE_ATTR keep a 4-way polymorphic inline
// cache keyed by (type, type version) whose hits are handled inside the loop; calls to plain Python
// functions set up the callee's frame inline; frames are recycled per code object; common int,
// float, list and range operations have fast paths before the general protocols. Allocation is
// avoided where decode can prove a value is a temporary nothing else references: a BINARY_OP
// whose operand is the previous BINARY_OP's fresh int/float result writes into it, and the list
// made by y[c:d] only to be stored by x[a:b] = y[c:d] is a per-thread spare (markTempOperands).
//
// Invariants: a Frame's stack never holds a Go nil except where CPython holds NULL (PUSH_NULL,
// LOAD_METHOD's "no self" marker, unbound locals); every error returned from an operation is an
// *Exception; panics mean a broken invariant and are recovered at Interp's entry points into a
// SystemError.
package vm
