import zipfile, io
b = io.BytesIO()
with zipfile.ZipFile(b, "w") as z:
    z.writestr("a.txt", "hello")
with zipfile.ZipFile(io.BytesIO(b.getvalue())) as z:
    print(z.namelist(), z.read("a.txt"))
