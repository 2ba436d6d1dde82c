class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError):
    {}["x"]
print("suppressed KeyError")
try:
    with Suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError passed through")
def f():
    with Suppress(ValueError):
        return "returned"
print(f())
for i in range(3):
    with Suppress(ZeroDivisionError):
        if i == 1:
            continue
        print(i)
