def src():
    for i in range(5):
        print("produce", i)
        yield i
g = (x * 10 for x in src())
print("created")
print(next(g))
print(next(g))
print(list(g))
evens = (i for i in range(10) if i % 2 == 0)
print(sum(evens), sum(evens))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
