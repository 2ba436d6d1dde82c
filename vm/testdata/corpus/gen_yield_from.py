def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
    return "done"
o = outer()
print(next(o), o.send("sent"), next(o), next(o), next(o), next(o))
try:
    next(o)
except StopIteration as e:
    print("stop", e.value)
def delegating():
    try:
        yield from inner2()
    except ValueError as e:
        print("outer caught", e)
        yield "after"
def inner2():
    try:
        yield 1
    except KeyError:
        print("inner handled KeyError")
        yield "handled"
d = delegating()
print(next(d), d.throw(KeyError), d.throw(ValueError("v")))
def closer():
    try:
        yield 1
    finally:
        print("inner closed")
def wrap():
    yield from closer()
w = wrap(); next(w); w.close()
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
