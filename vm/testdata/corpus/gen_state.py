def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None, it.__name__, it.__qualname__)
next(it); next(it)
try:
    next(it)
except StopIteration:
    pass
print(it.gi_frame)
def self_ref():
    yield next(gen)
gen = self_ref()
try:
    next(gen)
except ValueError as e:
    print("ValueError:", e)
def counter():
    i = 0
    while True:
        i += 1
        yield i
c = counter()
print([x for x, _ in zip(c, range(5))])
