class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return "dyn:" + name
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.xyz, getattr(d, "x1"), hasattr(d, "nope"))
class Logged:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
l = Logged()
l.a = 5
print(l.a, l.secret)
del l.a
print(hasattr(l, "a"))
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)
