def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield "recovered"
    finally:
        print("gen finally")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
it.close()
print("closed")
def h():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
x = h(); next(x); x.close()
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad(); next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def simple():
    yield 1
s = simple()
try:
    s.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)
print(list(s))
s2 = simple(); next(s2)
try:
    s2.throw(TypeError)
except TypeError as e:
    print("TypeError class thrown", repr(e))
