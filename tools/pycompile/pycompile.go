// Package pycompile is gopyc's Go-native py_compile: it compiles one Python source file with
// gopyc's compiler and writes the result as a .pyc cache file, with the API, messages and command
// line of CPython 3.11's py_compile module (run as `gopyc -m py_compile`).
//
// # Algorithm
//
// Compile follows CPython's py_compile.compile step by step, because the order of the steps is
// visible in which error wins: choose the invalidation mode (SOURCE_DATE_EPOCH non-empty means
// CHECKED_HASH, else TIMESTAMP); choose the cache path (PEP 3147 / PEP 488 through
// pycache.CacheFromSource, with this package's cache tag and prefix); refuse a cache path that is
// a symlink or exists and is not a regular file (FileExistsError); read the source; compile it
// with gopyc's compiler under the display name dfile (or file); on a compile error build a
// PyCompileError whose message is CPython's (traceback text for a plain SyntaxError, "Sorry:
// Class: str(exc)" otherwise) and print it, raise it or stay silent according to doraise and
// quiet; create the cache directory; build the 16-byte header (timestamp: the source's
// int(mtime) and size; hash: SipHash of the source bytes, checked or not) followed by the
// marshalled code; and write it atomically (pycache.WriteAtomic) with the source's mode
// (pycache.CacheMode). It writes even when bytecode writing is disabled (-B), as CPython does.
//
// Details CPython's users can see and this package reproduces: compile errors without a source
// line (those of the compiler proper) get the line from the file named by the display name, as
// PyErr_ProgramTextObject does; the tokenizer's SyntaxWarnings are printed to stderr in the
// warnings module's format (the compiler's own warnings, such as '"is" with a literal', need an
// API of package compile that does not exist yet); file names that are not UTF-8 become str
// values with lone surrogates (surrogateescape), in co_filename too, and print as \udcXX.
//
// # Invariants
//
// A cache file is either absent, unchanged, or complete: the write goes through a temporary file
// and a rename. Errors are typed as Python sees them: *PyCompileError for compile errors,
// *OSError for file-system errors (str() of it is CPython's "[Errno N] msg: 'name'"),
// *pycache.Error for invalid cache names. A panic in the compiler (a gopyc bug) becomes a
// PyCompileError of class SystemError rather than crashing a whole compileall run.
//
// Config carries the interpreter state CPython reads from sys (optimisation level, cache tag,
// pycache prefix) and the environment, so nothing here depends on package-level state.
package pycompile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"gopyc/compile"
	"gopyc/marshal"
	"gopyc/objects"
	"gopyc/pycache"
	"gopyc/syntax"
)

// Mode is py_compile.PycInvalidationMode; the zero value means "the default".
type Mode int

// Invalidation modes, numbered as CPython's enum.
const (
	Default       Mode = 0 // CHECKED_HASH if SOURCE_DATE_EPOCH is non-empty, else TIMESTAMP
	Timestamp     Mode = 1
	CheckedHash   Mode = 2
	UncheckedHash Mode = 3
)

// String is the enum member's name.
func (m Mode) String() string {
	switch m {
	case Timestamp:
		return "TIMESTAMP"
	case CheckedHash:
		return "CHECKED_HASH"
	case UncheckedHash:
		return "UNCHECKED_HASH"
	}
	return "None"
}

// ParseMode parses a command-line mode name: timestamp, checked-hash or unchecked-hash.
func ParseMode(s string) (Mode, bool) {
	switch s {
	case "timestamp":
		return Timestamp, true
	case "checked-hash":
		return CheckedHash, true
	case "unchecked-hash":
		return UncheckedHash, true
	}
	return Default, false
}

// PyCompileError is py_compile.PyCompileError.
type PyCompileError struct {
	ExcTypeName string // the class of the compile error, e.g. "SyntaxError"
	ExcValue    error  // the compile error itself
	File        string // the display name of the file (dfile or file)
	Msg         string // the message CPython builds (or the one given)
}

func (e *PyCompileError) Error() string { return e.Msg }

// NewPyCompileError builds the error as PyCompileError(type(err), err, file, msg) does: without a
// message, a plain SyntaxError gets its traceback text (with File "<string>" replaced by the file
// name) and anything else "Sorry: Class: str(err)".
func NewPyCompileError(err error, file, msg string) *PyCompileError {
	e := &PyCompileError{ExcValue: err, File: file}
	var se *syntax.Error
	var pe *pyError
	switch {
	case errors.As(err, &se):
		se = withProgramText(se)
		e.ExcTypeName = se.Kind.String()
		switch se.Kind {
		case syntax.SyntaxErrorKind:
			e.Msg = strings.ReplaceAll(formatSyntaxError(se), `File "<string>"`, `File "`+file+`"`)
		case syntax.IndentationErrorKind, syntax.TabErrorKind:
			e.Msg = "Sorry: " + e.ExcTypeName + ": " + syntaxErrorStr(se)
		default: // not a SyntaxError (MemoryError from the parser's stack limit): str() is the message
			e.Msg = "Sorry: " + e.ExcTypeName + ": " + se.Msg
		}
	case errors.As(err, &pe):
		e.ExcTypeName = pe.class
		e.Msg = "Sorry: " + pe.class + ": " + pe.msg
	default:
		e.ExcTypeName = "Exception"
		e.Msg = "Sorry: Exception: " + err.Error()
	}
	if msg != "" {
		e.Msg = msg
	}
	return e
}

// pyError is a Python exception other than SyntaxError met while compiling.
type pyError struct{ class, msg string }

func (e *pyError) Error() string { return e.class + ": " + e.msg }

// Config is the interpreter state py_compile reads from sys and the environment.
type Config struct {
	Optimize        int       // sys.flags.optimize: the level used for optimize=-1
	Tag             string    // cache tag; "" means pycache.Tag (gopyc-311)
	Prefix          string    // sys.pycache_prefix; "" for none
	SourceDateEpoch string    // $SOURCE_DATE_EPOCH: non-empty makes CHECKED_HASH the default
	Stderr          io.Writer // where compile errors go when doraise is false; nil: os.Stderr
}

// DefaultConfig is the configuration of a gopyc started without options: PYTHONOPTIMIZE,
// PYTHONPYCACHEPREFIX and SOURCE_DATE_EPOCH from the environment, the tag gopyc-311.
func DefaultConfig() *Config {
	c := &Config{Prefix: os.Getenv("PYTHONPYCACHEPREFIX"), SourceDateEpoch: os.Getenv("SOURCE_DATE_EPOCH")}
	if v := os.Getenv("PYTHONOPTIMIZE"); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			c.Optimize = n
		} else {
			c.Optimize = 1
		}
	}
	return c
}

// DefaultMode is the mode used when none is given.
func (c *Config) DefaultMode() Mode {
	if c.SourceDateEpoch != "" {
		return CheckedHash
	}
	return Timestamp
}

// CacheFromSource is importlib.util.cache_from_source(path, optimization) for this
// configuration's tag and prefix. optimization is "" for the default name.
func (c *Config) CacheFromSource(path, optimization string) (string, error) {
	p, err := pycache.CacheFromSource(path, optimization, c.Prefix)
	if err != nil || c.Tag == "" || c.Tag == pycache.Tag {
		return p, err
	}
	dir, base := "", p
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		dir, base = p[:i+1], p[i+1:]
	}
	i := strings.LastIndex(base, pycache.Tag)
	return dir + base[:i] + c.Tag + base[i+len(pycache.Tag):], nil
}

// OptimizationName is the optimization argument py_compile passes to cache_from_source for a
// level: "" for 0, the number for 1 and up, and for -1 the interpreter's own level.
func (c *Config) OptimizationName(optimize int) string {
	if optimize < 0 {
		optimize = c.Optimize
	}
	if optimize >= 1 {
		return strconv.Itoa(optimize)
	}
	return ""
}

// Compile is py_compile.compile with DefaultConfig.
func Compile(file, cfile, dfile string, doraise bool, optimize int, invalidationMode Mode, quiet int) (string, error) {
	return DefaultConfig().Compile(file, cfile, dfile, doraise, optimize, invalidationMode, quiet)
}

// Compile is py_compile.compile(file, cfile, dfile, doraise, optimize, invalidation_mode, quiet).
// It returns the cache file written, or "" when a compile error was printed or suppressed
// (doraise false, or quiet 2). File-system errors are always returned.
func (c *Config) Compile(file, cfile, dfile string, doraise bool, optimize int, invalidationMode Mode, quiet int) (string, error) {
	out, err := c.CompileSource(file, cfile, dfile, optimize, invalidationMode, nil, nil)
	var pce *PyCompileError
	if errors.As(err, &pce) {
		if quiet >= 2 {
			return "", nil
		}
		if doraise {
			return "", err
		}
		io.WriteString(c.stderr(), BackslashReplace(pce.Msg)+"\n")
		return "", nil
	}
	return out, err
}

// CompileSource is Compile with doraise true and quiet 0, for callers that already read the
// source (src) and stat it (info); either may be nil to have them read here. Compile errors are
// returned as *PyCompileError.
//
// src, when given, must not change while CompileSource runs (the parser shares its memory).
func (c *Config) CompileSource(file, cfile, dfile string, optimize int, mode Mode, src []byte, info fs.FileInfo) (string, error) {
	if mode == Default {
		mode = c.DefaultMode()
	}
	if cfile == "" {
		var err error
		if cfile, err = c.CacheFromSource(file, c.OptimizationName(optimize)); err != nil {
			return "", err
		}
	}
	if li, err := os.Lstat(cfile); err == nil {
		if li.Mode()&fs.ModeSymlink != 0 {
			return "", &OSError{Class: "FileExistsError", Strerror: cfile +
				" is a symlink and will be changed into a regular file if import writes a byte-compiled file to it"}
		}
		if !li.Mode().IsRegular() {
			return "", &OSError{Class: "FileExistsError", Strerror: cfile +
				" is a non-regular file and will be changed into a regular one if import writes a byte-compiled file to it"}
		}
	}
	if src == nil {
		b, err := ReadSource(file, -1)
		if err != nil {
			return "", ToOSError(err, file)
		}
		src = b
	}
	display := dfile
	if display == "" {
		display = file
	}
	ws := workspaces.Get().(*workspace)
	code, err := c.compileBytes(ws, src, display, optimize)
	if err != nil {
		// The workspace is dropped, not reused: a compilation that failed (or panicked, see
		// compileBytes) may have stopped with its arenas midway. Errors are rare.
		return "", NewPyCompileError(err, display, "")
	}
	defer workspaces.Put(ws)
	// The cache directory is made (os.makedirs, an existing one being fine) only when the write
	// finds it missing: checking first would cost a stat per file, and almost every directory
	// exists by its second file. (A failure of makedirs is still reported before any later
	// error of the write; the stat of the source and the marshalling, which CPython does after
	// makedirs, fail only for a source deleted meanwhile or an unmarshallable constant.)
	mkdir := func() error {
		if dir := dirname(cfile); dir != "" {
			if err := os.MkdirAll(dir, 0o777); err != nil {
				if _, serr := os.Lstat(dir); serr != nil {
					return ToOSError(err, dir)
				}
			}
		}
		return nil
	}
	if info == nil {
		info, err = os.Stat(file)
	}
	mode0 := fs.FileMode(0o666)
	var hdr pycache.Header
	switch {
	case mode == Timestamp:
		if err != nil {
			return "", ToOSError(err, file)
		}
		hdr = pycache.TimestampHeader(info.ModTime(), info.Size())
	default:
		hdr = pycache.HashHeader(src, mode == CheckedHash)
	}
	if err == nil {
		mode0 = pycache.CacheMode(info.Mode())
	}
	buf := hdr.Append(ws.out[:0])
	buf, err = marshal.AppendDumps(buf, code, marshal.Version)
	if err != nil {
		return "", NewPyCompileError(&pyError{"ValueError", err.Error()}, display, "")
	}
	werr := pycache.WriteAtomicMkdir(cfile, buf, mode0, mkdir)
	if cap(buf) <= 8<<20 {
		ws.out = buf
	}
	if werr != nil {
		return "", ToOSError(werr, cfile)
	}
	return cfile, nil
}

// A workspace holds what one compilation can hand on to the next: memory that the work on one
// file needs and that nothing outlives. CompileSource takes one from the pool for the whole
// of its work on a file (parse, compile, marshal, write) and puts it back at the end (unless
// the compilation failed), so a compileall worker keeps reusing the same, recently touched,
// memory.
type workspace struct {
	// out is the buffer the cache file is marshalled into: its bytes are written out before
	// CompileSource returns (growing a new buffer for every file was a sixth of what
	// compileall allocated).
	out []byte
	// parse holds the parser's arrays (see syntax.Arena), which the next file's parse
	// recycles: the tree parsed in it, and the code object compiled from it, are dead once
	// CompileSource has marshalled the code object.
	parse syntax.Arena
	// code is where the compiler cuts the code object from (see compile.Arena): the code
	// object is dead once marshalled, before the next compilation starts.
	code compile.Arena
}

var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// compileBytes runs gopyc's compiler like compile(src, name, "exec", dont_inherit=True,
// optimize=optimize), turning a compiler panic into a SystemError. It is compile.Source with the
// parser's warnings kept: SyntaxWarnings are printed to c.Stderr as CPython's default warning
// filters show them (DeprecationWarnings are ignored by those filters).
func (c *Config) compileBytes(ws *workspace, src []byte, name string, optimize int) (code *objects.Code, err error) {
	if optimize < -1 || optimize > 2 {
		return nil, &pyError{"ValueError", "compile(): invalid optimize value"}
	}
	if optimize < 0 {
		optimize = c.Optimize
		if optimize > 2 {
			optimize = 2
		}
	}
	defer func() {
		if r := recover(); r != nil {
			code, err = nil, &pyError{"SystemError", fmt.Sprintf("gopyc compiler panic: %v", r)}
		}
	}()
	// The file name becomes a Python str: bytes that are not UTF-8 become lone surrogates
	// (os.fsdecode), which marshal writes as CPython does (surrogatepass).
	pyName := surrogateEscape(name)
	// SourceOwned spares the parser a copy of the whole source: CompileSource's callers (its
	// own ReadSource, compileall's) never modify src, and nothing made from it outlives the
	// call: the code object is only marshalled, and MarshalOnly keeps its strs out of the
	// process-wide intern table.
	mod, warnings, err := syntax.ParseArena(&ws.parse, pyName, src, syntax.Exec, syntax.SourceOwned)
	if err != nil {
		return nil, err
	}
	c.printWarnings(warnings, name)
	return compile.Compile(mod, pyName, compile.Options{Optimize: optimize, Mode: "exec", MarshalOnly: true, Arena: &ws.code})
}

// printWarnings writes the SyntaxWarnings as warnings.showwarning does: "file:line: Category:
// message" and the stripped source line, read (as linecache does) from the file named in the
// warning, which is the display name.
func (c *Config) printWarnings(ws []syntax.Warning, name string) {
	var lines []string
	for _, w := range ws {
		if w.Category != "SyntaxWarning" {
			continue
		}
		if lines == nil {
			data, err := os.ReadFile(name)
			if err != nil {
				data = nil
			}
			lines = strings.SplitAfter(decodeReplace(string(data)), "\n")
		}
		msg := fmt.Sprintf("%s:%d: %s: %s\n", name, w.Lineno, w.Category, w.Msg)
		if w.Lineno >= 1 && w.Lineno <= len(lines) {
			if l := strings.TrimFunc(lines[w.Lineno-1], isSpace); l != "" {
				msg += "  " + l + "\n"
			}
		}
		io.WriteString(c.stderr(), BackslashReplace(msg))
	}
}

func (c *Config) stderr() io.Writer {
	if c.Stderr == nil {
		return os.Stderr
	}
	return c.Stderr
}

// dirname is os.path.dirname: everything before the last slash, with trailing slashes removed
// unless it is all slashes.
func dirname(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	head := p[:i+1]
	if t := strings.TrimRight(head, "/"); t != "" {
		return t
	}
	return head
}

// ReadSource is os.ReadFile for a source file whose size is probably size (from a stat; any
// value works): it reads with plain system calls on the descriptor, without *os.File's set-up
// for the network poller (fcntl calls and a refused epoll registration for a regular file),
// which would double the system calls of reading a small file. Errors are *fs.PathError.
func ReadSource(path string, size int64) ([]byte, error) { return ReadSourceInto(nil, path, size) }

// ReadSourceInto is ReadSource reading into buf's array when it has room for the file (buf's
// contents do not matter; the result may share its memory, so the caller must not use buf
// again while it uses the result).
func ReadSourceInto(buf []byte, path string, size int64) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	if size < 0 || size > 1<<30 {
		size = 0
	}
	if int64(cap(buf)) < size+1 { // one more byte: the read that sees the end needs room
		buf = make([]byte, 0, size+1)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := cap(buf) - len(buf)
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if size > 0 && n < want {
			// A read of a regular file (the caller's stat found one of this size) returns less
			// than asked only at the end: no second read is needed to see it.
			return buf, nil
		}
	}
}
