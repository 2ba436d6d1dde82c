package argparse

import "testing"

func TestPyInt(t *testing.T) {
	for in, want := range map[string]string{"3": "3", " 42 ": "42", "-0": "0", "+7": "7", "1_000": "1000",
		"007": "7", "٣": "3", "-12": "-12"} {
		if got, ok := PyInt(in); !ok || got != want {
			t.Errorf("PyInt(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "x", "1__0", "_1", "1_", "1.5", "--1", "0x10"} {
		if got, ok := PyInt(in); ok {
			t.Errorf("PyInt(%q) = %q, want error", in, got)
		}
	}
}

func testParser() *Parser {
	return &Parser{Prog: "p", Usage: "usage: p\n", Help: "help\n", PosName: "files",
		Options: []*Option{
			{Strings: []string{"-h", "--help"}, Kind: Help},
			{Strings: []string{"-q"}, Dest: "q", Kind: Count},
			{Strings: []string{"-f"}, Dest: "f", Kind: StoreTrue},
			{Strings: []string{"-j", "--workers"}, Dest: "j", Kind: Store, Int: true},
			{Strings: []string{"--mode"}, Dest: "m", Kind: Store, Choices: []string{"a", "b"}},
			{Strings: []string{"--mood"}, Dest: "mood", Kind: StoreTrue},
		}}
}

func TestParse(t *testing.T) {
	r, ex := testParser().Parse([]string{"-qqf", "-j3", "--work", "-1", "--mode=b", "x", "--", "-q"})
	if ex != nil {
		t.Fatal(ex)
	}
	if r.Counts["q"] != 2 || !r.Flags["f"] || r.Values["j"][0] != "-1" || r.Values["m"][0] != "b" ||
		len(r.Positionals) != 2 || r.Positionals[1] != "-q" {
		t.Errorf("%+v", r)
	}
	for args, msg := range map[string]string{
		"--mo":     "ambiguous option: --mo could match --mode, --mood",
		"-j":       "argument -j/--workers: expected one argument",
		"-j x":     "argument -j/--workers: invalid int value: 'x'",
		"--mode c": "argument --mode: invalid choice: 'c' (choose from 'a', 'b')",
		"-fx":      "argument -f: ignored explicit argument 'x'",
		"--mood=1": "argument --mood: ignored explicit argument '1'",
		"a -q b":   "unrecognized arguments: b",
		"-z a":     "unrecognized arguments: -z",
	} {
		_, ex := testParser().Parse(splitArgs(args))
		if ex == nil || ex.Status != 2 || ex.Stderr != "usage: p\np: error: "+msg+"\n" {
			t.Errorf("%q: %+v, want %q", args, ex, msg)
		}
	}
	if _, ex := testParser().Parse([]string{"-q", "-h", "-j"}); ex == nil || ex.Status != 0 || ex.Stdout != "help\n" {
		t.Errorf("-h: %+v", ex)
	}
}

func splitArgs(s string) []string {
	var out []string
	cur := ""
	for _, c := range s + " " {
		if c == ' ' {
			if cur != "" {
				out = append(out, cur)
			}
			cur = ""
		} else {
			cur += string(c)
		}
	}
	return out
}

// FuzzParse: any command line parses or fails with status 0 or 2, never panics.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"-qqf -j3 x", "--mo", "-fx", "--mode=a -- -q", "-j -1", "a -q b", "-", "--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, ex := testParser().Parse(splitArgs(s))
		if ex != nil && ex.Status != 0 && ex.Status != 2 {
			t.Fatalf("%q: status %d", s, ex.Status)
		}
	})
}
