# x[a:b] = y[c:d] through the thread's spare list: list subclasses that keep the value, aliasing,
# extended slices, errors.
class L(list):
    def __setitem__(self, k, v):
        global kept
        kept = v
        super().__setitem__(k, v)
kept = None
a = list(range(10))
b = L(range(10))
for k in range(1, 6):
    a[:k + 1] = a[k::-1]
    b[:k + 1] = a[k::-1]
    print(a, b, kept)
a[2:4] = a[0:6]
print(a, kept)
c = [1, 2, 3]
c[:] = c[::-1]
print(c)
d = [0] * 5
d[::2] = c[:]
print(d)
try:
    d[::2] = c[:2]
except ValueError as e:
    print(e)
e = list(range(20))
e[1:3] = e[5:15:3]
print(e, kept)
x = [9, 8]
x[0:1] = x[0:2]
print(x)
t = (1, 2, 3)
x[:] = t[1:]
print(x)
def perm(n):
    p = list(range(n)); out = []
    for k in range(n - 1, 0, -1):
        p[:k + 1] = p[k::-1]
        out.append(p[:])
    return out
print(perm(6))
