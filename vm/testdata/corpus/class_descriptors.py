class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("expected int")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"
class M:
    age = Typed()
    nd = NonData()
m = M()
m.age = 5
print(m.age, M.age.__class__.__name__, m.nd)
m.__dict__["nd"] = "instance wins"
print(m.nd)
m.__dict__["age"] = "ignored"
print(m.age)
try:
    m.age = "x"
except TypeError as e:
    print("TypeError:", e)
class Ten:
    def __get__(self, obj, objtype=None):
        return 10
class A:
    x = Ten()
print(A.x, A().x)
