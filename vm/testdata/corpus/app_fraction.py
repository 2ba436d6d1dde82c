from math import gcd
class Frac:
    def __init__(self, n, d=1):
        if d == 0: raise ZeroDivisionError("zero denominator")
        g = gcd(n, d) * (1 if d > 0 else -1)
        self.n, self.d = n // g, d // g
    def __add__(self, o): o = conv(o); return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o): o = conv(o); return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __mul__(self, o): o = conv(o); return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o): o = conv(o); return Frac(self.n * o.d, self.d * o.n)
    def __eq__(self, o): o = conv(o); return (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o): o = conv(o); return self.n * o.d < o.n * self.d
    def __hash__(self): return hash((self.n, self.d))
    def __float__(self): return self.n / self.d
    def __repr__(self): return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)
def conv(o): return o if isinstance(o, Frac) else Frac(o)
h = sum(Frac(1, k) for k in range(1, 8))
print(h, float(h), Frac(1, 2) + Frac(1, 3), Frac(3, 4) * 4, Frac(1, 2) / Frac(1, 4), Frac(2, -4))
print(sorted([Frac(1, 3), Frac(1, 2), Frac(1, 4)]), Frac(2, 4) == Frac(1, 2), {Frac(1, 2), Frac(2, 4)})
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
