f = frozenset([3, 1, 2])
g = frozenset("ab")
print(f, len(f), 1 in f, f | {4}, f & {1, 9}, f - {1}, type(f | {4}).__name__, type({4} | f).__name__)
print(hash(f) == hash(frozenset([1, 2, 3])), {f: "v"}[frozenset([1, 2, 3])])
print(frozenset(), frozenset(f) is f, f.copy() is f, sorted(g))
print({frozenset({1}), frozenset({1})}, f.union([7]).issuperset(f))
s = {1, 2}
print(frozenset({1, 2}) in {frozenset({1, 2})}, s in {frozenset({1, 2})})
