# atexit: callbacks run after the main module, last registered first, with their arguments;
# unregister removes every registration of a function; an exception in a callback (SystemExit
# too) is reported and the remaining callbacks still run; the exit status is the main module's.
import atexit
import sys

def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))

def fails():
    raise ValueError("callback failed")

def leaves():
    sys.exit(5)

def removed():
    print("never printed")

atexit.register(fails)
atexit.register(show, 1, 2, key="v")
atexit.register(removed)
atexit.register(leaves)
atexit.register(removed)
atexit.unregister(removed)
atexit.register(show, "last registered")
print("decorator returns the function:", atexit.register(show) is show)
atexit.unregister(show)
atexit.register(show, "again")
print("main module ends")
