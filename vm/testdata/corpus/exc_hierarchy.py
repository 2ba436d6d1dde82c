for cls in (ZeroDivisionError, KeyError, IndexError, FileNotFoundError, RecursionError, UnboundLocalError, ModuleNotFoundError, StopIteration, GeneratorExit, KeyboardInterrupt, SystemExit, NotImplementedError, UnicodeDecodeError, TimeoutError, ExceptionGroup):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
try:
    raise KeyError("k")
except LookupError as e:
    print("caught as LookupError", repr(e))
try:
    raise FileNotFoundError(2, "No such file")
except OSError as e:
    print("OSError", e.errno, e.strerror, e)
try:
    raise ValueError
except (TypeError, ValueError) as e:
    print("tuple catch", type(e).__name__, e.args)
