class P:
    def __init__(self, x): self.x = x
class Q:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, Q) and o.x == self.x
    def __hash__(self): return hash(self.x)
p1, p2 = P(1), P(1)
print(p1 == p2, p1 == p1, len({p1, p2}), P.__hash__ is object.__hash__)
q1, q2 = Q(1), Q(1)
print(q1 == q2, len({q1, q2}), q1 in [q2], {q1: "a"}[q2])
class R(Q):
    pass
print(R(1) == Q(1), hash(R(1)) == hash(Q(1)), R.__hash__ is Q.__hash__)
class S(Q):
    def __eq__(self, o): return False
print(S.__hash__)
