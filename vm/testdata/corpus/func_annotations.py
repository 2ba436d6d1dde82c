def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
class C:
    x: int
    y: str = "s"
print(C.__annotations__, C.y)
def g(): pass
print(g.__annotations__, g.__doc__)
def h():
    "docstring here"
print(h.__doc__)
x: int = 5
print(x, __annotations__)
