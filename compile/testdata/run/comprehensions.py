xs = [1, 2, 3, 4, 5]
print([x * x for x in xs if x % 2])
print({x: x ** 2 for x in xs})
print({x % 3 for x in xs})
print(list(x + y for x in xs for y in (10, 20) if y > x))
print([[j for j in range(i)] for i in range(4)])
print(sum(x for x in range(100)))
print([y for x in xs for y in [x * 2]])
def closure_comp():
    k = 10
    return [lambda: i + k for i in range(3)]
print([f() for f in closure_comp()])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    tot = sum(vals)
print(C.doubled, C.tot)
print([(a, b) for a, b in zip("ab", "cd")])
print([n for n in range(20) if n % 2 if n % 3])
data = {"a": 1, "b": 2}
print(sorted((v, k) for k, v in data.items()))
print([z := 5, z + 1])
def walrus():
    return [y for x in range(5) if (y := x * 3) > 4], y
print(walrus())
gen = (i for i in range(3))
print(next(gen), list(gen))
print(*[1, 2], *(3, 4), sep="-")
print({**data, "c": 3, **{"d": 4}})
print([*range(3), *"ab"])
a, *b, c = range(6)
print(a, b, c)
(d, e), f = (1, 2), 3
print(d, e, f)
first, *_ = "xyz"
print(first)
