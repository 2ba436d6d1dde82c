tests = ["abc", "ABC", "Abc", "123", "½", "²", "١٢٣", "a1", " ", "\t\n", "", "ab c", "_id", "1st", "ñ", "x\u0301"]
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.isidentifier(), s.islower(), s.isupper(), s.isprintable(), s.isascii())
