// Package marshaltest provides the standard-library .pyc corpus for the tests of the marshal,
// bytecode and pycache packages: CPython 3.11 compiles its own standard library once per test
// process (python -m compileall into a temporary PYTHONPYCACHEPREFIX tree), and the tests read
// every file it wrote. Set GOPYC_PYC_TREE to an existing tree to reuse it instead.
package marshaltest

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"gopyc/internal/oracle"
)

var (
	once    sync.Once
	tmpDir  string
	files   []string
	loadErr error
	skipMsg string
)

// Pycs returns the .pyc files CPython wrote for its standard library, sorted. Under -short it
// compiles only every 25th source file. It skips the test when there is no oracle.
func Pycs(tb testing.TB) []string {
	tb.Helper()
	once.Do(func() { build(testing.Short()) })
	if skipMsg != "" {
		tb.Skip(skipMsg)
	}
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return files
}

func build(short bool) {
	root := os.Getenv("GOPYC_PYC_TREE")
	if root == "" {
		srcs, err := oracle.StdlibFiles()
		if err != nil {
			skipMsg = err.Error()
			return
		}
		lib, _ := oracle.Stdlib()
		tmpDir, err = os.MkdirTemp("", "gopyc-pycs-")
		if err != nil {
			loadErr = err
			return
		}
		root = tmpDir
		args := []string{"-m", "compileall", "-q", "-j", "0"}
		if short {
			args = []string{"-m", "compileall", "-q"}
			for i := 0; i < len(srcs); i += 25 {
				args = append(args, srcs[i])
			}
		} else {
			args = append(args, "-x", "site-packages", lib)
		}
		cmd, err := oracle.Command(args...)
		if err != nil {
			skipMsg = err.Error()
			return
		}
		var env []string
		for _, e := range cmd.Env {
			if !strings.HasPrefix(e, "PYTHONDONTWRITEBYTECODE=") && !strings.HasPrefix(e, "PYTHONPYCACHEPREFIX=") {
				env = append(env, e)
			}
		}
		cmd.Env = append(env, "PYTHONPYCACHEPREFIX="+root)
		// compileall exits 1 because a few test files are deliberately invalid.
		if err := cmd.Run(); err != nil {
			if _, ok := err.(*exec.ExitError); !ok {
				loadErr = err
				return
			}
		}
	}
	loadErr = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".pyc") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if loadErr == nil && len(files) == 0 {
		loadErr = os.ErrNotExist
	}
}

// Cleanup removes the temporary tree; call it from TestMain after m.Run.
func Cleanup() {
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
}
