import json
d = {"a": [1, 2.5, None, True], "b": {"c": "é\n"}, "n": -3}
s = json.dumps(d, sort_keys=True); print(s); print(json.loads(s) == d)
print(json.dumps(d, indent=2, ensure_ascii=False)); print(json.dumps([1, "x"], separators=(",", ":")))
print(json.loads('{"x": [1e3, "\\u00e9", {}]}'), json.dumps(float("inf")), json.loads("NaN") != json.loads("NaN"))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("error", e.msg, e.pos)
