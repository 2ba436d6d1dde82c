import sys
print(sys.get_int_max_str_digits())
x = 10 ** 5000
try:
    s = str(x)
except ValueError as e:
    print("ValueError:", str(e)[:60])
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", str(e)[:60])
sys.set_int_max_str_digits(6000)
print(len(str(x)))
print(int("1" * 5000) % 1000)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
