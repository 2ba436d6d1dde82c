class A:
    def __bool__(self): return False
class B:
    def __len__(self): return 0
class C:
    def __len__(self): return 3
class D: pass
for o in (A(), B(), C(), D()):
    print(type(o).__name__, bool(o), "yes" if o else "no", not o)
class Bad:
    def __bool__(self): return 1
try:
    bool(Bad())
except TypeError as e:
    print("TypeError:", e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print("ValueError:", e)
print(len(C()))
