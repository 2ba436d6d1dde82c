a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a * b)
print(a // b, a % b)
print(-a // 7, -a % 7)
print(a - b, b - a)
print(a > b, a == 2**200, hash(a) == hash(2**200))
print((a * b) // a == b)
x = 1
for i in range(1, 60):
    x *= i
print(x)
print(len(str(x)), str(x)[:10])
