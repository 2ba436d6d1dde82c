def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 != 2)
print(v(1) < v(2) < v(0) < v(5))
x = 5
print(0 <= x < 10, 0 < x > 3, x in range(10) in [range(10)], None is None is not 1)
print(1 < 2 == True)
