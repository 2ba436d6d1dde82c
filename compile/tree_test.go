package compile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopyc/internal/oracle"
)

// TestWriteStdlibTree compiles the whole standard library into a PYTHONPYCACHEPREFIX tree with
// CPython's cache tag (cpython-311) and unchecked hash-based headers, so that CPython imports
// gopyc's bytecode for every module without revalidating it. Set GOPYC_PYC_TREE to the prefix
// directory; testdata/regrtest.sh then runs CPython's regression tests on it.
func TestWriteStdlibTree(t *testing.T) {
	prefix := os.Getenv("GOPYC_PYC_TREE")
	if prefix == "" {
		t.Skip("GOPYC_PYC_TREE not set")
	}
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	opt := os.Getenv("GOPYC_PYC_OPT") // "", "1" or "2"
	level := 0
	if opt != "" {
		level = int(opt[0] - '0')
	}
	start := time.Now()
	written, failed := 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pyc, err := pycBytes(src, f, level)
		if err != nil {
			failed++
			continue
		}
		dir, name := filepath.Split(f)
		base := strings.TrimSuffix(name, ".py") + ".cpython-311"
		if opt != "" {
			base += ".opt-" + opt
		}
		out := filepath.Join(prefix, strings.TrimLeft(dir, "/"), base+".pyc")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, pyc, 0o644); err != nil {
			t.Fatal(err)
		}
		written++
	}
	t.Logf("%d pyc files written under %s in %v (%d sources not compiled)", written, prefix, time.Since(start), failed)
}
