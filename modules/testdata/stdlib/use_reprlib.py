import reprlib
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.Repr().repr({1, 2, 3}))
