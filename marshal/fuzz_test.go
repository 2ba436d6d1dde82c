package marshal

import (
	"encoding/hex"
	"os"
	"runtime"
	"testing"
	"time"
)

func FuzzLoads(f *testing.F) {
	data, err := os.ReadFile("testdata/golden.json")
	if err == nil {
		// Seed with CPython's outputs and the malformed inputs of the golden file.
		for _, s := range hexStrings(data) {
			if b, err := hex.DecodeString(s); err == nil && len(b) < 4096 {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("\xe3\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xf3\x02\x00\x00\x00\x97\x00)\x00)\x00)\x00\xf3\x00\x00\x00\x00z\x01fz\x01mr\x04\x00\x00\x00\x01\x00\x00\x00\xf3\x00\x00\x00\x00r\x03\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		start := time.Now()
		defer func() {
			if d := time.Since(start); d > 10*time.Second {
				t.Fatalf("slow input (%v): %x", d, b)
			}
		}()
		o, err := Loads(b)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		out, err := Dumps(o, Version)
		if err != nil {
			t.Fatalf("cannot write what was read: %v", err)
		}
		if _, err := Loads(out); err != nil {
			t.Fatalf("cannot read what was written: %v", err)
		}
	})
}

// hexStrings extracts the values of "hex" and "in" fields from the golden JSON without a schema.
func hexStrings(data []byte) []string {
	var out []string
	s := string(data)
	for _, key := range []string{`"hex": "`, `"in": "`} {
		for i := 0; ; {
			j := indexFrom(s, key, i)
			if j < 0 {
				break
			}
			j += len(key)
			k := indexFrom(s, `"`, j)
			out = append(out, s[j:k])
			i = k
		}
	}
	return out
}

func indexFrom(s, sub string, i int) int {
	for j := i; j+len(sub) <= len(s); j++ {
		if s[j:j+len(sub)] == sub {
			return j
		}
	}
	return -1
}

// TestHostileSizes checks that short inputs claiming huge sizes allocate little.
func TestHostileSizes(t *testing.T) {
	huge := "ffffff7f"
	inputs := []string{
		"28" + huge, "5b" + huge, "3c" + huge, "3e" + huge, "6c" + huge, "73" + huge, "75" + huge,
		"61" + huge, "74" + huge, "6c" + "010000ff", "28" + huge + "28" + huge + "28" + huge + "28" + huge + "28" + huge + "4e",
		"5b" + huge + "5b" + huge + "5b" + huge + "5b" + huge + "5b" + huge + "4e",
		"63" + "00000000" + "00000000" + "00000000" + "00000000" + "00000000" + "28" + huge,
	}
	for _, h := range inputs {
		b, _ := hex.DecodeString(h)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Loads(b)
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s: no error", h)
		}
		if d := after.TotalAlloc - before.TotalAlloc; d > 1<<20 {
			t.Errorf("%s (%d bytes): allocated %d bytes", h, len(b), d)
		}
	}
}
