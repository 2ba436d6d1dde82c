import inspect
def f(a, b=2, *args, c, d=4, **kw) -> int:
    "doc"
    return a
print(inspect.signature(f), inspect.getdoc(f), inspect.isfunction(f), inspect.isclass(int))
print(list(inspect.signature(f).parameters), inspect.getfullargspec(f).args)
class C:
    def m(self): pass
print(inspect.ismethod(C().m), [n for n, _ in inspect.getmembers(C, inspect.isfunction)])
print(inspect.getsource(f).splitlines()[0])
