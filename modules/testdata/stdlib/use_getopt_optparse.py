import getopt, optparse
print(getopt.getopt(["-a", "-b", "val", "rest"], "ab:"))
p = optparse.OptionParser(); p.add_option("-n", type="int", dest="n"); o, rest = p.parse_args(["-n", "3", "x"]); print(o.n, rest)
