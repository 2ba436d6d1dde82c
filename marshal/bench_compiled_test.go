package marshal_test

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"gopyc/compile"
	"gopyc/internal/oracle"
	"gopyc/marshal"
	"gopyc/objects"
	"gopyc/syntax"
)

// BenchmarkDumpCompiled marshals the module code object of every standard-library source as
// gopyc's compiler makes it for compileall (Options.MarshalOnly: private interned strs, shared
// constants), appending into one reused buffer as py_compile does: the writer's share of a
// compileall run. It reports the CPU time per pass over the library (cpu-ms/op), the figure to
// compare on a shared machine.
func BenchmarkDumpCompiled(b *testing.B) { benchDumpCompiled(b, marshal.AppendDumps) }

// BenchmarkDumpCompiledRef is BenchmarkDumpCompiled with the former two-pass writer, kept in
// the tests as the reference (see writeref_test.go).
func BenchmarkDumpCompiledRef(b *testing.B) { benchDumpCompiled(b, marshal.RefAppendDumps) }

// BenchmarkDumpCompiledCold is BenchmarkDumpCompiled with the caches refilled between modules
// (2 MB written), as parsing and compiling the next module do in a compileall run: there the
// writer's tables start cold, which a loop of dumps alone does not show. It reports the thread
// CPU time of the dumps alone (dump-ms/op), without the refills.
func BenchmarkDumpCompiledCold(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	scratch := make([]byte, 2<<20)
	var dumps time.Duration
	benchDumpCompiled(b, func(buf []byte, o objects.Object, v int) ([]byte, error) {
		for i := range scratch {
			scratch[i] = byte(i)
		}
		t0 := threadCPU()
		buf, err := marshal.AppendDumps(buf, o, v)
		dumps += threadCPU() - t0
		return buf, err
	})
	b.ReportMetric(float64(dumps.Microseconds())/1000/float64(b.N), "dump-ms/op")
}

// threadCPU is the CPU time of the calling thread so far (Linux: RUSAGE_THREAD).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchDumpCompiled(b *testing.B, dump func([]byte, objects.Object, int) ([]byte, error)) {
	srcs, err := oracle.StdlibFiles()
	if err != nil {
		b.Skip(err)
	}
	var codes []*objects.Code
	for _, f := range srcs {
		if strings.Contains(f, "/site-packages/") || !strings.HasSuffix(f, ".py") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		mod, err := syntax.Parse(f, src, syntax.Exec, 0)
		if err != nil {
			continue
		}
		co, err := compile.Compile(mod, f, compile.Options{Mode: "exec", MarshalOnly: true})
		if err != nil {
			continue
		}
		codes = append(codes, co)
	}
	var buf []byte
	var total int64
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		total = 0
		for _, co := range codes {
			buf, err = dump(buf[:0], co, marshal.Version)
			if err != nil {
				b.Fatal(err)
			}
			total += int64(len(buf))
		}
	}
	cpu := cpuTime() - c0
	b.SetBytes(total)
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(len(codes)), "files")
}

// cpuTime is the user plus system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
