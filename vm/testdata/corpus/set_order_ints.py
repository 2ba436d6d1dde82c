print({5, 3, 1, 100, 64, 8, 16})
print(set(range(20, 0, -3)))
print({-1, -2, 0, 1})
s = set()
for i in (33, 1, 17, 65, 9):
    s.add(i)
print(s)
print({"a", "b"} == {"b", "a"}, len({1, 1.0, True}))
