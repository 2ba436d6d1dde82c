# float ** float, int ** negative int and math.pow print exactly CPython's digits (its C library's
# pow is correctly rounded in all but very rare cases; so is gopyc's).
import math

state = 12345
def rand():
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state / 2**31

out = []
for i in range(120):
    x = rand() * 10
    y = rand() * 8 - 4
    out.append(repr(x ** y))
print(" ".join(out[:40]))
print(" ".join(out[40:80]))
print(" ".join(out[80:]))
print([(1 + i / 997) ** 250.5 for i in range(10)])
print([2.0 ** -1070.5, 0.5 ** 1074, 10.0 ** -310, 1.5 ** 1700, 1.0000001 ** 7e6])
print([3 ** -i for i in range(1, 12)])
print([math.pow(i / 3, 1 / 3) for i in range(1, 10)])
print([(i / 7) ** -1.5 for i in range(1, 10)], [(i / 7) ** 2.5 for i in range(1, 10)])
print((-2.0) ** 3, (-2.0) ** -3, (-8.0) ** (1 / 3))
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError", e)
