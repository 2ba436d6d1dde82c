class Rect:
    def __init__(self, w, h): self.w, self.h = w, h
    @property
    def area(self): return self.w * self.h
    @property
    def size(self): return (self.w, self.h)
    @size.setter
    def size(self, wh): self.w, self.h = wh
class Square(Rect):
    def __init__(self, s): super().__init__(s, s)
    @Rect.size.setter
    def size(self, wh):
        if wh[0] != wh[1]: raise ValueError("square must stay square")
        self.w, self.h = wh
r = Rect(2, 3); s = Square(4)
print(r.area, s.area, r.size)
r.size = (5, 6)
print(r.area)
s.size = (2, 2)
print(s.area)
try:
    s.size = (1, 2)
except ValueError as e:
    print("ValueError:", e)
print(type(Rect.area).__name__, Rect.area.fget(r), Square.size.fset is not Rect.size.fset)
