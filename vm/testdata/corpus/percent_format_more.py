print("%5.1f%%" % 99.55, "%-8s|" % "ab", "%08.3f" % -3.14159, "%+05d" % 42, "%x %X %o" % (3054, 3054, 8))
print("%s %s %s" % (None, True, [1]), "%r %a" % ("é", "é"), "%(a)s-%(a)s" % {"a": 1})
print("%e" % 0.000123456, "%g %g" % (1e-5, 123456789), "%.0e" % 15000, "%10.4s|" % "abcdefg")
print("%c%c" % ("x", 0x263A), "%d" % 3.99, "%i" % True, "%5s" % "é", "%#x %#o" % (255, 8))
try:
    "%z" % 1
except ValueError as e:
    print("ValueError:", e)
try:
    "%(k)s" % (1,)
except TypeError as e:
    print("TypeError:", e)
print(b"%d %s %r" % (1, b"b", b"r"), b"%5.2f" % 1.5, b"%x" % 255)
