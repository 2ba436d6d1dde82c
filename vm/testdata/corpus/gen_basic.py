def gen(n):
    for i in range(n):
        yield i * i
g = gen(4)
print(type(g).__name__, next(g), list(g), list(g))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(sum(x for x in range(10) if x % 2), list(x for x in "ab"))
def g2():
    yield 1
try:
    g2().send(5)
except TypeError as e:
    print("TypeError:", e)
