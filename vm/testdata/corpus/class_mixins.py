class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items()))
        return f"{type(self).__name__}({fields})"
class EqMixin:
    def __eq__(self, o): return type(self) is type(o) and vars(self) == vars(o)
    def __hash__(self): return hash(tuple(sorted(vars(self).items())))
class Point(ReprMixin, EqMixin):
    def __init__(self, x, y): self.x, self.y = x, y
class Labeled(Point):
    def __init__(self, x, y, label):
        super().__init__(x, y); self.label = label
print(Point(1, 2), Labeled(0, 0, "o"), Point(1, 2) == Point(1, 2), Point(1, 2) == Labeled(1, 2, ""))
print(len({Point(1, 2), Point(1, 2), Point(2, 1)}), [c.__name__ for c in Labeled.__mro__])
