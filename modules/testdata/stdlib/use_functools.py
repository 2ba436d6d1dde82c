import functools
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info().hits > 0)
print(functools.reduce(lambda a, b: a + b, range(10)), functools.partial(int, base=16)("ff"))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
@functools.singledispatch
def f(x): return "obj"
@f.register
def _(x: int): return "int"
print(f(1), f("s"), f.registry.keys() >= {object, int})
def deco(fn):
    @functools.wraps(fn)
    def w(*a): return fn(*a)
    return w
@deco
def named(): "doc"
print(named.__name__, named.__doc__, named.__wrapped__.__name__)
class C:
    @functools.cached_property
    def x(self): print("compute"); return 42
c = C(); print(c.x, c.x)
