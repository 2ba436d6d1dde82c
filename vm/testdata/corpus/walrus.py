data = [1, 5, 12, 7, 20]
print([y for x in data if (y := x * 2) > 10], y)
if (n := len(data)) > 3:
    print("long", n)
def f():
    out = []
    while (v := (yield)) is not None:
        out.append(v)
    return out
print([z := 5, z + 1])
total = 0
print([total := total + i for i in range(4)], total)
