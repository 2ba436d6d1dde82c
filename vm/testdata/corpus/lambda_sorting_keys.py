people = [("Ann", 31, "NY"), ("Bob", 25, "LA"), ("Cid", 31, "LA"), ("Dee", 25, "NY")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (p[2], -p[1])))
print(sorted(people, key=lambda p: p[0], reverse=True))
by_city = {}
for name, age, city in people:
    by_city.setdefault(city, []).append(name)
print(by_city)
print(list(map(lambda p: p[0].lower(), people)), list(filter(lambda p: p[1] > 30, people)))
print(max(people, key=lambda p: (p[1], p[0])), min(people, key=lambda p: len(p[0] + p[2])))
