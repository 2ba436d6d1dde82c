package compile

import (
	"errors"
	"strings"
	"testing"

	"gopyc/syntax"
)

func nestedBlocks(head string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + head + "\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "pass\n")
	return b.String()
}

// TestLimits checks deeply nested sources end to end through Source: the error class and message
// are CPython 3.11's (python3 -c "compile(src, 'x', 'exec')" at module level; the stage that
// raises is noted), and the compiler never overflows the Go stack.
func TestLimits(t *testing.T) {
	const rec = "RecursionError: " + RecursionErrorMsg
	cases := []struct {
		name, src, want string
	}{
		// AST optimiser (ast_opt.c) and symbol table: RecursionError past 3*1000 levels.
		{"binop chain 200000", strings.Repeat("a+", 200000) + "a", rec},
		{"binop chain 3000", strings.Repeat("a+", 3000) + "a", rec},
		{"binop chain 2900", strings.Repeat("a+", 2900) + "a", ""},
		{"str concat 100000", strings.Repeat(`"a"+`, 100000) + `"a"`, rec},
		{"attribute chain", "a" + strings.Repeat(".b", 100000), rec},
		{"call chain", "a" + strings.Repeat("()", 100000), rec},
		{"subscript chain", "a" + strings.Repeat("[0]", 100000), rec},
		{"unary 3000", strings.Repeat("-", 3000) + "1", rec},
		{"conditional 3000", strings.Repeat("a if b else ", 3000) + "c", rec},
		{"elif 3000", "if a: pass\n" + strings.Repeat("elif a: pass\n", 3000), rec},
		{"lambda 2900", strings.Repeat("lambda: ", 2900) + "0", ""},
		{"and chain", strings.Repeat("a and ", 100000) + "a", ""},
		{"compare chain", strings.Repeat("a<", 100000) + "a", ""},
		// Parser (MAXSTACK): MemoryError without a message.
		{"unary 100000", strings.Repeat("-", 100000) + "1", "MemoryError"},
		{"not 100000", strings.Repeat("not ", 100000) + "a", "MemoryError"},
		// Tokenizer: nesting of brackets and indentation.
		{"parentheses 199", strings.Repeat("(", 199) + strings.Repeat(")", 199), ""},
		{"parentheses 250", strings.Repeat("(", 250) + strings.Repeat(")", 250), "SyntaxError: too many nested parentheses"},
		{"indentation 101", nestedBlocks("if x:", 101), "IndentationError: too many levels of indentation"},
		// Compiler: static block nesting (CO_MAXBLOCKS).
		{"blocks 20", nestedBlocks("while x:", 20), ""},
		{"blocks 21", nestedBlocks("while x:", 21), "SyntaxError: too many statically nested blocks"},
		{"for blocks 21", nestedBlocks("for x in y:", 21), "SyntaxError: too many statically nested blocks"},
	}
	for _, tc := range cases {
		_, err := Source([]byte(tc.src), "x", "exec", 0)
		got := ""
		if err != nil {
			var se *syntax.Error
			if errors.As(err, &se) {
				got = se.Kind.String()
				if se.Msg != "" {
					got += ": " + se.Msg
				}
			} else {
				got = err.Error()
			}
		}
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestRecursionLimitOption: the budget follows Options.RecursionLimit and RecursionDepth.
func TestRecursionLimitOption(t *testing.T) {
	src := []byte(strings.Repeat("a+", 250) + "a")
	if _, err := SourceOptions(src, "x", Options{RecursionLimit: 100}); err != nil {
		t.Errorf("limit 100, depth 0: %v", err)
	}
	_, err := SourceOptions(src, "x", Options{RecursionLimit: 100, RecursionDepth: 20})
	var re *RecursionError
	if !errors.As(err, &re) {
		t.Errorf("limit 100, depth 20: got %v, want RecursionError", err)
	}
}
