s = {3, 1, 2}
print(sorted(s), min(s), max(s), sum(s), len(s), 2 in s, sorted(s, reverse=True))
t = s.copy(); t.add(4)
print(sorted(s), sorted(t), s < t, t > s, s.issubset(t), t.issuperset(s))
u = set()
print(u, bool(u), u == set(), u == frozenset(), set("abc") & set("bcd") == {"b", "c"})
print(sorted({x % 3 for x in range(10)}), {1, 2} | {2, 3} - {3}, ({1, 2} | {2, 3}) - {3})
v = {1, 2, 3}
v.discard(2); v.discard(99)
print(v, v.pop() in (1, 3), len(v))
f = frozenset("hello")
print(sorted(f), len(f), "h" in f, f | {"z"} > f)
