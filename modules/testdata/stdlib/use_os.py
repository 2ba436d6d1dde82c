import os
print(os.name, os.sep, os.curdir, os.pardir, os.linesep == "\n")
d = os.path.join(os.environ.get("TMPDIR_TEST", "/tmp"), "gopyc_os_test_%d" % os.getpid())
os.makedirs(os.path.join(d, "a", "b"), exist_ok=True)
with open(os.path.join(d, "a", "f.txt"), "w") as f:
    f.write("hello")
print(sorted(os.listdir(os.path.join(d, "a"))))
st = os.stat(os.path.join(d, "a", "f.txt")); print(st.st_size, oct(st.st_mode & 0o777 | 0)[:2], type(st.st_mtime).__name__)
print(sorted((r[len(d):], sorted(ds), sorted(fs)) for r, ds, fs in os.walk(d)))
os.rename(os.path.join(d, "a", "f.txt"), os.path.join(d, "g.txt"))
print(os.path.exists(os.path.join(d, "g.txt")), os.path.isdir(os.path.join(d, "a")))
print(sorted(e.name for e in os.scandir(d)), [e.is_dir() for e in sorted(os.scandir(d), key=lambda e: e.name)])
os.remove(os.path.join(d, "g.txt")); os.removedirs(os.path.join(d, "a", "b"))
print(os.path.exists(d))
try:
    os.stat(os.path.join(d, "nope"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
os.environ["GOPYC_X"] = "1"; print(os.environ["GOPYC_X"], os.getenv("GOPYC_NOPE", "dflt"), "GOPYC_X" in os.environ)
print(os.fspath("abc"), os.fsencode("é"), os.fsdecode(b"x"), os.getcwd() == os.path.abspath("."))
print(os.strerror(2), os.cpu_count() > 0, isinstance(os.getpid(), int), os.get_terminal_size.__name__)
