import math
print(math.pi, math.e, math.tau, math.inf, math.sqrt(16), math.sqrt(2))
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(-2.5), type(math.floor(2.5)).__name__)
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.log(math.e), math.log(100, 10), math.log2(8), math.log10(1000), math.exp(1))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 10), math.atan2(1, 1), math.hypot(3, 4))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.copysign(3, -0.0))
print(math.fabs(-3), math.fmod(7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.degrees(math.pi))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
print(math.log(2 ** 1000), math.floor(1e20), math.ceil(-0.5))
