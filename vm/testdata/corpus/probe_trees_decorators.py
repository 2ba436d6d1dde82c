import sys
class Node:
    def __init__(self, v, children=()):
        self.v = v; self.children = list(children)
    def __iter__(self):
        yield self.v
        for c in self.children:
            yield from c
    def depth(self):
        return 1 + max((c.depth() for c in self.children), default=0)
t = Node(1, [Node(2, [Node(4)]), Node(3)])
print(list(t), t.depth(), sum(t), max(t), sorted(t, reverse=True))
def deco_with_state(fn):
    calls = []
    def w(*a, **k):
        calls.append((a, tuple(sorted(k.items()))))
        return fn(*a, **k)
    w.calls = calls
    return w
@deco_with_state
def f(x, y=0): return x + y
f(1); f(2, y=3)
print(f.calls)
class Ctx:
    count = 0
    def __enter__(self):
        Ctx.count += 1
        return Ctx.count
    def __exit__(self, t, v, tb):
        Ctx.count -= 1
with Ctx() as a:
    with Ctx() as b:
        print(a, b, Ctx.count)
print(Ctx.count)
def gen_with_return():
    yield 1
    return 2
def outer():
    r = yield from gen_with_return()
    yield r
print(list(outer()))
print(sorted(["10", "9", "100"], key=int), sorted(["b", "a"], key=None))
print([x for x in range(3)] == list(range(3)), (1, 2) in [(1, 2)], [1] in [[1]])
print(str(1.0), str(1e16), str(1.5e-10), repr(123456789012345678.0), 2**0.5)
print(int.from_bytes(b"\xff\xff", "little", signed=True), (-2).to_bytes(1, "big", signed=True))
print("{:>5}|{:<5}|{:^5}|".format(1, 2, 3), "{:+.1f}".format(-0.05), "{:.0f}".format(0.5), "{:.0f}".format(1.5))
print(float("1e-7"), 1e-7, 0.00001, 1e-05 == 0.00001, str(0.0001))
try:
    raise TypeError("a") from ValueError("b")
except TypeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
print(sys.getrecursionlimit() > 100, isinstance(sys.maxsize, int))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:10])
