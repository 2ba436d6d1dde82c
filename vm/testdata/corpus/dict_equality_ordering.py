a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a.items() == b.items(), a.keys() == {"x", "y"})
c = {1: "a", True: "b", 1.0: "c"}
print(c, len(c))
d = {}
d[float("nan")] = 1
d[float("nan")] = 2
print(len(d))
n = float("nan")
d2 = {n: 1}
d2[n] = 2
print(len(d2), d2[n])
e = dict.fromkeys(["b", "a", "c"], [])
e["b"].append(1)
print(e)
print({(1, 2): 3, frozenset([1]): 4, None: 5, "s": 6, 2.5: 7})
