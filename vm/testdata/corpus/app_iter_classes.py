class Range2:
    def __init__(self, start, stop, step=1):
        self.start, self.stop, self.step = start, stop, step
    def __iter__(self):
        i = self.start
        while (i < self.stop) if self.step > 0 else (i > self.stop):
            yield i
            i += self.step
    def __len__(self): return max(0, (self.stop - self.start + self.step - (1 if self.step > 0 else -1)) // self.step)
    def __reversed__(self):
        return iter(list(self)[::-1])
r = Range2(0, 10, 3)
print(list(r), len(r), list(reversed(r)), sum(r), 6 in r)
class Cycle:
    def __init__(self, items): self.items = items; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        v = self.items[self.i % len(self.items)]; self.i += 1
        return v
c = Cycle("abc")
print([next(c) for _ in range(7)])
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
for i, f in zip(range(12), Fib()):
    print(f, end=" ")
print()
