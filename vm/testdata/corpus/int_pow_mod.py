print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000007))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -2))
print(2 ** -1, 10 ** -3, (-2) ** 3, (-2) ** -3)
print(pow(-3, 3, 5), pow(3, 3, -5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
