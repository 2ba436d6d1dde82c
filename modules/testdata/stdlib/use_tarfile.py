import tarfile, io
b = io.BytesIO()
with tarfile.open(fileobj=b, mode="w") as t:
    data = b"hello tar"
    ti = tarfile.TarInfo("a.txt"); ti.size = len(data); ti.mtime = 0; t.addfile(ti, io.BytesIO(data))
b.seek(0)
with tarfile.open(fileobj=b) as t:
    print(t.getnames(), t.extractfile("a.txt").read())
