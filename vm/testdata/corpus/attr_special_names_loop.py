class A: pass
a = A()
for i in range(3):
    a.__dict__ = {"x": i}
    print(a.x, a.__dict__)
class B: pass
for i in range(2):
    a.__class__ = B
    print(type(a).__name__)
