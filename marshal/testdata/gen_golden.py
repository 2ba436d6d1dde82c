"""Generate marshal/testdata/golden.json: CPython 3.11's marshal.dumps bytes for values without
shared references, and marshal.loads errors for malformed input.

    python3 -S marshal/testdata/gen_golden.py > marshal/testdata/golden.json

Each value is described in a small JSON language that both this script and the Go test build
values from. The script builds every object afresh at run time (ints and floats parsed from
text, strs joined from characters), so no object has a reference count above one unless CPython
shares it (small ints, one-character strs and bytes, empty tuple/str/bytes, interned strs), and
marshal's FLAG_REF then follows only from what the value is, which gopyc reproduces.

    null true false "..." "stopiter"  {"int": "123"}  {"float": "1.5"}  {"complex": ["1", "2"]}
    {"str": [code points], "intern": bool}  {"bytes": "hex"}  {"tuple": [...]}  {"list": [...]}
    {"dict": [[k, v], ...]}  {"set": [...]}  {"frozenset": [...]}
    {"let": "name", "v": value}  {"use": "name"}   (shared references)
"""
import json
import marshal
import sys


def build(d, env):
    if d is None:
        return None
    if d is True or d is False:
        return d
    if d == "...":
        return ...
    if d == "stopiter":
        return StopIteration
    if "let" in d:
        env[d["let"]] = build(d["v"], env)
        return env[d["let"]]
    (k, v), = [(k, v) for k, v in d.items() if k != "intern"]
    if k == "int":
        return int(v)
    if k == "float":
        return float(v)
    if k == "complex":
        return complex(float(v[0]), float(v[1]))
    if k == "str":
        s = "".join([chr(c) for c in v])
        return sys.intern(s) if d.get("intern") else s
    if k == "bytes":
        return bytes.fromhex(v)
    if k == "tuple":
        return tuple([build(x, env) for x in v])
    if k == "list":
        return [build(x, env) for x in v]
    if k == "dict":
        return {build(a, env): build(b, env) for a, b in v}
    if k == "set":
        return set([build(x, env) for x in v])
    if k == "frozenset":
        return frozenset([build(x, env) for x in v])
    if k == "use":
        return env[v]
    raise ValueError(d)


def let(name, v):
    return {"let": name, "v": v}


def S(s, intern=False):
    return {"str": [ord(c) for c in s], "intern": intern}


def I(n):
    return {"int": str(n)}


def F(x):
    return {"float": x}


CASES = [
    ("none", None), ("true", True), ("false", False), ("ellipsis", "..."), ("stopiter", "stopiter"),
    ("int0", I(0)), ("int1", I(1)), ("int256", I(256)), ("int257", I(257)), ("int-5", I(-5)),
    ("int-6", I(-6)), ("int32max", I(2**31 - 1)), ("int32min", I(-2**31)),
    ("int32max+1", I(2**31)), ("int32min-1", I(-2**31 - 1)), ("int2^45", I(2**45)),
    ("int2^62", I(2**62)), ("int2^63-1", I(2**63 - 1)), ("int-2^63", I(-2**63)),
    ("int2^64", I(2**64)), ("int-2^64", I(-2**64)), ("huge", I(3**500)), ("hugeneg", I(-7**300)),
    ("int2^15", I(2**15)), ("int2^30", I(2**30)), ("int2^45-1", I(2**45 - 1)),
    ("float1.5", F("1.5")), ("float-0", F("-0.0")), ("float0.1", F("0.1")), ("floatinf", F("inf")),
    ("float-inf", F("-inf")), ("floatnan", F("nan")), ("float1e300", F("1e300")),
    ("floattiny", F("5e-324")), ("float1e16", F("1e16")), ("float123456789.123", F("123456789.123")),
    ("complex", {"complex": ["1.5", "-2.25"]}), ("complex0", {"complex": ["0", "1"]}),
    ("complexinf", {"complex": ["inf", "-0.0"]}),
    ("str_empty", S("")), ("str_a", S("a")), ("str_ascii", S("hello world")),
    ("str_interned", S("hello", True)), ("str_interned_long", S("x" * 300, True)),
    ("str_ascii_255", S("ab" * 127 + "c")), ("str_ascii_256", S("ab" * 128)),
    ("str_ascii_long", S("spam " * 100)), ("str_latin1", S("caf\xe9")), ("str_e_acute", S("\xe9")),
    ("str_bmp", S("\u20ac100")), ("str_astral", S("\U0001F600!")), ("str_lone_high", S("a\ud800b")),
    ("str_lone_low", S("\udc80")), ("str_pair", S("\ud83d\ude00")), ("str_nul", S("a\x00b")),
    ("str_interned_unicode", S("\u03b1\u03b2", True)), ("str_one_bmp", S("\u20ac")),
    ("bytes_empty", {"bytes": ""}), ("bytes_1", {"bytes": "ff"}), ("bytes", {"bytes": "00010203ff"}),
    ("bytes_300", {"bytes": "ab" * 300}),
    ("tuple_empty", {"tuple": []}), ("tuple_1", {"tuple": [I(1)]}),
    ("tuple_mixed", {"tuple": [I(1000), S("abc"), None, F("2.5"), {"bytes": "6869"}]}),
    ("tuple_255", {"tuple": [I(i) for i in range(255)]}), ("tuple_256", {"tuple": [I(i) for i in range(256)]}),
    ("tuple_nested", {"tuple": [{"tuple": [{"tuple": []}, {"tuple": [I(300)]}]}, {"list": []}]}),
    ("list_empty", {"list": []}), ("list", {"list": [I(1), I(2), I(70000), S("x y")]}),
    ("dict_empty", {"dict": []}),
    ("dict", {"dict": [[S("k1"), I(1)], [I(1000), {"list": [None]}], [{"tuple": [I(1), I(2)]}, S("v")]]}),
    ("set_empty", {"set": []}), ("frozenset_empty", {"frozenset": []}),
    ("set", {"set": [I(3), I(1), I(2)]}),
    ("frozenset_ints", {"frozenset": [I(1000), I(5), I(-3000), I(2**40)]}),
    ("frozenset_strs", {"frozenset": [S("b"), S("aa"), S("cc", True), S("dd d")]}),
    ("frozenset_mixed", {"frozenset": [S("aa"), I(1000), {"tuple": [I(5000)]}, F("1.5"), None]}),
    ("shared_list", {"tuple": [let("l", {"list": [I(1000)]}), {"use": "l"}]}),
    ("shared_str", {"list": [let("s", S("shared text")), {"use": "s"}, {"use": "s"}]}),
    ("shared_tuple", {"tuple": [let("t", {"tuple": [I(300), I(301)]}), {"list": [{"use": "t"}]}]}),
    ("same_small", {"tuple": [I(7), I(7), S("q"), S("q"), {"tuple": []}, {"tuple": []}]}),
]


ERRORS = [
    "", "30", "2801000000" + "30", "5b01000000" + "30", "3c01000000" + "30", "3e0100000030",
    "71", "3f", "6901", "6c", "7200000000", "7201000000", "6c0100000000", "6c01000000" + "0080",
    "6c00000080", "6cffffff7f", "73ffffffff", "73ffffff7f", "28ffffffff", "5bffffffff", "3cffffffff",
    "29", "2905", "7a", "7a05", "61ffffffff", "75ffffffff", "7501000000ff", "7502000000e282",
    "7502000000eda0", "7503000000f09041", "750100000080", "7504000000" + "6162c328",
    "7502000000c0af", "7504000000f4908080", "7503000000e08080", "660220 31".replace(" ", ""),
    "66033178", "6603313f", "66", "6605", "78", "780131", "67", "670000", "79", "7b", "7b4e",
    "7b5b0000000030", "3c010000005b00000000", "a8010000007200000000", "be010000007200000000",
    "e3", "e300000000", "63" + "00" * 20 + "4e",
    "5b01000000" * 1999 + "4e", "5b01000000" * 2000 + "4e",
    "49" + "0100000000000000", "4901",
]


def describe_error(hexdata):
    data = bytes.fromhex(hexdata)
    try:
        v = marshal.loads(data)
    except Exception as e:
        return {"in": hexdata, "class": type(e).__name__, "msg": str(e)}
    return {"in": hexdata, "ok": type(v).__name__}


def main():
    out = {"dumps": [], "loads_errors": []}
    for name, desc in CASES:
        for version in range(5):
            v = build(desc, {})
            out["dumps"].append({"name": name, "version": version, "value": desc,
                                 "hex": marshal.dumps(v, version).hex()})
            del v
    for h in ERRORS:
        out["loads_errors"].append(describe_error(h))
    json.dump(out, sys.stdout, indent=0, sort_keys=True)
    print()


main()
