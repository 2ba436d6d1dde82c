results = []
for i in range(6):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        results.append(i)
    except ValueError as e:
        results.append(f"e{e}")
        continue
    finally:
        results.append(".")
print(results)
def first_even(nums):
    for n in nums:
        try:
            if n % 2 == 0:
                return n
        finally:
            print("checked", n)
print(first_even([1, 3, 4, 5]))
while True:
    try:
        break
    finally:
        print("finally on break")
