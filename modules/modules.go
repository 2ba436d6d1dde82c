// Package modules holds gopyc's Go-native builtin modules (math, time, gc, _thread, ...), the
// counterparts of CPython's C extension modules. Install registers them with an interpreter; each
// module is built on first import.
//
// They exist so that CPython 3.11's pure-Python standard library runs unchanged on gopyc
// (testdata/stdlib and stdlib_test.go compare programs using it against python3.11). Many are
// written partly in Go (system calls, hashing, the regex matcher's engine, struct packing) and
// partly in Python source compiled into the module when it is built (pyModule in pysrc.go):
// that Python is gopyc's own code, used where the C module's behaviour is mostly object
// plumbing (Match objects, deque, TextIOWrapper, ...). Module-level Python functions are turned
// into builtins so that, like C functions, they do not bind as methods.
package modules

import (
	"gopyc/vm"
)

// Install registers every Go-native module with the interpreter.
func Install(in *vm.Interp) {
	in.NativeModules["math"] = makeMath
	in.NativeModules["cmath"] = makeCmath
	in.NativeModules["time"] = makeTimeFull
	in.NativeModules["gc"] = makeGC
	in.NativeModules["_thread"] = extendModule(makeThread, threadExtras)
	in.NativeModules["functools"] = preferStdlib("functools", makeFunctools)
	in.NativeModules["_weakref"] = makeWeakref
	in.NativeModules["atexit"] = makeAtexit
	in.NativeModules["types"] = makeTypes
	in.NativeModules["posix"] = makePosix
	in.NativeModules["itertools"] = makeItertools
	in.NativeModules["errno"] = makeErrno
	in.NativeModules["_sre"] = makeSre
	in.NativeModules["_collections"] = makeCollections
	in.NativeModules["_codecs"] = makeCodecs
	in.NativeModules["_io"] = makeIO
	in.NativeModules["_random"] = makeRandom
	in.NativeModules["_string"] = makeString
	installHashes(in)
	installMemoryviewCast()
	installCodeMethods()
	installOpen(in)
	in.NativeModules["_ast"] = makeAst
	installCompile(in)
	in.NativeModules["_contextvars"] = makeContextvars
	in.NativeModules["_struct"] = makeStruct
	in.NativeModules["binascii"] = makeBinascii
	in.NativeModules["_signal"] = makeSignal
	installCodecFallback(in)
	in.NativeModules["_operator"] = makeOperator
	in.NativeModules["_csv"] = makeCsv
	in.NativeModules["pyexpat"] = makePyexpat
	installReduceEx(in)
	in.NativeModules["_posixsubprocess"] = makePosixSubprocess
	in.NativeModules["select"] = makeSelect
	in.NativeModules["array"] = makeArray
	in.NativeModules["_socket"] = makeSocket
	in.NativeModules["zlib"] = makeZlib
	setBuiltinModuleNames(in) // keep last
}
