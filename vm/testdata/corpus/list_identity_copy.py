a = [1, [2, 3]]
b = a[:]
c = list(a)
d = a.copy()
b[1].append(4)
print(a, b, c, d, a is b, a[1] is b[1], a == b)
e = a * 2
print(e, e[1] is e[3])
import sys
x = []
x.append(x)
print(x, len(x), x[0] is x)
y = {}
y["self"] = y
print(y)
