// The import system's use of the bytecode cache: given a source file, find a cache file that may
// be trusted, or compile the source and write one, by the rules of ../shared/PYCACHE.md.
//
// Reading (Cache.Code): stat the source, read the whole cache file (a missing or unreadable one is no
// cache), parse the 16-byte header (bad magic, short file or bad flags: recompile and rewrite),
// then validate:
//   - timestamp form: the mtime and size fields must equal the source's; and, unlike CPython, the
//     file must not be "racy": when the cache file's own mtime falls in the same whole second as
//     the source mtime it records, the source may have been edited again within that second
//     without changing its size, so the file is not trusted (the rule git uses for its index);
//   - hash form: checked files are validated by hashing the source, unchecked ones are trusted;
//     --check-hash-based-pycs always|never overrides the file's check bit.
//
// A file that validates but whose body does not unmarshal to a code object is recompiled and
// replaced (CPython fails the import instead). Every code object loaded gets co_filename set to the
// real source path.
//
// Writing: never when DontWrite (-B, PYTHONDONTWRITEBYTECODE, sys.dont_write_bytecode); otherwise in
// the timestamp form, or in the hash form with the same check bit when the file being replaced was
// hash-based. The file mode is (source mode | 0o200) & 0o666 less the umask; __pycache__ is created
// 0o777 less the umask (under a prefix, every missing folder); the write is atomic
// (pycache.WriteAtomic). Failing to write is never an error for the program: the reason goes to the
// verbose log.

package imports

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"gopyc/objects"
	"gopyc/pycache"
)

// Cache holds the settings that decide how modules use __pycache__.
type Cache struct {
	Optimize       int    // 0, 1 or 2 (-O, -OO, PYTHONOPTIMIZE): each level has its own file
	Prefix         string // pycache_prefix; "" for none
	DontWrite      bool   // read valid caches but never write
	CheckHashBased string // "default", "always" or "never"
	// Verbose, when set, receives what -v prints about the cache.
	Verbose func(format string, args ...any)
}

// Compiler compiles source bytes to a module code object at the given optimisation level.
type Compiler func(source []byte, filename string, optimize int) (*objects.Code, error)

func (c *Cache) logf(format string, args ...any) {
	if c.Verbose != nil {
		c.Verbose(format, args...)
	}
}

// CachePath returns the cache file for a source path under these settings.
func (c *Cache) CachePath(source string) (string, error) {
	opt := ""
	if c.Optimize > 0 {
		opt = fmt.Sprint(c.Optimize)
	}
	return pycache.CacheFromSource(source, opt, c.Prefix)
}

// FirstLoad, when set before the first import, is called once, when Cache.Code is first asked for
// a module: the start of the program's first burst of imports. cmd/gopyc starts its start-up
// collector policy there.
var FirstLoad func()

var firstLoad sync.Once

// Code returns the code object of the module whose source is at path: from a valid cache file, or
// compiled (and then cached when allowed). name is the module name for messages.
func (c *Cache) Code(path, name string, compile Compiler) (*objects.Code, error) {
	if FirstLoad != nil {
		firstLoad.Do(FirstLoad)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	cpath, cerr := c.CachePath(path)
	var source []byte
	var prev *pycache.Header
	if cerr == nil {
		code, hdr, src := c.read(path, cpath, name, st)
		if code != nil {
			return code, nil
		}
		prev, source = hdr, src
	}
	if source == nil {
		if source, err = os.ReadFile(path); err != nil {
			return nil, err
		}
	}
	code, err := compile(source, path, c.Optimize)
	if err != nil {
		return nil, err
	}
	if cerr == nil && !c.DontWrite {
		c.write(cpath, st, source, code, prev)
	}
	return code, nil
}

// read returns the code from a trustworthy cache file, or nil together with what the caller should
// reuse: the header of a well-formed file (to keep its form on rewrite) and the source bytes when
// they were read for a hash check.
func (c *Cache) read(path, cpath, name string, st fs.FileInfo) (*objects.Code, *pycache.Header, []byte) {
	bp := readBufs.Get().(*[]byte)
	data, cmtime, ok := readCacheFile(cpath, *bp)
	defer func() {
		if cap(data) > cap(*bp) && cap(data) <= maxReadBuf {
			*bp = data[:0]
		}
		readBufs.Put(bp)
	}()
	if !ok {
		return nil, nil, nil
	}
	hdr, err := pycache.ParseHeader(data, name)
	if err != nil {
		c.logf("# %s: %v; recompiling", cpath, err)
		return nil, nil, nil
	}
	var source []byte
	if hdr.HashBased() {
		check := hdr.CheckSource()
		switch c.CheckHashBased {
		case "always":
			check = true
		case "never":
			check = false
		}
		if check {
			if source, err = os.ReadFile(path); err != nil {
				return nil, &hdr, nil
			}
			if err := hdr.ValidateHash(source, name); err != nil {
				c.logf("# %v", err)
				return nil, &hdr, source
			}
		}
	} else {
		if err := hdr.ValidateTimestamp(st.ModTime(), st.Size(), name); err != nil {
			c.logf("# %v", err)
			return nil, &hdr, nil
		}
		if hdr.IsRacy(cmtime) {
			c.logf("# bytecode for %s was written in the same second as its source; recompiling", objects.ReprStr(name))
			return nil, &hdr, nil
		}
	}
	_, code, err := pycache.ReadPyc(data, name, cpath)
	if err != nil {
		c.logf("# %s has a bad body (%v); recompiling and replacing it", cpath, err)
		return nil, &hdr, source
	}
	pycache.FixFilename(code, path)
	if c.Verbose != nil { // on every import: no repr (nor argument slice) unless it is printed
		c.logf("# code object from %s", objects.ReprStr(cpath))
	}
	return code, nil, nil
}

// readBufs recycles the buffers cache files are read into. Nothing read from a cache file refers
// to its bytes (marshal.Loads copies what it keeps, ParseHeader returns values), so one buffer
// serves import after import instead of each file allocating, and faulting in, fresh memory.
var readBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxReadBuf is the largest buffer readBufs keeps.
const maxReadBuf = 1 << 20

// sized returns buf[:n] when buf can hold n bytes, else a new slice of n bytes.
func sized(buf []byte, n int) []byte {
	if cap(buf) >= n {
		return buf[:n]
	}
	return make([]byte, n)
}

func (c *Cache) write(cpath string, st fs.FileInfo, source []byte, code *objects.Code, prev *pycache.Header) {
	hdr := pycache.TimestampHeader(st.ModTime(), st.Size())
	if prev != nil && prev.HashBased() {
		hdr = pycache.HashHeader(source, prev.CheckSource())
	}
	data, err := pycache.Pyc(hdr, code)
	if err != nil {
		c.logf("# could not marshal the code for %s: %v", cpath, err)
		return
	}
	dir := filepath.Dir(cpath)
	if c.Prefix != "" {
		err = os.MkdirAll(dir, 0o777)
	} else if err = os.Mkdir(dir, 0o777); errors.Is(err, fs.ErrExist) {
		err = nil
	}
	if err != nil {
		c.logf("# could not create %s: %v", objects.ReprStr(dir), err)
		return
	}
	if err := pycache.WriteAtomic(cpath, data, pycache.CacheMode(st.Mode())); err != nil {
		c.logf("# could not write %s: %v", objects.ReprStr(cpath), err)
		return
	}
	if c.Verbose != nil {
		c.logf("# wrote %s", objects.ReprStr(cpath))
	}
}
