inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf < 0 < inf, nan != nan, nan == nan, inf == inf)
print(1 / inf, -1 / inf, inf / inf, max(1.0, inf), min(-inf, 0))
print(repr(-0.0), 0.0 == -0.0, str(-0.0), abs(-0.0), -0.0 + 0.0)
print(round(inf) if False else "skip", float("-0"), 1e-400 == 0, 1e400 == inf)
print(sorted([3.0, nan, 1.0, inf, -inf])[:1], [x for x in (1.0, nan) if x == x])
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0) == hash(0), (1e300 * 1e10))
import math
print(math.isinf(1e308 * 10), math.copysign(1, -0.0), math.floor(-0.5), math.isnan(inf - inf))
