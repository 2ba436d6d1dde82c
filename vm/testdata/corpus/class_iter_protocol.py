class Count:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), [x * 2 for x in Count(2)], 2 in Count(3))
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 5 in Seq())
a, b, c = Seq()
print(a, b, c)
class Cont:
    def __contains__(self, x): return x == "magic"
print("magic" in Cont(), "other" in Cont(), "magic" not in Cont())
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
class Rev:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(Rev())))
