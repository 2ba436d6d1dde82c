class A:
    def who(self): return "A"
    def hello(self): return "hello from " + self.who()
class B(A):
    def who(self): return "B"
class C(A):
    def who(self): return "C"
class D(B, C): pass
print(D().hello(), [k.__name__ for k in D.__mro__], D.__bases__, D.__base__)
print(issubclass(D, A), isinstance(D(), C), D.mro() == list(D.__mro__))
class X: pass
class Y: pass
class Z(X, Y): pass
try:
    class Bad(X, Z): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print("TypeError:", e)
class O1: pass
class O2(O1): pass
class O3(O1): pass
class O4(O2, O3): pass
print([c.__name__ for c in O4.__mro__])
