for s in ["straße", "ǅungla", "İstanbul", "Ǆ", "ß"]:
    print(s, s.upper(), s.lower(), s.title(), s.swapcase(), s.casefold(), s.capitalize())
