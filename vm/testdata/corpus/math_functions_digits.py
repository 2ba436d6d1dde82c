# The last digit of math's elementary functions, complex ** and abs(complex) must be CPython's
# (glibc's libm): repr() shows every digit.
import math

xs = [0.1, 0.5, 1.3, 2.0, 3.7, 10.0, 123.456, 1e-5, 7.5e-9, 0.999, 1e22, 1e300, 2.0 ** 600 * 1.2345]
for name in ["sin", "cos", "tan", "atan", "asinh", "exp", "expm1", "log", "log2", "log10", "log1p",
             "sinh", "cosh", "tanh", "sqrt", "exp2"]:
    f = getattr(math, name)
    out = []
    for x in xs + [-x for x in xs[:6]]:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

for name in ["asin", "acos", "atanh"]:
    f = getattr(math, name)
    print(name, " ".join(repr(f(x)) for x in [0.1, 0.5, -0.7, 0.999, 1e-9, 0.25, -0.33, 0.9999999]))
print("acosh", " ".join(repr(math.acosh(x)) for x in [1.0, 1.0000001, 1.5, 2.0, 10.0, 1e10, 1e300]))

# A sweep: the same 200 arguments for each function.
for name in ["sin", "cos", "tan", "exp", "log", "atan", "sinh", "tanh", "log10", "log2"]:
    f = getattr(math, name)
    acc = []
    for i in range(1, 201):
        x = i * 0.0737 - (7.0 if name not in ("log", "log10", "log2") else 0.0)
        acc.append(f(x))
    print(name, "sweep", acc[::20], sum(acc))

for y, x in [(1.0, 2.0), (-3.5, 0.25), (1e-300, -1.0), (5.0, -5.0), (0.3, 0.7), (-0.0, -1.0), (2.0, 0.0)]:
    print("atan2", y, x, repr(math.atan2(y, x)))
for x, y in [(3.0, 4.0), (1.1, 2.2), (1e300, 1e300), (1e-310, 3e-310), (0.7, 0.1), (5.5, -1.25)]:
    print("hypot", repr(math.hypot(x, y)), repr(abs(complex(x, y))))

for a, b in [(1 + 2j, 0.5), (2 - 1j, 1.5 + 0.5j), (-1 + 0.5j, 3.3), (0.5j, -2.2 + 1j), (3 + 4j, 1j)]:
    print("cpow", a, b, repr(a ** b))
print("log", repr(math.log(10 ** 400)), repr(math.log(2 ** 64 + 1)), repr(math.log(1000, 10)), repr(math.log(8, 2)))
print("pi", repr(math.degrees(1.0)), repr(math.radians(45.0)))

# cbrt, erf and erfc are glibc's (not correctly rounded); gamma and lgamma are CPython's own.
for name in ["cbrt", "erf", "erfc", "gamma", "lgamma"]:
    f = getattr(math, name)
    print(name, [f(x) for x in [0.1, 0.5, 1.3, 2.0, 3.7, 10.0, -0.3, -2.5, 27.0, 1e-5, 123.456, 0.9]])
print("normal cdf", [0.5 * (1 + math.erf(z / math.sqrt(2))) for z in (-2.0, -1.0, 0.25, 1.5)])


# cmath: CPython's formulas on the C library's functions.
import cmath
for name in ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos",
             "atan", "asinh", "acosh", "atanh"]:
    f = getattr(cmath, name)
    print(name, [f(z) for z in [1 + 2j, -0.5 + 0.25j, 3 - 4j, 1e-8j, 0.7, -2.0, complex(50.0, -0.5)] if z != 0])
print(cmath.polar(1 + 1j), cmath.rect(2.0, 1.0), cmath.phase(-1 - 0j), cmath.log(100, 10), cmath.isclose(1, 1 + 1e-10))
for bad in [lambda: cmath.log(0), lambda: cmath.exp(1000 + 1j), lambda: math.isclose(1, 2, abs_tol=-1)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
