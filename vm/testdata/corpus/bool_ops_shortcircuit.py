def t(x):
    print("t", x)
    return x
print(t(0) and t(1), t(1) and t(2), t(0) or t(3), t(4) or t(5))
print(not t([]), t("") or t(None) or t(0))
x = t(1) if t(False) else t(2)
print(x)
print([] or {} or "end", 0 and 1/0, True or 1/0)
a = 5
print(1 < a and a < 10, not (a > 3), a == 5 or a / 0)
