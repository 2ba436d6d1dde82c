data = {"users": [{"name": "ann"}]}
def lookup(key):
    return data["users"][0][key]
print(lookup("name"))
print(lookup("email"))
