package pymath

import (
	"os"
	"testing"
)

// TestMain builds the tables first: several tests call the unexported kernels directly, which
// (unlike the exported functions) do not build them on demand.
func TestMain(m *testing.M) {
	ensureTables()
	os.Exit(m.Run())
}
