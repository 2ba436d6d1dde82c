
class Ver:
    def __init__(self, n): self.n = n
    def __lt__(self, o): return self.n < o.n
    def __le__(self, o): return self.n <= o.n
    def __eq__(self, o): return self.n == o.n
    def __repr__(self): return f"Ver({self.n})"
vs = [Ver(3), Ver(1), Ver(2)]
print(sorted(vs), max(vs), min(vs), Ver(1) < Ver(2), Ver(2) > Ver(1), Ver(1) >= Ver(1), Ver(1) != Ver(2))
class OnlyEq:
    def __eq__(self, o): return True
print(OnlyEq() == 1, OnlyEq() != 1, 1 == OnlyEq())
try:
    OnlyEq() < OnlyEq()
except TypeError as e:
    print("TypeError:", e)
try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError:", e)
class Rev:
    def __gt__(self, o):
        return "Rev.gt"
print(1 < Rev(), Rev() > 1)
class Sub(int):
    def __eq__(self, o): return "sub eq"
print(1 == Sub(1), Sub(1) == 1)
