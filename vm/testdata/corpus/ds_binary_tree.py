class BST:
    def __init__(self): self.root = None
    def insert(self, k):
        if self.root is None:
            self.root = [k, None, None]; return
        n = self.root
        while True:
            i = 1 if k < n[0] else 2
            if n[i] is None:
                n[i] = [k, None, None]; return
            n = n[i]
    def inorder(self):
        def walk(n):
            if n:
                yield from walk(n[1]); yield n[0]; yield from walk(n[2])
        return list(walk(self.root))
    def height(self):
        def h(n): return 0 if n is None else 1 + max(h(n[1]), h(n[2]))
        return h(self.root)
    def __contains__(self, k):
        n = self.root
        while n:
            if k == n[0]: return True
            n = n[1] if k < n[0] else n[2]
        return False
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 65]:
    t.insert(k)
print(t.inorder(), t.height(), 35 in t, 36 in t)
