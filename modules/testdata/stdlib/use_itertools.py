import itertools as it
print(list(it.permutations("abc", 2)), list(it.combinations(range(4), 3)), list(it.product("ab", [0, 1])))
print(list(it.accumulate([1, 2, 3, 4], lambda a, b: a * b)), list(it.chain.from_iterable([[1], [2, 3]])))
print([(k, len(list(g))) for k, g in it.groupby(sorted("abracadabra"))], list(it.islice(it.count(10, 5), 3)))
print(list(it.zip_longest("abc", "de", fillvalue="*")), list(it.starmap(max, [(1, 5), (7, 2)])), list(it.pairwise("abcd")))
a, b = it.tee(range(3)); print(list(a), list(b), list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(it.takewhile(lambda x: x < 3, range(10))), list(it.filterfalse(lambda x: x % 2, range(6))), list(it.repeat("x", 3)))
print(list(it.combinations_with_replacement("ab", 3)), list(it.islice(it.cycle("xy"), 5)))
