"""End-to-end digits check: prints repr() of 5000 results of each math function, math.atan2,
math.hypot, float ** float, abs(complex), complex ** complex and cmath.exp/sqrt/log, one line
per function. Run it under CPython and under gopyc and compare:

    python3 e2e_digits.py > cpython.txt
    gopyc e2e_digits.py > gopyc.txt
    python3 e2e_digits.py --compare cpython.txt gopyc.txt

The comparison prints, per function, how many of the results differ.
"""
import cmath
import math
import random
import sys


def compare(a_path, b_path):
    a = dict(l.split(" ", 1) for l in open(a_path).read().splitlines())
    b = dict(l.split(" ", 1) for l in open(b_path).read().splitlines())
    for k in a:
        x, y = a[k].split(), b.get(k, "").split()
        print("%-7s %5d of %d differ" % (k, sum(1 for i in range(len(x)) if i >= len(y) or x[i] != y[i]), len(x)))


if len(sys.argv) == 4 and sys.argv[1] == "--compare":
    compare(sys.argv[2], sys.argv[3])
    sys.exit(0)

random.seed(2026)
names = ["exp", "log", "sin", "cos", "tan", "atan", "log10", "log2", "sinh", "tanh", "asin", "acos",
         "cosh", "asinh", "acosh", "sqrt", "expm1", "log1p", "atanh", "exp2", "cbrt", "erf", "erfc", "gamma", "lgamma"]
for name in names:
    f = getattr(math, name)
    out = []
    for i in range(5000):
        if name in ("asin", "acos", "atanh", "erf"):
            x = random.uniform(-1, 1)
        elif name == "acosh":
            x = random.uniform(1, 100)
        elif name in ("log", "log10", "log2", "sqrt", "log1p", "gamma", "lgamma"):
            x = random.uniform(0, 100)
        elif name in ("exp", "sinh", "cosh", "expm1", "exp2"):
            x = random.uniform(-50, 50)
        else:
            x = random.uniform(-100, 100)
        out.append(repr(f(x)))
    print(name, " ".join(out))
for name in ["atan2", "hypot", "pow", "cabs"]:
    out = []
    for i in range(5000):
        a, b = random.uniform(-100, 100), random.uniform(-100, 100)
        if name == "pow":
            a = abs(a)
            b = b / 10
            out.append(repr(a ** b))
        elif name == "cabs":
            out.append(repr(abs(complex(a, b))))
        else:
            out.append(repr(getattr(math, name)(a, b)))
    print(name, " ".join(out))
out = []
for i in range(5000):
    a = complex(random.uniform(-10, 10), random.uniform(-10, 10))
    b = complex(random.uniform(-3, 3), random.uniform(-3, 3))
    out.append(repr(a ** b))
print("cpow", " ".join(out))
for name in ["exp", "sqrt", "log", "sin", "atanh"]:
    f = getattr(cmath, name)
    out = []
    for i in range(5000):
        out.append(repr(f(complex(random.uniform(-10, 10), random.uniform(-10, 10)))))
    print("c" + name, " ".join(out))
