package syntax

import (
	"strings"
	"testing"
)

// TestLimits checks deep nesting: CPython 3.11's answers (asked with python3 -c 'ast.parse(...)')
// are "too many nested parentheses" (tokenizer MAXLEVEL 200), "too many levels of indentation"
// (100), and MemoryError from the parser's MAXSTACK for very deep unary/power chains. Whatever
// the input, the parser must return an error, never overflow the Go stack or panic.
func TestLimits(t *testing.T) {
	nestedIfs := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat(" ", i) + "if x:\n")
		}
		b.WriteString(strings.Repeat(" ", n) + "pass\n")
		return b.String()
	}
	cases := []struct {
		name, src, want string
	}{
		{"parens200", strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200), "ok"},
		{"parens201", strings.Repeat("(", 201) + "1" + strings.Repeat(")", 201), `SyntaxError "too many nested parentheses" 1 201 1 201`},
		{"parens1000", strings.Repeat("(", 1000), `SyntaxError "too many nested parentheses" 1 201 1 201`},
		{"unary5969", strings.Repeat("-", 5969) + "1", "ok"},
		{"unary5970", strings.Repeat("-", 5970) + "1", "MemoryError"},
		{"unary100000", strings.Repeat("-", 100000) + "1", "MemoryError"},
		{"not100000", strings.Repeat("not ", 100000) + "1", "MemoryError"},
		{"power2984", strings.Repeat("a**", 2984) + "a", "ok"},
		{"power2985", strings.Repeat("a**", 2985) + "a", "MemoryError"},
		{"binop100000", strings.Repeat("a+", 100000) + "a", "ok"},
		{"attr100000", "a" + strings.Repeat(".b", 100000), "ok"},
		{"ifs99", nestedIfs(99), "ok"},
		{"ifs100", nestedIfs(100), `IndentationError "too many levels of indentation" 101 1 101 0`},
		{"lambda100000", strings.Repeat("lambda:", 100000) + "1", "MemoryError"},
		{"fstring", strings.Repeat("f'{", 50) + "1" + strings.Repeat("}'", 50), `SyntaxError "f-string: expecting '}'" 1 6 1 7`},
	}
	for _, c := range cases {
		_, err := Parse("<unknown>", []byte(c.src), Exec, 0)
		got := "ok"
		if err != nil {
			got = errorAttrs(err)
			if e, ok := err.(*Error); ok && e.Kind == MemoryErrorKind {
				got = "MemoryError"
			}
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
