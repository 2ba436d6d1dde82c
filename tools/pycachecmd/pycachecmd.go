// Package pycachecmd implements `gopyc -m pycache`, gopyc's own tool for looking after bytecode
// caches: list, clean, verify and stats over the __pycache__ folders under some paths.
//
// It works on every interpreter's cache files, CPython's included. A cache file is any
// `__pycache__/<base>.<tag>[.opt-<level>].pyc`; its source is `../<base>.py`. Each file gets one
// status:
//
//	fresh      the header matches the source (timestamp form: mtime and size; hash forms: the
//	           SipHash of the source bytes, also for unchecked files, which importers trust blindly)
//	stale      the header does not match the source
//	orphan     the source is gone
//	corrupt    unreadable, too short, bad flags, or (for this format) a body that is not a code object
//	other-tag  written by an interpreter whose format this tool cannot judge (another magic number)
//	temp       the leftover temporary file of a writer that was killed (gopyc's
//	           <cache>.<pid>.<n>.tmp whose process is gone; CPython's <cache>.<digits> an hour old)
//
// The walk is sorted, skips version-control and virtual-environment folders (.git .hg .svn .tox
// .venv venv node_modules), and does not follow symbolic links to folders. `clean` removes files and
// then the __pycache__ folders it emptied; with -n it only says what it would do.
package pycachecmd

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"gopyc/pycache"
)

// Tag is this interpreter's cache tag.
const Tag = pycache.Tag

// Entry is one cache file and what the tool found.
type Entry struct {
	Path         string `json:"path"`
	Source       string `json:"source"`
	Tag          string `json:"tag"`
	Optimization string `json:"optimization"` // "" for level 0
	Invalidation string `json:"invalidation"` // timestamp, checked-hash, unchecked-hash, unknown
	Status       string `json:"status"`
	Size         int64  `json:"size"`
	Reason       string `json:"reason,omitempty"`
}

var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, ".tox": true, ".venv": true, "venv": true, "node_modules": true}

// Main runs the tool; args exclude the program name.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	usage := func() {
		fmt.Fprintln(stderr, "usage: gopyc -m pycache {list,clean,verify,stats} [options] [path ...]")
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		usage()
		if len(args) == 0 {
			return 2
		}
		fmt.Fprint(stdout, helpText)
		return 0
	}
	cmd := args[0]
	fl := flag.NewFlagSet("pycache "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	jsonOut := fl.Bool("json", false, "list: print JSON")
	tag := fl.String("tag", "", "only cache files with this tag (default: all tags; verify: "+Tag+")")
	stale := fl.Bool("stale", false, "clean: only stale, orphaned and corrupt files")
	dry := fl.Bool("n", false, "clean: say what would be removed, remove nothing")
	fl.BoolVar(dry, "dry-run", false, "same as -n")
	switch cmd {
	case "list", "clean", "verify", "stats":
	default:
		usage()
		fmt.Fprintf(stderr, "gopyc -m pycache: unknown command %q\n", cmd)
		return 2
	}
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}
	paths := fl.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if cmd == "verify" && *tag == "" {
		*tag = Tag
	}
	entries, errs := Scan(paths, *tag)
	for _, e := range errs {
		fmt.Fprintln(stderr, "gopyc -m pycache:", e)
	}
	status := 0
	if len(errs) > 0 {
		status = 1
	}
	switch cmd {
	case "list":
		if *jsonOut {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			if entries == nil {
				entries = []Entry{}
			}
			if err := enc.Encode(entries); err != nil {
				return 1
			}
			return status
		}
		for _, e := range entries {
			opt := e.Optimization
			if opt == "" {
				opt = "0"
			}
			fmt.Fprintf(stdout, "%-9s %-12s opt-%-2s %-14s %8d  %s\n", e.Status, e.Tag, opt, e.Invalidation, e.Size, e.Path)
		}
		fmt.Fprintf(stdout, "%d cache files\n", len(entries))
	case "clean":
		return clean(entries, *stale, *dry, stdout, stderr, status)
	case "verify":
		bad := 0
		for _, e := range entries {
			if e.Status == "stale" || e.Status == "corrupt" {
				bad++
				fmt.Fprintf(stdout, "%s: %s", e.Status, e.Path)
				if e.Reason != "" {
					fmt.Fprintf(stdout, " (%s)", e.Reason)
				}
				fmt.Fprintln(stdout)
			}
		}
		fmt.Fprintf(stdout, "%d cache files checked, %d stale or corrupt\n", len(entries), bad)
		if bad > 0 {
			status = 1
		}
	case "stats":
		stats(entries, stdout)
	}
	return status
}

const helpText = `
commands:
  list    every cache file with its tag, optimisation level, invalidation mode, status and size
          (--json for JSON; --tag TAG to restrict)
  clean   remove cache files, then the __pycache__ folders left empty
          (--stale: only stale, orphaned and corrupt files; --tag TAG; -n/--dry-run)
  verify  exit 1 if any cache file of this interpreter (` + Tag + `, or --tag) is stale or corrupt
  stats   bytes and file counts per tag and per folder
`

// Scan finds and judges every cache file under paths. tag "" means every tag.
func Scan(paths []string, tag string) ([]Entry, []error) {
	var entries []Entry
	var errs []error
	seen := map[string]bool{}
	for _, root := range paths {
		info, err := os.Lstat(root)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			if e, ok := judgeFile(root, tag); ok && !seen[e.Path] {
				seen[e.Path] = true
				entries = append(entries, e)
			}
			continue
		}
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			if d.IsDir() {
				if p != root && skipDirs[d.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			if e, ok := judgeFile(p, tag); ok && !seen[e.Path] {
				seen[e.Path] = true
				entries = append(entries, e)
			}
			return nil
		})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Path < entries[j].Path })
	return entries, errs
}

// ParseName splits a cache file name `<base>.<tag>[.opt-<level>].pyc`.
func ParseName(name string) (base, tag, opt string, ok bool) {
	stem, found := strings.CutSuffix(name, ".pyc")
	if !found {
		return "", "", "", false
	}
	parts := strings.Split(stem, ".")
	if len(parts) >= 3 && strings.HasPrefix(parts[len(parts)-1], "opt-") {
		opt = strings.TrimPrefix(parts[len(parts)-1], "opt-")
		parts = parts[:len(parts)-1]
	}
	if len(parts) < 2 || parts[len(parts)-1] == "" {
		return "", "", "", false
	}
	return strings.Join(parts[:len(parts)-1], "."), parts[len(parts)-1], opt, true
}

// leftoverTemp recognises the temporary file of a cache writer that was interrupted (killed,
// or the machine went down): gopyc's <cache>.pyc.<pid>.<n>.tmp whose process is gone, and
// CPython's <cache>.pyc.<digits>, once an hour old. It returns the cache file name.
func leftoverTemp(p, name string) (string, bool) {
	i := strings.Index(name, ".pyc.")
	if i < 0 {
		return "", false
	}
	cache, rest := name[:i+4], name[i+5:]
	old := func() bool {
		st, err := os.Lstat(p)
		return err == nil && time.Since(st.ModTime()) > time.Hour
	}
	if fields := strings.Split(strings.TrimSuffix(rest, ".tmp"), "."); strings.HasSuffix(rest, ".tmp") && len(fields) == 2 {
		pid, err1 := strconv.Atoi(fields[0])
		_, err2 := strconv.Atoi(fields[1])
		if err1 != nil || err2 != nil {
			return "", false
		}
		if pid > 0 && syscall.Kill(pid, 0) == syscall.ESRCH || old() {
			return cache, true
		}
		return "", false // a writer at work
	}
	if _, err := strconv.ParseUint(rest, 10, 64); err == nil && old() {
		return cache, true
	}
	return "", false
}

func judgeFile(p, wantTag string) (Entry, bool) {
	dir, name := filepath.Split(p)
	if filepath.Base(filepath.Clean(dir)) != "__pycache__" {
		return Entry{}, false
	}
	if cache, ok := leftoverTemp(p, name); ok {
		base, tag, opt, ok := ParseName(cache)
		if !ok || (wantTag != "" && tag != wantTag) {
			return Entry{}, false
		}
		e := Entry{Path: p, Tag: tag, Optimization: opt, Invalidation: "unknown", Status: "temp",
			Reason: "leftover temporary file of an interrupted writer",
			Source: filepath.Join(filepath.Dir(filepath.Clean(dir)), base+".py")}
		if st, err := os.Lstat(p); err == nil {
			e.Size = st.Size()
		}
		return e, true
	}
	base, tag, opt, ok := ParseName(name)
	if !ok || (wantTag != "" && tag != wantTag) {
		return Entry{}, false
	}
	e := Entry{Path: p, Tag: tag, Optimization: opt, Invalidation: "unknown",
		Source: filepath.Join(filepath.Dir(filepath.Clean(dir)), base+".py")}
	data, err := os.ReadFile(p)
	if err != nil {
		e.Status, e.Reason = "corrupt", err.Error()
		return e, true
	}
	e.Size = int64(len(data))
	if len(data) < 4 || [4]byte(data[:4]) != pycache.Magic {
		e.Status = "other-tag"
		if tag == Tag {
			e.Status, e.Reason = "corrupt", "bad magic number"
		}
		return e, true
	}
	h, err := pycache.ParseHeader(data, base)
	if err != nil {
		e.Status, e.Reason = "corrupt", err.Error()
		return e, true
	}
	switch {
	case !h.HashBased():
		e.Invalidation = "timestamp"
	case h.CheckSource():
		e.Invalidation = "checked-hash"
	default:
		e.Invalidation = "unchecked-hash"
	}
	if _, _, err := pycache.ReadPyc(data, base, p); err != nil { // body: unmarshal, code object
		e.Status, e.Reason = "corrupt", err.Error()
		return e, true
	}
	st, err := os.Stat(e.Source)
	if err != nil {
		e.Status = "orphan"
		return e, true
	}
	e.Status = "fresh"
	if h.Flags&1 == 0 {
		if h.Mtime != uint32(st.ModTime().Unix()) || h.Size != uint32(st.Size()) {
			e.Status = "stale"
		}
		return e, true
	}
	src, err := os.ReadFile(e.Source)
	if err != nil {
		e.Status, e.Reason = "stale", "cannot read source: "+err.Error()
		return e, true
	}
	if pycache.SourceHash(src) != h.Hash {
		e.Status = "stale"
	}
	return e, true
}

func clean(entries []Entry, onlyStale, dry bool, stdout, stderr io.Writer, status int) int {
	removed, bytes := 0, int64(0)
	dirs := map[string]bool{}
	for _, e := range entries {
		if onlyStale && e.Status != "stale" && e.Status != "orphan" && e.Status != "corrupt" && e.Status != "temp" {
			continue
		}
		verb := "removed"
		if dry {
			verb = "would remove"
		} else if err := os.Remove(e.Path); err != nil {
			fmt.Fprintln(stderr, "gopyc -m pycache:", err)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "%s %s (%s)\n", verb, e.Path, e.Status)
		removed++
		bytes += e.Size
		dirs[filepath.Dir(e.Path)] = true
	}
	dirsRemoved := 0
	if !dry {
		var list []string
		for d := range dirs {
			list = append(list, d)
		}
		sort.Strings(list)
		for _, d := range list {
			if left, err := os.ReadDir(d); err == nil && len(left) == 0 && os.Remove(d) == nil {
				fmt.Fprintf(stdout, "removed %s%c\n", d, filepath.Separator)
				dirsRemoved++
			}
		}
	}
	verb := "removed"
	if dry {
		verb = "would remove"
	}
	fmt.Fprintf(stdout, "%s %d cache files (%d bytes) and %d empty __pycache__ folders\n", verb, removed, bytes, dirsRemoved)
	return status
}

func stats(entries []Entry, stdout io.Writer) {
	type agg struct {
		files int
		bytes int64
	}
	byTag := map[string]*agg{}
	byDir := map[string]*agg{}
	var total agg
	add := func(m map[string]*agg, k string, size int64) {
		a := m[k]
		if a == nil {
			a = &agg{}
			m[k] = a
		}
		a.files++
		a.bytes += size
	}
	for _, e := range entries {
		add(byTag, e.Tag, e.Size)
		add(byDir, filepath.Dir(e.Path), e.Size)
		total.files++
		total.bytes += e.Size
	}
	print := func(title string, m map[string]*agg) {
		fmt.Fprintln(stdout, title)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(stdout, "  %10d bytes %6d files  %s\n", m[k].bytes, m[k].files, k)
		}
	}
	print("by tag:", byTag)
	print("by folder:", byDir)
	fmt.Fprintf(stdout, "total: %d bytes in %d files\n", total.bytes, total.files)
}
