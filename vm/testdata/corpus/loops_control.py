for i in range(10):
    if i == 2: continue
    if i == 6: break
    print(i, end=" ")
else:
    print("no break")
print()
for i in range(3):
    pass
else:
    print("else ran", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0: break
print("n", n)
for i, c in enumerate("ab"):
    for j in range(3):
        if j == 1: break
        print(i, c, j)
result = []
for x in [1, 2, 3]:
    try:
        if x == 2:
            continue
        result.append(x)
    finally:
        result.append("f")
print(result)
