x = 5
x += 3; x -= 1; x *= 2; x //= 3; x **= 2; x %= 7; x <<= 3; x >>= 1; x |= 5; x &= 13; x ^= 6
print(x)
f = 1.5
f /= 2; f += 1
print(f)
s = "a"
s += "b"; s *= 3
print(s)
l = [1]
l += [2]; l *= 2
print(l)
t = (1,)
t += (2,)
print(t)
d = {"a": 1}
d["a"] += 10
d |= {"b": 2}
print(d)
class C:
    v = 1
c = C()
c.v += 5
print(c.v, C.v)
st = {1}
st |= {2}; st &= {2, 3}; st -= {9}; st ^= {4}
print(st)
