import os.path as p
print(p.join("a", "b", "c"), p.split("/x/y/z.txt"), p.splitext("a/b.tar.gz"), p.basename("/a/b"), p.dirname("/a/b"))
print(p.normpath("/a/./b/../c//d"), p.isabs("/x"), p.isabs("x"), p.commonprefix(["abc", "abd"]), p.commonpath(["/a/b/c", "/a/b/d"]))
print(p.relpath("/a/b/c", "/a/d"), p.expanduser("~") != "~", p.exists("/"), p.isfile("/"), p.splitdrive("/x"))
print(p.abspath("/a/b/../c"), p.normcase("AbC"), p.realpath("/") == "/")
