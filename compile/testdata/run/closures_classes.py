def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get())
class Outer:
    x = 1
    class Inner:
        y = 2
        def m(self):
            return __class__.__qualname__
    def method(self):
        class Local:
            pass
        return Local.__qualname__
print(Outer.Inner().m(), Outer().method(), Outer.Inner.m.__qualname__)
class A:
    def hello(self):
        return "A"
class B(A):
    def hello(self):
        return "B>" + super().hello()
class C(B):
    def hello(self):
        f = lambda: super(C, self).hello()
        return "C>" + f()
print(C().hello())
class D:
    def __init_subclass__(cls, **kw):
        cls.tag = kw.get("tag")
class E(D, tag="e"):
    pass
print(E.tag)
def deco(cls):
    cls.decorated = True
    return cls
@deco
class F:
    pass
print(F.decorated)
class G:
    __private = 1
    def get(self):
        return self.__private, G.__private
    def __dunder__(self):
        return "not mangled"
print(G().get(), G().__dunder__(), hasattr(G, "_G__private"))
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
p = P(); p.x = 5
print(p.x)
def fn_with_class_using_outer(v):
    class W:
        val = v
        items = [v + i for i in range(2)]
        def get(self):
            return v
    return W.val, W.items, W().get()
print(fn_with_class_using_outer(10))
def cell_in_comprehension():
    base = 100
    return {k: (lambda: base + k)() for k in range(3)}
print(cell_in_comprehension())
class Q:
    attr = "class attr"
    def f(self):
        attr = "local"
        class R:
            attr = "R attr"
            def g(inner):
                return attr
        return R().g()
print(Q().f())
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
class Ordered:
    b = 1
    a = 2
    def z(self): pass
print([k for k in Ordered.__dict__ if not k.startswith("__")])
