from fractions import Fraction as F
print(F(1, 3) + F(1, 6), F("3/4") * 2, F(0.75), F(10, 4), F(1, 3) < F(1, 2), float(F(1, 8)), F(355, 113).limit_denominator(10))
