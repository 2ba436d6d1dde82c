def g(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append("cleanup")
log = []
for x in g(log):
    if x == 2:
        break
print(log)
it = g(log)
next(it)
del it
log2 = []
gen = g(log2)
print(next(gen), next(gen))
gen.close()
print(log2, list(gen))
def counted():
    n = 0
    try:
        while True:
            n += 1
            yield n
    except GeneratorExit:
        print("exit after", n)
c = counted()
for _ in range(3): next(c)
c.close()
