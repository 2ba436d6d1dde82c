def f(a, b=2, *c, d, **e): "doc"
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_flags & 0x04 != 0, f.__code__.co_flags & 0x08 != 0, f.__doc__, f.__code__.co_nlocals)
class C:
    def m(self): pass
print(type(C.m).__name__, type(C().m).__name__, type(print).__name__, type(str.upper).__name__, type([].append).__name__)
print(len.__name__, abs.__qualname__, str.upper.__qualname__, C.m.__qualname__)
