def f(n):
    try:
        if n == 0:
            raise ValueError("zero")
        elif n == 1:
            raise KeyError("one")
        elif n == 2:
            return "two"
        return 1 / (n - 3)
    except ValueError as e:
        return "VE " + str(e)
    except (KeyError, TypeError) as e:
        return "KE " + repr(e)
    except ZeroDivisionError:
        return "ZDE"
    else:
        pass
    finally:
        print("finally", n)

for i in range(5):
    print(f(i))

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("fin", i)
    return "done"
print(g())

def h():
    try:
        try:
            raise RuntimeError("inner")
        except RuntimeError as e:
            raise TypeError("outer") from e
    except TypeError as e:
        print(type(e.__cause__).__name__, e.__cause__)
        return e.__context__ is e.__cause__
print(h())

def nested():
    try:
        raise ValueError
    except ValueError:
        try:
            raise KeyError
        except KeyError:
            pass
        import sys
        print(sys.exc_info()[0].__name__)
nested()

def eg():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("got VE", e.exceptions)
    except* TypeError:
        print("got TE")
    except* KeyError as k:
        print("got KE", len(k.exceptions))
eg()
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled VE")
except* OSError as e:
    print("outer", repr(e.exceptions[0]))

def ret_in_finally():
    try:
        return 1
    finally:
        print("cleanup")
print(ret_in_finally())

def while_else(n):
    i = 0
    while i < n:
        if i == 5:
            break
        i += 1
    else:
        return "no break"
    return "break"
print(while_else(3), while_else(10))

class Ctx:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.swallow

with Ctx("a") as a, Ctx("b"):
    print("inside", a.name)
with Ctx("c", True):
    raise ValueError("swallowed")
try:
    with Ctx("d"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
def with_return():
    with Ctx("e"):
        return "from with"
print(with_return())
for i in range(2):
    with Ctx(str(i)):
        if i == 0:
            continue
        break
assert True, "never"
try:
    assert 1 == 2, "msg here"
except AssertionError as e:
    print("assert", e)
try:
    assert False
except AssertionError as e:
    print("bare assert", e.args)
