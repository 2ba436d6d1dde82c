t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t + (4,), t * 2, len(t), 2 in t, t.index(3), t.count(1))
print((1,), (), tuple([1, 2]), tuple("ab"), (1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 5))
a, b, c = t
print(a, b, c)
a, *rest = t
print(a, rest)
*init, last = t
print(init, last)
x, (y, z) = 1, (2, 3)
print(x, y, z)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "v"}[(1, 2)])
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = t
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c, d = t
except ValueError as e:
    print("ValueError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
