class A:
    __slots__ = ("x",)
class B:
    @property
    def p(self): return 1
for op in [lambda: A().x, lambda: setattr(A(), "y", 1), lambda: setattr(B(), "p", 2), lambda: delattr(B(), "p"), lambda: (1).real.x, lambda: setattr(1, "x", 1), lambda: setattr(int, "x", 1), lambda: object().__dict__, lambda: getattr(None, "x")]:
    try:
        op()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
