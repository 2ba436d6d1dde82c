import sys
try:
    raise KeyError("first")
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exception()))
    try:
        raise ValueError("second")
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info(), sys.exception())
def gen():
    try:
        yield 1
        raise TypeError("in gen")
    except TypeError as e:
        yield repr(e)
print(list(gen()))
