def is_even(n): return True if n == 0 else is_odd(n - 1)
def is_odd(n): return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(77), is_even(301))
def flatten(x, depth=0):
    if not isinstance(x, list): return [(x, depth)]
    out = []
    for y in x: out.extend(flatten(y, depth + 1))
    return out
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def power_set(s):
    if not s: return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(len(power_set(list(range(10)))), power_set([1, 2]))
def gcd(a, b): return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2**100, 6**50))
