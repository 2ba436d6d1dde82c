"""Regenerate the golden cases of pymath's functions: <name>_cases.txt for each function of
CPython's math module that pymath implements, gamma_cases.txt (math.gamma and math.lgamma),
norm_cases.txt (math.hypot of 3 to 5 coordinates) and cmath_cases.txt (the cmath functions for
finite arguments and a grid of special ones).

Each line of <name>_cases.txt holds the argument(s), the result of CPython's math function
(glibc's libm, except math.hypot, which CPython computes itself; hypot's lines also hold
abs(complex(x, y)), glibc's hypot), and the correctly rounded result from a decimal computation
with 130 significant digits, all in float.hex form. The first arguments of each function are the
same ends of the ranges (BOUNDARY), the rest random, from a fixed seed.

Run with the C library the comparison is meant for:  /usr/bin/python3.11 gen_math_cases.py
The trigonometric, inverse trigonometric and error-function references are computed here by
series and continued fractions (the decimal module has exp, ln, log10 and sqrt only); huge
arguments of sin, cos and tan are reduced with 600 digits of pi.
"""
import math
import random
import struct
from decimal import Decimal as D, getcontext, localcontext

PREC = 130
getcontext().prec = PREC


def machin_pi(digits):
    with localcontext() as c:
        c.prec = digits + 10
        eps = D(10) ** -(digits + 5)

        def acot(n):
            x = D(1) / n
            s, t, k, sign = x, x, 1, -1
            x2 = x * x
            while True:
                t *= x2
                k += 2
                term = t / k
                if term < eps:
                    break
                s += sign * term
                sign = -sign
            return s

        return 16 * acot(5) - 4 * acot(239)


PI600 = machin_pi(600)
PI = +PI600
EPS = D(10) ** -(PREC + 5)


def series(terms):
    """Sum a series given as a generator of terms until they drop below EPS relative."""
    s = D(0)
    for t in terms:
        s += t
        if t == 0 or abs(t) < abs(s) * EPS:
            break
    return s


def sin_cos_small(r):
    def sin_terms():
        t, k = r, 1
        while True:
            yield t
            t = -t * r * r / ((k + 1) * (k + 2))
            k += 2

    def cos_terms():
        t, k = D(1), 0
        while True:
            yield t
            t = -t * r * r / ((k + 1) * (k + 2))
            k += 2

    return series(sin_terms()), series(cos_terms())


def sin_cos(x):
    """sin and cos of a finite float x (Decimal), with an exact reduction modulo pi/2."""
    x = D(x)
    with localcontext() as c:
        c.prec = 720
        h = PI600 / 2
        k = int((x / h).to_integral_value())
        r = x - k * h
    r = +r
    s, co = sin_cos_small(r)
    return [(s, co), (co, -s), (-s, -co), (-co, s)][k % 4]


def atan(x):
    x = D(x)
    if x < 0:
        return -atan(-x)
    if x > 1:
        return PI / 2 - atan(1 / x)
    # halve the angle three times: atan(x) = 2 atan(x / (1 + sqrt(1 + x^2)))
    n = 0
    while x > D("0.05"):
        x = x / (1 + (1 + x * x).sqrt())
        n += 1

    def terms():
        t, k = x, 1
        while True:
            yield t / k
            t = -t * x * x
            k += 2

    return series(terms()) * (2 ** n)


def atan2(y, x):
    y, x = D(y), D(x)
    if x > 0 or (x == 0 and not x.is_signed() and y == 0):
        return atan(y / x) if x > 0 else y
    a = PI - atan(abs(y) / -x) if x < 0 else PI / 2
    return -a if y.is_signed() else a


def asin(x):
    x = D(x)
    if abs(x) == 1:
        return x * PI / 2
    return atan(x / (1 - x * x).sqrt())


def acos(x):
    x = D(x)
    if x == -1:
        return PI
    return 2 * atan(((1 - x) / (1 + x)).sqrt())


def expm1(x):
    x = D(x)
    if abs(x) < D("1e-20"):
        return x + x * x / 2
    with localcontext() as c:
        c.prec = PREC + 25
        return +(x.exp() - 1)


def log1p(x):
    x = D(x)
    if abs(x) < D("1e-20"):
        return x - x * x / 2 + x * x * x / 3
    with localcontext() as c:
        c.prec = PREC + 25
        return +(1 + x).ln()


def sinh(x):
    x = D(x)
    if abs(x) < D("1e-20"):
        return x + x ** 3 / 6
    with localcontext() as c:
        c.prec = PREC + 25
        e = x.exp()
        return +((e - 1 / e) / 2)


def cosh(x):
    e = D(x).exp()
    return (e + 1 / e) / 2


def tanh(x):
    x = D(x)
    if abs(x) > 50:
        return D(1).copy_sign(x)
    if abs(x) < D("1e-20"):
        return x - x ** 3 / 3
    with localcontext() as c:
        c.prec = PREC + 25
        e = (2 * x).exp()
        return +((e - 1) / (e + 1))


def asinh(x):
    x = D(x)
    if x < 0:
        return -asinh(-x)
    if x < D("1e-20"):
        return x - x ** 3 / 6
    with localcontext() as c:
        c.prec = PREC + 25
        return +(x + (x * x + 1).sqrt()).ln()


def acosh(x):
    x = D(x)
    return (x + (x * x - 1).sqrt()).ln()


def atanh(x):
    x = D(x)
    if abs(x) < D("1e-20"):
        return x + x ** 3 / 3
    with localcontext() as c:
        c.prec = PREC + 25
        return +(((1 + x) / (1 - x)).ln() / 2)


def hypot(x, y):
    x, y = D(x), D(y)
    return (x * x + y * y).sqrt()


def erf_series(x):
    """erf by its Taylor series (|x| <= 3) at high precision."""
    with localcontext() as c:
        c.prec = PREC + 40
        x2 = x * x

        def terms():
            t, n = x, 0
            while True:
                yield t / (2 * n + 1)
                n += 1
                t = -t * x2 / n

        return 2 / PI.sqrt() * series(terms())


def erfc_cf(x):
    """erfc for x >= 3 by its continued fraction (Lentz), at high precision."""
    with localcontext() as c:
        c.prec = PREC + 20
        # erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + ...)))))
        tiny = D(10) ** -(PREC + 60)
        f = x if x != 0 else tiny
        cc, d = f, D(0)
        k = 1
        while True:
            a = D(k) / 2
            d = x + a * d
            d = tiny if d == 0 else d
            cc = x + a / cc
            cc = tiny if cc == 0 else cc
            d = 1 / d
            delta = cc * d
            f *= delta
            k += 1
            if abs(delta - 1) < EPS or k > 100000:
                break
        return (-x * x).exp() / PI.sqrt() / f


def erf(x):
    x = D(x)
    if abs(x) <= 3:
        return erf_series(x)
    r = 1 - erfc_cf(abs(x))
    return r if x > 0 else -r


def erfc(x):
    x = D(x)
    if x >= 3:
        return erfc_cf(x)
    if x <= -3:
        return 2 - erfc_cf(-x)
    with localcontext() as c:
        c.prec = PREC + 40
        return +(1 - erf_series(x))


LN2 = D(2).ln()
EXACT = {
    "exp": lambda x: D(x).exp(),
    "expm1": expm1,
    "exp2": lambda x: (D(x) * LN2).exp(),
    "log": lambda x: D(x).ln(),
    "log2": lambda x: D(x).ln() / LN2,
    "log10": lambda x: D(x).log10(),
    "log1p": log1p,
    "sin": lambda x: sin_cos(x)[0],
    "cos": lambda x: sin_cos(x)[1],
    "tan": lambda x: sin_cos(x)[0] / sin_cos(x)[1],
    "asin": asin,
    "acos": acos,
    "atan": atan,
    "sinh": sinh,
    "cosh": cosh,
    "tanh": tanh,
    "asinh": asinh,
    "acosh": acosh,
    "atanh": atanh,
    "atan2": atan2,
    "hypot": hypot,
    "erf": lambda x: erf(x),
    "erfc": lambda x: erfc(x),
    "cbrt": lambda x: (abs(D(x)) ** (D(1) / 3)).copy_sign(D(x)) if x else D(x),
}

rnd = random.Random(311)


def logu(lo, hi):
    """A float whose exponent is uniform in [lo, hi) (powers of 2), random sign not applied."""
    return rnd.uniform(1, 2) * 2.0 ** rnd.randint(lo, hi - 1)


def rbits():
    """A random finite float from random bits."""
    while True:
        x = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        if math.isfinite(x):
            return x


def sgn():
    return rnd.choice([-1, 1])


def tiny():
    return sgn() * logu(-1074, -20)


def args(name, i):
    k = i % 8
    if name in ("exp", "expm1", "exp2"):
        top = {"exp": 709.7, "expm1": 709.7, "exp2": 1023.9}[name]
        bot = {"exp": -745, "expm1": -50, "exp2": -1074.5}[name]
        return [rnd.uniform(-10, 10), rnd.uniform(bot, top), rnd.uniform(-1, 1), tiny(),
                sgn() * logu(-30, 3), rnd.uniform(-0.5, 0.5), rnd.uniform(bot, bot + 40) if name != "expm1" else rnd.uniform(-1, 1),
                float(rnd.randint(-60, 60)) * (0.6931471805599453 if name != "exp2" else 0.5) + rnd.choice([0, 1e-10])][k]
    if name in ("log", "log2", "log10"):
        return [rnd.uniform(0, 10), logu(-1074, 1024), 1 + sgn() * logu(-52, -1), rnd.uniform(0.5, 2),
                float(rnd.randint(1, 10 ** 6)), rnd.lognormvariate(0, 20), 10.0 ** rnd.randint(-300, 300),
                2.0 ** rnd.randint(-1074, 1023) * rnd.choice([1, 3, 5, 1.5])][k]
    if name == "log1p":
        return [rnd.uniform(-1, 10), tiny(), sgn() * logu(-60, 0) / 1.001, rnd.uniform(-0.3, 0.42),
                logu(-10, 1020), -rnd.uniform(0.9, 1), rnd.uniform(-1e-5, 1e-5), rnd.lognormvariate(0, 10)][k]
    if name in ("sin", "cos", "tan"):
        return [rnd.uniform(-10, 10), rnd.uniform(-1e3, 1e3), sgn() * logu(10, 70), rbits(),
                sgn() * logu(-40, 2), rnd.randint(1, 10 ** 6) * math.pi / 2 * sgn(), rnd.uniform(-1, 1),
                sgn() * logu(-3, 30)][k]
    if name in ("asin", "acos"):
        return [rnd.uniform(-1, 1), sgn() * (1 - logu(-53, -3)), tiny(), sgn() * logu(-40, 0) * 0.999,
                rnd.uniform(-1, 1), rnd.uniform(0.9, 1) * sgn(), rnd.uniform(-0.5, 0.5), sgn() * logu(-8, 0) * 0.999][k]
    if name in ("erf", "erfc"):
        return [rnd.uniform(-1, 1), rnd.uniform(-6, 6), rnd.uniform(-30, 30), tiny(), sgn() * logu(-30, 1),
                rnd.uniform(0.8, 1.3) * sgn(), rnd.uniform(1.2, 3) * sgn(), rnd.uniform(2.8, 28) * sgn()][k]
    if name == "cbrt":
        return [rnd.uniform(-10, 10), rbits(), sgn() * logu(-1074, 1024), rnd.uniform(0, 1000),
                float(rnd.randint(-1000, 1000)) ** 3, sgn() * logu(-30, 30), rnd.uniform(-1, 1), tiny()][k]
    if name == "atan":
        return [rnd.uniform(-10, 10), sgn() * logu(-60, 64), tiny(), rbits(),
                rnd.uniform(-1, 1), sgn() * rnd.lognormvariate(0, 5), rnd.uniform(-2, 2), sgn() * logu(-30, 30)][k]
    if name in ("sinh", "cosh"):
        return [rnd.uniform(-10, 10), rnd.uniform(-710, 710), tiny(), sgn() * logu(-30, 1),
                rnd.uniform(-1, 1), rnd.uniform(-45, 45), rnd.uniform(-0.4, 0.4), sgn() * rnd.uniform(700, 710.4)][k]
    if name == "tanh":
        return [rnd.uniform(-10, 10), rnd.uniform(-25, 25), tiny(), sgn() * logu(-30, 1),
                rnd.uniform(-1, 1), rnd.uniform(-3, 3), rnd.uniform(-0.2, 0.2), rnd.uniform(15, 23) * sgn()][k]
    if name == "asinh":
        return [rnd.uniform(-10, 10), sgn() * logu(-60, 1024), tiny(), sgn() * logu(-30, 1),
                rnd.uniform(-1, 1), sgn() * logu(20, 40), rnd.uniform(-0.6, 0.6), rbits()][k]
    if name == "acosh":
        return [rnd.uniform(1, 10), logu(0, 1024), 1 + logu(-52, 0), rnd.uniform(1, 2),
                rnd.uniform(1, 1.01), logu(20, 40), 1 + logu(-52, -20), rnd.lognormvariate(0, 10) + 1][k]
    if name == "atanh":
        return [rnd.uniform(-1, 1), sgn() * (1 - logu(-53, -3)), tiny(), sgn() * logu(-40, 0) * 0.999,
                rnd.uniform(-1, 1), rnd.uniform(0.9, 1) * sgn(), rnd.uniform(-0.5, 0.5), sgn() * logu(-8, 0) * 0.999][k]
    raise ValueError(name)


def args2(name, i):
    k = i % 6
    if k == 0:
        return rnd.uniform(-10, 10), rnd.uniform(-10, 10)
    if k == 1:
        return sgn() * logu(-1074, 1024), sgn() * logu(-1074, 1024)
    if k == 2:
        x = sgn() * logu(-100, 100)
        return x, x * rnd.uniform(0.5, 2) * sgn()
    if k == 3:
        return rnd.uniform(-1, 1), rnd.uniform(-1, 1)
    if k == 4:
        x = sgn() * logu(-1074, -1000)
        return x, x * rnd.uniform(0.1, 10)
    x = sgn() * logu(990, 1023)
    return x, x * rnd.uniform(0.1, 10) * sgn()


# Arguments at the ends of the float range and of the functions' ranges, for every function.
BOUNDARY = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 5e-324, -5e-324, 2.0 ** -1022, -(2.0 ** -1022), 1e-300,
            -1e-300, 2.0 ** -30, -(2.0 ** -30), 2.0 ** -27, 2.0 ** -26, 2.0 ** -54, 1.7976931348623157e308,
            -1.7976931348623157e308, 709.78, 709.79, -708.4, -745.13, -745.14, 710.47, -710.47, 22.0, 1e22,
            -1e300, 1023.9, -1074.0, -1075.0, 0.9999999999999999, -0.9999999999999999, 1.0000000000000002,
            2.0 ** 28, 2.0 ** 28 + 2.0 ** -24, 2.0000000000000004, 6381956970095103.0 * 2.0 ** 797]
BOUNDARY2 = [(-5e-324, -2.0), (5e-324, -2.0), (-1e-300, -1e300), (1e-300, 1e300), (1e300, 1e-300),
             (-1e300, -1e-300), (5e-324, 5e-324), (1.7976931348623157e308, 1.7976931348623157e308),
             (1.0, 1.0), (-1.0, -1.0), (3.0, 4.0), (1e-320, 3e-320), (2.0 ** 1023, 2.0 ** 1023),
             (0.0, -1.0), (-0.0, -1.0), (1.0, 0.0), (-1.0, -0.0)]


def fmt(v):
    return v.hex()


def main():
    n1 = 2400
    for name in ["exp", "expm1", "exp2", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
                 "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt",
                 "erf", "erfc"]:
        f = getattr(math, name)
        lines = []
        seen = set()
        for i in range(n1 * 3):
            if len(lines) >= n1:
                break
            x = BOUNDARY[i] if i < len(BOUNDARY) else args(name, i)
            if x in seen:
                continue
            seen.add(x)
            try:
                g = f(x)
            except (ValueError, OverflowError):
                continue
            e = float(EXACT[name](x))
            lines.append("%s %s %s" % (fmt(x), fmt(g), fmt(e)))
        write(name, "x, math.%s(x), correctly rounded" % name, lines)
    for name in ["atan2", "hypot"]:
        lines = []
        for i in range(n1):
            y, x = BOUNDARY2[i] if i < len(BOUNDARY2) else args2(name, i)
            if not (math.isfinite(x) and math.isfinite(y)):
                continue
            if name == "atan2":
                lines.append("%s %s %s %s" % (fmt(y), fmt(x), fmt(math.atan2(y, x)), fmt(float(atan2(y, x)))))
            else:
                try:
                    c = abs(complex(y, x))
                except OverflowError:
                    continue
                lines.append("%s %s %s %s %s" % (fmt(y), fmt(x), fmt(math.hypot(y, x)), fmt(c), fmt(float(hypot(y, x)))))
        write(name, "y, x, math.atan2(y, x), correctly rounded" if name == "atan2" else
              "x, y, math.hypot(x, y), abs(complex(x, y)) (glibc's hypot), correctly rounded", lines)
    gamma_cases()
    norm_cases()
    cmath_cases()


def gamma_cases():
    """math.gamma and math.lgamma are CPython's own (Lanczos) code: record its results."""
    xs = [rnd.uniform(0, 10) for _ in range(1000)] + [rnd.uniform(-10, 0) for _ in range(600)] + \
         [rnd.uniform(10, 171) for _ in range(400)] + [rnd.uniform(-180, -10) for _ in range(300)] + \
         [rnd.uniform(-0.001, 0.001) for _ in range(100)] + [sgn() * logu(-80, 10) for _ in range(200)] + \
         [0.5, 1.5, 2.5, 1e-21, -1e-21, 3.0, 23.0, 24.0, 171.5, 200.5, -200.5, 1e-300, -0.5, 1e300, 2.0 ** 60]
    lines = []
    for x in xs:
        out = [fmt(x)]
        for fn in (math.gamma, math.lgamma):
            try:
                out.append(fmt(fn(x)))
            except (ValueError, OverflowError):
                out.append("err")
        lines.append(" ".join(out))
    write("gamma", "x, math.gamma(x), math.lgamma(x) ('err' where CPython raises)", lines)


def norm_cases():
    """math.hypot of 3 to 5 coordinates (CPython's own vector_norm) and the correctly rounded norm."""
    lines = []
    for i in range(2000):
        n = 3 + i % 3
        k = i % 4
        if k == 0:
            v = [rnd.uniform(-10, 10) for _ in range(n)]
        elif k == 1:
            v = [sgn() * logu(-1074, 1020) for _ in range(n)]
        elif k == 2:
            e = rnd.randint(-1070, 1000)
            v = [sgn() * logu(e, e + 20) for _ in range(n)]
        else:
            v = [float(rnd.randint(-1000, 1000)) for _ in range(n)]
        with localcontext() as c:
            c.prec = PREC
            exact = float(sum(D(x) * D(x) for x in v).sqrt())
        lines.append(" ".join([fmt(math.hypot(*v)), fmt(exact)] + [fmt(x) for x in v]))
    write("norm", "math.hypot(*v), correctly rounded, then the coordinates v", lines)


def cmath_cases():
    """cmath's functions (CPython's own formulas on glibc's real functions) for finite arguments
    and a grid of special ones: the real and imaginary parts, or the exception raised."""
    import cmath
    names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos",
             "atan", "asinh", "acosh", "atanh"]
    specials = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, float("inf"), -float("inf"), float("nan")]
    lines = []
    for name in names:
        f = getattr(cmath, name)
        args = []
        for i in range(400):
            k = i % 5
            if k == 0:
                z = complex(rnd.uniform(-3, 3), rnd.uniform(-3, 3))
            elif k == 1:
                z = complex(sgn() * logu(-30, 30), sgn() * logu(-30, 30))
            elif k == 2:
                z = complex(sgn() * logu(-1074, 1024), sgn() * logu(-1074, 1024))
            elif k == 3:
                z = complex(rnd.uniform(-800, 800), rnd.uniform(-800, 800))
            else:
                z = complex(sgn() * rnd.uniform(0.9, 1.1), sgn() * logu(-60, 0))
            args.append(z)
        args += [complex(a, b) for a in specials for b in specials]
        for z in args:
            try:
                r = f(z)
                out = "%s %s" % (fmt(r.real), fmt(r.imag))
            except ValueError:
                out = "ValueError -"
            except OverflowError:
                out = "OverflowError -"
            lines.append("%s %s %s %s" % (name, fmt(z.real), fmt(z.imag), out))
    write("cmath", "function, z.real, z.imag, then the result's parts or the exception (CPython's cmath)", lines)


def write(name, what, lines):
    with open("%s_cases.txt" % name, "w") as f:
        f.write("# %s (float.hex); see gen_math_cases.py\n" % what)
        f.write("\n".join(lines) + "\n")
    print(name, len(lines))


main()
