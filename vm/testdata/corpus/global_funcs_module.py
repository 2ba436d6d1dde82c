counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def make():
    global created
    created = "yes"
make()
print(created)
def reader():
    return counter * 2
print(reader(), globals()["counter"], "bump" in globals())
g = globals()
g["dynamic"] = 42
print(dynamic)
del g["dynamic"]
try:
    dynamic
except NameError as e:
    print("NameError:", e)
