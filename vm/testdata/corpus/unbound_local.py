x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def g():
    if False:
        z = 1
    return z
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
