class H:
    __hash__ = None
try:
    hash(H())
except TypeError as e:
    print("TypeError:", e)
class E:
    def __eq__(self, o): return False
print(E.__hash__)
try:
    {E()}
except TypeError as e:
    print("TypeError:", e)
class K:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return self.k == o.k
    def __hash__(self): return hash(self.k)
d = {K(1): "a"}
print(d[K(1)], K(1) in {K(1)}, len({K(1), K(1), K(2)}))
