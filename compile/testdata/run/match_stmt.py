from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

def describe(v):
    match v:
        case 0 | 1:
            return "bit"
        case None:
            return "none"
        case True:
            return "true"
        case [x, y, *rest] if x == y:
            return f"pair-eq {x} {rest}"
        case [x, *_, z]:
            return f"seq {x}..{z}"
        case (a, b):
            return f"two {a} {b}"
        case {"k": val, **others}:
            return f"map {val} {sorted(others)}"
        case {"a": 1}:
            return "a1"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, yy) as p:
            return f"point {xx},{yy} {p}"
        case str() as s if len(s) > 3:
            return "long str " + s
        case int(n) | float(n):
            return f"num {n}"
        case [Point(x=a), Point(x=b)] | (a, b, _):
            return f"alt {a} {b}"
        case _:
            return "other"

Point.__match_args__ = ("x", "y")
for v in [0, 1, None, True, [3, 3, 4, 5], [1, 2, 3, 4], (7, 8), {"k": 1, "z": 2, "b": 3},
          {"a": 1}, Point(0, 5), Point(2, 3), "hello", "hi", 42, 2.5, [Point(1, 0), Point(2, 0)],
          (1, 2, 3), object]:
    print(describe(v))

def g(cmd):
    match cmd.split():
        case ["go", direction]:
            print("going", direction)
        case ["drop", *objs]:
            print("dropping", objs)
        case ["quit"]:
            print("bye")
        case _:
            print("?")
for c in ["go north", "drop a b c", "quit", "dance now please"]:
    g(c)
match 5:
    case x:
        print("captured", x)
for x in ([], [1], [1, 2], (3,)):
    match x:
        case [*_, _]:
            print("at least one", x)
        case []:
            print("empty")
    match x:
        case [*_, a, b]:
            print("two+", a, b)
        case [*rest]:
            print("rest", rest)
