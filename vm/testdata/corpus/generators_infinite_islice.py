def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step
def islice(it, n):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return
def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
print(list(islice(count(10, 5), 4)), list(takewhile(lambda x: x < 20, count(15))))
print(list(islice("ab", 5)), sum(islice(count(), 101)))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1], (2, 3), "xy", range(2))))
