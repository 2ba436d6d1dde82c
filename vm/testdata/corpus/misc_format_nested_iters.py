print("{:{}}|{:>{}}".format("x", 5, "y", 4))
print("{0:{1}.{2}f}".format(3.14159, 8, 3))
print(f"{'abc':{'^'}{10}}")
l = list(range(10)); del l[::-2]; print(l)
l = list(range(10)); del l[8:2:-3]; print(l)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
class P:
    __slots__ = ("a", "__dict__")
p = P(); p.a = 1; p.b = 2; print(p.a, p.b, p.__dict__)
def outer():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return [x for _ in range(2)]
    return inc()
print(outer())
print(sorted({3: "c", 1: "a"}.items(), key=lambda kv: kv[1]))
print("%s" % {"a": 1}, "%(a)s" % {"a": 1}, "%d items" % 3)
print(str.__dict__["upper"], int.__dict__["bit_length"].__name__)
print(list(zip(*[[1, 2, 3]] * 2)))
x = [1, 2, 3]
x[1:2] = x
print(x)
print(type(iter(range(3))).__name__, type(iter([])).__name__, type(iter({})).__name__)
print((1).__class__, (1.5).__class__.__name__, [].__class__.__name__)
class A:
    def __repr__(self): return "A()"
print([A()] * 2, {A()}.__len__(), (A(),))
print(bytes.maketrans(b"ab", b"xy") if hasattr(bytes, "maketrans") else "no maketrans")
import sys
print(sys.version_info < (3, 12), sys.version_info.minor, sys.version_info[0])
print(round(3.14159, 2), round(-3.5), round(0.1 + 0.2, 10))
print(int("  42\n"), float("  -1.5e-3  "), complex(" 1+1j "))
def gen():
    try:
        yield 1
    finally:
        return "fin"
g = gen(); next(g)
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(max([1, 2, 3], key=lambda v: -v), min("bca"), sum((1, 2), start=10))
print(divmod(-7, 2), divmod(7.5, -2), pow(2, 10, 1000), pow(-2, 3))
print(all(map(str.isdigit, "123")), list(filter(str.isalpha, "a1b2")))
print("a" "b" 'c', r"\n", b"\x00"[0], "\N{GREEK SMALL LETTER ALPHA}")
