import heapq, bisect, operator
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=operator.itemgetter(1)), heapq.nsmallest(1, rows, key=lambda r: r[1]), bisect.bisect([1, 3, 5], 4))
