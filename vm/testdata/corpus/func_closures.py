def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
fs = [lambda i=i: i * 2 for i in range(3)]
print([f() for f in fs])
fs2 = [lambda: i for i in range(3)]
print([f() for f in fs2])
def mk():
    v = 1
    def get(): return v
    v = 2
    return get
print(mk()(), mk().__closure__[0].cell_contents)
g = 10
def use_global():
    global g
    g += 5
    return g
print(use_global(), g)
def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    y = 1
unbound()
