evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(sorted(evens & threes), sorted(evens | threes)[:6], sorted(evens - threes), sorted(evens ^ threes)[:5])
print(len(evens), 4 in evens, evens.isdisjoint({1, 3}), {1, 2} <= evens | {1})
words = ["apple", "banana", "cherry", "avocado"]
print(sorted({w[0] for w in words}), {len(w) for w in words} == {5, 6, 7})
s = set("mississippi")
print(sorted(s), len(s))
print(sorted(set([3, 1, 2]) | frozenset([4])), type(frozenset([1]) & {1}).__name__)
