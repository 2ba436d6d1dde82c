data = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(["Banana", "apple", "cherry"], key=str.lower))
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: 1, 1: 2}))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (-len(w), w)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
x = [5, 2, 8]
x.sort(key=lambda v: -v)
print(x, min(x), max(x), min(x, key=lambda v: -v), max([], default=0), max(1, 5, 3))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
