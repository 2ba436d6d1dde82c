def r(x):
    raise x
for thing in (ValueError, ValueError("inst"), 5, object):
    try:
        r(thing)
    except TypeError as e:
        print("TypeError:", e)
    except ValueError as e:
        print("ValueError", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("reraised", e)
try:
    try:
        raise KeyError(1)
    except KeyError as e:
        err = e
    raise err
except KeyError as e:
    print("raised stored", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except 5:
        pass
    1/0
except ZeroDivisionError:
    print("not evaluated")
try:
    try:
        1 / 0
    except 5:
        pass
except TypeError as e:
    print("TypeError:", e)
