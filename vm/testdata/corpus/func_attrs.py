def f(x, y=1):
    "doc"
    return x + y
f.custom = 42
print(f.custom, f.__dict__, f.__doc__, f.__module__, type(f).__name__)
f.__defaults__ = (10,)
print(f(1))
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
class A:
    def m(self): pass
    class B:
        def n(self): pass
print(A.m.__qualname__, A.B.n.__qualname__, A().m.__name__, A().m.__self__.__class__.__name__)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__, (lambda: 0).__name__)
print(f.__code__.co_name, f.__code__.co_filename.endswith(".py"), f.__code__.co_firstlineno)
