import string
print(string.ascii_letters, string.digits, string.punctuation)
print(string.Template("$who likes ${what}").substitute(who="tim", what="pie"), string.capwords("hello   world"))
print(string.Formatter().format("{0:>5}|{name!r}|{1[0]}", 3, [9], name="n"), list(string.Formatter().parse("a{b:c}d")))
