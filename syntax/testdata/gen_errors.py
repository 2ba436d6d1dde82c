#!/usr/bin/env python3.11
"""Generate the syntax-error golden files from CPython 3.11.

Snippets come from own_error_snippets.txt and from string/bytes constants (and doctest examples)
of CPython's Lib/test files listed in TESTS, plus seeded random mutations of stdlib files (a
character deleted, doubled or inserted, two bytes swapped, a word or a line deleted, a token
inserted; stored as edits of the file) and every stdlib file CPython rejects. Each snippet
is compiled as bytes in 'exec' mode:

  - errors_golden.json: snippets that ast.parse rejects (parser-stage errors), with the
    exception class, msg, lineno, offset, end_lineno, end_offset.
  - errors_compile_stage.json: snippets ast.parse accepts but compile() rejects (symtable /
    compiler errors: not the parser's job; kept for the compiler engineer).
  - valid_snippets.json: the snippets CPython parses, with ast.dump(include_attributes=True)
    for each mode ('exec', 'eval', 'single') that accepts them.

Usage: python3.11 syntax/testdata/gen_errors.py   (run from the repository root or anywhere)
"""
import ast
import doctest
import json
import os
import random
import sys
import sysconfig
import warnings

warnings.simplefilter("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = sysconfig.get_paths()["stdlib"]
TESTS = ["test_syntax.py", "test_exceptions.py", "test_fstring.py", "test_grammar.py", "test_eof.py",
         "test_unicode_identifiers.py", "test_string_literals.py", "test_positional_only_arg.py",
         "test_patma.py", "test_keywordonlyarg.py", "test_genexps.py", "test_named_expressions.py",
         "test_unpack_ex.py", "test_global.py", "test_utf8source.py", "test_type_comments.py"]
sys.setrecursionlimit(3000)


def attrs(e):
    return {"class": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
            "end_lineno": e.end_lineno, "end_offset": e.end_offset}


def classify(src):
    try:
        ast.parse(src)
    except SyntaxError as e:
        return "parser", attrs(e)
    except (ValueError, RecursionError, MemoryError, OverflowError):
        return None, None
    try:
        compile(src, "<string>", "exec")
    except SyntaxError as e:
        return "compile", attrs(e)
    except (ValueError, RecursionError, MemoryError, OverflowError):
        return None, None
    return None, None


def snippets():
    with open(os.path.join(HERE, "own_error_snippets.txt"), encoding="utf-8") as f:
        text = f.read()
    recs = text.split("\n----\n")
    for i, r in enumerate(recs):
        lines = [l for l in r.split("\n") if not l.startswith("# ")] if i == 0 else r.split("\n")
        r = "\n".join(lines).strip("\n") if i == 0 else r
        if r:
            yield "own", r.encode("utf-8")
    for name in TESTS:
        path = os.path.join(STDLIB, "test", name)
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            tree = ast.parse(f.read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant):
                v = node.value
                if isinstance(v, str):
                    try:
                        b = v.encode("utf-8")
                    except UnicodeEncodeError:
                        continue
                elif isinstance(v, bytes):
                    b = v
                else:
                    continue
                if 0 < len(b) < 3000:
                    yield f"{name}:{node.lineno}", b
        if name == "test_syntax.py":
            mod_doc = ast.get_docstring(tree, clean=False) or ""
            for ex in doctest.DocTestParser().get_examples(mod_doc):
                yield f"{name}:doctest:{ex.lineno}", ex.source.encode("utf-8")


def dump_or_none(src, mode):
    try:
        return ast.dump(ast.parse(src, "<unknown>", mode), include_attributes=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None


def mutations():
    """Realistic broken code: stdlib files with one character deleted or doubled, or one line
    deleted (deterministic: seeded)."""
    rng = random.Random(42)
    files = []
    for d, dirs, names in os.walk(STDLIB):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        files += [os.path.join(d, n) for n in sorted(names) if n.endswith(".py")]
    for f in rng.sample(files, 600):
        with open(f, "rb") as fh:
            src = fh.read()
        if not 10 <= len(src) <= 60000:
            continue
        for _ in range(3):
            b = bytearray(src)
            op = rng.choice(["delchar", "dupchar", "delline"])
            if op == "delline":
                lines = b.split(b"\n")
                del lines[rng.randrange(len(lines))]
                b = bytearray(b"\n".join(lines))
            else:
                i = rng.randrange(len(b))
                if op == "delchar":
                    del b[i]
                else:
                    b.insert(i, b[i])
            yield "mutation:" + os.path.relpath(f, STDLIB), bytes(b), f, src
    # second family: insert a punctuation character, swap two bytes, or delete a word
    rng = random.Random(11)
    chars = b"()[]{}:,.=+-*/%@&|^~<>!'\"#\\\t \n;0aZ_"
    for f in rng.sample(files, 900):
        with open(f, "rb") as fh:
            src = fh.read()
        if not 10 <= len(src) <= 60000:
            continue
        for _ in range(3):
            b = bytearray(src)
            i = rng.randrange(len(b))
            op = rng.choice(["ins", "ins", "swap", "delword"])
            if op == "ins":
                b.insert(i, rng.choice(chars))
            elif op == "swap" and i + 1 < len(b):
                b[i], b[i + 1] = b[i + 1], b[i]
            else:
                j = i
                while j < len(b) and chr(b[j]).isalnum():
                    j += 1
                del b[i:j + 1]
            yield "mutation2:" + os.path.relpath(f, STDLIB), bytes(b), f, src
    # third family: insert a keyword, operator or small expression inside a line
    rng = random.Random(23)
    toks = ["if", "else", "for", "in", "not", "lambda", "yield", "await", "async", "def", "class",
            "return", ":", "(", ")", "[", "]", "{", "}", ",", "=", "==", "*", "**", "->", ":=",
            "import", "from", "as", "with", "try", "except", "match", "case", "print", "f'{x}'",
            "'s'", "1", "x", "...", "@", "pass", "del", "global", "is", "and", "or"]
    for f in rng.sample(files, 700):
        with open(f, "rb") as fh:
            src = fh.read()
        if not 10 <= len(src) <= 40000:
            continue
        try:
            lines = src.decode("utf-8").splitlines(True)
        except UnicodeDecodeError:
            continue
        for _ in range(3):
            i = rng.randrange(len(lines))
            line = lines[i]
            if not line.strip():
                continue
            j = rng.randrange(len(line))
            new = line[:j] + " " + rng.choice(toks) + " " + line[j:]
            b = ("".join(lines[:i]) + new + "".join(lines[i + 1:])).encode()
            yield "mutation3:" + os.path.relpath(f, STDLIB), b, f, src


def main():
    valid = []
    parser_stage, compile_stage = [], []
    seen = set()
    for origin, src in snippets():
        if src in seen or b"\0" in src:
            continue
        seen.add(src)
        stage, a = classify(src)
        if stage != "parser":
            # a valid snippet: record its dump in each mode that accepts it
            try:
                text = src.decode("utf-8")
            except UnicodeDecodeError:
                text = None
            if text is not None and len(src) < 2000:
                for mode in ("exec", "eval", "single"):
                    d = dump_or_none(src, mode)
                    if d is not None:
                        valid.append({"origin": origin, "mode": mode, "source": text, "dump": d})
        if stage is None:
            continue
        rec = {"origin": origin}
        try:
            rec["source"] = src.decode("utf-8")
        except UnicodeDecodeError:
            rec["source_hex"] = src.hex()
        rec.update(a)
        (parser_stage if stage == "parser" else compile_stage).append(rec)
    for origin, src, base, orig in mutations():
        if src in seen or b"\0" in src:
            continue
        seen.add(src)
        try:
            ast.parse(src)
            continue
        except SyntaxError as e:
            # store the edit against the stdlib file, not the whole mutated source
            pre = 0
            while pre < min(len(src), len(orig)) and src[pre] == orig[pre]:
                pre += 1
            suf = 0
            while suf < min(len(src), len(orig)) - pre and src[-1 - suf] == orig[-1 - suf]:
                suf += 1
            rec = {"origin": origin, "base": os.path.relpath(base, STDLIB),
                   "edit_start": pre, "edit_end": len(orig) - suf, "edit_insert_hex": src[pre:len(src) - suf].hex()}
            rec.update(attrs(e))
            parser_stage.append(rec)
        except (ValueError, RecursionError, MemoryError, OverflowError):
            pass
    # stdlib files CPython rejects
    for root, dirs, files in os.walk(STDLIB):
        dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
        for fn in sorted(files):
            if not fn.endswith(".py"):
                continue
            p = os.path.join(root, fn)
            with open(p, "rb") as f:
                src = f.read()
            try:
                ast.parse(src, p, "exec", type_comments=True)
            except SyntaxError as e:
                rec = {"origin": "stdlib", "file": os.path.relpath(p, STDLIB), "type_comments": True}
                rec.update(attrs(e))
                parser_stage.append(rec)
            except Exception:
                pass
    for name, data in (("errors_golden.json", parser_stage), ("errors_compile_stage.json", compile_stage),
                       ("valid_snippets.json", valid)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            json.dump(data, f, indent=0, ensure_ascii=False)
            f.write("\n")
    print(f"parser-stage: {len(parser_stage)}, compile-stage: {len(compile_stage)}, valid: {len(valid)}")


main()
