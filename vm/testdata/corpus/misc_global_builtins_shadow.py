import builtins
print(builtins.len("abc"), builtins is __builtins__ or isinstance(__builtins__, dict))
def len(x): return "shadowed"
print(len([1, 2]), builtins.len([1, 2]))
del len
print(len([1, 2]))
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
