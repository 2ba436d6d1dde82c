class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x): return x + self.n
add5 = Adder(5)
print(add5(10), callable(add5), list(map(add5, [1, 2])))
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name; self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with Ctx("a") as v:
    print("body", v)
with Ctx("b", True):
    raise ValueError("boom")
print("after suppressed")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with Ctx("x") as x, Ctx("y") as y:
    print(x, y)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)
