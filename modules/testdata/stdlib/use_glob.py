import glob, os
d = "/tmp/gopyc_glob_%d" % os.getpid(); os.mkdir(d)
for n in ["a.txt", "b.txt", "c.py"]:
    open(os.path.join(d, n), "w").close()
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, "*.txt"))), glob.escape("a*b"))
for n in os.listdir(d):
    os.remove(os.path.join(d, n))
os.rmdir(d)
