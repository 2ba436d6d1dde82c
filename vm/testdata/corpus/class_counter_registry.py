class Registry:
    items = {}
    @classmethod
    def register(cls, name):
        def deco(obj):
            cls.items[name] = obj
            return obj
        return deco
@Registry.register("square")
def sq(x): return x * x
@Registry.register("cube")
def cube(x): return x ** 3
print(sorted(Registry.items), Registry.items["cube"](3))
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
        self.id = type(self).instances
class Sub(Counter): pass
a, b, c = Counter(), Counter(), Sub()
print(a.id, b.id, c.id, Counter.instances, Sub.instances)
