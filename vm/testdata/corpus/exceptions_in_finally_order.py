log = []
def f():
    try:
        log.append("try")
        raise KeyError("a")
    except KeyError:
        log.append("except")
        raise ValueError("b")
    finally:
        log.append("finally")
try:
    f()
except ValueError as e:
    log.append("outer " + repr(e) + " ctx " + repr(e.__context__))
print(log)
def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(g())
def h():
    try:
        raise KeyError
    finally:
        return "finally swallows"
print(h())
