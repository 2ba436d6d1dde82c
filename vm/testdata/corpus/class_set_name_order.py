log = []
class Field:
    def __init__(self, default): self.default = default
    def __set_name__(self, owner, name):
        log.append((owner.__name__, name))
        self.name = name
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return obj.__dict__.get(self.name, self.default)
    def __set__(self, obj, v): obj.__dict__[self.name] = v
class Model:
    a = Field(1)
    b = Field("x")
    c = Field(None)
m = Model()
m.b = "changed"
print(log, m.a, m.b, m.c, Model.a.name, vars(m))
