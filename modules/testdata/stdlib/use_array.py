import array
a = array.array("i", [1, 2, 3]); a.append(4); print(a, a.tobytes()[:8], a.itemsize, array.array("d", [1.5]).tolist())
