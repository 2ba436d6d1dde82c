class Meta(type):
    def __repr__(cls): return f"<Meta {cls.__name__}>"
class A(metaclass=Meta): pass
print(A, [A], str(A))
print(isinstance(A, Meta), type(A) is Meta, A.__class__)
import math
print(f"{math.pi:.3f} {math.e:10.4f} {-math.inf} {math.nan}")
print("%.2f%%" % 12.345, "{:.0%}".format(0.5), format(1e-5, ".2e"), format(123456789, ","))
d = {"b": 2, "a": 1}
print(sorted(d), sorted(d.values()), sorted(d.items(), reverse=True), list(reversed(d)))
print(dict(sorted(d.items())), {k: v for k, v in sorted(d.items(), key=lambda x: x[1])})
x = [3, 1, 2]
x.sort(key=lambda v: v, reverse=True); print(x)
print(list(map(lambda t: t[0] * t[1], enumerate([5, 6, 7]))))
print(*sorted(set("mississippi")), sep="")
print(" ".join(f"{i:02d}" for i in range(5)))
s = "a,b;c d"
import sys
print(s.replace(",", " ").replace(";", " ").split())
print([i for i in range(20) if all(i % p for p in range(2, i))][2:])
print(type(None)(), type(1)("5"), type("")(5), bool.__name__)
class Temp:
    def __init__(self, c): self.c = c
    def __lt__(self, o): return self.c < o.c
    def __eq__(self, o): return self.c == o.c
    __hash__ = None
print(sorted([Temp(3), Temp(1)])[0].c, Temp(1) == Temp(1), Temp(1) <= Temp(2) if hasattr(Temp, "__le__") else "")
try:
    Temp(1) <= Temp(2)
except TypeError as e:
    print("TypeError:", e)
print(round(123.456, -1), round(-0.5), round(1.5), round(2.5), int(round(2.675 * 100)))
print(1_000_000, 0x_FF, 0o17, 0b1010, 1e3, 1E-3, 3.14j, 10 // 3, 10 % -3, -10 // 3)
print("abc".encode().hex(), bytes.fromhex("616263").decode(), b"abc".decode("ascii"))
print(list(range(10, 0, -3)), list(range(-5)), range(5)[-1], range(0, 10, 3)[1:], len(range(0, 10, 3)))
a, b, *c = range(5)
print(a, b, c, [*range(3)], (*"ab",), {**dict(a=1)})
def kw(*, a=1, b): return a, b
print(kw(b=2), kw(a=3, b=4))
print(list(zip("abc", range(3), [True, False, None])))
print(hex(id(None))[:2], callable(print), callable("x"))
print(sum(range(1, 101)) == 5050, any([]), all([]), min(3, 1, 2), max("apple", "pear", key=len))
print(abs(-3 + 4j), abs(-7.5), pow(3, 4, 5), divmod(10, 3), hash(-1) == -2)
