def show(e):
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("converted") from z
except ValueError as e:
    show(e)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    show(e)
try:
    try:
        raise OSError("a")
    except OSError:
        raise RuntimeError("b") from None
except RuntimeError as e:
    show(e)
e = ValueError("x")
e.__cause__ = KeyError("y")
print(e.__suppress_context__, repr(e.__cause__))
try:
    raise ValueError from KeyError
except ValueError as e:
    show(e)
