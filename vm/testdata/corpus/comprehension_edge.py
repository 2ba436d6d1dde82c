print([x for x in []], {x: 1 for x in ()}, {x for x in ""}, list(x for x in range(0)))
print([(x, y) for x in range(3) if x for y in "ab" if y != "a"])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print([i for i in range(10)][::3], [c.upper() for c in "hi" if c.isalpha()])
x = 10
print([x for x in range(3)], x)
print({k: [v for v in range(k)] for k in range(4)})
print(sum([[1], [2, 3]], []), [*map(lambda p: p[0] * p[1], zip(range(3), range(3, 6)))])
