import functools
class C:
    def m(self, a, b): return a + b
    p = functools.partialmethod(m, 10)
print(C().p(5), functools.reduce(max, [3, 9, 2]), repr(functools.partial(max, 1))[:22])
@functools.cache
def sq(n): return n * n
print(sq(4), sq.cache_info())
