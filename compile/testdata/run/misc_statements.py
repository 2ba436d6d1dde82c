import sys as _sys, os.path
from collections import (OrderedDict as OD,
                         defaultdict)
from os.path import *
print(OD.__name__, defaultdict.__name__, join("a", "b"), _sys.version_info >= (3, 11))
a = b = c = 5
a, (b, [c, d]) = 1, (2, [3, 4])
print(a, b, c, d)
x = [1, 2, 3]
x[0], x[1] = x[1], x[0]
print(x)
class Obj: pass
o = Obj()
o.p: int = 3
x[2]: int = 9
annotated: list[int]
print(o.p, x)
del x[0], o.p
print(x, hasattr(o, "p"))
i = 0
i += 1; i -= 1; pass
if i: pass
elif i == 0: print("zero")
else: pass
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
def gl():
    global newglobal
    newglobal = "set from function"
gl()
print(newglobal)
lam = lambda: (yield)
print(type(lam()).__name__)
print([i for i in range(3)], i)
print(*(1, 2), sep=", ", end="!\n")
print(type(...).__name__, ... is Ellipsis)
e = None
print(e is None, e is not None, not e)
v = 3
print(v if v else 0, (v and "t") or "f")
s = "abc"
print(s[::-1], s[-1:], s[:1], s[1:2:1])
print(f"{s!r:>10}|{v:03d}|{v * 2.5:.3f}|{'%s' % s}|{s:{v}}")
print("%s and %r and %5s|%-5s|%.2s" % (s, s, "x", "y", "hello"))
print("%d %x" % (v, 255), "%(k)s" % {"k": "mapping"}, "%s" % (v,), "%%s %s" % ("lit",))
n = 10
while n := n - 3:
    if n < 0:
        break
print(n)
print(0 < v < 5 < 10, 0 < v > 5, 1 == 1.0 != 2)
print([v for v in range(5) if 1 < v < 4])
print(isinstance(v, int) and not isinstance(v, bool))
def star_targets():
    first, *middle, last = range(10)
    *init, tail = "xyz"
    (h, *t), = ["abc"]
    return first, middle, last, init, tail, h, t
print(star_targets())
for i, *rest in [(1, 2, 3), (4,)]:
    print(i, rest)
print(__debug__)
def swaps(x, y, z):
    a, a = x, y
    b, b, b = x, y, z
    c, d, c = x, y, z
    d, c, c = x, y, z
    return a, b, c, d
print(swaps("x", "y", "z"))
