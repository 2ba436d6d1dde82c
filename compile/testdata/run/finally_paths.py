def f(n):
    for i in range(n):
        try:
            try:
                if i == 1:
                    continue
                if i == 3:
                    return "ret %d" % i
                if i == 4:
                    break
            finally:
                def inner():
                    return i * 10
                print("inner finally", inner())
        except ZeroDivisionError:
            pass
        finally:
            print("outer finally", i)
    return "end"
print(f(3), f(5), f(6))
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    try:
        raise KeyError("k")
    finally:
        print("cleanup before propagation")
try:
    h()
except KeyError as e:
    print("propagated", e)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")
g2 = gen()
print(next(g2))
g2.close()
def gen2():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
gg = gen2(); next(gg); gg.close()
def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught in generator", e)
t = thrower(); next(t); t.throw(ValueError("v1")); t.throw(ValueError("v2"))
def exc_name_cleared():
    try:
        raise ValueError("gone")
    except ValueError as err:
        pass
    try:
        return err
    except NameError:
        return "name cleared"
print(exc_name_cleared())
def reraise():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise
    except ZeroDivisionError as e:
        return type(e).__name__
print(reraise())
def with_in_loop():
    from contextlib import suppress
    out = []
    for i in range(4):
        with suppress(ValueError):
            if i == 1:
                raise ValueError
            if i == 2:
                continue
            out.append(i)
    return out
print(with_in_loop())
def try_else():
    try:
        x = 1
    except Exception:
        x = 2
    else:
        x += 10
    finally:
        x += 100
    return x
print(try_else())
