def risky(kind):
    if kind == 1: raise ValueError("v")
    if kind == 2: raise TypeError("t")
    if kind == 3: raise KeyError("k")
    return "fine"
for k in range(5):
    try:
        try:
            print(risky(k))
        except ValueError as e:
            print("inner ValueError", e)
            raise RuntimeError("escalated") from e
        except TypeError:
            print("inner TypeError, swallowed")
    except RuntimeError as e:
        print("outer RuntimeError", e, type(e.__cause__).__name__)
    except LookupError as e:
        print("outer LookupError", repr(e))
    else:
        print("outer else", k)
