import sys
print("a", "b", "c", sep="-", end="!\n")
print("x", end="")
print("y")
print(1, 2, sep="")
print(file=sys.stdout)
print("to stdout", file=sys.stdout, flush=True)
print()
print(*[1, 2, 3])
print(*"abc", sep=", ")
print("err", file=sys.stderr)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("hello", 42, file=w)
print(w.parts)
try:
    print(sep=1)
except TypeError as e:
    print("TypeError:", e)
