package marshal

import (
	"os"
	"testing"

	"gopyc/marshal/marshaltest"
	"gopyc/objects"
)

func loadBodies(b *testing.B) ([][]byte, int64) {
	files := marshaltest.Pycs(b)
	var bodies [][]byte
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, data[16:])
		total += int64(len(data) - 16)
	}
	return bodies, total
}

// BenchmarkLoadStdlib unmarshals the code object of every standard-library .pyc once per
// iteration; compare with testdata/bench_loads.py under /usr/bin/python3.11.
func BenchmarkLoadStdlib(b *testing.B) {
	bodies, total := loadBodies(b)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, body := range bodies {
			if _, err := Loads(body); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
	b.ReportMetric(float64(len(bodies)), "files")
}

// BenchmarkDumpStdlib marshals every standard-library module code object once per iteration.
func BenchmarkDumpStdlib(b *testing.B) {
	bodies, total := loadBodies(b)
	codes := make([]objects.Object, len(bodies))
	for i, body := range bodies {
		o, err := Loads(body)
		if err != nil {
			b.Fatal(err)
		}
		codes[i] = o
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, co := range codes {
			if _, err := Dumps(co, Version); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}
