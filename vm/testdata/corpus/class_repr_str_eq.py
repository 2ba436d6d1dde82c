class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"P({self.x!r})"
class Q(P):
    def __str__(self): return f"<Q {self.x}>"
print(P(1), str(P(2)), [P(3)], Q(4), [Q(5)], f"{Q(6)}", f"{Q(7)!r}", repr(Q("s")))
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        return isinstance(o, E) and self.v == o.v
    __hash__ = object.__hash__
print(E(1) == E(1), E(1) != E(1), E(1) == 1, E(1) in [E(1)], [E(1)].index(E(1)), [E(2)].count(E(2)))
