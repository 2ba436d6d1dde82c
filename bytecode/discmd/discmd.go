// Package discmd is `gopyc -m dis [FILE]`: the command line of CPython 3.11's dis module, which
// disassembles a source file (compiled by gopyc's compiler, or by the hook given to
// MainWithCompiler) or, as gopyc also allows, a .pyc file (recognised by its magic number; the 16-byte header is skipped and the
// marshalled code object disassembled). With no file, or "-", it reads standard input.
//
// Argument handling mirrors argparse's for `dis.py [-h] [infile]`: -h/--help prints the help and
// exits 0; an unknown option, a second positional argument or a file that cannot be opened is
// reported on stderr after the usage line, with exit status 2. A failure to read or compile
// the input exits 1.
package discmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"gopyc/bytecode"
	"gopyc/compile"
	"gopyc/marshal"
	"gopyc/objects"
	"gopyc/pycache"
)

// Compiler compiles Python source into a module code object, as compile(src, filename, "exec").
type Compiler func(src []byte, filename string) (*objects.Code, error)

const usage = "usage: dis.py [-h] [infile]\n"

const help = usage + `
positional arguments:
  infile

options:
  -h, --help  show this help message and exit
`

// ErrNoCompiler is returned for source input when no compiler hook was given.
var ErrNoCompiler = errors.New("compiling source is not available (no compiler hook); disassemble a .pyc file instead")

// Main runs the dis command line, compiling source input with gopyc's compiler.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return MainWithCompiler(compileSource, args, stdin, stdout, stderr)
}

// compileSource is compile(src, filename, "exec") with gopyc's compiler.
func compileSource(src []byte, filename string) (*objects.Code, error) {
	return compile.Source(src, filename, "exec", 0)
}

// MainWithCompiler runs the dis command line, compiling source input with compile.
func MainWithCompiler(compile Compiler, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var positional []string
	var unknown []string
	dashdash := false
	for _, a := range args {
		switch {
		case dashdash || a == "-" || !strings.HasPrefix(a, "-"):
			positional = append(positional, a)
		case a == "--":
			dashdash = true
		case a == "-h" || a == "--help":
			io.WriteString(stdout, help)
			return 0
		default:
			unknown = append(unknown, a)
		}
	}
	name := "-"
	if len(positional) > 0 {
		name = positional[0]
	}
	var data []byte
	var err error
	filename := name
	if name == "-" {
		filename = "<stdin>"
		data, err = io.ReadAll(stdin)
	} else {
		data, err = readFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "%sdis.py: error: argument infile: can't open %s: %s\n",
				usage, objects.ReprStr(name), pyOSError(err, name))
			return 2
		}
	}
	unknown = append(unknown, positional[min(1, len(positional)):]...)
	if len(unknown) > 0 {
		fmt.Fprintf(stderr, "%sdis.py: error: unrecognized arguments: %s\n", usage, strings.Join(unknown, " "))
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "dis: %v\n", err)
		return 1
	}
	co, err := load(compile, data, filename)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 1
	}
	if err := bytecode.Dis(stdout, co); err != nil {
		fmt.Fprintf(stderr, "dis: %v\n", err)
		return 1
	}
	return 0
}

func readFile(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EISDIR}
	}
	return os.ReadFile(name)
}

// load turns the input into a code object: a .pyc image (magic first) is unmarshalled, anything
// else is compiled.
func load(compile Compiler, data []byte, filename string) (*objects.Code, error) {
	if bytes.HasPrefix(data, pycache.Magic[:]) {
		if len(data) < pycache.HeaderSize {
			return nil, errors.New("EOFError: reached EOF while reading pyc header of " + objects.ReprStr(filename))
		}
		o, err := marshal.Loads(data[pycache.HeaderSize:])
		if err != nil {
			return nil, err
		}
		co, ok := o.(*objects.Code)
		if !ok {
			return nil, errors.New("RuntimeError: Bad code object in .pyc file")
		}
		return co, nil
	}
	if compile == nil {
		return nil, fmt.Errorf("dis: %s: %w", filename, ErrNoCompiler)
	}
	return compile(data, filename)
}

// pyOSError formats err as Python's OSError str: "[Errno N] Message: 'name'".
func pyOSError(err error, name string) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		msg := errno.Error()
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		return fmt.Sprintf("[Errno %d] %s: %s", int(errno), msg, objects.ReprStr(name))
	}
	return err.Error()
}
