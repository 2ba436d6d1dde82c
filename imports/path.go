package imports

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Settings are the import-related settings of one gopyc process, from its command line and
// environment, resolved by CPython 3.11's rules of precedence.
type Settings struct {
	Optimize       int    // max(-O count, PYTHONOPTIMIZE)
	DontWrite      bool   // -B or PYTHONDONTWRITEBYTECODE (non-empty, not an integer 0)
	Prefix         string // -X pycache_prefix=DIR, else PYTHONPYCACHEPREFIX; "" for none
	CheckHashBased string // --check-hash-based-pycs
	Verbose        bool   // -v or PYTHONVERBOSE
	PythonPath     []string
}

// Flags are the command-line flags Resolve starts from.
type Flags struct {
	Optimize       int
	DontWrite      bool
	IgnoreEnv      bool // -E or -I
	Verbose        int
	XOptions       []string
	CheckHashBased string
}

// envInt reads an integer environment setting as CPython does: empty is unset, a non-integer
// counts as 1.
func envInt(v string) int {
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 1
	}
	return n
}

// Resolve combines flags with the environment (getenv; os.Getenv when nil).
func Resolve(fl Flags, getenv func(string) string) Settings {
	if getenv == nil {
		getenv = os.Getenv
	}
	if fl.IgnoreEnv {
		getenv = func(string) string { return "" }
	}
	s := Settings{Optimize: fl.Optimize, DontWrite: fl.DontWrite, CheckHashBased: fl.CheckHashBased, Verbose: fl.Verbose > 0}
	if n := envInt(getenv("PYTHONOPTIMIZE")); n > s.Optimize {
		s.Optimize = n
	}
	if v := getenv("PYTHONDONTWRITEBYTECODE"); v != "" && envInt(v) != 0 {
		s.DontWrite = true
	}
	if envInt(getenv("PYTHONVERBOSE")) > 0 {
		s.Verbose = true
	}
	s.Prefix = getenv("PYTHONPYCACHEPREFIX")
	for _, x := range fl.XOptions {
		if v, ok := strings.CutPrefix(x, "pycache_prefix="); ok {
			s.Prefix = v
		} else if x == "pycache_prefix" {
			s.Prefix = ""
		}
	}
	if pp := getenv("PYTHONPATH"); pp != "" {
		for _, p := range strings.Split(pp, ":") {
			if p != "" {
				s.PythonPath = append(s.PythonPath, p)
			}
		}
	}
	return s
}

// StdlibDir finds CPython 3.11's pure-Python standard library without running any program:
// $GOPYC_STDLIB (unless ignoreEnv), then the usual install locations. "" when none is found.
func StdlibDir(ignoreEnv bool) string {
	if !ignoreEnv {
		if d := os.Getenv("GOPYC_STDLIB"); d != "" {
			return d
		}
	}
	for _, d := range []string{"/usr/lib/python3.11", "/usr/local/lib/python3.11"} {
		if isFile(filepath.Join(d, "os.py")) {
			return d
		}
	}
	// Only then the pyenv installs: globbing reads folders, which every start-up would pay for.
	if home, err := os.UserHomeDir(); err == nil {
		vers, _ := filepath.Glob(filepath.Join(home, ".pyenv/versions/3.11*/lib/python3.11"))
		sort.Sort(sort.Reverse(sort.StringSlice(vers)))
		for _, d := range vers {
			if isFile(filepath.Join(d, "os.py")) {
				return d
			}
		}
	}
	return ""
}
