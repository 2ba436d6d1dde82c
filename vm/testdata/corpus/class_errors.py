for op in [lambda: type("X", (1,), {}), lambda: type("X", (bool,), {}), lambda: type("X", (int, str), {}), lambda: type(1, 2, 3), lambda: super(int, "x"), lambda: object.__new__(1)]:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
class A:
    def __init__(self, x): pass
try:
    A()
except TypeError as e:
    print("TypeError:", e)
try:
    A(1, 2)
except TypeError as e:
    print("TypeError:", e)
