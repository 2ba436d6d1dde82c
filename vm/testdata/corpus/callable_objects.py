class Mul:
    def __init__(self, k): self.k = k
    def __call__(self, *args, **kw): return [a * self.k for a in args], kw
m = Mul(3)
print(m(1, 2, flag=True), callable(m), callable(Mul), callable(m.__call__))
print(sorted([3, 1, 2], key=Mul(-1).__call__ and (lambda v: -v)))
class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
print(list(map(Mul(2), [1, 2])))
