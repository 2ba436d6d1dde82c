names = ["ann", "bob", "cid"]
ages = [31, 25]
for i, (n, a) in enumerate(zip(names, ages), start=1):
    print(i, n, a)
for n, a in zip(names, ages + [None]):
    print(n, a)
pairs = list(zip(*[iter(range(6))] * 2))
print(pairs)
d = dict(enumerate("xyz"))
print(d, list(zip(d.values(), d.keys())))
for idx, ch in reversed(list(enumerate("ab"))):
    print(idx, ch)
