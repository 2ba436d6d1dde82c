names = ["bob", "Alice", "carol", "alice", "Bob", "ångström", "zeta", ""]
print(sorted(names), sorted(names, key=str.lower), sorted(names, key=len, reverse=True))
print(max(names), min(names), "a" < "b" < "c", "abc" == "ab" + "c", "a" * 0 == "")
print("apple" > "apple pie", "Z" < "a", "é" > "z", ord("é"))
print(sorted({"b": 1, "a": 2}.items()), sorted([(2, "b"), (1, "z"), (2, "a")]))
