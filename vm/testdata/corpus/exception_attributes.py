try:
    {}["missing"]
except KeyError as e:
    print(e.args, repr(e), str(e))
try:
    [].pop()
except IndexError as e:
    print(e.args, type(e).__mro__[1].__name__)
try:
    int("x")
except ValueError as e:
    print(e.args)
e = OSError(2, "No such file", "path.txt")
print(e.errno, e.strerror, e.args, str(e))
e = StopIteration(1, 2)
print(e.value, e.args)
e = SystemExit(2)
print(e.code)
e = NameError("n")
print(e.args, str(e))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(TimeoutError, OSError))
