import time
t = time.gmtime(0); print(t, time.strftime("%Y-%m-%d %H:%M:%S", t), time.asctime(t), tuple(time.strptime("1999-12-31", "%Y-%m-%d"))[:6])
print(time.monotonic() > 0, time.time() > 1e9, time.mktime(time.gmtime(86400 * 365)) != 0)
