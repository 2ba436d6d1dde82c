import fnmatch
print(fnmatch.fnmatch("a.py", "*.py"), fnmatch.filter(["a.c", "b.h", "c.c"], "*.c"), fnmatch.translate("a?[!x]*"))
