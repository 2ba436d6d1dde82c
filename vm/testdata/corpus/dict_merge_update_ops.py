base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
print(base | over, over | base, {**base, **over})
m = dict(base); m.update(over, d=4); print(m)
m |= [("e", 5)]
print(m)
try:
    base | [("x", 1)]
except TypeError as e:
    print("TypeError:", e)
print(dict(a=1) == {"a": 1}, dict({"a": 1}, a=2), dict(zip(range(3), "abc")))
