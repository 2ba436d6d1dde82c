import sys
lines = ["a", "bb", "", "ccc"]
it = iter(lines)
while (line := next(it, None)) is not None:
    if not line:
        continue
    print(line, len(line))
nums = [3, 8, 1, 9, 4]
if any((big := n) > 7 for n in nums):
    print("first big", big)
print([(x, y) for x in range(4) if (y := x * x) % 2 == 0])
def f():
    if (n := 10) > 5:
        return n
print(f())
