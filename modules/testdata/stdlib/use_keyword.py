import keyword
print(keyword.iskeyword("for"), keyword.iskeyword("x"), len(keyword.kwlist), keyword.softkwlist)
