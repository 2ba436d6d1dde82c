print("{} {} {}".format(1, "a", [2]))
print("{0} {1} {0}".format("x", "y"))
print("{name}-{age:03d}".format(name="n", age=7))
print("{:>10}|{:<10}|{:^10}|{:*^10}".format("r", "l", "c", "s"))
print("{:+d} {: d} {:,} {:_} {:b} {:o} {:x} {:#X} {:c}".format(5, 5, 1234567, 1234567, 5, 8, 255, 255, 65))
print("{0[0]} {0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3 + 4j))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{{literal}} {}".format(1))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("{:%}".format(0.25), "{:.1%}".format(1 / 3), "{:e}".format(12345.6789))
print(format(1234, ","), format(3, "05"), format("s", "5"), format(True, "d"), format(-0.0, ""))
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
print("{:abc}".format(P()), f"{P():xyz}")
