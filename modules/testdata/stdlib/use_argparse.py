import argparse
p = argparse.ArgumentParser(prog="tool", description="demo")
p.add_argument("files", nargs="+")
p.add_argument("-v", "--verbose", action="store_true")
p.add_argument("--n", type=int, default=3, choices=[1, 2, 3])
a = p.parse_args(["x", "y", "-v", "--n", "2"]); print(a, a.files, a.verbose, a.n)
print(p.format_help())
