a, b = b, a = 1, 2
print(a, b)
x = y = z = []
x.append(1)
print(y, z is x)
(a, b), c = [1, 2], 3
print(a, b, c)
first, *middle, last = "hello"
print(first, middle, last)
d = {}
d["k"], d["j"] = 1, 2
print(d)
l = [0, 0, 0]
l[0], l[2] = "a", "c"
print(l)
i = 0
l2 = [10, 20]
i, l2[i] = 1, 99
print(i, l2)
for (k, v) in {"x": 1}.items():
    print(k, v)
