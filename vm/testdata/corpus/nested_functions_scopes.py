def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(2)(3))
def make_adders():
    return {n: (lambda x, n=n: x + n) for n in range(3)}
adders = make_adders()
print([adders[k](10) for k in adders])
def counter_gen():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def reset():
        nonlocal count
        count = 0
    return inc, reset
inc, reset = counter_gen()
inc(); inc(); print(inc()); reset(); print(inc())
x = 1
def read_global(): return x
def shadow():
    x = 2
    return read_global()
print(shadow())
