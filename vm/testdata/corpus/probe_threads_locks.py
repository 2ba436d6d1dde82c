import _thread, time
lock = _thread.allocate_lock()
counter = [0]
done = []
def work(n):
    for i in range(n):
        with lock:
            counter[0] += 1
    with lock:
        done.append(n)
for n in (1000, 2000, 3000):
    _thread.start_new_thread(work, (n,))
while True:
    with lock:
        if len(done) == 3:
            break
    time.sleep(0.001)
print(counter[0], sorted(done))
def busy(tag, out):
    s = 0
    for i in range(200000):
        s += i
    out.append((tag, s))
out = []
for t in "ab":
    _thread.start_new_thread(busy, (t, out))
while len(out) < 2:
    time.sleep(0.001)
print(sorted(out))
