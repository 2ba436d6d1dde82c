class Config:
    defaults = {"debug": False, "level": 1}
    def __init__(self, **kw):
        self.settings = dict(self.defaults)
        self.settings.update(kw)
    def __getattr__(self, name):
        try:
            return self.settings[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None
c = Config(level=3)
print(c.debug, c.level, Config.defaults)
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e, e.__suppress_context__)
shared = []
class Bad:
    items = shared
    def add(self, x): self.items.append(x)
a, b = Bad(), Bad()
a.add(1); b.add(2)
print(a.items, b.items, a.items is b.items)
