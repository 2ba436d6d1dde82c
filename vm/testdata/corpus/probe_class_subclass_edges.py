class A:
    x = 1
    def __init__(self): self.y = 2
    def __eq__(self, o): return NotImplemented
a = A()
print(a == a, a != a, a == 1, [a].count(a), a in [a])
class B:
    def __getattr__(self, n):
        if n == "dyn": return 42
        raise AttributeError(n)
b = B()
print(b.dyn, getattr(b, "nope", "default"), hasattr(b, "nope"))
class P:
    @property
    def v(self): raise AttributeError("inner missing")
    def __getattr__(self, n): return f"fallback {n}"
print(P().v)
class S:
    __slots__ = ()
try:
    S().x = 1
except AttributeError as e:
    print("AttributeError:", e)
class C:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"C({self.v})"
    def __lt__(self, o): return self.v < o.v

print(sorted([C(2), C(1)]), min(C(3), C(2)), max([C(1), C(5)]))
class D(dict):
    def __getitem__(self, k): return super().__getitem__(k) * 10
d = D(a=1)
print(d["a"], d.get("a"), dict(d), list(d.items()))
class L(list):
    def __iter__(self): return iter([99])
print(list(L([1, 2])), len(L([1, 2])), L([1, 2])[0], sum(L([1, 2])))
class N(int):
    def __add__(self, o): return N(int(self) + int(o) + 100)
    def __repr__(self): return f"N({int(self)})"
print(N(1) + 1, 1 + N(1), N(5) * 2, repr(N(3)), str(N(3)))
class Str(str):
    def __str__(self): return "custom"
print(Str("x"), str(Str("x")), f"{Str('x')}", "%s" % Str("x"), Str("x") + "y", repr(Str("x")))
print(type("x").__mro__, issubclass(Str, str), Str.__mro__[1] is str)
