a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, b - a)
print(a.union([9]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print(a <= a, {1} < a, a >= {1, 2}, a > a, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({7}))
s = set()
s.add(1); s.add(2); s.add(1); s.update([3, 4], (5,)); s.discard(99); s.remove(2)
print(s, len(s), 3 in s, 99 in s)
s -= {1}; s |= {10}; s &= {3, 4, 10}; s ^= {4, 11}
print(s, sorted(s))
s.intersection_update({3, 10}); print(s)
s.difference_update({3}); print(s)
s.symmetric_difference_update({10, 12}); print(s)
print(s.pop(), s, set("aab") == {"a", "b"}, frozenset({1, 2}) == {1, 2})
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
