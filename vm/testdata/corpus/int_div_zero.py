for op in ("1 // 0", "1 % 0", "1 / 0", "divmod(1, 0)", "1.0 / 0", "1.0 // 0.0", "1 % 0.0", "2**100 // 0"):
    try:
        eval(compile(op, "<e>", "eval"))
    except ZeroDivisionError as e:
        print(op, "->", e)
