def g():
    yield 1
    raise StopIteration("oops")
try:
    list(g())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def h():
    next(iter([]))
    yield
try:
    next(h())
except RuntimeError as e:
    print("RuntimeError:", e)
def ret():
    return 5
    yield
try:
    next(ret())
except StopIteration as e:
    print("value", e.value)
