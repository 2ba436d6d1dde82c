// Package argparse parses command lines the way Python 3.11's argparse module does, for the
// small set of features gopyc's Go-native tools (py_compile, compileall) need, so that their
// command lines accept, reject and report exactly what CPython's do.
//
// # Algorithm
//
// As in argparse, every argument is first classified: "O" for an option string (an exact option,
// "--long=value", a unique prefix of a long option, "-xVALUE" or "-xyz" for single-dash options),
// "A" for anything else ("-" alone, negative numbers such as "-1", strings containing a space, and
// everything after "--"). Unknown option-looking strings are "O" with no option and end up in the
// "unrecognized arguments" list. Options are then consumed left to right; an option taking a value
// takes the explicit value or the next argument, which must be an "A". Positional arguments are
// consumed in chunks: the run of "A"s before the first option and the run after the last one, as
// argparse does, so the single positional (nargs "*" or "+") takes the first chunk and any later
// "A"s become unrecognized arguments (argparse's well-known intermixing limitation).
//
// # Invariants
//
// Errors are reported in argparse's order: option errors as they are met, then the missing
// required positional, then the unrecognized arguments. Every error ends in an Exit with status 2
// and the usage text followed by "PROG: error: MSG" on stderr; -h/--help exits 0 with the help
// text on stdout as soon as it is met.
package argparse

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"gopyc/objects"
)

// Kind is what an option does when it is met.
type Kind int

// Option kinds (argparse actions).
const (
	StoreTrue  Kind = iota // a flag: store True
	Count                  // count occurrences (-qq)
	StoreConst             // store a constant (-l stores 0)
	Store                  // store one value (last wins)
	Append                 // append one value per occurrence
	Help                   // print the help and exit 0
)

// Option describes one optional argument.
type Option struct {
	Strings []string // option strings in declaration order, e.g. "-j", "--workers"
	Dest    string
	Kind    Kind
	Int     bool     // convert the value with Python's int()
	Choices []string // allowed values, when non-empty
}

// name is argparse's name of the action in messages: its option strings joined by "/".
func (o *Option) name() string { return strings.Join(o.Strings, "/") }

// Parser is an argument parser with one positional argument.
type Parser struct {
	Prog    string // program name in messages, e.g. "compileall.py"
	Usage   string // the complete usage text, "usage: ...\n"
	Help    string // the complete help text printed by -h
	Options []*Option
	PosName string // the positional's metavar, used in "required" messages
	PosPlus bool   // nargs "+" (at least one) instead of "*"
}

// Exit is the result of a parse that ends the program: status, and text for stdout and stderr.
type Exit struct {
	Status int
	Stdout string
	Stderr string
}

func (e *Exit) Error() string { return fmt.Sprintf("exit %d: %s", e.Status, e.Stderr) }

// Result holds the parsed values.
type Result struct {
	Flags       map[string]bool     // StoreTrue and StoreConst dests that were given
	Counts      map[string]int      // Count dests
	Values      map[string][]string // Store (last) and Append (all) values, converted
	Positionals []string
}

// Get returns the last value stored for dest and whether there was one.
func (r *Result) Get(dest string) (string, bool) {
	v := r.Values[dest]
	if len(v) == 0 {
		return "", false
	}
	return v[len(v)-1], true
}

var negNumber = regexp.MustCompile(`^-\d+$|^-\d*\.\d+$`)

type classified struct {
	opt      *Option // nil for an unknown option string
	optStr   string
	explicit *string
}

func (p *Parser) fail(msg string) *Exit {
	return &Exit{Status: 2, Stderr: p.Usage + p.Prog + ": error: " + msg + "\n"}
}

func (p *Parser) lookup(s string) *Option {
	for _, o := range p.Options {
		for _, os := range o.Strings {
			if os == s {
				return o
			}
		}
	}
	return nil
}

// classify returns nil for an "A" argument.
func (p *Parser) classify(arg string) (*classified, *Exit) {
	if arg == "" || arg[0] != '-' {
		return nil, nil
	}
	if o := p.lookup(arg); o != nil {
		return &classified{opt: o, optStr: arg}, nil
	}
	if len(arg) == 1 {
		return nil, nil
	}
	if k, v, ok := strings.Cut(arg, "="); ok {
		if o := p.lookup(k); o != nil {
			return &classified{opt: o, optStr: k, explicit: &v}, nil
		}
	}
	var found []*classified
	if arg[1] == '-' {
		prefix, expl, hasEq := strings.Cut(arg, "=")
		for _, o := range p.Options {
			for _, s := range o.Strings {
				if strings.HasPrefix(s, prefix) {
					c := &classified{opt: o, optStr: s}
					if hasEq {
						v := expl
						c.explicit = &v
					}
					found = append(found, c)
				}
			}
		}
	} else {
		short, rest := arg[:2], arg[2:]
		for _, o := range p.Options {
			for _, s := range o.Strings {
				if s == short {
					v := rest
					found = append(found, &classified{opt: o, optStr: s, explicit: &v})
				} else if strings.HasPrefix(s, arg) {
					found = append(found, &classified{opt: o, optStr: s})
				}
			}
		}
	}
	if len(found) > 1 {
		names := make([]string, len(found))
		for i, f := range found {
			names[i] = f.optStr
		}
		return nil, p.fail(fmt.Sprintf("ambiguous option: %s could match %s", arg, strings.Join(names, ", ")))
	}
	if len(found) == 1 {
		return found[0], nil
	}
	if negNumber.MatchString(arg) {
		return nil, nil
	}
	if strings.Contains(arg, " ") {
		return nil, nil
	}
	return &classified{optStr: arg}, nil
}

// takesValue reports whether o consumes one argument.
func (o *Option) takesValue() bool { return o.Kind == Store || o.Kind == Append }

// Parse parses args (without the program name).
func (p *Parser) Parse(args []string) (*Result, *Exit) {
	res := &Result{Flags: map[string]bool{}, Counts: map[string]int{}, Values: map[string][]string{}}
	// Classify.
	cls := make([]*classified, len(args))
	dashdash := len(args)
	for i, a := range args {
		if a == "--" {
			dashdash = i
			break
		}
		c, ex := p.classify(a)
		if ex != nil {
			return nil, ex
		}
		cls[i] = c
	}
	isA := func(i int) bool { return i < len(args) && i != dashdash && (i > dashdash || cls[i] == nil) }
	var extras []string
	posDone := false
	consumePos := func(chunk []string) {
		if posDone {
			extras = append(extras, chunk...)
			return
		}
		if len(chunk) == 0 && p.PosPlus {
			return
		}
		posDone = true
		res.Positionals = append(res.Positionals, chunk...)
	}
	i := 0
	for i < len(args) {
		if i == dashdash {
			i++
			continue
		}
		if isA(i) {
			j := i
			var chunk []string
			for j < len(args) && (isA(j) || j == dashdash) {
				if j != dashdash {
					chunk = append(chunk, args[j])
				}
				j++
			}
			consumePos(chunk)
			i = j
			continue
		}
		c := cls[i]
		if c.opt == nil {
			extras = append(extras, args[i])
			i++
			continue
		}
		type act struct {
			o   *Option
			val *string
		}
		var acts []act
		o, optStr, explicit := c.opt, c.optStr, c.explicit
		next := i + 1
		for {
			if explicit != nil {
				if !o.takesValue() {
					if optStr[1] != '-' && *explicit != "" {
						acts = append(acts, act{o, nil})
						s := "-" + (*explicit)[:1]
						rest := (*explicit)[1:]
						if no := p.lookup(s); no != nil {
							o, optStr = no, s
							if rest == "" {
								explicit = nil
							} else {
								explicit = &rest
							}
							continue
						}
						return nil, p.fail(fmt.Sprintf("argument %s: ignored explicit argument %s", o.name(), objects.ReprStr(*explicit)))
					}
					return nil, p.fail(fmt.Sprintf("argument %s: ignored explicit argument %s", o.name(), objects.ReprStr(*explicit)))
				}
				acts = append(acts, act{o, explicit})
				break
			}
			if o.takesValue() {
				if !isA(next) {
					return nil, p.fail(fmt.Sprintf("argument %s: expected one argument", o.name()))
				}
				v := args[next]
				acts = append(acts, act{o, &v})
				next++
				break
			}
			acts = append(acts, act{o, nil})
			break
		}
		for _, a := range acts {
			switch a.o.Kind {
			case Help:
				return nil, &Exit{Status: 0, Stdout: p.Help}
			case StoreTrue, StoreConst:
				res.Flags[a.o.Dest] = true
			case Count:
				res.Counts[a.o.Dest]++
			case Store, Append:
				v := *a.val
				if a.o.Int {
					n, ok := PyInt(v)
					if !ok {
						return nil, p.fail(fmt.Sprintf("argument %s: invalid int value: %s", a.o.name(), objects.ReprStr(v)))
					}
					v = n
				}
				if len(a.o.Choices) > 0 {
					okc := false
					for _, ch := range a.o.Choices {
						okc = okc || ch == v
					}
					if !okc {
						q := make([]string, len(a.o.Choices))
						for k, ch := range a.o.Choices {
							q[k] = objects.ReprStr(ch)
						}
						return nil, p.fail(fmt.Sprintf("argument %s: invalid choice: %s (choose from %s)", a.o.name(), objects.ReprStr(v), strings.Join(q, ", ")))
					}
				}
				if a.o.Kind == Store {
					res.Values[a.o.Dest] = []string{v}
				} else {
					res.Values[a.o.Dest] = append(res.Values[a.o.Dest], v)
				}
			}
		}
		i = next
	}
	if !posDone && p.PosPlus {
		return nil, p.fail("the following arguments are required: " + p.PosName)
	}
	if len(extras) > 0 {
		return nil, p.fail("unrecognized arguments: " + strings.Join(extras, " "))
	}
	return res, nil
}

// PyInt converts s as Python's int(s) does (surrounding whitespace, a sign, digits with single
// underscores between them, any Unicode decimal digits) and returns its canonical decimal form.
func PyInt(s string) (string, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var digits []byte
	prevUnderscore := true
	for _, r := range s {
		if r == '_' {
			if prevUnderscore {
				return "", false
			}
			prevUnderscore = true
			continue
		}
		if !unicode.Is(unicode.Nd, r) {
			return "", false
		}
		d := digitValue(r)
		if d < 0 {
			return "", false
		}
		digits = append(digits, byte('0'+d))
		prevUnderscore = false
	}
	if len(digits) == 0 || prevUnderscore {
		return "", false
	}
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	out := string(digits)
	if neg && out != "0" {
		out = "-" + out
	}
	return out, true
}

// digitValue is the decimal value of a Unicode Nd character: Nd characters come in
// contiguous runs of whole decades, each starting at a zero.
func digitValue(r rune) int {
	n := 0
	for c := r; unicode.Is(unicode.Nd, c); c-- {
		n++
	}
	if n == 0 {
		return -1
	}
	return (n - 1) % 10
}
