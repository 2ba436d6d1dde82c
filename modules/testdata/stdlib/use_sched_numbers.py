import numbers, fractions, decimal
print(isinstance(1, numbers.Integral), isinstance(1.0, numbers.Real), isinstance(fractions.Fraction(1, 2), numbers.Rational), isinstance(decimal.Decimal(1), numbers.Number))
