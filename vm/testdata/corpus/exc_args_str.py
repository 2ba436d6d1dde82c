e = ValueError("a", 2)
print(e, repr(e), e.args, str(ValueError()), repr(ValueError()), str(KeyError("k")), str(KeyError()))
print(repr(Exception("x")), str(Exception(1, 2)), BaseException("b").args)
class E(Exception):
    pass
print(repr(E("m")), str(E()), E.__name__, E.__module__)
class F(Exception):
    def __str__(self): return "custom str"
print(F(), repr(F("a")))
e = Exception("x")
e.args = ("y", "z")
print(e)
e.extra = 5
print(e.extra)
print(StopIteration(5).value, SystemExit(3).code, SystemExit().code)
