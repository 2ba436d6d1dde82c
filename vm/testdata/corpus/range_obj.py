r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], 5 in r, 6 in r, r.index(8), r.count(8))
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)), range(0, 10, 2)[::2])
print(range(3) == range(0, 3), range(0) == range(5, 5), list(reversed(range(4))), sum(range(101)))
print(range(10).start, range(10).stop, range(1, 10, 2).step, bool(range(0)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(10)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
