package compile

import (
	"os"
	"testing"

	"gopyc/internal/oracle"
	"gopyc/syntax"
)

// TestKeptPredecessorCounts compiles the standard library (at every optimisation level) with
// checkCounts on: wherever the CFG passes keep the predecessor counts instead of recomputing
// them, the kept counts must equal markReachable's.
func TestKeptPredecessorCounts(t *testing.T) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	checkCounts = true
	defer func() { checkCounts = false }()
	step := 3 // a third of the library: a few seconds
	if testing.Short() {
		step = 20
	}
	for i := 0; i < len(files); i += step {
		src, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		for opt := 0; opt <= 2; opt++ {
			m, err := syntax.Parse(files[i], src, syntax.Exec, 0)
			if err != nil {
				continue
			}
			if _, err := Compile(m, files[i], Options{Optimize: opt, MarshalOnly: true}); err != nil {
				if _, ok := err.(*InternalError); ok {
					t.Fatalf("%s -O%d: %v", files[i], opt, err)
				}
			}
		}
	}
}
