import time, gc
t0 = time.time()
p0 = time.perf_counter()
time.sleep(0.02)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.01, type(time.monotonic()).__name__)
print(gc.isenabled(), gc.collect() >= 0)
gc.disable(); print(gc.isenabled()); gc.enable()
print(type(time.time_ns()).__name__)
