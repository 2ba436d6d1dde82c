total = 0
for i in range(10):
    if i == 3:
        continue
    if i == 8:
        break
    total += i
else:
    print("not reached")
print(total)
for i in range(3):
    pass
else:
    print("else ran", i)
n = 0
while True:
    n += 1
    if n > 5:
        break
print(n)
while n:
    n -= 1
print(n)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for k in {"x": 1}:
    print(k)
for c in "ab":
    for d in "cd":
        if d == "d":
            break
        print(c, d)
it = iter([1, 2, 3])
for x in it:
    print(x)
i = 0
while i < 3:
    i += 1
    try:
        if i == 2:
            continue
    finally:
        print("f", i)
def gen():
    i = 0
    while True:
        yield i
        i += 1
        if i > 3:
            return
print(list(gen()))
for x in [1, 2, 3]:
    print(x)
for x in {1, 2, 3}:
    pass
print(x in {1, 2, 3}, x in [4, 5])
