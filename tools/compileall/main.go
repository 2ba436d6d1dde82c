package compileall

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"

	"gopyc/tools/pycompile"
	"gopyc/tools/pycompile/argparse"
)

const usage = `usage: compileall.py [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR]
                     [-s STRIPDIR] [-p PREPENDDIR] [-x REGEXP] [-i FILE]
                     [-j WORKERS]
                     [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]
                     [-o OPT_LEVELS] [-e DIR] [--hardlink-dupes]
                     [FILE|DIR ...]
`

const help = usage + `
Utilities to support installing Python libraries.

positional arguments:
  FILE|DIR              zero or more file and directory names to compile; if
                        no arguments given, defaults to the equivalent of -l
                        sys.path

options:
  -h, --help            show this help message and exit
  -l                    don't recurse into subdirectories
  -r RECURSION          control the maximum recursion level. if ` + "`-l` and `-r`" + `
                        options are specified, then ` + "`-r`" + ` takes precedence.
  -f                    force rebuild even if timestamps are up to date
  -q                    output only error messages; -qq will suppress the
                        error messages as well.
  -b                    use legacy (pre-PEP3147) compiled file locations
  -d DESTDIR            directory to prepend to file paths for use in compile-
                        time tracebacks and in runtime tracebacks in cases
                        where the source file is unavailable
  -s STRIPDIR           part of path to left-strip from path to source file -
                        for example buildroot. ` + "`-d` and `-s`" + ` options cannot be
                        specified together.
  -p PREPENDDIR         path to add as prefix to path to source file - for
                        example / to make it absolute when some part is
                        removed by ` + "`-s`" + ` option. ` + "`-d` and `-p`" + ` options cannot
                        be specified together.
  -x REGEXP             skip files matching the regular expression; the regexp
                        is searched for in the full path of each file
                        considered for compilation
  -i FILE               add all the files and directories listed in FILE to
                        the list considered for compilation; if "-", names are
                        read from stdin
  -j WORKERS, --workers WORKERS
                        Run compileall concurrently
  --invalidation-mode {checked-hash,timestamp,unchecked-hash}
                        set .pyc invalidation mode; defaults to "checked-hash"
                        if the SOURCE_DATE_EPOCH environment variable is set,
                        and "timestamp" otherwise.
  -o OPT_LEVELS         Optimization levels to run compilation with. Default
                        is -1 which uses the optimization level of the Python
                        interpreter itself (see -O).
  -e DIR                Ignore symlinks pointing outsite of the DIR
  --hardlink-dupes      Hardlink duplicated pyc files

gopyc extensions:
  --cache-tag TAG       write cache files under TAG (e.g. cpython-311) instead
                        of gopyc-311
  --prefix DIR          write cache files under DIR, as PYTHONPYCACHEPREFIX
                        does
`

func parser() *argparse.Parser {
	return &argparse.Parser{
		Prog:  "compileall.py",
		Usage: usage,
		Help:  help,
		Options: []*argparse.Option{
			{Strings: []string{"-h", "--help"}, Kind: argparse.Help},
			{Strings: []string{"-l"}, Dest: "maxlevels", Kind: argparse.StoreConst},
			{Strings: []string{"-r"}, Dest: "recursion", Kind: argparse.Store, Int: true},
			{Strings: []string{"-f"}, Dest: "force", Kind: argparse.StoreTrue},
			{Strings: []string{"-q"}, Dest: "quiet", Kind: argparse.Count},
			{Strings: []string{"-b"}, Dest: "legacy", Kind: argparse.StoreTrue},
			{Strings: []string{"-d"}, Dest: "ddir", Kind: argparse.Store},
			{Strings: []string{"-s"}, Dest: "stripdir", Kind: argparse.Store},
			{Strings: []string{"-p"}, Dest: "prependdir", Kind: argparse.Store},
			{Strings: []string{"-x"}, Dest: "rx", Kind: argparse.Store},
			{Strings: []string{"-i"}, Dest: "flist", Kind: argparse.Store},
			{Strings: []string{"-j", "--workers"}, Dest: "workers", Kind: argparse.Store, Int: true},
			{Strings: []string{"--invalidation-mode"}, Dest: "invalidation_mode", Kind: argparse.Store,
				Choices: []string{"checked-hash", "timestamp", "unchecked-hash"}},
			{Strings: []string{"-o"}, Dest: "opt_levels", Kind: argparse.Append, Int: true},
			{Strings: []string{"-e"}, Dest: "limit_sl_dest", Kind: argparse.Store},
			{Strings: []string{"--hardlink-dupes"}, Dest: "hardlink_dupes", Kind: argparse.StoreTrue},
			{Strings: []string{"--cache-tag"}, Dest: "cache_tag", Kind: argparse.Store},
			{Strings: []string{"--prefix"}, Dest: "prefix", Kind: argparse.Store},
		},
		PosName: "FILE|DIR",
	}
}

// Main is `python3 -m compileall` with DefaultConfig.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return DefaultConfig().Main(args, stdin, stdout, stderr)
}

// Main is `python3 -m compileall ARGS`. It returns the exit status: 0 when everything compiled,
// 1 when anything failed (or an exception escaped), 2 for usage errors.
func (c *Config) Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if os.Getenv("GOGC") == "" {
		// A batch compile allocates much short-lived memory: trading memory for less GC work
		// saves about a third of the CPU time. Restored on return (Main may run in-process).
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	res, ex := parser().Parse(args)
	if ex != nil {
		io.WriteString(stdout, ex.Stdout)
		io.WriteString(stderr, ex.Stderr)
		return ex.Status
	}
	p := parser()
	usageErr := func(msg string) int {
		io.WriteString(stderr, p.Usage+p.Prog+": error: "+msg+"\n")
		return 2
	}
	str := func(dest string) *string {
		if v, ok := res.Get(dest); ok {
			return &v
		}
		return nil
	}
	atoi := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil { // beyond int range: saturate
			if strings.HasPrefix(s, "-") {
				return -1 << 31
			}
			return 1<<31 - 1
		}
		return n
	}
	cc := *c
	pc := *c.Config
	cc.Config = &pc
	pc.Stderr = stderr
	if t := str("cache_tag"); t != nil {
		pc.Tag = *t
	}
	if p := str("prefix"); p != nil {
		pc.Prefix = *p
	}
	o := &Options{
		MaxLevels:     -1,
		DDir:          str("ddir"),
		StripDir:      str("stripdir"),
		PrependDir:    str("prependdir"),
		Force:         res.Flags["force"],
		Quiet:         res.Counts["quiet"],
		Legacy:        res.Flags["legacy"],
		Workers:       1,
		LimitSlDest:   str("limit_sl_dest"),
		HardlinkDupes: res.Flags["hardlink_dupes"],
	}
	if res.Flags["maxlevels"] {
		o.MaxLevels = 0
	}
	if r := str("recursion"); r != nil {
		o.MaxLevels = atoi(*r)
		if o.MaxLevels < 0 {
			o.MaxLevels = 0 // a negative budget enters no directory, as 0 does
		}
	}
	if j := str("workers"); j != nil {
		o.Workers = atoi(*j)
	}
	for _, v := range res.Values["opt_levels"] {
		o.Optimize = append(o.Optimize, atoi(v))
	}
	out := &ttyWriter{Writer: bufio.NewWriterSize(stdout, 1<<16), tty: isTerminal(stdout), quiet: o.Quiet}
	defer out.Flush()
	fail := func(err error) int {
		out.Flush()
		io.WriteString(stderr, "Traceback (most recent call last):\n  File \"compileall.py\"\n"+err.Error()+"\n")
		return 1
	}
	// Ctrl-C: CPython's KeyboardInterrupt handler prints "\n[interrupted]" and exits 1; here the
	// files being compiled are finished (no half-written caches) and the walk stops.
	var stop atomic.Bool
	o.stop = &stop
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer func() { signal.Stop(sig); close(sig) }()
	go func() {
		if _, ok := <-sig; ok {
			stop.Store(true)
		}
	}()
	if rx := str("rx"); rx != nil && *rx != "" {
		re, err := regexp.Compile(*rx)
		if err != nil {
			return fail(errors.New("re.error: " + err.Error()))
		}
		o.Rx = re
	}
	if o.LimitSlDest != nil && *o.LimitSlDest == "" {
		o.LimitSlDest = nil
	}
	if len(res.Values["opt_levels"]) <= 1 && o.HardlinkDupes {
		return usageErr("Hardlinking of duplicated bytecode makes sense only for more than one optimization level.")
	}
	if o.DDir != nil && (o.StripDir != nil || o.PrependDir != nil) {
		return usageErr("-d cannot be used in combination with -s or -p")
	}
	dests := res.Positionals
	if fl := str("flist"); fl != nil && *fl != "" {
		var lines []string
		if *fl == "-" {
			lines = pycompile.ReadLines(stdin, false)
		} else {
			f, err := os.Open(*fl)
			if err != nil {
				if o.Quiet < 2 {
					io.WriteString(out, "Error reading file list "+*fl+"\n")
				}
				return 1
			}
			lines = pycompile.ReadLines(f, true)
			f.Close()
		}
		for _, l := range lines {
			dests = append(dests, strings.TrimFunc(l, unicode.IsSpace))
		}
	}
	if m := str("invalidation_mode"); m != nil {
		o.InvalidationMode, _ = pycompile.ParseMode(*m)
	}
	success := true
	interrupted := func() int {
		if o.Quiet < 2 {
			io.WriteString(out, "\n[interrupted]\n")
		}
		return 1
	}
	if len(dests) == 0 {
		ok, err := cc.CompilePath(out, true, 0, o.Force, o.Quiet, o.Legacy, o.InvalidationMode)
		if err != nil {
			return fail(err)
		}
		success = ok
	}
	for _, dest := range dests {
		var ok bool
		var err error
		if isFile(dest) {
			ok, err = cc.CompileFile(out, dest, o)
		} else {
			ok, err = cc.CompileDir(out, dest, o)
		}
		if errors.Is(err, ErrInterrupted) || stop.Load() {
			return interrupted()
		}
		if err != nil {
			return fail(err)
		}
		success = success && ok
	}
	if !success {
		return 1
	}
	return 0
}
