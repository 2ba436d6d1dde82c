d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("z", None), d.setdefault("b", 9), d.setdefault("q", 7), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
print(d.popitem(), d)
e = d.copy(); e.clear(); print(e, d == d.copy(), {1: 2} == {1: 2.0})
print(dict.fromkeys("abc", 0), dict(a=1, b=2), dict([(1, 2)]), dict({1: 2}, x=3))
print({**d, "new": 1}, d | {"b": 100}, sorted(d))
del d["b"]; print(d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
d2 = {}
d2 |= {"k": 1}
print(d2, list(reversed({1: 1, 2: 2, 3: 3})))
