class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name)
        return {"injected": 1}
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
class Base(metaclass=Meta, flag=True):
    def m(self): pass
class Derived(Base):
    def __init__(self, x): self.x = x
d = Derived(5)
print(d.x, Derived.tag, Base.injected, type(Base).__name__, type(Derived) is Meta, isinstance(Base, Meta))
class Reg(type):
    def __repr__(cls): return "<Reg " + cls.__name__ + ">"
class R(metaclass=Reg): pass
print(R, repr(R))
T = type("T", (object,), {"v": 3, "get": lambda self: self.v})
print(T().get(), T.__name__, type(3), type("s") is str)
