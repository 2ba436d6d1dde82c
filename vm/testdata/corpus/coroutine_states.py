async def co():
    return 1
c = co()
print(type(c).__name__, c.cr_running, c.__name__)
try:
    c.send(None)
except StopIteration as e:
    print("first", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
c2 = co()
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
