a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-2], a[-3:-1], a[5:2], a[100:], a[-100:2])
a[2:4] = ["x", "y", "z"]; print(a)
a[::2] = range(6); print(a)
del a[1:3]; print(a)
del a[::2]; print(a)
a[:] = []; print(a)
b = [1, 2, 3]
b[1:1] = [9, 9]; print(b)
b[-1:] = []; print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    b[10]
except IndexError as e:
    print("IndexError:", e)
try:
    b[10] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    b["x"]
except TypeError as e:
    print("TypeError:", e)
print(b[True], b[-1], [1, 2, 3][1:][::-1])
