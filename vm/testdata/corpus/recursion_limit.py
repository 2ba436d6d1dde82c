import sys
print(sys.getrecursionlimit())
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(200)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
print(count(0) < 200)
sys.setrecursionlimit(1000)
l = []
for i in range(2000):
    l = [l]
try:
    repr(l)
except RecursionError as e:
    print("RecursionError:", e)
class R:
    def __repr__(self): return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError", type(e).__name__)
