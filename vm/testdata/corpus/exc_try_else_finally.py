def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("zero")
        return "except"
    else:
        print("else", r)
        return "else"
    finally:
        print("finally")
print(f(2), f(0))
def g():
    try:
        return "try"
    finally:
        print("cleanup")
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def loop():
    out = []
    for i in range(5):
        try:
            if i == 1: continue
            if i == 3: break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop())
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
