class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val, self.next = val, next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        for x in reversed(list(items)):
            self.head = Node(x, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self): return sum(1 for _ in self)
    def __repr__(self): return "LL(" + " -> ".join(map(str, self)) + ")"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def push(self, v): self.head = Node(v, self.head)
ll = LinkedList(range(5))
print(ll, len(ll))
ll.reverse(); ll.push(99)
print(ll, list(ll)[:3], 3 in ll, 42 in ll)
