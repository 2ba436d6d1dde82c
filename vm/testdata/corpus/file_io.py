path = "/tmp/_gopyc_corpus_file_io.txt"
with open(path, "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    print("third", file=f)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    for line in f:
        print(line.rstrip())
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path, "a") as f:
    f.write("appended\n")
f = open(path)
print(len(f.read().splitlines()), f.closed)
f.close()
print(f.closed)
with open(path, "wb") as f:
    f.write(b"\x00\x01bin")
with open(path, "rb") as f:
    print(f.read())
try:
    open("/tmp/_gopyc_no_such_dir/x")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
