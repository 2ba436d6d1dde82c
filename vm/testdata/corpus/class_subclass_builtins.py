class MyInt(int):
    def double(self): return self * 2
i = MyInt(21)
print(i, i.double(), i + 1, type(i + 1).__name__, isinstance(i, int), i == 21, hash(i) == hash(21))
class MyStr(str):
    def shout(self): return self.upper() + "!"
s = MyStr("hi")
print(s, s.shout(), s + " there", len(s), s[0], repr(s), s == "hi", s.startswith("h"))
class MyList(list):
    def total(self): return sum(self)
l = MyList([1, 2, 3])
l.append(4)
print(l, l.total(), len(l), l[1:], type(l).__name__, isinstance(l, list))
class MyDict(dict):
    def __missing__(self, k): return k * 2
d = MyDict(a=1)
print(d["a"], d["zz"], d, len(d))
class Defaulting(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = True
dd = Defaulting({"x": 1})
print(dd, dd.extra, dd.get("x"))
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr(404, "not found")
except MyErr as e:
    print(e, e.code, e.args, repr(e))
class MyTuple(tuple): pass
print(MyTuple((1, 2)), MyTuple([3]) + (4,))
class MyFloat(float): pass
print(MyFloat(1.5) * 2, MyFloat("2.5"))
