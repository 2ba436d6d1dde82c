class A:
    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"
    @staticmethod
    def util(): return "A.util"
    def __repr__(self): return "A-repr"
class B(A):
    @classmethod
    def create(cls):
        return "B+" + super().create()
    def __repr__(self): return "B/" + super().__repr__()
print(B.create(), B().create(), B.util(), repr(B()))
class C(B):
    pass
print(C.create(), repr(C()))
class D:
    def method(self):
        return super().__repr__().startswith("<__main__.D object")
print(D().method())
