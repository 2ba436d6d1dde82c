#!/usr/bin/env bash
# gopyc's whole test suite, as CI runs it (.ci/run calls this script):
#   formatting, go vet, staticcheck, every package's tests (golden and differential tests against
#   CPython 3.11, found by internal/oracle), then a short bounded run of every fuzz target.
# FUZZTIME (default 100000x: executions, not seconds) sets the budget per fuzz target; FUZZTIME=0
# skips fuzzing. A count rather than a duration: Go 1.26's fuzz coordinator can fail a run with a
# spurious "context deadline exceeded" when a duration -fuzztime expires (golang/go#75804, fixed in
# Go 1.27), and a count budget never takes that path.
set -euo pipefail
cd "$(dirname "$0")"

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go') 2>/dev/null || true)
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== staticcheck"
SC_VERSION=v0.8.2
sc="$(go env GOPATH)/bin/staticcheck"
if ! "$sc" -version 2>/dev/null | grep -q "${SC_VERSION#v}"; then
	go install "honnef.co/go/tools/cmd/staticcheck@$SC_VERSION"
fi
"$sc" ./...

echo "== go test"
go test -count=1 -timeout 25m ./...

fuzztime=${FUZZTIME:-100000x}
if [ "$fuzztime" != "0" ]; then
	echo "== fuzz ($fuzztime per target)"
	# Every `func FuzzX(f *testing.F)` in the repo, run alone for a bounded time.
	grep -rl --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . | sort | while read -r file; do
		pkg="./$(dirname "${file#./}")"
		for target in $(grep -oE '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
			echo "fuzz $pkg $target"
			go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >/tmp/gopyc-fuzz.log 2>&1 || {
				cat /tmp/gopyc-fuzz.log; exit 1; }
		done
	done
fi
echo "== all tests passed"
