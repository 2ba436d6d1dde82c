#!/bin/sh
# Times compileall on a whole standard library: CPython (/usr/bin/python3.11, the speed reference)
# against the gopyc binary, both run the same way under /usr/bin/time:
#   PYTHONPYCACHEPREFIX=NEWDIR  CMD -m compileall -f -q -jN -x /site-packages/ TREE
# for N = 1 and 0 (all cores). The tree is only read; every run writes into its own prefix
# directory that was never used before, and all prefixes are deleted only at the end (creating
# files soon after deleting thousands costs ext4 extra kernel time, which would penalise whichever
# run followed a deletion). Runs alternate between the two sides, the order flipping every round,
# with a short pause between runs, so that neither side is systematically favoured by caches,
# frequency or other users' load.
#
# usage: tools/compileall/bench.sh [TREE]     (default: the oracle's stdlib, Lib/test included;
# third-party packages under site-packages are skipped with -x /site-packages/ on both sides)
# Environment: ROUNDS (default 3) runs per side and -j setting; GOPYC (default: built from this
# checkout into a temporary directory); PAUSE seconds between runs (default 1); PFXDIR (default:
# the system's temporary directory) where the prefixes go.
#
# ext4 and kernel time: for a few minutes after many files were deleted on an ext4 file system,
# creating files there costs far more kernel time (ext4 avoids reusing inodes deleted in the last
# 1-5 minutes: recently_deleted() scans past them), 1-2 s per run instead of 0.3 s, on both
# sides alike, which squeezes the ratios. Run on a quiet file system (wait 5 minutes after big
# deletions, including an earlier run of this script, which deletes its prefixes at the end), or
# set PFXDIR=/dev/shm to write the caches to tmpfs, which has no such history.
#
# Prints each run, then the median wall and CPU (user+sys) time per side with files/s, the
# gopyc/CPython speed ratios, the -j0 over -j1 speed-up of each side, the number of files each
# compiler rejected, and the files that only gopyc's compiler rejected (compiler gaps rather than
# real syntax errors). On 2 shared cores compare CPU figures; wall times move with the load.
set -eu
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3.11
TREE=${1:-$(python3 -S -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
ROUNDS=${ROUNDS:-3}
PAUSE=${PAUSE:-1}
TMP=$(mktemp -d)
PFX=$(mktemp -d "${PFXDIR:-${TMPDIR:-/tmp}}/gopyc-bench.XXXXXX")
trap 'rm -rf "$TMP" "$PFX"' EXIT
if [ -z "${GOPYC:-}" ]; then
	go build -o "$TMP/gopyc" ./cmd/gopyc
	GOPYC=$TMP/gopyc
fi
FILES=$(find "$TREE" \( -name __pycache__ -o -name site-packages \) -prune -o -type f -name '*.py' -print | wc -l)
echo "tree: $TREE ($FILES .py files, approx.)"
echo "gopyc: $GOPYC; cpython: $PY; $ROUNDS rounds"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; prefixes in $PFX ($(stat -f -c %T "$PFX"))"

# run SIDE J ROUND: one timed compileall; appends "wall cpu maxrss_kb" to $TMP/SIDE-jJ.times
run() {
	side=$1 jj=$2 rr=$3
	case $side in
	cpython) cmd=$PY ;;
	gopyc) cmd=$GOPYC ;;
	esac
	pfx="$PFX/pfx-$side-j$jj-$rr"
	PYTHONPYCACHEPREFIX="$pfx" /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" \
		"$cmd" -m compileall -f -q -j"$jj" -x /site-packages/ "$TREE" >"$TMP/$side-j$jj.out" 2>/dev/null || true
	# the last line: /usr/bin/time first notes a non-zero exit status (compile errors) on its own line
	set -- $(tail -n 1 "$TMP/time")
	echo "$1 $(echo "$2 $3" | awk '{ printf "%.2f", $1 + $2 }') $4" >>"$TMP/$side-j$jj.times"
	awk -v s="$side" -v j="$jj" -v r="$rr" -v w="$1" -v u="$2" -v k="$3" -v m="$4" -v n="$FILES" 'BEGIN {
		printf "  round %d %-7s -j%s: wall %5.2fs (%4.0f files/s)  cpu %5.2fs = %.2f user + %.2f sys (%4.0f files/cpu-s)  rss %d MB\n",
			r, s, j, w, n / w, u + k, u, k, n / (u + k), m / 1024 }'
	sleep "$PAUSE"
}

# median FILE COLUMN
median() {
	cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

for j in 1 0; do
	r=1
	while [ "$r" -le "$ROUNDS" ]; do
		if [ $((r % 2)) -eq 1 ]; then
			run cpython "$j" "$r"
			run gopyc "$j" "$r"
		else
			run gopyc "$j" "$r"
			run cpython "$j" "$r"
		fi
		r=$((r + 1))
	done
done

echo "medians of $ROUNDS runs ($FILES files):"
for j in 1 0; do
	for side in cpython gopyc; do
		f="$TMP/$side-j$j.times"
		awk -v s="$side" -v j="$j" -v w="$(median "$f" 1)" -v c="$(median "$f" 2)" -v m="$(median "$f" 3)" -v n="$FILES" 'BEGIN {
			printf "  %-7s -j%s: wall %5.2fs (%4.0f files/s)  cpu %5.2fs (%4.0f files/cpu-s)  rss %d MB\n", s, j, w, n / w, c, n / c, m / 1024 }'
	done
done
for j in 1 0; do
	awk -v j="$j" -v pw="$(median "$TMP/cpython-j$j.times" 1)" -v pc="$(median "$TMP/cpython-j$j.times" 2)" \
		-v gw="$(median "$TMP/gopyc-j$j.times" 1)" -v gc="$(median "$TMP/gopyc-j$j.times" 2)" 'BEGIN {
		printf "gopyc speed over cpython, -j%s: wall %.2fx, cpu %.2fx\n", j, pw / gw, pc / gc }'
done
for side in cpython gopyc; do
	awk -v s="$side" -v w1="$(median "$TMP/$side-j1.times" 1)" -v w0="$(median "$TMP/$side-j0.times" 1)" \
		-v c1="$(median "$TMP/$side-j1.times" 2)" -v c0="$(median "$TMP/$side-j0.times" 2)" 'BEGIN {
		printf "%s -j0 over -j1: wall speed-up %.2fx, cpu %.2fx as much\n", s, w1 / w0, c0 / c1 }'
done

grep '^\*\*\* Error compiling' "$TMP/cpython-j1.out" | sort >"$TMP/cpython.failed" || true
grep '^\*\*\* Error compiling' "$TMP/gopyc-j1.out" | sort >"$TMP/gopyc.failed" || true
echo "cpython rejected: $(wc -l <"$TMP/cpython.failed") files; gopyc rejected: $(wc -l <"$TMP/gopyc.failed") files"
echo "files only gopyc's compiler rejected:"
comm -13 "$TMP/cpython.failed" "$TMP/gopyc.failed" | sed "s/^\*\*\* Error compiling /  /; s/\.\.\.\$//"
echo "files only cpython's compiler rejected:"
comm -23 "$TMP/cpython.failed" "$TMP/gopyc.failed" | sed "s/^\*\*\* Error compiling /  /; s/\.\.\.\$//"
