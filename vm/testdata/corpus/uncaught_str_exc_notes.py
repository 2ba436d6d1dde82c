e = TypeError('t')
e.add_note('a note')
raise e
