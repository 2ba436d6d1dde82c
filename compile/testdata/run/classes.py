class Base:
    cls_attr = "base"
    def __init__(self, v):
        self.v = v
    def method(self):
        return "Base.method " + str(self.v)
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def st(x):
        return x * 2
    @property
    def prop(self):
        return self.v + 100
class Derived(Base):
    cls_attr = "derived"
    def method(self):
        return "Derived+" + super().method()
    def __repr__(self):
        return f"Derived({self.v!r})"
d = Derived.make(5)
print(d.method(), Derived.st(4), d.prop, repr(d), d.cls_attr)
class Private:
    def __init__(self):
        self.__secret = 42
    def get(self):
        return self.__secret
p = Private()
print(p.get(), p._Private__secret)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["added"] = kw.get("flag", None)
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta, flag="yes"):
    pass
print(WithMeta.added)
def make_class(x):
    class Inner:
        val = x
        def get(self):
            return x
    return Inner
I = make_class(7)
print(I.val, I().get(), I.__qualname__)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.__class__.count += 0
for _ in range(3):
    Counter()
print(Counter.count)
class Slots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slots()
print(s.a, hasattr(s, "b"))
class Ann:
    x: int = 3
    y: str
print(Ann.__annotations__, Ann.x)
class Dunder:
    def __init__(self, items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __contains__(self, x): return x in self.items
    def __add__(self, o): return Dunder(self.items + o.items)
    def __eq__(self, o): return self.items == o.items
dd = Dunder([1, 2]) + Dunder([3])
print(len(dd), dd[0], 3 in dd, dd == Dunder([1, 2, 3]), list(dd))
class WithClassCell:
    def m(self):
        return __class__.__name__
print(WithClassCell().m())
