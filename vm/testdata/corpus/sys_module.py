import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), type(sys.version_info).__name__)
print(sys.implementation.name in ("cpython", "gopyc"), sys.maxsize, sys.byteorder, type(sys.argv).__name__)
print("sys" in sys.modules, sys.modules["sys"] is sys, isinstance(sys.path, list))
print(sys.getrecursionlimit(), sys.flags.optimize, sys.intern("ab") == "ab")
print(sys.float_info.max, sys.float_info.epsilon, sys.hash_info.modulus, sys.int_info.bits_per_digit)
sys.stdout.write("written\n")
print(sys.stdout is sys.__stdout__, hasattr(sys.stdin, "readline"))
