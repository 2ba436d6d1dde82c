# Files written and never closed: CPython writes their buffers when the file object dies (and at
# exit); gopyc has no finalizers, so it writes them before any open, stat or child process and
# at exit. Whatever reads the file back sees the data.
import os
import subprocess
import sys
import tarfile
import tempfile
import io

d = tempfile.mkdtemp()
p = os.path.join(d, "f")
open(p, "w").write("x")
print(os.stat(p).st_size, open(p).read())

q = os.path.join(d, "g")
open(q, "wb").write(b"tar me")
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w") as t:
    t.add(q, arcname="g")
buf.seek(0)
with tarfile.open(fileobj=buf) as t:
    print(t.extractfile("g").read())

r = os.path.join(d, "h")
open(r, "w").write("seen by a child")
print(subprocess.run(["cat", r], capture_output=True).stdout)

s = os.path.join(d, "i")
code = "f = open(%r, 'w'); f.write('written at exit'); import sys; sys.exit(0)" % s
subprocess.run([sys.executable, "-S", "-c", code])
print(open(s).read())

# Descriptors of file objects nobody closed are given back when the objects become garbage (and
# an open that runs out of descriptors collects first): 3000 unclosed reads and writes do not
# run out even under a low descriptor limit.
child = """
import sys
p, q = sys.argv[1], sys.argv[2]
for i in range(3000):
    data = open(p).read()
for i in range(3000):
    open(q, "w").write("round %d" % i)
print(data, open(q).read())
"""
out = subprocess.run(["sh", "-c", 'ulimit -n 256 && exec "$0" -S -c "$1" "$2" "$3"', sys.executable, child, p, q],
                     capture_output=True, text=True)
print(out.returncode, out.stdout.strip(), out.stderr.strip()[-200:])
