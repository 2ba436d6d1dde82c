"""Regenerate pow_cases.txt: x, y, x ** y as glibc's pow computes it through CPython, and the
correctly rounded x ** y (from an 80-digit decimal computation).

Run with the C library the comparison is meant for:  /usr/bin/python3.11 gen_pow_cases.py
Each line holds the four values in float.hex form.
"""
import random
from decimal import Decimal, getcontext

getcontext().prec = 80


def exact(x, y):
    """x ** y correctly rounded: float(Decimal) rounds once, subnormals included."""
    if x < 0:
        r = exact(-x, y)
        return -r if int(y) % 2 else r
    return float((Decimal(x).ln() * Decimal(y)).exp())


random.seed(311)
cases = []
for i in range(12000):
    kind = i % 8
    if kind == 0:
        x, y = random.uniform(0, 10), random.uniform(-5, 5)
    elif kind == 1:
        x = random.uniform(0, 2)
        y = float(random.choice([0.5, 1.5, -1.5, 2.5, -2.5, 3, -2, 2, 1 / 3, 0.25, 10, -0.5, 7, -7, 33.5]))
    elif kind == 2:
        x, y = random.lognormvariate(0, 10), random.uniform(-3, 3)
    elif kind == 3:
        x, y = random.uniform(0.9, 1.1), random.uniform(-300, 300)
    elif kind == 4:
        x, y = 1 + random.uniform(-1e-6, 1e-6), random.uniform(-1e8, 1e8)
    elif kind == 5:
        x, y = random.uniform(1e-3, 1e3), float(random.randint(-120, 120))
    elif kind == 6:
        x, y = -random.uniform(0, 10), float(random.randint(-40, 40))
    else:
        x, y = random.uniform(1.5, 3), random.uniform(-1075, -900)
    try:
        r = x ** y
    except (OverflowError, ZeroDivisionError):
        continue
    if isinstance(r, complex):
        continue
    cases.append("%s %s %s %s" % (x.hex(), y.hex(), r.hex(), exact(x, y).hex()))
with open("pow_cases.txt", "w") as f:
    f.write("# x y glibc-pow(x,y) correctly-rounded(x**y) (float.hex); see gen_pow_cases.py\n")
    f.write("\n".join(cases) + "\n")
print(len(cases), "cases")
