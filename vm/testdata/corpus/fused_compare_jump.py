class Weird:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return Weird(self.v < o.v)
    def __bool__(self):
        if self.v is None:
            raise ValueError("no truth")
        return bool(self.v)
class Bad:
    v = None
    def __lt__(self, o): return Weird(None)
for a, b in [(Weird(1), Weird(2)), (Weird(3), Weird(2))]:
    if a < b:
        print("less", a.v, b.v)
    else:
        print("not less", a.v, b.v)
try:
    if Bad() < Bad():
        print("?")
except ValueError as e:
    print("ValueError:", e)
i = 0
while i < 5.5:
    i += 1
print(i, 2.5 < 3.5, 3 < 2.5, "a" < "b")
x = None
n = 0
while x is None or x < 3:
    x = (x or 0) + 1
    n += 1
print(n, x)
def unb():
    a = 1
    if a > 5:
        b = 2
    return a, b
try:
    unb()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
