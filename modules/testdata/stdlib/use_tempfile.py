import tempfile, os
with tempfile.TemporaryDirectory() as d:
    with tempfile.NamedTemporaryFile("w", dir=d, suffix=".txt", delete=False) as f:
        f.write("x")
    print(os.path.exists(f.name), f.name.endswith(".txt"), os.path.dirname(f.name) == d)
print(os.path.exists(d))
with tempfile.TemporaryFile() as t:
    t.write(b"abc"); t.seek(0); print(t.read())
