class C:
    pass
C.x = 1
c = C()
print(c.x)
c.x = 2
print(c.x, C.x)
del c.x
print(c.x)
C.method = lambda self: "added"
print(c.method())
setattr(C, "other", property(lambda self: "prop"))
print(c.other)
print(sorted(k for k in vars(C) if not k.startswith("__")))
delattr(C, "x")
print(hasattr(c, "x"))
print(C.__dict__["method"].__name__, type(C.__dict__).__name__)
