class Money:
    def __init__(self, c): self.c = c
    def __add__(self, o):
        if isinstance(o, Money): return Money(self.c + o.c)
        if isinstance(o, int): return Money(self.c + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd with", type(o).__name__)
        return self.__add__(o)
    def __sub__(self, o): return Money(self.c - o.c) if isinstance(o, Money) else NotImplemented
    def __rsub__(self, o): return Money(o - self.c)
    def __mul__(self, k): return Money(self.c * k)
    def __rmul__(self, k): return Money(self.c * k)
    def __lt__(self, o): return self.c < o.c
    def __repr__(self): return f"${self.c}"
print(Money(5) + Money(3), Money(5) + 2, 2 + Money(5), sum([Money(1), Money(2)]), 10 - Money(3), 3 * Money(4))
print(sorted([Money(3), Money(1)]), max(Money(2), Money(9)))
try:
    Money(1) - 5
except TypeError as e:
    print("TypeError:", e)
class Sub(Money):
    def __radd__(self, o):
        print("Sub radd first")
        return Money(999)
print(Money(1) + Sub(2))
