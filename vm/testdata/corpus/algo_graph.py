from_edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g")]
graph = {}
for u, v in from_edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)
def bfs(start):
    seen, order, queue = {start}, [], [start]
    while queue:
        n = queue.pop(0)
        order.append(n)
        for m in sorted(graph[n]):
            if m not in seen:
                seen.add(m); queue.append(m)
    return order
def dfs(n, seen=None):
    seen = seen if seen is not None else []
    seen.append(n)
    for m in sorted(graph[n]):
        if m not in seen:
            dfs(m, seen)
    return seen
def components():
    seen, comps = set(), []
    for n in sorted(graph):
        if n not in seen:
            c = bfs(n); seen |= set(c); comps.append(sorted(c))
    return comps
print(bfs("a"), dfs("a"), components())
dist = {"a": 0}
frontier = ["a"]
while frontier:
    nxt = []
    for n in frontier:
        for m in graph[n]:
            if m not in dist:
                dist[m] = dist[n] + 1; nxt.append(m)
    frontier = nxt
print(sorted(dist.items()))
