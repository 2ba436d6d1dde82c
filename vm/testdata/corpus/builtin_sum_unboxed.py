# sum() keeps a small-int or float total unboxed: mixed types, overflow to big ints, -0.0, __radd__.
import sys
print(sum([1, 2, 3]), sum([]), sum([], 5), sum([1.5, 2.5]), sum([1, 2.5, 3]), sum([1.5, 2, 3.25]))
print(sum([sys.maxsize, 1, -5]), sum([2**70, 1]), sum([1, 2**70]), sum(x * 0.1 for x in range(100)))
print(sum([0.1] * 10), sum([True, True, 3]), sum([1, True]), type(sum([True, False])))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1, 2], 0.5), sum([0.5, 1], 2))
class N:
    def __init__(s, v): s.v = v
    def __radd__(s, o): return N(o + s.v)
    def __add__(s, o): return N(s.v + (o.v if isinstance(o, N) else o))
r = sum([1, 2, N(3), 4]); print(r.v)
print(sum([1e308, 1e308, -1e308]), sum([float('inf'), 1]), sum([-0.0]), sum([-0.0], -0.0), sum([], -0.0))
try:
    sum([1, 'a'])
except TypeError as e:
    print(e)
print(sum(range(10**6)), sum(range(-5, 5)))
