import _thread, time
lock = _thread.allocate_lock()
results = []
done = _thread.allocate_lock()
done.acquire()
def worker(n):
    with lock:
        results.append(n * n)
    if len(results) == 3:
        done.release()
for i in range(3):
    _thread.start_new_thread(worker, (i,))
done.acquire()
print(sorted(results))
print(lock.acquire(), lock.locked(), lock.acquire(False))
lock.release()
print(lock.locked(), isinstance(_thread.get_ident(), int))
time.sleep(0.01)
