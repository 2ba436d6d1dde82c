package pycompile

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"gopyc/tools/pycompile/argparse"
)

const usage = "usage: py_compile.py [-h] [-q] filenames [filenames ...]\n"

const help = usage + `
A simple command-line interface for py_compile module.

positional arguments:
  filenames    Files to compile

options:
  -h, --help   show this help message and exit
  -q, --quiet  Suppress error output
`

func parser() *argparse.Parser {
	return &argparse.Parser{
		Prog:  "py_compile.py",
		Usage: usage,
		Help:  help,
		Options: []*argparse.Option{
			{Strings: []string{"-h", "--help"}, Kind: argparse.Help},
			{Strings: []string{"-q", "--quiet"}, Dest: "quiet", Kind: argparse.StoreTrue},
		},
		PosName: "filenames",
		PosPlus: true,
	}
}

// Main is `python3 -m py_compile` with DefaultConfig.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return DefaultConfig().Main(args, stdin, stdout, stderr)
}

// Main is `python3 -m py_compile ARGS`: it compiles each file named (or, for the single argument
// "-", each line of stdin) and stops at the first failure with status 1, printing the error
// unless -q was given. Usage errors exit 2.
func (c *Config) Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	res, ex := parser().Parse(args)
	if ex != nil {
		io.WriteString(stdout, ex.Stdout)
		io.WriteString(stderr, ex.Stderr)
		return ex.Status
	}
	quiet := res.Flags["quiet"]
	files := res.Positionals
	if len(files) == 1 && files[0] == "-" {
		files = ReadLines(stdin, false)
		for i, f := range files {
			files[i] = strings.TrimRight(f, "\n")
		}
	}
	cc := *c
	cc.Stderr = stderr
	for _, f := range files {
		_, err := cc.Compile(f, "", "", true, -1, Default, 0)
		if err == nil {
			continue
		}
		if !quiet {
			var pce *PyCompileError
			var oe *OSError
			switch {
			case errors.As(err, &pce):
				io.WriteString(stderr, BackslashReplace(pce.Msg))
			case errors.As(err, &oe):
				io.WriteString(stderr, oe.Error())
			default:
				// Not an OSError: CPython lets it escape as a traceback.
				io.WriteString(stderr, "Traceback (most recent call last):\n"+err.Error()+"\n")
			}
		}
		return 1
	}
	return 0
}

// ReadLines reads the lines of a text stream, each keeping its newline. With universal (a file
// opened in text mode) "\r\n" and "\r" become "\n" first; without it (sys.stdin, which POSIX
// Python opens with newline="\n") lines end at "\n" only and keep any "\r".
func ReadLines(r io.Reader, universal bool) []string {
	if r == nil {
		return nil
	}
	data, _ := io.ReadAll(bufio.NewReader(r))
	s := string(data)
	if universal {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}
