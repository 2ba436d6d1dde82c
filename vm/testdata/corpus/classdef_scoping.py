x = "module"
class A:
    x = "class"
    def f(self):
        return x
    y = [x for _ in range(1)]
print(A().f(), A.y)
def outer():
    v = "enclosing"
    class B:
        print(v)
        v = "class-level"
        print(v)
    return B.v
print(outer())
def outer2():
    w = 1
    class C:
        def get(self):
            return w
    w = 2
    return C().get()
print(outer2())
