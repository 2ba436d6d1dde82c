class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"y-axis {y}"
        case Point(x, 0):
            return f"x-axis {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"type": t, **rest}:
            return f"shape {t} {rest}"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return "string " + s
        case [Point(x=px), *_]:
            return f"list starting at x={px}"
    return "no match"
for p in (Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 5), {"type": "circle", "r": 2}, {"type": "sq", "side": 1}, 7, 2.5, "hi", [Point(9, 9)], object()):
    print(where(p))
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
