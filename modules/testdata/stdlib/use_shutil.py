import shutil, os
d = "/tmp/gopyc_sh_%d" % os.getpid(); os.makedirs(d + "/src/sub")
with open(d + "/src/sub/f", "w") as f:
    f.write("data")
shutil.copytree(d + "/src", d + "/dst"); print(open(d + "/dst/sub/f").read())
shutil.copy(d + "/src/sub/f", d + "/g"); shutil.move(d + "/g", d + "/h"); print(sorted(os.listdir(d)))
shutil.rmtree(d); print(os.path.exists(d), shutil.which("sh") is not None)
