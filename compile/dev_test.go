package compile

import (
	"os"
	"testing"
)

// TestDevDump writes the pyc of $GOPYC_DUMP_SRC to $GOPYC_DUMP_OUT (a development aid).
func TestDevDump(t *testing.T) {
	src, out := os.Getenv("GOPYC_DUMP_SRC"), os.Getenv("GOPYC_DUMP_OUT")
	if src == "" || out == "" {
		t.Skip("GOPYC_DUMP_SRC / GOPYC_DUMP_OUT not set")
	}
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	pyc, err := pycBytes(b, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, pyc, 0o644); err != nil {
		t.Fatal(err)
	}
}
