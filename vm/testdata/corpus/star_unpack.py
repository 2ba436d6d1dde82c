a, *b, c = range(6)
print(a, b, c)
*x, = "abc"
print(x)
first, *_ = [1, 2, 3]
print(first)
print([*range(3), *"ab"], (*[1, 2], 3), {*[1, 1], 2}, {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kw): return args, kw
print(f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
try:
    f(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
for p, *q in [(1, 2, 3), (4,)]:
    print(p, q)
[m, n], o = "xy", 3
print(m, n, o)
