d = {"a": 1, "b": 2, "c": 3}
k = d.keys(); v = d.values(); i = d.items()
d["d"] = 4
print(k, v, i, len(k))
print("a" in k, 1 in v, ("a", 1) in i, ("a", 2) in i)
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, k ^ {"a", "q"})
print(k == {"a", "b", "c", "d"}, sorted(k), list(reversed(k)))
print(d.keys() <= {"a", "b", "c", "d", "e"})
