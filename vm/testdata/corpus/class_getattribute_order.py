class Tracer:
    def __init__(self): self.__dict__["real"] = 1
    def __getattribute__(self, name):
        print("getattribute", name)
        return super().__getattribute__(name)
    def __getattr__(self, name):
        print("getattr fallback", name)
        return 42
t = Tracer()
print(t.real)
print(t.missing)
class Desc:
    def __get__(self, obj, typ): return "from descriptor"
    def __set__(self, obj, v): print("descriptor set", v)
class Holder:
    d = Desc()
h = Holder()
h.__dict__["d"] = "instance dict"
print(h.d)
h.d = 5
