try:
    e = ValueError("base")
    e.add_note("note one")
    e.add_note("note two")
    raise e
except ValueError as err:
    print(err.__notes__)
try:
    ValueError().add_note(5)
except TypeError as e:
    print("TypeError:", e)
