import configparser
c = configparser.ConfigParser(); c.read_string("[s]\na = 1\nb = x y\n[t]\nc = %(a)s\n")
print(c.sections(), c["s"]["a"], c.getint("s", "a"), c.get("s", "b"), dict(c["s"]))
