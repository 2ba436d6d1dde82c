package imports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gopyc/bytecode"
	"gopyc/objects"
	"gopyc/pycache"
)

// fakeCompiler returns a minimal module code object ("return None") and counts its calls.
type fakeCompiler struct{ calls int }

func (f *fakeCompiler) compile(src []byte, filename string, optimize int) (*objects.Code, error) {
	f.calls++
	return &objects.Code{
		StackSize: 1,
		Code:      []byte{bytecode.RESUME, 0, bytecode.LOAD_CONST, 0, bytecode.RETURN_VALUE, 0},
		Consts:    []objects.Object{objects.NewStr(string(src))},
		Filename:  objects.NewStr(filename), Name: objects.NewStr("<module>"), QualName: objects.NewStr("<module>"),
		FirstLineNo: 1, LineTable: []byte{}, ExceptionTable: []byte{},
	}, nil
}

type env struct {
	t      *testing.T
	dir    string
	src    string
	cache  *Cache
	comp   fakeCompiler
	logged []string
}

func newEnv(t *testing.T, text string, mode os.FileMode) *env {
	t.Helper()
	e := &env{t: t, dir: t.TempDir()}
	e.src = filepath.Join(e.dir, "mod.py")
	e.setSource(text, time.Now().Add(-time.Hour))
	if err := os.Chmod(e.src, mode); err != nil {
		t.Fatal(err)
	}
	e.cache = &Cache{CheckHashBased: "default", Verbose: func(f string, a ...any) {
		e.logged = append(e.logged, strings.TrimSpace(strings.ReplaceAll(f, "%", "")))
	}}
	return e
}

func (e *env) setSource(text string, mtime time.Time) {
	if err := os.WriteFile(e.src, []byte(text), 0o644); err != nil {
		e.t.Fatal(err)
	}
	if err := os.Chtimes(e.src, mtime, mtime); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) cpath() string {
	p, err := e.cache.CachePath(e.src)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}

// load imports the module and returns the constant the fake compiler stored: the source text the
// code was compiled from.
func (e *env) load() string {
	e.t.Helper()
	code, err := e.cache.Code(e.src, "mod", e.comp.compile)
	if err != nil {
		e.t.Fatal(err)
	}
	if code.Filename.String() != e.src {
		e.t.Errorf("co_filename %q, want %q", code.Filename, e.src)
	}
	return code.Consts[0].(*objects.Str).String()
}

func (e *env) header() pycache.Header {
	data, err := os.ReadFile(e.cpath())
	if err != nil {
		e.t.Fatal(err)
	}
	h, err := pycache.ParseHeader(data, "mod")
	if err != nil {
		e.t.Fatal(err)
	}
	return h
}

func TestCacheWriteThenRead(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	for _, m := range []struct{ src, want os.FileMode }{{0o644, 0o644}, {0o755, 0o644}, {0o444, 0o644}, {0o600, 0o600}} {
		e := newEnv(t, "x = 1\n", m.src)
		if got := e.load(); got != "x = 1\n" || e.comp.calls != 1 {
			t.Fatalf("first load: %q, %d compiles", got, e.comp.calls)
		}
		if filepath.Base(e.cpath()) != "mod.gopyc-311.pyc" || filepath.Base(filepath.Dir(e.cpath())) != "__pycache__" {
			t.Errorf("cache path %s", e.cpath())
		}
		st, err := os.Stat(e.cpath())
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != m.want {
			t.Errorf("source mode %o: cache mode %o, want %o", m.src, st.Mode().Perm(), m.want)
		}
		sst, _ := os.Stat(e.src)
		if h := e.header(); h.Flags != 0 || h.Mtime != pycache.MtimeField(sst.ModTime()) || h.Size != 6 {
			t.Errorf("header %+v", h)
		}
		e.load()
		if e.comp.calls != 1 {
			t.Errorf("valid cache not used: %d compiles", e.comp.calls)
		}
	}
}

func TestCacheStaleAndCorrupt(t *testing.T) {
	e := newEnv(t, "x = 1\n", 0o644)
	e.load()
	// Same mtime, different size: stale.
	st, _ := os.Stat(e.src)
	e.setSource("x = 22\n", st.ModTime())
	if got := e.load(); got != "x = 22\n" || e.comp.calls != 2 {
		t.Errorf("size change not noticed: %q %d", got, e.comp.calls)
	}
	// Same size, older mtime: stale too.
	e.setSource("x = 33\n", st.ModTime().Add(-time.Hour))
	if got := e.load(); got != "x = 33\n" || e.comp.calls != 3 {
		t.Errorf("mtime change not noticed: %q %d", got, e.comp.calls)
	}
	// A valid header with a truncated body: recompiled and replaced.
	data, _ := os.ReadFile(e.cpath())
	if err := os.WriteFile(e.cpath(), data[:len(data)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Minute)
	_ = os.Chtimes(e.cpath(), old, old)
	if got := e.load(); got != "x = 33\n" || e.comp.calls != 4 {
		t.Errorf("corrupt body not recompiled: %d", e.comp.calls)
	}
	if now, _ := os.ReadFile(e.cpath()); !bytes.Equal(now, data) {
		t.Errorf("corrupt file not replaced with a whole one")
	}
	// Bad magic and bad flags: recompiled.
	for _, patch := range []func([]byte){func(b []byte) { b[0] ^= 1 }, func(b []byte) { b[4] = 4 }} {
		bad := append([]byte(nil), data...)
		patch(bad)
		_ = os.WriteFile(e.cpath(), bad, 0o644)
		_ = os.Chtimes(e.cpath(), old, old)
		n := e.comp.calls
		e.load()
		if e.comp.calls != n+1 {
			t.Errorf("bad header trusted")
		}
	}
}

// CPython defect 3: an edit within the same second as the cache write, keeping the size.
func TestCacheRacySameSecond(t *testing.T) {
	e := newEnv(t, "x = 1\n", 0o644)
	now := time.Now()
	sec := time.Unix(now.Unix(), 0)
	e.setSource("x = 1\n", sec)
	e.load()
	// The cache file's mtime is in the same second as the source's recorded mtime.
	_ = os.Chtimes(e.cpath(), sec.Add(500*time.Millisecond), sec.Add(500*time.Millisecond))
	e.setSource("x = 2\n", sec) // same size, same whole-second mtime
	if got := e.load(); got != "x = 2\n" {
		t.Errorf("racy cache trusted: got code for %q", got)
	}
	// Once the cache file is from a later second, it is trusted again.
	_ = os.Chtimes(e.cpath(), sec.Add(2*time.Second), sec.Add(2*time.Second))
	n := e.comp.calls
	e.load()
	if e.comp.calls != n {
		t.Errorf("settled cache not used")
	}
}

func TestCacheHashBased(t *testing.T) {
	for _, checked := range []bool{true, false} {
		e := newEnv(t, "x = 1\n", 0o644)
		code, _ := e.comp.compile([]byte("x = 1\n"), e.src, 0)
		e.cache.write(e.cpath(), mustStat(t, e.src), []byte("x = 1\n"), code, &pycache.Header{Flags: 1 | map[bool]uint32{true: 2, false: 0}[checked]})
		e.comp.calls = 0
		e.setSource("x = 9\n", time.Now().Add(-time.Hour))
		got := e.load()
		if checked && (got != "x = 9\n" || e.header().Flags != 3 || e.header().Hash != pycache.SourceHash([]byte("x = 9\n"))) {
			t.Errorf("checked hash: got %q, header %+v", got, e.header())
		}
		if !checked && (got != "x = 1\n" || e.comp.calls != 0) {
			t.Errorf("unchecked hash not trusted: %q", got)
		}
		if !checked {
			e.cache.CheckHashBased = "always"
			if got := e.load(); got != "x = 9\n" || e.header().Flags != 1 {
				t.Errorf("--check-hash-based-pycs always: %q flags %d", got, e.header().Flags)
			}
		} else {
			e.setSource("x = 7\n", time.Now().Add(-time.Hour))
			e.cache.CheckHashBased = "never"
			if got := e.load(); got != "x = 9\n" {
				t.Errorf("--check-hash-based-pycs never: %q", got)
			}
		}
	}
}

func mustStat(t *testing.T, p string) os.FileInfo {
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestCacheDontWriteAndPrefix(t *testing.T) {
	e := newEnv(t, "x = 1\n", 0o644)
	e.cache.DontWrite = true
	e.load()
	if _, err := os.Stat(e.cpath()); err == nil {
		t.Errorf("DontWrite wrote %s", e.cpath())
	}
	e.cache.DontWrite = false
	e.load()
	e.cache.DontWrite = true
	n := e.comp.calls
	e.load()
	if e.comp.calls != n {
		t.Errorf("DontWrite stopped reading a valid cache")
	}

	p := newEnv(t, "y = 1\n", 0o644)
	p.cache.Prefix = filepath.Join(t.TempDir(), "prefix")
	p.load()
	want := filepath.Join(p.cache.Prefix, strings.TrimPrefix(p.dir, "/"), "mod.gopyc-311.pyc")
	if p.cpath() != want {
		t.Errorf("prefix path %s, want %s", p.cpath(), want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Errorf("nothing written under the prefix: %v", err)
	}
	if _, err := os.Stat(filepath.Join(p.dir, "__pycache__")); err == nil {
		t.Errorf("__pycache__ created beside the source under a prefix")
	}

	o := newEnv(t, "z = 1\n", 0o644)
	o.cache.Optimize = 2
	o.load()
	if filepath.Base(o.cpath()) != "mod.gopyc-311.opt-2.pyc" || mustStat(t, o.cpath()) == nil {
		t.Errorf("opt-2 path %s", o.cpath())
	}
}

func TestCacheUnwritable(t *testing.T) {
	e := newEnv(t, "x = 1\n", 0o644)
	// __pycache__ is a file: the import still works and says why under -v.
	if err := os.WriteFile(filepath.Join(e.dir, "__pycache__"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := e.load(); got != "x = 1\n" {
		t.Fatal(got)
	}
	if !strings.Contains(strings.Join(e.logged, "\n"), "could not") {
		t.Errorf("no -v message for the failed write: %q", e.logged)
	}
	// The target is a directory.
	d := newEnv(t, "x = 1\n", 0o644)
	if err := os.MkdirAll(d.cpath(), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := d.load(); got != "x = 1\n" {
		t.Fatal(got)
	}
	left, _ := os.ReadDir(filepath.Dir(d.cpath()))
	if len(left) != 1 {
		t.Errorf("temporary file left behind: %v", left)
	}
}
