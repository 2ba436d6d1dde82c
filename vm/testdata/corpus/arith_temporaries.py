# BINARY_OP results reused in place: the temporaries of one expression, never a stored value
# (a user __add__ that keeps its result, names bound to intermediate results, loops).
def f(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
class A:
    def __init__(s): s.c = None
    def __add__(s, o):
        r = 5000 + o
        s.c = r
        return r
a = A()
x = (a + 1000) + 1
print(a.c, x)
y = 3000 * 2
z = y * 2 + 1
print(y, z)
t = 0
for i in range(2000, 2010):
    u = i * 3
    t = t + u * 2 + 1
    print(u, t)
print(f(300, 400), sum(f(i, j) for i in range(50) for j in range(50)))
p = 1.5
q = p * 2.0 + 1.0
print(p, q, (p*p + q*q) * 0.5, 7*7 - 49, (100*100)//10000)
def g(n):
    v = [n * 1000 + k for k in range(3)]
    w = [v[0] * 2 + 1, v[1] - 0]
    return v, w
print(g(5))
l = [1.0, 2.0]
s = l[0] * 2.0 + l[1]
print(l, s)
import math
print((2000*2000)*(3000*3000)+1, (-7000*1000)//3 % 5, 2**62 * 2 + 1)
dx, dy, dz = 1.5, 2.5, 3.5
mag = 0.01 * (dx * dx + dy * dy + dz * dz)
v1 = [1.0, 2.0]
v1[0] -= dx * mag
v1[1] += 2 * (dy * 3.0)
print(mag, v1, dx, dy, dz)
a1 = 4000; b1 = 5000
print(a1 * 2 + b1 * 3, 7 - a1 * 3, 2 * (a1 * b1), a1, b1, (a1 * 1) - (b1 * 1), (3 * 400) - (2 * 600))
def h():
    r = []
    for k in range(3):
        r.append(k + 1000 * 2)
        r.append(2.0 * (k * 1.5))
    return r
print(h())
