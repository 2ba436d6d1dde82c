class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), s + [4], isinstance(s + [4], Stack), s[::-1], sorted(s, reverse=True))
class UpperStr(str):
    def __new__(cls, v): return super().__new__(cls, v.upper())
u = UpperStr("hello")
print(u, type(u).__name__, u.lower(), u + "!", isinstance(u, str), u == "HELLO", len(u))
class Counter(dict):
    def __missing__(self, k): return 0
    def add(self, k): self[k] += 1
c = Counter()
for ch in "banana": c.add(ch)
print(dict(c), c["z"], sorted(c.items()))
class Pos(int):
    def __new__(cls, v):
        if v < 0: raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(5) + 1, type(Pos(5)).__name__)
try:
    Pos(-1)
except ValueError as e:
    print("ValueError:", e)
