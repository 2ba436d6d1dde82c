import operator as op
print(op.add(1, 2), op.itemgetter(1, 0)("ab"), op.attrgetter("real")(3), op.methodcaller("upper")("x"))
print(sorted([(1, "b"), (0, "a")], key=op.itemgetter(1)), op.neg(5), op.contains([1], 1), op.index(7), op.length_hint([1, 2]))
