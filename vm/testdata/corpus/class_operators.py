class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return "V" + repr(self.c)
    def __add__(self, o):
        if isinstance(o, V): return V(*(a + b for a, b in zip(self.c, o.c)))
        return NotImplemented
    def __radd__(self, o):
        if o == 0: return self
        return NotImplemented
    def __mul__(self, k): return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __neg__(self): return V(*(-a for a in self.c))
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __iadd__(self, o):
        print("iadd")
        return self + o
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __pos__(self): return self
    def __invert__(self): return V(*reversed(self.c))
    def __truediv__(self, k): return V(*(a / k for a in self.c))
    def __floordiv__(self, k): return V(*(a // k for a in self.c))
    def __mod__(self, k): return V(*(a % k for a in self.c))
    def __pow__(self, k): return V(*(a ** k for a in self.c))
    def __lshift__(self, k): return V(*(self.c[k:] + self.c[:k]))
v = V(1, 2); w = V(3, 4)
print(v + w, v * 3, 3 * v, -v, abs(V(3, 4)), v == V(1, 2), v != w, len(v), v[1], list(v))
print(sum([v, w]), v @ w, +v, ~v, w / 2, w // 2, w % 2, v ** 2, V(1, 2, 3) << 1)
v += w
print(v, {V(1): "one"}[V(1)])
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    v - w
except TypeError as e:
    print("TypeError:", e)
