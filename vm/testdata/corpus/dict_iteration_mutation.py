d = {i: i * i for i in range(5)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
d2 = dict.fromkeys(range(3))
try:
    for k in d2:
        del d2[k]
except RuntimeError as e:
    print("RuntimeError:", e)
d3 = {"a": 1}
it = iter(d3)
d3["a"] = 2
print(next(it), d3)
keys = d.keys()
del d[0]
print(list(keys), len(keys))
