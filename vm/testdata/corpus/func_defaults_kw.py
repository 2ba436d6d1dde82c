def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{"c": 3, "z": 0}))
def g(a, b, /, c, *, d):
    return a + b + c + d
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4))
print(f.__defaults__, f.__kwdefaults__, f.__name__, f.__qualname__, f.__code__.co_argcount)
print(f.__code__.co_varnames, f.__code__.co_kwonlyargcount, g.__code__.co_posonlyargcount)
for call in (lambda: f(), lambda: f(1), lambda: g(1, 2, 3), lambda: g(1, b=2, c=3, d=4), lambda: f(1, c=1, a=2), lambda: (lambda x: x)(1, 2), lambda: (lambda: 0)(x=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
