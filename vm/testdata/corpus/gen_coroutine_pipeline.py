def printer():
    while True:
        item = yield
        print("got", item)
def filt(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
def mapper(fn, target):
    while True:
        target.send(fn((yield)))
p = printer(); next(p)
f = filt(lambda x: x % 2 == 0, p); next(f)
m = mapper(lambda x: x * 10, f); next(m)
for i in range(5):
    m.send(i)
m.close(); f.close(); p.close()
print("pipeline closed")
