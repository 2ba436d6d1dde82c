d = {}
for k in [5, "x", 1.5, (1, 2), None, True, 2]:
    d[k] = str(k)
print(d)
d[1] = "one"
print(d[True], len(d), d)
d[1.0] = "float one"
print(d)
del d[5]
d[5] = "five again"
print(list(d))
print({1: "a", 1.0: "b", True: "c"})
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
for k, v in {"z": 1, "a": 2}.items():
    print(k, v)
try:
    for k in d:
        d["new" + str(k)] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
