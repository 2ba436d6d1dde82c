import threading
out = []
lock = threading.Lock()
def work(i):
    with lock:
        out.append(i)
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(out), threading.current_thread().name, threading.active_count() >= 1)
e = threading.Event(); e.set(); print(e.is_set())
