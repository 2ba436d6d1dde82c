import math
print(math.pi, math.e, math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.gcd(12, 18), math.factorial(20))
print(math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.log(100, 10), math.hypot(3, 4), math.inf, math.isnan(math.nan))
print(math.fsum([0.1] * 10), math.prod([1, 2, 3]), math.copysign(1, -0.0), math.trunc(-2.5), math.degrees(math.pi))
