"""Module docstring."""
import sys

def f():
    "function docstring"
    assert sys.flags.optimize == 0, "assert ran under -O"
    return f.__doc__

class C:
    "class docstring"
    def m(self):
        """method doc"""

print(__doc__, f.__doc__, C.__doc__, C.m.__doc__)
try:
    print(f())
except AssertionError as e:
    print("assertion:", e)
if __debug__:
    print("debug on")
else:
    print("debug off")
print(__debug__, sys.flags.optimize)
x = 0
assert (x := 1)
print(x)
while __debug__:
    print("loop once")
    break
print(not __debug__, 1 if __debug__ else 2)
