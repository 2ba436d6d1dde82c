students = [("ann", [90, 85, 77]), ("bob", [60, 75, 80]), ("cid", [95, 92, 98]), ("dee", [70, 65, 50])]
def grade(avg):
    if avg >= 90: return "A"
    if avg >= 80: return "B"
    if avg >= 70: return "C"
    if avg >= 60: return "D"
    return "F"
report = []
for name, scores in students:
    avg = sum(scores) / len(scores)
    report.append((name, round(avg, 1), grade(avg)))
for r in sorted(report, key=lambda r: -r[1]):
    print("%-4s %5.1f %s" % r)
by_grade = {}
for name, avg, g in report:
    by_grade.setdefault(g, []).append(name)
print(dict(sorted(by_grade.items())))
print(max(report, key=lambda r: r[1])[0], min(s for _, sc in students for s in sc))
