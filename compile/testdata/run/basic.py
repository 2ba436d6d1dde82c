x = 1
y = x + 2
print(x, y)
def f(a, b=2, *args, c, d=4, **kw):
    return a + b + c + d + len(args) + len(kw)
print(f(1, c=3))
class C:
    z = 5
    def m(self):
        return self.z * 2
print(C().m())
for i in range(3):
    if i % 2:
        print("odd", i)
    else:
        print("even", i)
