class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            print("creating")
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Single(1); b = Single(2)
print(a is b, a.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())
class WithNew:
    def __new__(cls, x):
        o = object.__new__(cls)
        o.x = x * 2
        return o
print(WithNew(4).x)
class BadInit:
    def __init__(self): return 1
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
