import linecache
print(repr(linecache.getline(__file__, 1)), linecache.getline("/nonexistent", 1) == "")
