import copy
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(9); print(b, c)
class P:
    def __init__(self): self.x = [1]
p = copy.deepcopy(P()); print(p.x)
