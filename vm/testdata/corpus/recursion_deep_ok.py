import sys
sys.setrecursionlimit(5000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(4000))
def build(n):
    return [] if n == 0 else [build(n - 1)]
x = build(900)
print(len(repr(x)))
