import math
class Color:
    RED = 1
    GREEN = 2
def name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case math.pi:
            return "pi"
        case other:
            return f"unknown {other}"
print(name(1), name(2), name(math.pi), name(3))
match {"a": 1, "b": 2}:
    case {"a": 1} as whole:
        print("partial mapping matched", whole)
match (1, "x"):
    case (int() as i, str() as s):
        print(i, s)
