import difflib
a = "one two three four".split(); b = "one three four five".split()
print(list(difflib.unified_diff(a, b, lineterm="")))
print(difflib.SequenceMatcher(None, "abcd", "bcde").ratio(), difflib.get_close_matches("appel", ["ape", "apple", "peach"]))
