class A:
    def __init__(self, v): self.v = v
    def __add__(self, o): print("add"); return A(self.v + o)
    def __repr__(self): return f"A({self.v})"
class B(A):
    def __iadd__(self, o): print("iadd"); self.v += o; return self
a = A(1); a += 5
b = B(1); b0 = b; b += 5
print(a, b, b is b0)
class C:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "fallback add"
c = C(); c += 1
print(c)
l = [1]; l2 = l; l += (2, 3)
print(l, l2, l is l2)
t = (1,); t2 = t; t += (2,)
print(t, t2, t is t2)
