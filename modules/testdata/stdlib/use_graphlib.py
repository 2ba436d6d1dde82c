import graphlib
ts = graphlib.TopologicalSorter({"c": {"b"}, "b": {"a"}}); print(list(ts.static_order()))
