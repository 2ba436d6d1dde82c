class A:
    "A docstring"
    x = 1
class B(A): pass
print(A.__name__, A.__qualname__, A.__module__, A.__doc__, B.__doc__, A.__bases__, B.__bases__)
print(A.__mro__, B.__base__, type(A), type(type), object.__bases__, A.__class__)
print(B().__class__ is B, B.__subclasses__(), A.__subclasses__(), isinstance(A, type))
print(int.__mro__, bool.__mro__, type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
