class Emitter:
    def __init__(self): self.handlers = {}
    def on(self, name):
        def deco(fn):
            self.handlers.setdefault(name, []).append(fn)
            return fn
        return deco
    def emit(self, name, *args, **kw):
        return [h(*args, **kw) for h in self.handlers.get(name, [])]
bus = Emitter()
@bus.on("greet")
def hello(who): return f"hello {who}"
@bus.on("greet")
def shout(who): return f"HEY {who.upper()}"
@bus.on("sum")
def total(*nums, scale=1): return sum(nums) * scale
print(bus.emit("greet", "ann"), bus.emit("sum", 1, 2, 3, scale=10), bus.emit("none"))
