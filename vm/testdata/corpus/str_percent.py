print("%d %i %5d %-5d| %05d %+d %x %X %o %#x %#o" % (1, 2, 3, 4, 5, 6, 255, 255, 8, 255, 8))
print("%s and %s" % ("a", "b"), "%%", "%c%c" % (65, "b"), "%r" % [1, "x"])
print("%(name)s is %(age)d" % {"name": "Bob", "age": 42})
print("%.3s|%10.4f|%-10.1e|%g" % ("abcdef", 3.14159, 12345.678, 0.00001234))
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % ("a", "b")
except TypeError as e:
    print("TypeError:", e)
print("%s" % (1,), "%s" % [1, 2], "%d%%" % 50)
