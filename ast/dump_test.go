package ast

import (
	"math"
	"testing"
)

// Expected strings come from python3.11's repr().
func TestReprs(t *testing.T) {
	floats := []struct {
		f    float64
		want string
	}{
		{1e16, "1e+16"}, {1.0, "1.0"}, {0.1, "0.1"}, {1e-5, "1e-05"},
		{123456789012345678.0, "1.2345678901234568e+17"}, {math.Inf(1), "inf"},
		{2.5e-320, "2.5e-320"}, {1e22, "1e+22"}, {1234567890123456.7, "1234567890123456.8"},
		{0.0001, "0.0001"}, {100.0, "100.0"}, {5e-324, "5e-324"},
	}
	for _, c := range floats {
		if got := ReprFloat(c.f); got != c.want {
			t.Errorf("ReprFloat(%v) = %q, want %q", c.f, got, c.want)
		}
	}
	strs := []struct{ s, want string }{
		{"a'b", `"a'b"`},
		{"a'\"", `'a\'"'`},
		{"\x00\u200b\U0001F600\x7f\u00a0\u00ad", `'\x00\u200b` + "\U0001F600" + `\x7f\xa0\xad'`},
		{"é\n\t\\", `'é\n\t\\'`},
		{string(AppendRune(nil, 0xDC80)) + "x", `'\udc80x'`},
	}
	for _, c := range strs {
		if got := ReprStr(c.s); got != c.want {
			t.Errorf("ReprStr(%q) = %s, want %s", c.s, got, c.want)
		}
	}
	bs := []struct{ s, want string }{
		{"a'b", `b"a'b"`}, {"\x00\xff\\\"", `b'\x00\xff\\"'`}, {`'"`, `b'\'"'`},
	}
	for _, c := range bs {
		if got := ReprBytes(c.s); got != c.want {
			t.Errorf("ReprBytes(%q) = %s, want %s", c.s, got, c.want)
		}
	}
	cs := []struct {
		re, im float64
		want   string
	}{{0, 2, "2j"}, {0, 1e20, "1e+20j"}, {0, 0, "0j"}, {0, 1.5, "1.5j"}, {1, -2, "(1-2j)"}}
	for _, c := range cs {
		if got := ReprComplex(c.re, c.im); got != c.want {
			t.Errorf("ReprComplex(%v, %v) = %s, want %s", c.re, c.im, got, c.want)
		}
	}
}

func TestDumpAndWalk(t *testing.T) {
	// ast.dump(ast.parse('x = 1'), indent=None) and with indent=2
	tree := &Module{Body: []Stmt{&Assign{
		Pos:     Pos{1, 0, 1, 5},
		Targets: []Expr{&Name{Pos: Pos{1, 0, 1, 1}, Id: "x", Ctx: Store}},
		Value:   &Constant{Pos: Pos{1, 4, 1, 5}, Value: IntValue(1)},
	}}, TypeIgnores: []*TypeIgnore{}}
	if got, want := Dump(tree, DumpOptions{Indent: -1}), "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	want2 := "Module(\n  body=[\n    Assign(\n      targets=[\n        Name(id='x', ctx=Store())],\n      value=Constant(value=1))],\n  type_ignores=[])"
	if got := Dump(tree, DumpOptions{Indent: 2}); got != want2 {
		t.Errorf("got %s\nwant %s", got, want2)
	}
	var kinds []string
	Inspect(tree, func(n Node) bool {
		switch n.(type) {
		case *Module:
			kinds = append(kinds, "Module")
		case *Assign:
			kinds = append(kinds, "Assign")
		case *Name:
			kinds = append(kinds, "Name")
		case *Constant:
			kinds = append(kinds, "Constant")
		}
		return true
	})
	if len(kinds) != 4 || kinds[3] != "Constant" {
		t.Errorf("Inspect order: %v", kinds)
	}
}

func TestDumpNoFieldNames(t *testing.T) {
	// ast.dump(ast.parse('def f(a): return a'), annotate_fields=False)
	a := &Arg{Pos: Pos{1, 6, 1, 7}, Arg: "a"}
	tree := &Module{Body: []Stmt{&FunctionDef{
		Pos:           Pos{1, 0, 1, 18},
		Name:          "f",
		Args:          &Arguments{Posonlyargs: []*Arg{}, Args: []*Arg{a}, Kwonlyargs: []*Arg{}, KwDefaults: []Expr{}, Defaults: []Expr{}},
		Body:          []Stmt{&Return{Pos: Pos{1, 10, 1, 18}, Value: &Name{Pos: Pos{1, 17, 1, 18}, Id: "a", Ctx: Load}}},
		DecoratorList: []Expr{},
	}}, TypeIgnores: []*TypeIgnore{}}
	want := "Module([FunctionDef('f', arguments([], [arg('a')], kwonlyargs=[], kw_defaults=[], defaults=[]), [Return(Name('a', Load()))], [])], [])"
	if got := Dump(tree, DumpOptions{Indent: -1, OmitFieldNames: true}); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
