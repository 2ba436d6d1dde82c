def f(a, b, *, c): pass
def g(x, /): pass
def h(**kw): pass
for op in [lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3), lambda: f(1, 2, c=3, d=4), lambda: g(x=1), lambda: h(1), lambda: f(1, 2, c=3, a=1), lambda: (lambda: 0)(1), lambda: (lambda a, b=1: 0)(), lambda: (lambda *, k: 0)()]:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
