// Package oracle finds the reference CPython 3.11 that gopyc's tests compare against, and the
// standard-library corpus that comes with it.
//
// Tests use two interpreters: the "corpus" interpreter (pyenv's 3.11.7, reached through the `python3`
// on PATH, whose library includes Lib/test) for golden data, and Debian's /usr/bin/python3.11 for
// timing. The pyenv shim on PATH costs about 80 ms a call and runs `site`, so Python resolves it once to
// the real binary (sys.executable) and caches the answer for the life of the test process. The variable
// GOPYC_ORACLE overrides the choice with an explicit binary.
package oracle

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

var (
	once      sync.Once
	pyPath    string
	stdlibDir string
	findErr   error
)

func find() {
	exe := os.Getenv("GOPYC_ORACLE")
	if exe == "" {
		p, err := exec.LookPath("python3")
		if err != nil {
			findErr = errors.New("oracle: python3 not found on PATH")
			return
		}
		exe = p
	}
	out, err := exec.Command(exe, "-S", "-c",
		"import sys, sysconfig; print(sys.executable); print(sysconfig.get_paths()['stdlib']); print(sys.version_info[:2] == (3, 11))").Output()
	if err != nil {
		findErr = errors.New("oracle: cannot run " + exe + ": " + err.Error())
		return
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 || lines[2] != "True" {
		findErr = errors.New("oracle: " + exe + " is not CPython 3.11")
		return
	}
	pyPath, stdlibDir = lines[0], lines[1]
}

// Python returns the path of the real CPython 3.11 binary used for golden data (not the pyenv shim).
func Python() (string, error) {
	once.Do(find)
	return pyPath, findErr
}

// Stdlib returns the oracle's standard-library directory (it contains test/ when the oracle is pyenv's).
func Stdlib() (string, error) {
	once.Do(find)
	return stdlibDir, findErr
}

// Timing returns /usr/bin/python3.11, Debian's optimised build, used as the speed reference.
func Timing() string { return "/usr/bin/python3.11" }

// Command builds an exec.Cmd running the oracle with -S (no site) and the given arguments, with
// PYTHONHASHSEED=0 so that set and dict orders of str keys are repeatable.
func Command(args ...string) (*exec.Cmd, error) {
	py, err := Python()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(py, append([]string{"-S"}, args...)...)
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0")
	return cmd, nil
}

// StdlibFiles lists every .py file of the oracle's standard library (Lib/test included, site-packages
// excluded), sorted, as absolute paths.
func StdlibFiles() ([]string, error) {
	dir, err := Stdlib()
	if err != nil {
		return nil, err
	}
	var files []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if d.Name() == "site-packages" || d.Name() == "__pycache__" {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".py") && d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}
