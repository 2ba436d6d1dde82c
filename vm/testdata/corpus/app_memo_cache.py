def lru(maxsize):
    def deco(fn):
        cache, order = {}, []
        def wrapper(*args):
            if args in cache:
                order.remove(args); order.append(args)
                wrapper.hits += 1
                return cache[args]
            wrapper.misses += 1
            v = fn(*args)
            cache[args] = v; order.append(args)
            if len(order) > maxsize:
                del cache[order.pop(0)]
            return v
        wrapper.hits = wrapper.misses = 0
        return wrapper
    return deco
@lru(100)
def paths(r, c):
    if r == 0 or c == 0: return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), paths.hits, paths.misses)
@lru(2)
def sq(x): return x * x
for x in [1, 2, 1, 3, 2, 1]:
    sq(x)
print(sq.hits, sq.misses)
