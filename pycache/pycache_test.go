package pycache

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

type golden struct {
	CacheFromSource []struct {
		Path, Opt, Prefix, Result, Class, Msg string
	} `json:"cache_from_source"`
	SourceFromCache []struct {
		Path, Prefix, Result, Class, Msg string
	} `json:"source_from_cache"`
	SourceHash []struct{ Source, Hash string } `json:"source_hash"`
	Headers    []struct {
		Data, Class, Msg string
		Flags            *uint32
	}
}

func loadGolden(t *testing.T) *golden {
	data, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	return &g
}

func check(t *testing.T, what string, got string, err error, result, class, msg string) {
	t.Helper()
	if class != "" {
		var e *Error
		if !errors.As(err, &e) || e.Class != class || e.Msg != msg {
			t.Errorf("%s: got %q, %v; want %s: %s", what, got, err, class, msg)
		}
		return
	}
	if err != nil || got != result {
		t.Errorf("%s: got %q, %v; want %q", what, got, err, result)
	}
}

func TestPathsGolden(t *testing.T) {
	g := loadGolden(t)
	t.Chdir("/") // the generator ran in / too: relative paths under a prefix join the cwd
	for _, c := range g.CacheFromSource {
		got, err := CacheFromSource(c.Path, c.Opt, c.Prefix)
		check(t, fmt.Sprintf("CacheFromSource(%q, %q, %q)", c.Path, c.Opt, c.Prefix), got, err, c.Result, c.Class, c.Msg)
	}
	for _, c := range g.SourceFromCache {
		got, err := SourceFromCache(c.Path, c.Prefix)
		check(t, fmt.Sprintf("SourceFromCache(%q, %q)", c.Path, c.Prefix), got, err, c.Result, c.Class, c.Msg)
	}
	t.Logf("%d cache_from_source and %d source_from_cache cases", len(g.CacheFromSource), len(g.SourceFromCache))
}

func TestSourceHash(t *testing.T) {
	g := loadGolden(t)
	for _, c := range g.SourceHash {
		src, _ := hex.DecodeString(c.Source)
		h := SourceHash(src)
		if hex.EncodeToString(h[:]) != c.Hash {
			t.Errorf("SourceHash(%.20s...) = %x, want %s", c.Source, h, c.Hash)
		}
	}
	// PYCACHE.md's check values.
	for src, want := range map[string]string{"": "738d9cd5d5e87f73", "abc": "c7af82e77c1da4f5",
		"x = 1\n": "4c0372aa93f75252", "x = 1\r\n": "b89b65a62baf0c0a"} {
		if h := SourceHash([]byte(src)); hex.EncodeToString(h[:]) != want {
			t.Errorf("SourceHash(%q) = %x, want %s", src, h, want)
		}
	}
}

func TestHeaderExamples(t *testing.T) {
	h := TimestampHeader(time.Unix(1577836800, 0), 6)
	if got := hex.EncodeToString(h.Bytes()); got != "a70d0d0a0000000000e10b5e06000000" {
		t.Errorf("timestamp header %s", got)
	}
	h = HashHeader([]byte("V = 1\n"), true)
	if got := hex.EncodeToString(h.Bytes()); got != "a70d0d0a03000000db0ebeb2ef939c45" {
		t.Errorf("hash header %s", got)
	}
	if MtimeField(time.Unix(-2, 5e8)) != 0xFFFFFFFF || MtimeField(time.Unix(1<<32+7, 9e8)) != 7 {
		t.Error("MtimeField truncation")
	}
	for _, flags := range []uint32{0, 1, 2, 3} {
		h := Header{Flags: flags, Mtime: 0x01020304, Size: 0x0a0b0c0d, Hash: [8]byte{1, 2, 3, 4, 5, 6, 7, 8}}
		if !h.HashBased() {
			h.Hash = [8]byte{}
		} else {
			h.Mtime, h.Size = 0, 0
		}
		back, err := ParseHeader(h.Bytes(), "m")
		if err != nil || back != h {
			t.Errorf("flags %d: round trip %+v %v", flags, back, err)
		}
	}
}

func TestParseHeaderGolden(t *testing.T) {
	g := loadGolden(t)
	for _, c := range g.Headers {
		data, _ := hex.DecodeString(c.Data)
		h, err := ParseHeader(data, "mod.name")
		if c.Flags != nil {
			if err != nil || h.Flags != *c.Flags {
				t.Errorf("%s: got %+v, %v; want flags %d", c.Data, h, err, *c.Flags)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Class != c.Class || e.Msg != c.Msg {
			t.Errorf("%s: got %v; want %s: %s", c.Data, err, c.Class, c.Msg)
		}
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "m.gopyc-311.pyc")
	if err := WriteAtomic(target, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomicSync(target, []byte("second"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "second" {
		t.Errorf("content %q", b)
	}
	if names := listDir(t, dir); len(names) != 1 {
		t.Errorf("leftover files %v", names)
	}
	// A symlink at the target is replaced; its target is left alone.
	other := filepath.Join(dir, "other")
	os.WriteFile(other, []byte("keep"), 0o644)
	link := filepath.Join(dir, "link.pyc")
	if err := os.Symlink(other, link); err != nil {
		t.Skip(err)
	}
	if err := WriteAtomic(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(other); string(b) != "keep" {
		t.Error("symlink target modified")
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink != 0 {
		t.Error("symlink not replaced")
	}
}

// shortWriter accepts only part of the data, as a full disk or a file-size limit does.
type shortWriter struct {
	*os.File
	limit int
	err   error
}

func (w *shortWriter) Write(b []byte) (int, error) {
	if len(b) > w.limit {
		n, _ := w.File.Write(b[:w.limit])
		return n, w.err
	}
	return w.File.Write(b)
}

// TestWriteAtomicPartial is CPython defect 1: a short write must never be installed.
func TestWriteAtomicPartial(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "m.pyc")
	os.WriteFile(target, []byte("old complete file"), 0o644)
	for _, werr := range []error{nil, errors.New("no space left on device")} {
		err := writeAtomic(target, []byte("new data that will not fit"), 0o644, false, nil, func(f *os.File) writeFile {
			return &shortWriter{File: f, limit: 5, err: werr}
		})
		if err == nil {
			t.Fatal("short write not reported")
		}
		if werr == nil && !errors.Is(err, io.ErrShortWrite) {
			t.Errorf("got %v, want ErrShortWrite", err)
		}
		if b, _ := os.ReadFile(target); string(b) != "old complete file" {
			t.Errorf("target changed to %q", b)
		}
		if names := listDir(t, dir); len(names) != 1 {
			t.Errorf("temporary file left: %v", names)
		}
	}
}

func TestWriteAtomicErrors(t *testing.T) {
	dir := t.TempDir()
	// The target is a directory: the rename fails and the temporary file goes.
	sub := filepath.Join(dir, "m.pyc")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "x"), nil, 0o644)
	if err := WriteAtomic(sub, []byte("data"), 0o644); err == nil {
		t.Error("writing over a non-empty directory succeeded")
	}
	if names := listDir(t, dir); len(names) != 1 {
		t.Errorf("leftover files %v", names)
	}
	// A missing directory is an error.
	if err := WriteAtomic(filepath.Join(dir, "nope", "m.pyc"), nil, 0o644); err == nil {
		t.Error("missing directory not reported")
	}
	// A stale temporary file with our next name does not block the write.
	target := filepath.Join(dir, "t.pyc")
	next := fmt.Sprintf("%s.%d.%d.tmp", target, os.Getpid(), attempt.Load()+1)
	os.WriteFile(next, []byte("stale"), 0o644)
	if err := WriteAtomic(target, []byte("ok"), 0o600); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm()&^0o600 != 0 {
		t.Errorf("mode %v %v", fi.Mode(), err)
	}
}

// TestWriteAtomicConcurrent is CPython defect 2: concurrent writers never collide on a temporary
// name; every write succeeds and the result is one complete version.
func TestWriteAtomicConcurrent(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "m.pyc")
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs <- WriteAtomic(target, []byte(strings.Repeat(string(rune('a'+i%26)), 4096)), 0o644)
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	b, _ := os.ReadFile(target)
	if len(b) != 4096 || strings.Count(string(b), string(b[:1])) != 4096 {
		t.Error("torn result")
	}
	if names := listDir(t, dir); len(names) != 1 {
		t.Errorf("leftover files %v", names)
	}
}

func TestCacheMode(t *testing.T) {
	for in, want := range map[os.FileMode]os.FileMode{0o644: 0o644, 0o755: 0o644, 0o444: 0o644, 0o600: 0o600, 0: 0o200} {
		if got := CacheMode(in); got != want {
			t.Errorf("CacheMode(%o) = %o, want %o", in, got, want)
		}
	}
}

// TestWriteAtomicMkdir: the directory is made only when missing, and mkdir's error is returned.
func TestWriteAtomicMkdir(t *testing.T) {
	dir := t.TempDir()
	calls := 0
	sub := filepath.Join(dir, "a", "b")
	mkdir := func() error { calls++; return os.MkdirAll(sub, 0o777) }
	for i, want := range []int{1, 1} { // made by the first write, there for the second
		if err := WriteAtomicMkdir(filepath.Join(sub, "m.pyc"), []byte("data"), 0o644, mkdir); err != nil {
			t.Fatal(err)
		}
		if calls != want {
			t.Errorf("write %d: mkdir called %d times, want %d", i, calls, want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(sub, "m.pyc")); string(b) != "data" {
		t.Errorf("content %q", b)
	}
	boom := errors.New("boom")
	err := WriteAtomicMkdir(filepath.Join(dir, "c", "m.pyc"), nil, 0o644, func() error { return boom })
	if err != boom {
		t.Errorf("got %v, want mkdir's error", err)
	}
	// mkdir succeeding without making the directory: the write's own error.
	err = WriteAtomicMkdir(filepath.Join(dir, "d", "m.pyc"), nil, 0o644, func() error { return nil })
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v, want ENOENT", err)
	}
}
