class E1(Exception): pass
class E2(ValueError):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a, self.b = a, b
    def __str__(self): return f"{self.a}/{self.b}"
for e in [E1(), E1("x"), E1("x", 2), E2(1, 2)]:
    print(type(e).__name__, str(e), repr(e), e.args)
try:
    raise E2("p", "q")
except ValueError as e:
    print("caught as ValueError:", e, isinstance(e, E2))
print(E1.__mro__[1].__name__, E2.__bases__[0].__name__)
