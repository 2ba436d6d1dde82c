x = "global"
def f():
    x = "local f"
    def g():
        nonlocal x
        x = "changed by g"
    g()
    return x
print(f(), x)
def h():
    global x
    x = "changed global"
h()
print(x)
def counter():
    count = 0
    def incr(by=1):
        nonlocal count
        count += by
        return count
    def get():
        return count
    return incr, get
inc, get = counter()
inc(); inc(5)
print(get())
class K:
    a = 1
    b = a + 1
    def m(self):
        try:
            return a
        except NameError as e:
            return "NameError: " + str(e)
print(K.b, K().m())
def shadow():
    len = lambda x: "shadowed"
    return len([1, 2])
print(shadow(), len([1, 2]))
