class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *exc):
        print("exit", self.n, exc[0].__name__ if exc[0] else None)
        return False
try:
    with CM(1) as a, CM(2) as b:
        print("body", a, b)
        raise ValueError("x")
except ValueError:
    print("caught")
def gen_ctx():
    with CM("g"):
        yield 1
        yield 2
for v in gen_ctx():
    print("got", v)
with CM("outer"):
    with CM("inner"):
        pass
