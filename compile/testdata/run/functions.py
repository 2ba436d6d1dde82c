def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, x=7, y=8))
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
@deco
@deco
def hello(name):
    return "hello " + name
print(hello("w"))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
G = 1
def setg():
    global G
    G += 1
setg()
print(G)
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("sent", x)
    return "end"
g = gen(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def delegator():
    r = yield from gen(2)
    print("delegated result", r)
print(list(delegator()))
sq = lambda x, y=1: x * x + y
print(sq(3), sq(3, y=0))
print((lambda *a, **k: (a, k))(1, 2, z=3))
def kwonly(*, a, b=2):
    return a + b
print(kwonly(a=1))
def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]
print(annotated.__annotations__, annotated(1))
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
def defaults(a=[]):
    a.append(1)
    return a
defaults(); print(defaults())
args = (1, 2)
kwargs = {"d": 9}
print(f(*args, **kwargs))
print(f(*args, 3, *args, d=1, **{"zz": 2}))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20))
print(hello.__qualname__, outer.__code__.co_varnames)
def docd():
    "doc here"
    return docd.__doc__
print(docd())
