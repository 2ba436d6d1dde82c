// Package compileall is gopyc's Go-native compileall: it byte-compiles directory trees and files
// with gopyc's compiler into .pyc cache files, with the API semantics, output, options and exit
// statuses of CPython 3.11's compileall module (run as `gopyc -m compileall`), and compiles in
// parallel on goroutines.
//
// # Algorithm
//
// The walk is CPython's _walk_dir: "Listing 'dir'..." (unless quiet), the names of the directory
// sorted, `__pycache__` skipped, every name that is not a directory (following symlinks) yielded
// as a file, and real directories (not symlinks to directories, not . or ..) entered while the
// level budget (maxlevels, default the recursion limit 1000) lasts. A directory whose files the
// -x pattern all excludes (the pattern matches the directory's path and a slash, and asserts
// nothing about what follows a match) is still listed, for the same "Listing" and "Can't list"
// lines, but its files are not visited: compile_file would return at once for each.
//
// Each file goes through compile_file's steps: the display name (ddir, or stripdir/prependdir
// rewriting of the path, with CPython's exact os.path.join and list.remove quirks), the -x regular
// expression searched in the full path, the -e check that a symlink resolves under the given
// directory, the cache path for every optimisation level (PEP 3147 names, or legacy "file.pyc"
// beside the source with -b), and for .py files the up-to-date check: every cache file's first 12
// bytes must equal the magic, flags 0 and the source's int(mtime) (the size is not compared); any
// difference or read error means compile. Compilation goes through pycompile.Config.CompileSource
// once per level (the source is read once), and with --hardlink-dupes a level whose file is
// byte-identical to the previous level's is replaced by a hard link to it.
//
// # Parallelism and output order
//
// With -j N (0 = all cores) a producer goroutine walks the tree and queues files, numbered in
// walk order, for N workers, up to thousands ahead of them; a worker takes the largest of the
// next 64 queued files (so that no big file is left to compile alone at the end). Each file's
// output (and the "Listing" lines the walk printed before reaching it) is collected in a buffer,
// and the buffers are written in walk order by whichever worker completes the next one. The
// output is therefore byte-identical to -j1's, which is CPython's -j1 output (CPython's own -j
// output interleaves nondeterministically). The exit status is the AND of every file's result.
//
// # gopyc extensions and differences
//
// --cache-tag TAG writes (and checks) cache files named for another interpreter, e.g. cpython-311
// to run CPython's own tests on gopyc-compiled bytecode; --prefix DIR is PYTHONPYCACHEPREFIX for
// one run. -x patterns use Go's RE2 syntax, which accepts the usual Python patterns; one RE2
// rejects (backreferences, lookaround) ends the run with status 1, as re.error does in CPython.
// Temporary file names in write errors differ from CPython's by design (see PYCACHE.md). On a
// terminal, output is flushed file by file under a live "[N files, E errors]" status line.
//
// # Invariants
//
// Nothing is printed out of walk order; a failed file never stops the others (as in CPython),
// except in compile_path, which like CPython stops at the first directory that fails. Exceptions
// that CPython lets escape as a traceback (ValueError for bad argument combinations, re.error)
// are returned as errors and end the command with status 1.
package compileall

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"gopyc/pycache"
	"gopyc/tools/pycompile"
)

// Config is the interpreter state compileall depends on.
type Config struct {
	*pycompile.Config
	SysPath        []string // sys.path, compiled (one level deep) when no file or directory is given
	RecursionLimit int      // sys.getrecursionlimit(): the default maxlevels; 0 means 1000
}

// DefaultConfig is pycompile.DefaultConfig with the sys.path of `gopyc -m compileall` as far as
// this package can know it: the current directory (absolute, as -m makes sys.path[0]) and
// $GOPYC_STDLIB when set. The gopyc command line should set SysPath to the real sys.path.
func DefaultConfig() *Config {
	c := &Config{Config: pycompile.DefaultConfig()}
	if wd, err := os.Getwd(); err == nil {
		c.SysPath = append(c.SysPath, wd)
	}
	if lib := os.Getenv("GOPYC_STDLIB"); lib != "" {
		c.SysPath = append(c.SysPath, lib)
	}
	return c
}

// Options are the parameters of compile_dir and compile_file.
type Options struct {
	MaxLevels        int     // recursion levels; negative means the recursion limit
	DDir             *string // -d
	StripDir         *string // -s
	PrependDir       *string // -p
	Force            bool
	Rx               *regexp.Regexp
	Quiet            int
	Legacy           bool
	Optimize         []int // optimisation levels; empty means [-1]
	Workers          int   // compile_dir only: 1 sequential, 0 all cores
	InvalidationMode pycompile.Mode
	LimitSlDest      *string // -e
	HardlinkDupes    bool

	stop *atomic.Bool // set by Main on SIGINT: finish the current files and stop
}

// DefaultOptions are compile_dir's defaults: full recursion, timestamps checked, one worker,
// the interpreter's optimisation level, the default invalidation mode.
func DefaultOptions() *Options { return &Options{MaxLevels: -1, Workers: 1} }

// ErrInterrupted is returned by CompileDir when Main's interrupt flag stopped the walk.
var ErrInterrupted = errors.New("interrupted")

func (o *Options) stopped() bool { return o.stop != nil && o.stop.Load() }

// ValueError is a Python ValueError escaping from compile_dir or compile_file.
type ValueError struct{ Msg string }

func (e *ValueError) Error() string { return "ValueError: " + e.Msg }

var errDDir = &ValueError{"Destination dir (ddir) cannot be used in combination with stripdir or prependdir"}

// pjoin is os.path.join on POSIX.
func pjoin(a string, parts ...string) string {
	for _, b := range parts {
		switch {
		case strings.HasPrefix(b, "/"):
			a = b
		case a == "" || strings.HasSuffix(a, "/"):
			a += b
		default:
			a += "/" + b
		}
	}
	return a
}

// basename is os.path.basename.
func basename(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

// isFile is os.path.isfile: a regular file, following symlinks.
func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// isDir is os.path.isdir.
func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// isLink is os.path.islink.
func isLink(p string) bool {
	fi, err := os.Lstat(p)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

func (c *Config) stderr() io.Writer {
	if c.Stderr == nil {
		return os.Stderr
	}
	return c.Stderr
}

func (c *Config) limit() int {
	if c.RecursionLimit > 0 {
		return c.RecursionLimit
	}
	return 1000
}

// dirEntry is a name in a directory and its type (fs.ModeDir, fs.ModeSymlink, 0 for a regular
// file, or another type bit), not following symlinks.
type dirEntry struct {
	name string
	typ  fs.FileMode
}

// walkDir is _walk_dir: it calls yield for every file in walk order, writing "Listing" and
// "Can't list" lines to w as it goes.
func walkDir(w io.Writer, dir string, maxlevels, quiet int, yield func(string) error) error {
	return (&walker{w: w, quiet: quiet, yield: yield}).dir(dir, maxlevels)
}

// walker is the state of a walk.
type walker struct {
	w     io.Writer
	quiet int
	yield func(string) error
	// excluded, when not nil, reports whether every file under a directory would be skipped by
	// -x (see excludedTrees); stopped reports an interrupt (checked per file by yield).
	excluded func(dir string) bool
	stopped  func() bool
}

func (wk *walker) dir(dir string, maxlevels int) error {
	if wk.quiet == 0 {
		fmt.Fprintf(wk.w, "Listing %s...\n", pycompile.Repr(dir))
	}
	ents, err := readDir(dir, false)
	if err != nil {
		if wk.quiet < 2 {
			fmt.Fprintf(wk.w, "Can't list %s\n", pycompile.Repr(dir))
		}
		ents = nil
	}
	sortEntries(ents)
	for _, e := range ents {
		name := e.name
		if name == "__pycache__" {
			continue
		}
		full := pjoin(dir, name)
		t := e.typ
		dirLike, link := t.IsDir(), t&fs.ModeSymlink != 0
		if link {
			dirLike = isDir(full)
		}
		if !dirLike {
			if err := wk.yield(full); err != nil {
				return err
			}
		} else if maxlevels > 0 && name != "." && name != ".." && !link {
			if wk.excluded != nil && wk.excluded(full) {
				err = wk.excludedDir(full, maxlevels-1)
			} else {
				err = wk.dir(full, maxlevels-1)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// excludedDir is dir for a directory whose files -x all excludes (compile_file returns at once
// for each, printing nothing): it prints the same "Listing" and "Can't list" lines, but lists
// only the subdirectories and yields nothing. CPython walks such trees in full, as the walk did
// before: under the oracle's site-packages, 5,000 directories and 38,000 files.
func (wk *walker) excludedDir(dir string, maxlevels int) error {
	if wk.stopped != nil && wk.stopped() {
		return ErrInterrupted
	}
	if wk.quiet == 0 {
		fmt.Fprintf(wk.w, "Listing %s...\n", pycompile.Repr(dir))
	}
	ents, err := readDir(dir, true)
	if err != nil {
		if wk.quiet < 2 {
			fmt.Fprintf(wk.w, "Can't list %s\n", pycompile.Repr(dir))
		}
		return nil
	}
	if maxlevels <= 0 {
		return nil
	}
	sortEntries(ents)
	for _, e := range ents {
		if e.name == "__pycache__" || e.name == "." || e.name == ".." {
			continue
		}
		if err := wk.excludedDir(pjoin(dir, e.name), maxlevels-1); err != nil {
			return err
		}
	}
	return nil
}

// sortEntries sorts ents by name as Python sorts os.listdir's names (pycompile.LessFSName),
// comparing bytes when all are UTF-8 (which LessFSName checks on every comparison).
func sortEntries(ents []dirEntry) {
	for _, e := range ents {
		if !utf8.ValidString(e.name) {
			sort.Slice(ents, func(i, j int) bool { return pycompile.LessFSName(ents[i].name, ents[j].name) })
			return
		}
	}
	slices.SortFunc(ents, func(a, b dirEntry) int { return strings.Compare(a.name, b.name) })
}

// excludedTrees returns a function that reports whether rx excludes every file under a
// directory, or nil when that cannot be known from the directory alone. A file's path starts
// with the directory's path and a slash, so a match in that prefix is a match in every such
// path, as long as the pattern asserts nothing about what follows a match ($, \z, \b, \B).
// Files are checked before the -x test for --hardlink-dupes with one level, so that error
// keeps the walk as it was.
func excludedTrees(o *Options) func(string) bool {
	if o.Rx == nil || o.HardlinkDupes {
		return nil
	}
	re, err := syntax.Parse(o.Rx.String(), syntax.Perl)
	if err != nil || !prefixStable(re) {
		return nil
	}
	rx := o.Rx
	return func(dir string) bool { return rx.MatchString(dir + "/") }
}

// prefixStable reports whether re has no assertion about the text after a position.
func prefixStable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEndLine, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return false
	}
	for _, sub := range re.Sub {
		if !prefixStable(sub) {
			return false
		}
	}
	return true
}

// CompileDir is compile_dir(dir, ...): it compiles every file of the tree and reports whether
// all succeeded; output goes to w.
func (c *Config) CompileDir(w io.Writer, dir string, o *Options) (bool, error) {
	oo := *o
	if oo.DDir != nil && (oo.StripDir != nil || oo.PrependDir != nil) {
		return false, errDDir
	}
	if oo.DDir != nil {
		oo.StripDir, oo.PrependDir, oo.DDir = &dir, oo.DDir, nil
	}
	if oo.Workers < 0 {
		return false, &ValueError{"workers must be greater or equal to 0"}
	}
	maxlevels := oo.MaxLevels
	if maxlevels < 0 {
		maxlevels = c.limit()
	}
	workers := oo.Workers
	if workers == 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, 256) // goroutines beyond that only cost memory
	if workers == 1 {
		success := true
		wk := &walker{w: w, quiet: oo.Quiet, excluded: excludedTrees(&oo), stopped: oo.stopped,
			yield: func(file string) error {
				if oo.stopped() {
					return ErrInterrupted
				}
				ok, err := c.CompileFile(w, file, &oo)
				success = success && ok
				flushTTY(w, ok)
				return err
			}}
		err := wk.dir(dir, maxlevels)
		return success, err
	}
	return c.compileParallel(w, dir, maxlevels, workers, &oo)
}

type job struct {
	idx  int
	pre  []byte      // walk output printed before this file
	file string      // "" for the trailing walk output
	info fs.FileInfo // the walker's stat of a .py file, nil when not made or failed
}

type result struct {
	idx    int
	out    []byte // stdout
	errOut []byte // stderr (compiler warnings)
	ok     bool
	err    error
}

// lookahead is how many of the walk's next files a worker chooses from (see workQueue).
const lookahead = 64

// maxQueued bounds the files the walker queues ahead of the workers (a few hundred bytes each):
// far more than the workers compile while the walker lists the largest excluded tree.
const maxQueued = 4096

// workQueue hands the walker's files to the workers. The walker can run far ahead of them:
// trees whose files -x excludes (site-packages) hold the walker for tens of milliseconds of
// listing with no file to hand out, and with a queue of a few files the workers sat idle
// meanwhile. A worker takes the largest of the next lookahead files in walk order: the big
// files then do not come last, when one worker would compile alone while the others wait, and
// the output, still written in walk order, lags the compiling by at most that window.
type workQueue struct {
	mu       sync.Mutex
	cond     sync.Cond // workers wait on it for a job
	space    sync.Cond // the walker waits on it for room (maxQueued)
	jobs     []job     // in walk order from head; taken marks the ones handed out
	taken    []bool    // parallel to jobs
	head     int
	untaken  int
	closed   bool // the walk ended
	stopped  bool // the run stopped: hand out nothing more
	waitRoom bool // the walker waits on space
}

func newWorkQueue() *workQueue {
	q := &workQueue{}
	q.cond.L, q.space.L = &q.mu, &q.mu
	return q
}

// push adds a job, waiting while maxQueued are queued; it reports false when the run has
// stopped.
func (q *workQueue) push(j job) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.untaken >= maxQueued && !q.stopped {
		q.waitRoom = true
		q.space.Wait()
	}
	if q.stopped {
		return false
	}
	if q.head > 0 && q.head >= len(q.jobs)/2 { // reuse the handed-out front
		n := copy(q.jobs, q.jobs[q.head:])
		copy(q.taken, q.taken[q.head:])
		clear(q.jobs[n:])
		q.jobs, q.taken, q.head = q.jobs[:n], q.taken[:n], 0
	}
	q.jobs = append(q.jobs, j)
	q.taken = append(q.taken, false)
	q.untaken++
	q.cond.Signal()
	return true
}

// pop takes the next job (see workQueue); it reports false at the end of the work.
func (q *workQueue) pop() (job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		for q.head < len(q.jobs) && q.taken[q.head] {
			q.jobs[q.head] = job{}
			q.head++
		}
		if q.stopped || q.head == len(q.jobs) && q.closed {
			return job{}, false
		}
		if q.head < len(q.jobs) {
			break
		}
		q.cond.Wait()
	}
	best, size := q.head, jobSize(&q.jobs[q.head])
	for i := q.head + 1; i < min(len(q.jobs), q.head+lookahead); i++ {
		if s := jobSize(&q.jobs[i]); !q.taken[i] && s > size {
			best, size = i, s
		}
	}
	q.taken[best] = true
	q.untaken--
	if q.waitRoom {
		q.waitRoom = false
		q.space.Signal()
	}
	j := q.jobs[best]
	q.jobs[best] = job{}
	return j, true
}

func jobSize(j *job) int64 {
	if j.info == nil {
		return 0
	}
	return j.info.Size()
}

// end marks the end of the walk (stop false) or of the whole run (stop true).
func (q *workQueue) end(stop bool) {
	q.mu.Lock()
	q.closed = true
	q.stopped = q.stopped || stop
	q.mu.Unlock()
	q.cond.Broadcast()
	q.space.Broadcast()
}

func (c *Config) compileParallel(w io.Writer, dir string, maxlevels, workers int, o *Options) (bool, error) {
	q := newWorkQueue()
	var walkErr error
	go func() {
		defer q.end(false)
		var pending bytes.Buffer
		n := 0
		wk := &walker{w: &pending, quiet: o.Quiet, excluded: excludedTrees(o), stopped: o.stopped,
			yield: func(file string) error {
				if o.stopped() {
					return ErrInterrupted
				}
				pre := bytes.Clone(pending.Bytes())
				pending.Reset()
				// The stat CompileFile makes, made here for the file's size (see workQueue).
				var info fs.FileInfo
				if strings.HasSuffix(file, ".py") {
					info, _ = os.Stat(file)
				}
				if !q.push(job{idx: n, pre: pre, file: file, info: info}) {
					return errStopped
				}
				n++
				return nil
			}}
		walkErr = wk.dir(dir, maxlevels)
		q.push(job{idx: n, pre: bytes.Clone(pending.Bytes())})
	}()
	// Each worker writes the results that are next in walk order itself, under mu, instead of
	// sending them to a writer goroutine: a hand-off per file kept workers waiting for the
	// writer to be scheduled.
	var mu sync.Mutex
	success := true
	var firstErr error
	pending := map[int]result{}
	next := 0
	emit := func(r result) {
		mu.Lock()
		defer mu.Unlock()
		pending[r.idx] = r
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if firstErr != nil {
				continue
			}
			w.Write(p.out)
			if len(p.errOut) > 0 {
				if tw, ok := w.(*ttyWriter); ok && tw.tty {
					tw.Flush()
				}
				c.stderr().Write(p.errOut)
			}
			success = success && p.ok
			flushTTY(w, p.ok)
			if p.err != nil {
				firstErr = p.err
				q.end(true)
			}
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, ok := q.pop()
				if !ok {
					return
				}
				var buf, ebuf bytes.Buffer
				r := result{idx: j.idx, ok: true}
				if o.stopped() {
					// The walker is ahead: an interrupt must also stop the files it queued.
					r.err = ErrInterrupted
				} else {
					buf.Write(j.pre)
					if j.file != "" {
						pc := *c.Config
						pc.Stderr = &ebuf
						cc := *c
						cc.Config = &pc
						r.ok, r.err = cc.compileFile(&buf, j.file, o, j.info)
					}
				}
				r.out, r.errOut = buf.Bytes(), ebuf.Bytes()
				emit(r)
			}
		}()
	}
	wg.Wait()
	if firstErr == nil && walkErr != nil && walkErr != errStopped {
		firstErr = walkErr
	}
	return success, firstErr
}

var errStopped = errors.New("stopped")

// displayName is the dfile computation of compile_file; "" means none.
func displayName(fullname string, o *Options) string {
	var dfile string
	has := false
	if o.DDir != nil {
		dfile, has = pjoin(*o.DDir, basename(fullname)), true
	}
	if o.StripDir != nil {
		fparts := strings.Split(fullname, "/")
		sparts := strings.Split(*o.StripDir, "/")
		dparts := append([]string(nil), fparts...)
		for k := 0; k < len(fparts) && k < len(sparts); k++ {
			if sparts[k] != fparts[k] {
				continue
			}
			for m, p := range dparts { // list.remove: the first occurrence
				if p == sparts[k] {
					dparts = append(dparts[:m], dparts[m+1:]...)
					break
				}
			}
		}
		dfile, has = "", true
		if len(dparts) > 0 {
			dfile = pjoin(dparts[0], dparts[1:]...)
		}
	}
	if o.PrependDir != nil {
		if !has {
			dfile = pjoin(*o.PrependDir, fullname)
		} else {
			dfile = pjoin(*o.PrependDir, dfile)
		}
	}
	return dfile
}

// defaultLevels is levels(nil), shared (the callers only read it).
var defaultLevels = []int{-1}

// levels is sorted(set(optimize)).
func levels(opt []int) []int {
	if len(opt) == 0 {
		return defaultLevels
	}
	s := append([]int(nil), opt...)
	sort.Ints(s)
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// underDir reports whether dir (resolved) is a proper ancestor of path (resolved), as
// Path(dir).resolve() in Path(path).resolve().parents.
func underDir(dir, path string) bool {
	d, p := resolve(dir), resolve(path)
	for p != "/" && p != "" {
		p = filepath.Dir(p)
		if p == d {
			return true
		}
	}
	return false
}

// resolve is pathlib's non-strict resolve: absolute, symlinks followed as far as they exist.
func resolve(p string) string {
	if !filepath.IsAbs(p) {
		wd, _ := os.Getwd()
		p = filepath.Join(wd, p)
	}
	p = filepath.Clean(p)
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	// Resolve the longest existing prefix and keep the rest as written.
	dir, rest := filepath.Dir(p), filepath.Base(p)
	if dir == p {
		return p
	}
	return filepath.Join(resolve(dir), rest)
}

// CompileFile is compile_file(fullname, ...): it reports whether the file compiled (or needed no
// compiling); output goes to w.
func (c *Config) CompileFile(w io.Writer, fullname string, o *Options) (bool, error) {
	return c.compileFile(w, fullname, o, nil)
}

// compileFile is CompileFile with the stat of fullname already made when info is not nil.
func (c *Config) compileFile(w io.Writer, fullname string, o *Options, info fs.FileInfo) (bool, error) {
	if o.DDir != nil && (o.StripDir != nil || o.PrependDir != nil) {
		return false, errDDir
	}
	opts := levels(o.Optimize)
	if o.HardlinkDupes && len(opts) < 2 {
		return false, &ValueError{"Hardlinking of duplicated bytecode makes sense only for more than one optimization level"}
	}
	if o.Rx != nil && o.Rx.MatchString(fullname) {
		return true, nil
	}
	if o.LimitSlDest != nil && isLink(fullname) && !underDir(*o.LimitSlDest, fullname) {
		return true, nil
	}
	// After the -x check (CPython computes it first, but it has no effect before compiling):
	// trees like site-packages are mostly excluded files.
	dfile := displayName(fullname, o)
	if info == nil {
		var err error
		if info, err = os.Stat(fullname); err != nil {
			return true, nil
		}
	}
	if !info.Mode().IsRegular() {
		return true, nil
	}
	cfiles := make([]string, len(opts))
	for i, lvl := range opts {
		if o.Legacy {
			cfiles[i] = fullname + "c"
			continue
		}
		cf, err := c.CacheFromSource(fullname, c.OptimizationName(lvl))
		if err != nil {
			return false, err
		}
		cfiles[i] = cf
	}
	if !strings.HasSuffix(basename(fullname), ".py") {
		return true, nil
	}
	if !o.Force && upToDate(info, cfiles) {
		return true, nil
	}
	if o.Quiet == 0 {
		fmt.Fprintf(w, "Compiling %s...\n", pycompile.Repr(fullname))
		if tw, ok := w.(*ttyWriter); ok && tw.tty {
			tw.Flush() // warnings go to stderr: keep them after this line on a terminal
		}
	}
	sb := sourceBufs.Get().(*[]byte)
	src, rerr := pycompile.ReadSourceInto(*sb, fullname, info.Size())
	if rerr != nil {
		src = nil // CompileSource reads again and reports the error in CPython's order
	}
	for i, lvl := range opts {
		_, err := c.CompileSource(fullname, cfiles[i], dfile, lvl, o.InvalidationMode, src, info)
		if err == nil && i > 0 && o.HardlinkDupes {
			err = hardlinkIfSame(cfiles[i-1], cfiles[i])
		}
		if err == nil {
			continue
		}
		var msg string
		var pce *pycompile.PyCompileError
		var oe *pycompile.OSError
		switch {
		case errors.As(err, &pce):
			msg = pce.Msg
		case errors.As(err, &oe):
			msg = oe.Class + ": " + oe.Error()
		default:
			return false, err
		}
		if o.Quiet >= 2 {
			return false, nil
		}
		if o.Quiet > 0 {
			fmt.Fprintf(w, "*** Error compiling %s...\n", pycompile.Repr(fullname))
		} else {
			io.WriteString(w, "*** ")
		}
		io.WriteString(w, pycompile.BackslashReplace(msg)+"\n")
		return false, nil
	}
	if src != nil && cap(src) <= maxPooledSource {
		*sb = src
		sourceBufs.Put(sb)
	}
	return true, nil
}

// sourceBufs holds buffers for the sources CompileFile reads (a new one for every file was 30
// MB per standard library). The parser's strings point into the source, so a buffer goes back
// only after every level compiled without error: nothing made from the source then outlives
// CompileSource (the code object is only marshalled and written; warnings are copied into
// the output). After a compile error the buffer is left to the collector, as the error may
// hold parts of it.
var sourceBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledSource bounds the buffers kept in sourceBufs.
const maxPooledSource = 1 << 20

// upToDate is the timestamp check: every cache file starts with the magic, flags 0 and the
// source's mtime field.
func upToDate(info fs.FileInfo, cfiles []string) bool {
	var expect [12]byte
	copy(expect[:], pycache.Header{Mtime: pycache.MtimeField(info.ModTime())}.Bytes()[:12])
	for _, cf := range cfiles {
		f, err := os.Open(cf)
		if err != nil {
			return false
		}
		var got [12]byte
		n, _ := io.ReadFull(f, got[:])
		f.Close()
		if n != 12 || got != expect {
			return false
		}
	}
	return true
}

// hardlinkIfSame replaces cur by a hard link to prev when their contents are equal
// (filecmp.cmp(shallow=False)).
func hardlinkIfSame(prev, cur string) error {
	a, err := os.ReadFile(cur)
	if err != nil {
		return pycompile.ToOSError(err, cur)
	}
	b, err := os.ReadFile(prev)
	if err != nil {
		return pycompile.ToOSError(err, prev)
	}
	if !bytes.Equal(a, b) {
		return nil
	}
	if err := os.Remove(cur); err != nil {
		return pycompile.ToOSError(err, cur)
	}
	if err := os.Link(prev, cur); err != nil {
		return pycompile.ToOSError(err, prev)
	}
	return nil
}

// CompilePath is compile_path: every sys.path directory one level deep (maxlevels), skipping
// the current directory when skipCurdir; it stops at the first directory that fails.
func (c *Config) CompilePath(w io.Writer, skipCurdir bool, maxlevels int, force bool, quiet int, legacy bool, mode pycompile.Mode) (bool, error) {
	success := true
	for _, dir := range c.SysPath {
		if (dir == "" || dir == ".") && skipCurdir {
			if quiet < 2 {
				io.WriteString(w, "Skipping current directory\n")
			}
			continue
		}
		if !success {
			continue
		}
		ok, err := c.CompileDir(w, dir, &Options{MaxLevels: maxlevels, Force: force, Quiet: quiet,
			Legacy: legacy, Workers: 1, InvalidationMode: mode})
		if err != nil {
			return false, err
		}
		success = ok
	}
	return success, nil
}

// flushTTY is called after each file: when w is Main's stdout on a terminal it flushes the
// output so far and shows a live status line ("[N files, E errors]") under it, which the next
// output erases. Elsewhere (pipes, files, tests) it does nothing, so the output stays CPython's.
func flushTTY(w io.Writer, ok bool) {
	tw, isTW := w.(*ttyWriter)
	if !isTW || !tw.tty {
		return
	}
	tw.done++
	if !ok {
		tw.failed++
	}
	tw.Writer.Flush()
	if tw.quiet == 0 {
		fmt.Fprintf(tw.Writer, "[%d files, %d errors]\r", tw.done, tw.failed)
		tw.Writer.Flush()
		tw.status = true
	}
}

// ttyWriter is the buffered stdout of Main; tty says whether it is a terminal, where a status
// line is kept below the output.
type ttyWriter struct {
	*bufio.Writer
	tty          bool
	quiet        int
	status       bool // a status line is showing and must be erased before more output
	done, failed int
}

func (t *ttyWriter) clear() {
	if t.status {
		t.Writer.WriteString("\x1b[K")
		t.status = false
	}
}

func (t *ttyWriter) Write(p []byte) (int, error) {
	t.clear()
	return t.Writer.Write(p)
}

func (t *ttyWriter) WriteString(s string) (int, error) {
	t.clear()
	return t.Writer.WriteString(s)
}

// Flush erases the status line and flushes.
func (t *ttyWriter) Flush() error {
	t.clear()
	return t.Writer.Flush()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&fs.ModeCharDevice != 0
}
