import sys
ns = {}
exec("def f(x):\n    return x * 2\ny = f(21)", ns)
print(ns["y"], sorted(k for k in ns if k != "__builtins__"))
g = {"a": 1}
print(eval("a + 1", g), eval("[i for i in range(a + 2)]", g))
m = __import__("math")
print(m.sqrt(4), sys.modules["math"] is m, "math" in sys.modules)
T = type("T", (), {"x": 1, "get": lambda self: self.x * 10, "__repr__": lambda self: "T!"})
print(T().get(), repr(T()), T.__name__, T.__qualname__, T.__module__)
class Outer:
    class Inner:
        class Deep:
            pass
    def method(self):
        class Local: pass
        return Local
print(Outer.Inner.Deep.__qualname__, Outer().method().__qualname__, Outer.Inner.__name__)
class K:
    a = 1
    b = sorted(locals())
print(K.b)
print(sorted(k for k in vars(K) if not k.startswith("__")))
def f():
    return super()
try:
    f()
except RuntimeError as e:
    print("RuntimeError:", e)
class WithCall:
    def __call__(self, *a): return ("called", a)
print(WithCall()(1, 2), sorted([3, 1], key=WithCall()))
print(getattr(sys, "version_info").major, hasattr(sys, "exit"), sys.intern("x") is sys.intern("x"))
code = compile("a = 5\nb = a * 2", "<s>", "exec")
loc = {}
exec(code, {}, loc)
print(loc)
print(eval(compile("3 ** 2", "<e>", "eval")), type(code).__name__, code.co_name)
x = 10
def closure_exec():
    y = 5
    return eval("x + y")
print(closure_exec())
