// Command gopyc is the gopyc interpreter's command line, modelled on python3.11's: it runs .pyc
// cache files, source files, -c strings and -m modules on the vm package, with CPython's flags and
// error messages. Go-native tools (-m dis, -m ast, ...) are registered in tools.go.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"gopyc/compile"
	"gopyc/imports"
	"gopyc/marshal"
	"gopyc/modules"
	"gopyc/objects"
	"gopyc/syntax"
	"gopyc/vm"
)

const usageLine = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"

type options struct {
	command   *string
	module    *string
	script    string
	args      []string
	optimize  int
	noSite    bool
	unbuf     bool
	verbose   int
	dontWrite bool
	ignoreEnv bool
	isolated  bool
	xopts     []string
	warn      []string
	checkHash string // --check-hash-based-pycs
}

func init() {
	// No allocation is sampled for memory profiles (gopyc never writes one): sampling takes a
	// stack trace, which in the interpreter's deep recursion costs more than the allocation.
	runtime.MemProfileRate = 0
}

func main() {
	// The collector runs at Go's default GOGC=100 unless the user chose a setting. GOGC=200 was
	// tried: it saved little CPU (geomean 1.67x vs 1.70x CPython's on ../shared/bench) but put the
	// peak memory of six benchmarks above 2x CPython's (up to 2.2x; 1.72x at most with 100).
	// The one exception is the start-up import burst (importGCPhase).
	if os.Getenv("GOGC") == "" {
		imports.FirstLoad = importGCPhase
	}
	if prof := os.Getenv("GOPYC_CPUPROFILE"); prof != "" {
		f, err := os.Create(prof)
		if err == nil {
			_ = pprof.StartCPUProfile(f)
			code := run(os.Args, os.Stdin, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	if os.Getenv("GOPYC_MEMSTATS") != "" {
		// Where the process's memory went, for memory work (stderr, at exit).
		code := run(os.Args, os.Stdin, os.Stdout, os.Stderr)
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Fprintf(os.Stderr, "memstats: heap alloc %d KiB, heap sys %d KiB (idle %d, released %d), stack %d KiB, mspan %d KiB, gc meta %d KiB, other %d KiB, total sys %d KiB, %d GCs\n",
			m.HeapAlloc>>10, m.HeapSys>>10, m.HeapIdle>>10, m.HeapReleased>>10, m.StackSys>>10, m.MSpanSys>>10, m.GCSys>>10, m.OtherSys>>10, m.Sys>>10, m.NumGC)
		os.Exit(code)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// importPhaseGCPercent is the GOGC setting from the program's first module import until the first
// collection: with no collection yet, Go's heap goal is 4 MB x GOGC/100, so 300 lets the heap
// reach 12 MB first. Importing the 210 modules of imports.TestImportBench from their caches
// allocates 7.5 MB, of which 4 MB stays alive: at GOGC=100 that paid for two collections, a fifth
// of the warm import's CPU time; now none (an 8 MB goal already sufficed). The cost is peak memory
// when importing more: 400 (16 MB) put the cold import of the same tree at 26 MB instead of
// 19.5 MB (CPython: 12 MB); 300 puts it at 22 MB.
const importPhaseGCPercent = 300

// importGCPhase runs when the first module is imported (imports.FirstLoad). If no collection has
// happened yet, it raises GOGC to importPhaseGCPercent until the first collection ends, then
// restores the previous setting (100: the heap goal is again twice the live heap). Programs that import
// nothing (all of ../shared/bench) never enter this phase; a program that imports only after a
// collection, whose heap may be large, does not either.
func importGCPhase() {
	if gcCycles() == 0 {
		gcPercentUntilCollection(importPhaseGCPercent)
	}
}

// gcPercentUntilCollection sets GOGC to percent until the next collection ends, then restores
// the setting in force before.
func gcPercentUntilCollection(percent int) {
	prev := debug.SetGCPercent(percent)
	// The sentinel is unreachable at once: the first collection that ends queues its cleanup.
	sentinel := new(gcSentinel)
	runtime.AddCleanup(sentinel, func(p int) { debug.SetGCPercent(p) }, prev)
}

// gcSentinel is big enough not to be batched with other tiny objects (whose cleanups may be
// delayed by their neighbours).
type gcSentinel struct{ _ [16]byte }

// gcCycles returns the number of completed collections. (runtime/metrics would do without
// allocating, but its package initialisation costs every start-up about 50 us.)
func gcCycles() int64 {
	var st debug.GCStats
	debug.ReadGCStats(&st)
	return st.NumGC
}

func fail(stderr io.Writer, prog, msg string) int {
	fmt.Fprintf(stderr, "%s\n", msg)
	fmt.Fprintf(stderr, usageLine, prog)
	fmt.Fprintf(stderr, "Try `python -h' for more information.\n")
	return 2
}

func parseArgs(argv []string, stderr, stdout io.Writer) (*options, int, bool) {
	o := &options{}
	prog := "gopyc"
	if len(argv) > 0 {
		prog = argv[0]
	}
	i := 1
	for i < len(argv) {
		a := argv[i]
		if a == "-" || !strings.HasPrefix(a, "-") {
			break
		}
		if a == "--" {
			i++
			break
		}
		if strings.HasPrefix(a, "--") {
			switch a {
			case "--version":
				fmt.Fprintln(stdout, "Python 3.11.7")
				return nil, 0, true
			case "--help":
				fmt.Fprintf(stdout, usageLine, prog)
				return nil, 0, true
			case "--check-hash-based-pycs":
				if i+1 >= len(argv) {
					return nil, fail(stderr, prog, "Argument expected for the --check-hash-based-pycs option"), true
				}
				v := argv[i+1]
				if v != "default" && v != "always" && v != "never" {
					return nil, fail(stderr, prog, "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"), true
				}
				o.checkHash = v
				i += 2
				continue
			}
			return nil, fail(stderr, prog, "unknown option "+a), true
		}
		// Short options, possibly grouped.
		j := 1
		stop := false
		for j < len(a) && !stop {
			c := a[j]
			j++
			optArg := func(name byte) (string, bool) {
				if j < len(a) {
					v := a[j:]
					j = len(a)
					return v, true
				}
				if i+1 < len(argv) {
					i++
					return argv[i], true
				}
				return "", false
			}
			switch c {
			case 'c':
				v, ok := optArg('c')
				if !ok {
					return nil, fail(stderr, prog, "Argument expected for the -c option"), true
				}
				o.command = &v
				i++
				o.args = append([]string{"-c"}, argv[i:]...)
				return o, 0, false
			case 'm':
				v, ok := optArg('m')
				if !ok {
					return nil, fail(stderr, prog, "Argument expected for the -m option"), true
				}
				o.module = &v
				i++
				o.args = append([]string{v}, argv[i:]...)
				return o, 0, false
			case 'B':
				o.dontWrite = true
			case 'O':
				o.optimize++
			case 'E':
				o.ignoreEnv = true
			case 'I':
				o.isolated, o.ignoreEnv = true, true
			case 'S':
				o.noSite = true
			case 's', 'b', 'd', 'i', 'q', 'R', 'P':
			case 'u':
				o.unbuf = true
			case 'v':
				o.verbose++
			case 'V':
				fmt.Fprintln(stdout, "Python 3.11.7")
				return nil, 0, true
			case 'h', '?':
				fmt.Fprintf(stdout, usageLine, prog)
				return nil, 0, true
			case 'X':
				v, ok := optArg('X')
				if !ok {
					return nil, fail(stderr, prog, "Argument expected for the -X option"), true
				}
				o.xopts = append(o.xopts, v)
				stop = true
			case 'W':
				v, ok := optArg('W')
				if !ok {
					return nil, fail(stderr, prog, "Argument expected for the -W option"), true
				}
				o.warn = append(o.warn, v)
				stop = true
			default:
				return nil, fail(stderr, prog, fmt.Sprintf("Unknown option: -%c", c)), true
			}
		}
		i++
	}
	if i < len(argv) {
		o.script = argv[i]
		o.args = argv[i:]
	} else {
		o.args = []string{""}
	}
	return o, 0, false
}

func run(argv []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, code, done := parseArgs(argv, stderr, stdout)
	if done {
		return code
	}
	settings := imports.Resolve(imports.Flags{Optimize: o.optimize, DontWrite: o.dontWrite, IgnoreEnv: o.ignoreEnv,
		Verbose: o.verbose, XOptions: o.xopts, CheckHashBased: o.checkHash}, nil)
	o.optimize = settings.Optimize
	if o.module != nil {
		if tool := configuredTool(*o.module, settings, o.isolated); tool != nil {
			return tool(o.args[1:], stdin, stdout, stderr)
		}
		if tool, ok := tools[*o.module]; ok {
			return tool(o.args[1:], stdin, stdout, stderr)
		}
	}
	// A program that makes big ints in bulk runs on one P once it has made 2 MB of them
	// (objects/gcpace.go): with two, the collector's mark worker runs beside the program, and
	// the results it makes meanwhile all count as live, so the heap goal runs away
	// (../shared/bench's bigint: peak 20-42 MB at two Ps, 15 MB at one, and 1.1x CPython's time
	// instead of 1.3-2.2x). Other programs keep the second P for the collector's concurrent work
	// (fannkuch, nbody and spectral_norm are 12-28% faster with it). A user's GOMAXPROCS wins;
	// the Go-native tools above are not affected.
	if os.Getenv("GOMAXPROCS") == "" {
		objects.OnBigIntPressure = func() { runtime.GOMAXPROCS(1) }
	}
	in := vm.New()
	in.ConfigureImports(settings.Optimize, settings.Prefix, settings.DontWrite, settings.CheckHashBased, settings.Verbose)
	setFlags(in, o, settings)
	setWarnOptions(in, o)
	in.Compile = func(src []byte, filename, mode string, optimize int) (*objects.Code, error) {
		c, err := compile.Source(src, filename, mode, optimize)
		if err != nil {
			return nil, vm.CompileError(err)
		}
		return c, nil
	}
	in.CompileWarnings = compileWarnings
	in.LoadPyc = loadPyc
	modules.Install(in)
	in.SetArgv(o.args)
	// sys.path after its first entry: PYTHONPATH, then CPython's standard library when found.
	rest := append(append([]string(nil), settings.PythonPath...), stdlibPath(o.ignoreEnv)...)
	setPath := func(first ...string) {
		if o.isolated {
			first = nil // -I implies -P: no script folder or working directory
		}
		in.SetPath(append(first, rest...))
	}
	t := in.MainThread()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		for range sigs {
			in.Interrupt()
		}
	}()
	in.GIL.Lock()
	defer in.GIL.Unlock()
	mainMod := vm.NewModule("__main__")
	in.Modules.SetStr(objects.NewStr("__main__"), mainMod)
	var co *objects.Code
	viaRunpy := false // CPython runs -m and folder/zip mains from runpy (its frames show in tracebacks)
	switch {
	case o.command != nil:
		setPath("")
		c, err := t.CompileSource([]byte(*o.command), "<string>", "exec", o.optimize, false)
		if err != nil {
			return t.HandleUncaught(err)
		}
		co = c
	case o.module != nil:
		setPath(cwd())
		c, err := t.MainModule(mainMod, *o.module)
		if err != nil {
			return mainError(t, err, stderr)
		}
		co, viaRunpy = c, true
	case o.script != "" && o.script != "-" && isPathEntry(o.script):
		// A folder or zip archive with a __main__ module.
		abs, _ := filepath.Abs(o.script)
		if strings.HasSuffix(o.script, "/") {
			abs += "/"
		}
		setPath(abs)
		c, err := t.MainPath(mainMod, abs)
		if err != nil {
			return mainError(t, err, stderr)
		}
		co, viaRunpy = c, true
	case o.script != "" && o.script != "-":
		data, err := os.ReadFile(o.script)
		if err != nil {
			fmt.Fprintf(stderr, "%s: can't open file %s: [Errno 2] No such file or directory\n", exeName(argv), quoteAbs(o.script))
			return 2
		}
		dir, _ := filepath.Abs(filepath.Dir(o.script))
		setPath(dir)
		absScript, _ := filepath.Abs(o.script) // CPython 3.9+ makes the main script's path absolute
		mainMod.Dict.SetStr(objects.NewStr("__file__"), objects.NewStr(absScript))
		t.SetScriptMain(mainMod, absScript)
		if strings.HasSuffix(o.script, ".pyc") || bytes.HasPrefix(data, []byte{0xa7, 0x0d, 0x0d, 0x0a}) {
			if len(data) < 4 || !bytes.Equal(data[:4], []byte{0xa7, 0x0d, 0x0d, 0x0a}) {
				fmt.Fprintln(stderr, "RuntimeError: Bad magic number in .pyc file")
				return 1
			}
			c, err := loadPyc(data)
			if err != nil {
				if e, ok := err.(*vm.Exception); ok && e.Class == vm.ValueErrorType && strings.Contains(err.Error(), "bad code object") {
					fmt.Fprintln(stderr, "RuntimeError: Bad code object in .pyc file")
					return 1
				}
				return t.HandleUncaught(err)
			}
			co = c
		} else {
			c, err := t.CompileSource(data, absScript, "exec", o.optimize, false)
			if err != nil {
				return t.HandleUncaught(err)
			}
			co = c
		}
	default:
		setPath("")
		data, _ := io.ReadAll(stdin)
		c, err := t.CompileSource(data, "<stdin>", "exec", o.optimize, false)
		if err != nil {
			return t.HandleUncaught(err)
		}
		co = c
	}
	var status int
	if viaRunpy {
		status = t.RunMainRunpy(co, mainMod.Dict)
	} else {
		status = t.RunMain(co, mainMod.Dict)
	}
	if t.UncaughtKeyboardInterrupt() {
		// Like CPython: die of SIGINT so the parent sees the signal.
		signal.Reset(os.Interrupt)
		_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
		time.Sleep(time.Second) // the signal arrives asynchronously
		return 130
	}
	return status
}

func loadPyc(data []byte) (*objects.Code, error) {
	if len(data) < 16 || !bytes.Equal(data[:4], []byte{0xa7, 0x0d, 0x0d, 0x0a}) {
		return nil, vm.Errorf(vm.ImportErrorType, "bad magic number in .pyc file")
	}
	o, err := marshal.Loads(data[16:])
	if err != nil {
		return nil, vm.Errorf(vm.ValueErrorType, "bad marshal data (%s)", err)
	}
	c, ok := o.(*objects.Code)
	if !ok {
		return nil, vm.Errorf(vm.ValueErrorType, "bad code object in .pyc file")
	}
	return c, nil
}

func cwd() string {
	d, _ := os.Getwd()
	return d
}

func exeName(argv []string) string {
	if len(argv) > 0 {
		return argv[0]
	}
	return "gopyc"
}

func quoteAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		a = p
	}
	return "'" + a + "'"
}

// compileWarnings is the interpreter's compiler (vm.SourceCompiler): the parser's warnings, then
// the compiler's.
func compileWarnings(src []byte, filename, mode string, optimize int, isText bool) (*objects.Code, []syntax.Warning, error) {
	if !isText {
		return compile.SourceWarnings(src, filename, compile.Options{Optimize: optimize, Mode: mode})
	}
	pm := syntax.Exec
	switch mode {
	case "eval":
		pm = syntax.Eval
	case "single":
		pm = syntax.Single
	}
	mod, ws, err := syntax.ParseWarnings(filename, src, pm, syntax.SourceIsText)
	if err != nil {
		return nil, ws, err
	}
	co, cws, err := compile.CompileWarnings(mod, filename, compile.Options{Optimize: optimize, Mode: mode})
	return co, append(ws, cws...), err
}

// setWarnOptions sets sys.warnoptions from PYTHONWARNINGS (unless -E) and the -W options, in
// that order, for the warnings module to read.
func setWarnOptions(in *vm.Interp, o *options) {
	var opts []objects.Object
	if !o.ignoreEnv {
		for _, w := range strings.Split(os.Getenv("PYTHONWARNINGS"), ",") {
			if w = strings.TrimSpace(w); w != "" {
				opts = append(opts, objects.NewStr(w))
			}
		}
	}
	for _, w := range o.warn {
		opts = append(opts, objects.NewStr(w))
	}
	in.Sys.Dict.SetStr(objects.NewStr("warnoptions"), objects.NewList(opts))
}
