package vm_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopyc/compile"
	"gopyc/marshal"
)

// BenchmarkProgram runs each program named in GOPYC_BENCH (a comma-separated list of .py paths)
// in-process, for CPU and allocation profiles of one interpreter workload:
//
//	GOPYC_BENCH=/work/shared/bench/bigint.py go test ./vm -run '^$' -bench Program -benchmem -memprofile mem.out
func BenchmarkProgram(b *testing.B) {
	list := os.Getenv("GOPYC_BENCH")
	if list == "" {
		b.Skip("GOPYC_BENCH not set")
	}
	for _, path := range strings.Split(list, ",") {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		co, err := compile.Source(src, path, "exec", 0)
		if err != nil {
			b.Fatal(err)
		}
		data, err := marshal.Dumps(co, 4)
		if err != nil {
			b.Fatal(err)
		}
		pyc := append(make([]byte, 16), data...)
		b.Run(strings.TrimSuffix(filepath.Base(path), ".py"), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, stderr, status := runPyc(pyc, nil, filepath.Dir(path)); status != 0 {
					b.Fatalf("exit %d: %s", status, stderr)
				}
			}
		})
	}
}
