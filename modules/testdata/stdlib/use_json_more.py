import json
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=E), json.loads('[1, 2]', object_hook=None), json.loads('{"a": 1}', object_pairs_hook=list))
print(json.dumps("\u2603\ud83d\ude00"), json.loads('"\\ud83d\\ude00"'), json.dumps(1e300 * 1e10), json.dumps([1.0, 0.1, -0.0]))
