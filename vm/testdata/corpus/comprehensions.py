print([x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0])
print({x: x ** 2 for x in range(4)}, {c for c in "hello"}, [(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)], [y for x in [[1, 2], [3]] for y in x])
x = "outer"
l = [x for x in "ab"]
print(l, x)
class C:
    v = 5
    items = [i * 2 for i in range(3)]
print(C.items)
m = [[0] * 3 for _ in range(2)]
m[0][0] = 1
print(m)
print({k: v for k, v in zip("abc", range(3)) if v}, [n for n in range(20) if n > 2 if n % 5 == 0])
print([i if i % 2 else -i for i in range(5)], dict((k, 1) for k in "xy"))
