try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)
def f():
    try:
        1/0
    except ZeroDivisionError as e:
        x = e
    return x
print(repr(f()))
