import queue
q = queue.Queue(); [q.put(i) for i in range(3)]; print([q.get() for _ in range(3)], q.empty())
p = queue.PriorityQueue(); [p.put(x) for x in (3, 1, 2)]; print([p.get() for _ in range(3)])
l = queue.LifoQueue(); l.put(1); l.put(2); print(l.get())
