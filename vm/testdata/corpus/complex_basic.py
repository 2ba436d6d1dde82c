a = 3 + 4j
b = complex(1, -2)
print(a, b, a + b, a - b, a * b, a / b)
print(abs(a), a.real, a.imag, a.conjugate(), -a)
print(complex("1+2j"), complex("-3j"), complex(2), 1j ** 2, (1+1j) ** 2)
print(a == complex(3, 4), a != b, 2j * 2, 0j, complex(0, -0.0))
print(repr(1j), repr(-1j), repr(1.5+0j), complex(1e20, 1))
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(f"{a:.2f}", format(b, ""))
