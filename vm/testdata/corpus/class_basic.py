class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims, p.x, type(p).__name__, Point.__name__)
p.z = 5
print(p.__dict__, hasattr(p, "z"), isinstance(p, Point), isinstance(p, object))
Point.dims = 3
print(p.dims, Point.norm2(p), Point.__qualname__, Point.__module__)
print(str(p), repr(p), f"{p}", [p])
class Empty: pass
e = Empty()
print(type(e).__name__, str(e).startswith("<__main__.Empty object at 0x"), e == e, e != Empty())
try:
    p.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Empty(1)
except TypeError as e:
    print("TypeError:", e)
