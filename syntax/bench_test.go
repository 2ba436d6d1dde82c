package syntax

import (
	"os"
	"syscall"
	"testing"
	"time"

	"gopyc/internal/oracle"
)

// BenchmarkParseStdlib parses every stdlib file (the oracle's Lib, tests included) once per
// iteration; compare with testdata/time_ast_parse.py under /usr/bin/python3.11.
func BenchmarkParseStdlib(b *testing.B) { benchParseStdlib(b, nil) }

// BenchmarkParseStdlibArena is BenchmarkParseStdlib with every tree parsed in one Arena, as a
// compiler of many files does.
func BenchmarkParseStdlibArena(b *testing.B) { benchParseStdlib(b, new(Arena)) }

func benchParseStdlib(b *testing.B, a *Arena) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		b.Skip(err)
	}
	var srcs [][]byte
	total := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if _, err := Parse(f, src, Exec, TypeComments); err != nil {
			continue // files CPython rejects too
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	b.SetBytes(int64(total))
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, src := range srcs {
			if _, _, err := ParseArena(a, files[j], src, Exec, TypeComments); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpu := (cpuTime() - cpu0).Seconds() / float64(b.N)
	sec := b.Elapsed().Seconds() / float64(b.N)
	// CPU time (user+system, all threads: the collector included) is steadier than wall time
	// on a loaded machine
	b.ReportMetric(cpu*1e3, "cpu-ms/op")
	b.ReportMetric(float64(len(srcs))/sec, "files/s")
	b.ReportMetric(float64(total)/1e6/sec, "MB/s")
}

// cpuTime returns the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
