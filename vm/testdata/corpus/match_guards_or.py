def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]:
            return f"move {d}"
        case ["go", d]:
            return f"unknown dir {d}"
        case ["take", *items] if items:
            return f"take {', '.join(items)}"
        case ["take"]:
            return "take what?"
        case ["quit" | "exit"]:
            return "bye"
        case [x, y, *_] if x == y:
            return "stutter"
        case _:
            return "?"
for c in ["go north", "go east", "take sword shield", "take", "exit", "a a b", "dance"]:
    print(c, "->", classify(c))
