def worker():
    total = 0
    for i in range(1, 4):
        got = yield i
        total += got or 0
    return total
def driver():
    result = yield from worker()
    yield f"worker returned {result}"
d = driver()
print(next(d), d.send(10), d.send(20), d.send(30))
def only_return():
    return "early"
    yield
g = only_return()
try:
    next(g)
except StopIteration as e:
    print(repr(e), e.value, e.args)
def nested():
    x = yield from (yield from inner())
def inner():
    yield "a"
    return iter(["b", "c"])
print(list(nested()))
