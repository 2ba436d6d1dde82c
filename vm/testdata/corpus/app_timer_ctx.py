import time
class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self
    def __exit__(self, *exc):
        self.elapsed = time.perf_counter() - self.start
        return False
with Timer() as t:
    total = sum(i * i for i in range(10000))
print(total, t.elapsed >= 0, type(t.elapsed).__name__)
class Indent:
    level = 0
    def __enter__(self):
        Indent.level += 1
        return self
    def __exit__(self, *a):
        Indent.level -= 1
    def say(self, s): print("  " * Indent.level + s)
with Indent() as i:
    i.say("one")
    with Indent() as j:
        j.say("two")
    i.say("back")
print(Indent.level)
