from decimal import Decimal as D, getcontext, ROUND_HALF_UP
print(D("0.1") + D("0.2"), D(1) / D(3), D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_UP), D("1e3").normalize())
getcontext().prec = 6; print(D(2).sqrt(), D("10") ** 3, D("-0"), D("NaN").is_nan())
