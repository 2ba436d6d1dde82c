def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for _, x in zip(range(n), it):
        yield x
def evens(it):
    return (x for x in it if x % 2 == 0)
def squares(it):
    for x in it:
        yield x * x
print(list(take(5, squares(evens(numbers())))))
def chunk(seq, k):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == k:
            yield buf
            buf = []
    if buf:
        yield buf
print(list(chunk(range(7), 3)))
def flatten(x):
    for y in x:
        if isinstance(y, list):
            yield from flatten(y)
        else:
            yield y
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
