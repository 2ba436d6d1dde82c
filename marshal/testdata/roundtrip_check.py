"""Check gopyc's marshal output against CPython's reading of the original .pyc files.

stdin: lines "ORIGINAL.pyc<TAB>GOPYC.bin" (the gopyc file holds marshal data only, no header).
For each pair, CPython loads both and compares them with == and with a strict structural
comparison (types, float bits, every code-object field, recursively). Prints "FAIL path: why"
for each difference and then "checked N failed M (...)".
"""
import marshal
import math
import struct
import sys


# Paths of sets whose iteration order differs: not a failure (== holds; CPython itself writes
# members sorted by marshalled bytes that depend on reference counts), but counted.
ORDER = []


def same(a, b, path="obj"):
    if type(a) is not type(b):
        return "%s: type %s != %s" % (path, type(a).__name__, type(b).__name__)
    if isinstance(a, float):
        if struct.pack("<d", a) != struct.pack("<d", b):
            return "%s: %r != %r" % (path, a, b)
        return None
    if isinstance(a, complex):
        return same(a.real, b.real, path + ".real") or same(a.imag, b.imag, path + ".imag")
    if isinstance(a, (tuple, list)):
        if len(a) != len(b):
            return "%s: len %d != %d" % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            r = same(x, y, "%s[%d]" % (path, i))
            if r:
                return r
        return None
    if isinstance(a, (frozenset, set)):
        if a != b:
            return "%s: set differs" % path
        if list(a) != list(b):
            ORDER.append(path)
        return None
    if isinstance(a, dict):
        return same(list(a.items()), list(b.items()), path + ".items")
    if type(a).__name__ == "code":
        for f in ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize",
                  "co_flags", "co_code", "co_consts", "co_names", "co_varnames", "co_cellvars",
                  "co_freevars", "co_filename", "co_name", "co_qualname", "co_firstlineno",
                  "co_linetable", "co_exceptiontable", "co_nlocals"):
            r = same(getattr(a, f), getattr(b, f), path + "." + f)
            if r:
                return r
        return None
    if a != b:
        return "%s: %r != %r" % (path, a, b)
    return None


def main():
    n = bad = 0
    for line in sys.stdin:
        orig, ours = line.rstrip("\n").split("\t")
        n += 1
        with open(orig, "rb") as f:
            a = marshal.loads(f.read()[16:])
        try:
            with open(ours, "rb") as f:
                b = marshal.loads(f.read())
        except Exception as e:
            bad += 1
            print("FAIL %s: CPython cannot read gopyc's output: %r" % (orig, e))
            continue
        why = same(a, b)
        if not why and a != b:
            # NaN constants make a code object unequal even to itself.
            with open(orig, "rb") as f:
                if marshal.loads(f.read()[16:]) == a:
                    why = "=="
        if why:
            bad += 1
            print("FAIL %s: %s" % (orig, why))
    print("checked %d failed %d (set iteration order differs in %d sets)" % (n, bad, len(ORDER)))


main()
