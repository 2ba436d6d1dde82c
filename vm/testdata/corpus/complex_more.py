z = complex(3, -4)
print(z, z.real, z.imag, abs(z), z * z.conjugate(), z ** 2, 1 / z)
print(complex("  (1+2j) "), complex("1e3j"), complex("-1.5-2.5j"), complex(True, False), complex(1j, 1j))
print(repr(complex(-0.0, 0.0)), repr(complex(0.0, -0.0)), repr(complex(float("inf"), float("nan"))))
print(hash(complex(1, 0)) == hash(1), (1 + 2j) == (1 + 2j), 2j ** 0, 0j ** 0, (2 + 0j) ** 3)
for bad in ["1+", "j1", "1+2k", "()"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
