
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(1, 2))
def repeat(n):
    def d(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return d
@repeat(3)
def hi(x): return "hi " + x
print(hi("bob"))
sq = lambda x: x * x
print(sq(7), (lambda *a, **k: (a, k))(1, b=2), (lambda: None)())
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
def stack(*decos):
    def d(f):
        for x in reversed(decos):
            f = x(f)
        return f
    return d
@deco
@deco
def twice(): return "done"
print(twice())
