import pickle
d = {"a": [1, 2.5, (3, "x")], "b": None, "c": {1, 2}}
print(pickle.loads(pickle.dumps(d)) == d, pickle.loads(pickle.dumps(d, protocol=0)) == d)
