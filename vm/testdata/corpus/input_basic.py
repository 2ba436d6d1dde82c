name = input("name? ")
print("hi", name)
n = int(input())
print(n * 2)
rest = input()
print(repr(rest))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
