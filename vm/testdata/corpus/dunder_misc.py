class Box:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __int__(self): return self.v + 100
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __round__(self, n=None): return "rounded"
    def __bytes__(self): return b"box"
    def __format__(self, spec): return "Box<" + spec + ">"
    def __str__(self): return "str-box"
    def __repr__(self): return "repr-box"
    def __bool__(self): return self.v != 0
    def __neg__(self): return Box(-self.v)
b = Box(3)
print([10, 20, 30, 40][b], int(b), float(b), complex(b), round(b), bytes(b), f"{b:x}", str(b), repr(b), bool(Box(0)))
print(bin(b), hex(b), "abcdef"[b:], (-b).v, range(b), [0] * b)
class Num:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Num({self.v})"
print(sorted([Num(3), Num(1), Num(2)]), max(Num(1), Num(5)))
