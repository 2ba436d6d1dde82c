"""Time CPython's marshal.loads (and dumps) over a tree of .pyc files, in one process.

    /usr/bin/python3.11 -S marshal/testdata/bench_loads.py PYC_TREE [ROUNDS]

Prints the marshalled bytes per round and the best-of-ROUNDS throughput in MB/s (10**6 bytes),
the figure BenchmarkLoadStdlib / BenchmarkDumpStdlib report for gopyc.
"""
import marshal
import os
import sys
import time


def main():
    root = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    bodies = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            if name.endswith(".pyc"):
                with open(os.path.join(dirpath, name), "rb") as f:
                    bodies.append(f.read()[16:])
    total = sum(len(b) for b in bodies)
    best_load = best_dump = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        codes = [marshal.loads(b) for b in bodies]
        best_load = min(best_load, time.perf_counter() - t)
        t = time.perf_counter()
        for c in codes:
            marshal.dumps(c)
        best_dump = min(best_dump, time.perf_counter() - t)
        del codes
    print("%s: %d files, %d bytes" % (sys.version.split()[0], len(bodies), total))
    print("loads: %.1f MB/s (%.3f s per round)" % (total / best_load / 1e6, best_load))
    print("dumps: %.1f MB/s (%.3f s per round)" % (total / best_dump / 1e6, best_dump))


main()
