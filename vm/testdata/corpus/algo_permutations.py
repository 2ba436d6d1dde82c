def perms(seq):
    if len(seq) <= 1:
        yield list(seq); return
    for i, x in enumerate(seq):
        for rest in perms(seq[:i] + seq[i + 1:]):
            yield [x] + rest
def combos(seq, k):
    if k == 0:
        yield []; return
    for i in range(len(seq)):
        for rest in combos(seq[i + 1:], k - 1):
            yield [seq[i]] + rest
def powerset(s):
    out = [[]]
    for x in s:
        out += [y + [x] for y in out]
    return out
print(list(perms([1, 2, 3])), len(list(perms(list(range(6))))))
print(list(combos("abcd", 2)), len(list(combos(list(range(10)), 4))))
print(sorted(powerset([1, 2, 3]), key=lambda s: (len(s), s)))
