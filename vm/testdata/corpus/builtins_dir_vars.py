class A:
    cls_attr = 1
    def m(self): pass
a = A()
a.inst = 2
print([n for n in dir(a) if not n.startswith("__")])
print(sorted(vars(a)), "cls_attr" in vars(A), "m" in A.__dict__)
def f():
    x = 1
    y = 2
    return sorted(locals())
print(f())
g = globals()
print("A" in g, g["__name__"])
import math
print("sqrt" in dir(math))
