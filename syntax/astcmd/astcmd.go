// Package astcmd implements `python -m ast` (Lib/ast.py's main) for gopyc: it parses a file (or
// standard input) and prints ast.dump(tree, include_attributes=..., indent=...), with
// argparse-compatible usage errors (exit status 2) and CPython's SyntaxError report (exit 1).
package astcmd

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"gopyc/ast"
	"gopyc/syntax"
)

const usage = `usage: python -m ast [-h] [-m {exec,single,eval,func_type}]
                     [--no-type-comments] [-a] [-i INDENT]
                     [infile]
`

const help = `
positional arguments:
  infile                the file to parse; defaults to stdin

options:
  -h, --help            show this help message and exit
  -m {exec,single,eval,func_type}, --mode {exec,single,eval,func_type}
                        specify what kind of code must be parsed
  --no-type-comments    don't add information about type comments
  -a, --include-attributes
                        include attributes such as line numbers and column
                        offsets
  -i INDENT, --indent INDENT
                        indentation of nodes (number of spaces)
`

// Main runs `python -m ast` with args (not including the program name) and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fail := func(msg string) int {
		fmt.Fprint(stderr, usage)
		fmt.Fprintf(stderr, "python -m ast: error: %s\n", msg)
		return 2
	}
	mode := "exec"
	typeComments := true
	attrs := false
	indent := 3
	infile := ""
	haveInfile := false
	var extra []string
	onlyPositional := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if onlyPositional || a == "-" || !strings.HasPrefix(a, "-") {
			if !haveInfile {
				infile, haveInfile = a, true
			} else {
				extra = append(extra, a)
			}
			continue
		}
		if a == "--" {
			onlyPositional = true
			continue
		}
		name, val, hasVal := a, "", false
		if strings.HasPrefix(a, "--") {
			if k := strings.IndexByte(a, '='); k >= 0 {
				name, val, hasVal = a[:k], a[k+1:], true
			}
			// unique prefix matching, as argparse allows
			full := []string{"--help", "--mode", "--no-type-comments", "--include-attributes", "--indent"}
			var matches []string
			for _, f := range full {
				if f == name {
					matches = []string{f}
					break
				}
				if strings.HasPrefix(f, name) {
					matches = append(matches, f)
				}
			}
			if len(matches) > 1 {
				return fail(fmt.Sprintf("ambiguous option: %s could match %s", name, strings.Join(matches, ", ")))
			}
			if len(matches) == 1 {
				name = matches[0]
			}
		} else if len(a) > 2 {
			name, val, hasVal = a[:2], a[2:], true
			if name == "-a" || name == "-h" {
				// combined short flags like -ai4 are rare; treat the rest as more flags
				args = append(args[:i+1], append([]string{"-" + a[2:]}, args[i+1:]...)...)
				hasVal = false
			}
		}
		needVal := func(desc string) (string, bool) {
			if hasVal {
				return val, true
			}
			if i+1 < len(args) && !(strings.HasPrefix(args[i+1], "-") && len(args[i+1]) > 1 && !isNumber(args[i+1])) {
				i++
				return args[i], true
			}
			return "", false
		}
		switch name {
		case "-h", "--help":
			fmt.Fprint(stdout, usage+help)
			return 0
		case "-m", "--mode":
			v, ok := needVal("")
			if !ok {
				return fail("argument -m/--mode: expected one argument")
			}
			switch v {
			case "exec", "single", "eval", "func_type":
				mode = v
			default:
				return fail(fmt.Sprintf("argument -m/--mode: invalid choice: '%s' (choose from 'exec', 'single', 'eval', 'func_type')", v))
			}
		case "--no-type-comments":
			if hasVal {
				return fail("argument --no-type-comments: ignored explicit argument '" + val + "'")
			}
			typeComments = false
		case "-a", "--include-attributes":
			if hasVal && strings.HasPrefix(name, "--") {
				return fail("argument -a/--include-attributes: ignored explicit argument '" + val + "'")
			}
			attrs = true
		case "-i", "--indent":
			v, ok := needVal("")
			if !ok {
				return fail("argument -i/--indent: expected one argument")
			}
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return fail(fmt.Sprintf("argument -i/--indent: invalid int value: '%s'", v))
			}
			indent = n
		default:
			extra = append(extra, a)
		}
	}
	var src []byte
	var err error
	filename := "<stdin>"
	if !haveInfile || infile == "-" {
		src, err = io.ReadAll(stdin)
	} else {
		filename = infile
		src, err = os.ReadFile(infile)
		if err != nil {
			msg := err.Error()
			if pe, ok := err.(*os.PathError); ok {
				msg = errnoText(pe.Err) + ": '" + infile + "'"
			}
			return fail(fmt.Sprintf("argument infile: can't open '%s': %s", infile, msg))
		}
	}
	if len(extra) > 0 {
		return fail("unrecognized arguments: " + strings.Join(extra, " "))
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	m := map[string]syntax.Mode{"exec": syntax.Exec, "eval": syntax.Eval, "single": syntax.Single, "func_type": syntax.FuncType}[mode]
	var flags syntax.Flags
	if typeComments {
		flags |= syntax.TypeComments
	}
	tree, perr := syntax.Parse(filename, src, m, flags)
	if perr != nil {
		fmt.Fprintln(stderr, "Traceback (most recent call last):")
		if se, ok := perr.(*syntax.Error); ok {
			fmt.Fprint(stderr, syntax.FormatError(se))
		} else {
			fmt.Fprintln(stderr, perr)
		}
		return 1
	}
	if indent < 0 {
		indent = 0 // Python: " " * negative == "", still multi-line
	}
	fmt.Fprintln(stdout, ast.Dump(tree, ast.DumpOptions{IncludeAttributes: attrs, Indent: indent}))
	return 0
}

func errnoText(err error) string {
	switch {
	case os.IsNotExist(err):
		return "[Errno 2] No such file or directory"
	case os.IsPermission(err):
		return "[Errno 13] Permission denied"
	}
	if strings.Contains(err.Error(), "is a directory") {
		return "[Errno 21] Is a directory"
	}
	return err.Error()
}

// isNumber reports whether s looks like a negative number, which argparse accepts as a value.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}
