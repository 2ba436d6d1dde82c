print("before")
def fail():
    raise ValueError("bad value here")
fail()
print("not reached")
