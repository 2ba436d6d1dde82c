print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True))
print((10).as_integer_ratio(), (7).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.__name__, (3).__add__(4), (3).__mul__("a") is NotImplemented, int("7", base=8))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print(True.__and__(False), (1).__lt__(2), (2).__pow__(10), divmod(-7, 2), (-7).__floordiv__(2))
