package ast

import (
	"testing"
)

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
