class BitSet:
    def __init__(self, bits=0): self.bits = bits
    def add(self, i): self.bits |= 1 << i
    def remove(self, i): self.bits &= ~(1 << i)
    def __contains__(self, i): return bool(self.bits >> i & 1)
    def __iter__(self):
        b, i = self.bits, 0
        while b:
            if b & 1: yield i
            b >>= 1; i += 1
    def __or__(self, o): return BitSet(self.bits | o.bits)
    def __and__(self, o): return BitSet(self.bits & o.bits)
    def __len__(self): return bin(self.bits).count("1")
    def __repr__(self): return "BitSet(" + str(list(self)) + ")"
a = BitSet(); b = BitSet()
for i in (1, 3, 5, 100): a.add(i)
for i in (3, 4, 100): b.add(i)
print(a, b, a | b, a & b, len(a | b), 100 in a, 2 in a)
a.remove(100)
print(a, a.bits, hex((a | b).bits))
