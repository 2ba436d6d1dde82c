package pycache

import (
	"os"
	"strings"
	"unicode"

	"gopyc/objects"
)

// Tag is sys.implementation.cache_tag for gopyc.
const Tag = "gopyc-311"

const (
	pycacheDir   = "__pycache__"
	optPrefix    = "opt-"
	sourceSuffix = ".py"
	cacheSuffix  = ".pyc"
)

// pathSplit is importlib's _path_split: split at the last separator.
func pathSplit(p string) (string, string) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "", p
	}
	return p[:i], p[i+1:]
}

// pathJoin is importlib's _path_join on POSIX: non-empty parts with trailing separators removed,
// joined by separators.
func pathJoin(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, strings.TrimRight(p, "/"))
		}
	}
	return strings.Join(kept, "/")
}

// isAlnum is Python's str.isalnum: non-empty and every character a letter or a number.
func isAlnum(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
	}
	return true
}

// CacheFromSource is importlib.util.cache_from_source(path, optimization=...) for gopyc:
// optimization is the string form of the optimisation level ("" for none: the default at
// level 0; "1", "2" for -O, -OO; an explicit "0" gives ".opt-0"), and prefix is
// sys.pycache_prefix ("" for none). A relative path under a prefix is made absolute with the
// working directory. Like CPython 3.11, a source directly in / under a prefix is an IndexError.
func CacheFromSource(path, optimization, prefix string) (string, error) {
	head, tail := pathSplit(path)
	base, sep, rest := rpartition(tail, ".")
	if base == "" {
		base = rest
	}
	name := base + sep + Tag
	if optimization != "" {
		if !isAlnum(optimization) {
			return "", &Error{"ValueError", objects.ReprStr(optimization) + " is not alphanumeric"}
		}
		name += "." + optPrefix + optimization
	}
	name += cacheSuffix
	if prefix != "" {
		if !strings.HasPrefix(head, "/") {
			wd, err := os.Getwd()
			if err != nil {
				return "", err
			}
			head = pathJoin(wd, head)
		}
		// CPython indexes head[1] here (looking for a Windows drive), which raises IndexError
		// for a source directly under / (head ""); keep its behaviour.
		if len(head) < 2 {
			return "", &Error{"IndexError", "string index out of range"}
		}
		return pathJoin(prefix, strings.TrimLeft(head, "/"), name), nil
	}
	return pathJoin(head, pycacheDir, name), nil
}

// SourceFromCache is importlib.util.source_from_cache(path) for gopyc, with sys.pycache_prefix
// given as prefix ("" for none).
func SourceFromCache(path, prefix string) (string, error) {
	head, name := pathSplit(path)
	found := false
	if prefix != "" {
		stripped := strings.TrimRight(prefix, "/")
		if strings.HasPrefix(head, stripped+"/") {
			head = head[len(stripped):]
			found = true
		}
	}
	if !found {
		var dir string
		head, dir = pathSplit(head)
		if dir != pycacheDir {
			return "", &Error{"ValueError", pycacheDir + " not bottom-level directory in " + objects.ReprStr(path)}
		}
	}
	switch strings.Count(name, ".") {
	case 2:
	case 3:
		parts := strings.Split(name, ".")
		opt := parts[2]
		if !strings.HasPrefix(opt, optPrefix) {
			return "", &Error{"ValueError", "optimization portion of filename does not start with " + objects.ReprStr(optPrefix)}
		}
		if !isAlnum(opt[len(optPrefix):]) {
			return "", &Error{"ValueError", "optimization level " + objects.ReprStr(opt) + " is not an alphanumeric value"}
		}
	default:
		return "", &Error{"ValueError", "expected only 2 or 3 dots in " + objects.ReprStr(name)}
	}
	base, _, _ := strings.Cut(name, ".")
	return pathJoin(head, base+sourceSuffix), nil
}

// rpartition is Python's str.rpartition.
func rpartition(s, sep string) (string, string, string) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", "", s
	}
	return s[:i], sep, s[i+len(sep):]
}
