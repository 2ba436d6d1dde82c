inventory = {}
for item, qty in [("apple", 3), ("pear", 2), ("apple", 5), ("fig", 1)]:
    inventory[item] = inventory.get(item, 0) + qty
print(inventory)
index = {}
for i, w in enumerate("to be or not to be".split()):
    index.setdefault(w, []).append(i)
print(index)
print(sorted(inventory, key=inventory.get), max(inventory, key=inventory.get))
d = dict(zip("abc", range(3)))
print(d, {v: k for k, v in d.items()}, list(d.items())[::-1])
print(d.get("zz", []), d.pop("a"), d.pop("zz", "dflt"), d)
