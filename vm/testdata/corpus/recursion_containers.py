import sys
a = b = None
for i in range(3000):
    a = [a]
    b = [b]
try:
    a == b
except RecursionError as e:
    print("RecursionError:", e)
t = ()
for i in range(3000):
    t = (t,)
try:
    hash(t)
except RecursionError as e:
    print("RecursionError:", e)
d = {}
for i in range(3000):
    d = {"k": d}
try:
    repr(d)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
