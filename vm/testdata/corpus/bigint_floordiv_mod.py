# Big-int // and % (the discarded half of the division goes to a per-thread scratch): signs, zero.
import sys
sys.set_int_max_str_digits(0)
for a in [10**30 + 7, -(10**30 + 7), 10**30, -(10**30)]:
    for b in [7, -7, 10**20 + 3, -(10**20 + 3), 10**15, 2**64]:
        print(a // b, a % b, divmod(a, b), (a * b) // b == a, a % b + (a // b) * b == a)
print(12 // 5, -12 // 5, 12 % -5, (3**200) // (3**100) == 3**100, (3**200) % 7)
try:
    (10**30) // 0
except ZeroDivisionError as e:
    print(e)
try:
    (10**30) % 0
except ZeroDivisionError as e:
    print(e)
