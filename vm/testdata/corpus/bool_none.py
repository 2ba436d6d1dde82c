print(True + True, True * 10, False - 1, True / 2, True == 1, False == 0, True is True)
print(bool(0), bool(""), bool([]), bool({}), bool(None), bool(0.0), bool("0"), bool([0]))
print(int(True), str(False), repr(None), None is None, type(None).__name__)
print(True & False, True | False, True ^ True, ~True, not None)
print(isinstance(True, int), issubclass(bool, int), hash(True), hash(None) == hash(None))
x = None
print(x or "default", x and 1, 0 or [] or "last", 1 and 2 and 3)
