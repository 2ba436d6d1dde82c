import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Color.RED, repr(Color.GREEN), Color(2), Color["RED"], list(Color), Color.RED.name, Color.RED.value)
print(Perm.R | Perm.W, Perm(7), Perm.R in Perm(5), int(Perm.X))
class S(str, enum.Enum):
    A = "a"
print(S.A == "a", S("a"), enum.unique(Color) is Color)
class Auto(enum.Enum):
    X = enum.auto()
    Y = enum.auto()
print(Auto.Y.value, len(Auto))
