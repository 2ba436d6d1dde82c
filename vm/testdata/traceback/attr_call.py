class Box:
    pass
b = Box()
print("start")
value = b.content.strip()
