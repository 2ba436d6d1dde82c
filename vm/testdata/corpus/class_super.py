class Base:
    def __init__(self, v):
        self.v = v
        print("Base init", v)
    def describe(self):
        return "Base(%s)" % self.v
    @classmethod
    def make(cls, v):
        return cls(v)
class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def describe(self):
        return "Child[" + super().describe() + "]"
class Grand(Child):
    def __init__(self):
        super(Grand, self).__init__(1, 2)
    def describe(self):
        return "Grand{" + super().describe() + "}"
g = Grand()
print(g.describe(), g.v, g.w)
print(Child.make.__func__ is Base.make.__func__)
class M1:
    def f(self): return ["M1"]
class M2(M1):
    def f(self): return ["M2"] + super().f()
class M3(M1):
    def f(self): return ["M3"] + super().f()
class M4(M2, M3):
    def f(self): return ["M4"] + super().f()
print(M4().f())
print(super(M2, M4()).f())
