import enum
class E(enum.IntEnum):
    A = 1
    B = 2
print(E.A + 1, E(2).name, sorted(E, reverse=True), E.A < E.B, format(E.A), str(E.B))
class F(enum.Flag):
    R = enum.auto()
    W = enum.auto()
print(F.R | F.W, list(F), F(3), ~F.R)
class S(enum.StrEnum):
    X = enum.auto()
print(S.X, repr(S.X))
