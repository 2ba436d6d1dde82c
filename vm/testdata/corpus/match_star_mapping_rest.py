def g(d):
    match d:
        case {"action": "move", "x": x, "y": y, **rest}:
            return f"move {x},{y} extra={sorted(rest)}"
        case {"action": action}:
            return f"action {action}"
        case {}:
            return "empty or other mapping"
for d in [{"action": "move", "x": 1, "y": 2}, {"action": "move", "x": 1, "y": 2, "z": 3, "w": 0}, {"action": "jump"}, {}, {"other": 1}]:
    print(g(d))
match [1, 2, 3, 4, 5]:
    case [*head, 4, 5]:
        print("head", head)
match "not a sequence":
    case [*chars]:
        print("matched")
    case str():
        print("str not treated as sequence")
