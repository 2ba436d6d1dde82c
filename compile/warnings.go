package compile

import (
	"gopyc/ast"
	"gopyc/objects"
	"gopyc/syntax"
)

// Compile-time warnings. CPython 3.11's code generator warns (SyntaxWarning) about code that
// is valid but almost certainly a mistake: `is` / `is not` with a literal operand, an assert
// on a non-empty tuple, calling a literal, subscripting a literal that cannot be subscripted,
// and indexing a literal sequence with a literal that is not an integer. The checks look at the
// tree after constant folding, as CPython's do, and are made where CPython makes them (so code
// compiled twice, such as a finally body, warns twice). A warning is placed at the location
// current at that point (the expression or statement being compiled).

// Warning is a warning raised while compiling (Category "SyntaxWarning") or parsing.
type Warning = syntax.Warning

// CompileWarnings is Compile that also returns the compiler's warnings, in the order CPython
// issues them.
func CompileWarnings(mod ast.Mod, filename string, opts Options) (*objects.Code, []Warning, error) {
	var ws []Warning
	co, err := compileAST(mod, filename, opts, &ws)
	return co, ws, err
}

// SourceWarnings is SourceOptions that also returns the warnings of the parser (invalid escape
// sequences) followed by those of the compiler, for the compile() builtin, imports and
// py_compile to report (warnings.warn_explicit with the filename and Lineno).
func SourceWarnings(src []byte, filename string, opts Options) (*objects.Code, []Warning, error) {
	mod, ws, err := syntax.ParseWarnings(filename, src, parseMode(opts.Mode), 0)
	if err != nil {
		return nil, ws, err
	}
	co, cws, err := CompileWarnings(mod, filename, opts)
	return co, append(ws, cws...), err
}

func (c *compiler) warn(msg string) {
	if c.warnings == nil {
		return
	}
	l := c.u.loc
	w := Warning{Category: "SyntaxWarning", Msg: msg, Lineno: int(l.line), Offset: int(l.col) + 1}
	if l.line < 0 {
		w.Lineno, w.Offset = 0, 0
	}
	*c.warnings = append(*c.warnings, w)
}

// inferType is the name of the type e evaluates to when the tree alone tells ("" otherwise),
// as CPython's infer_type.
func inferType(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Tuple:
		return "tuple"
	case *ast.List, *ast.ListComp:
		return "list"
	case *ast.Dict, *ast.DictComp:
		return "dict"
	case *ast.Set, *ast.SetComp:
		return "set"
	case *ast.GeneratorExp:
		return "generator"
	case *ast.Lambda:
		return "function"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "str"
	case *ast.Constant:
		return valueTypeName(e.Value)
	}
	return ""
}

func valueTypeName(v ast.Value) string {
	switch v.Kind {
	case ast.NoneKind:
		return "NoneType"
	case ast.BoolKind:
		return "bool"
	case ast.EllipsisKind:
		return "ellipsis"
	case ast.IntKind:
		return "int"
	case ast.FloatKind:
		return "float"
	case ast.ComplexKind:
		return "complex"
	case ast.StrKind:
		return "str"
	case ast.BytesKind:
		return "bytes"
	case ast.TupleKind:
		return "tuple"
	case ast.FrozensetKind:
		return "frozenset"
	}
	return ""
}

// isArgOK reports whether e may be an operand of `is` without a warning: anything but a
// constant other than None, True, False and Ellipsis.
func isArgOK(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	if !ok {
		return true
	}
	switch k.Value.Kind {
	case ast.NoneKind, ast.BoolKind, ast.EllipsisKind:
		return true
	}
	return false
}

// checkCompare warns about the first `is` or `is not` of a comparison with a literal operand.
func (c *compiler) checkCompare(e *ast.Compare) {
	left := e.Left
	for i, o := range e.Ops {
		right := e.Comparators[i]
		if (o == ast.Is || o == ast.IsNot) && (!isArgOK(left) || !isArgOK(right)) {
			if o == ast.Is {
				c.warn(`"is" with a literal. Did you mean "=="?`)
			} else {
				c.warn(`"is not" with a literal. Did you mean "!="?`)
			}
			return // one warning per comparison, the first
		}
		left = right
	}
}

// checkCaller warns about calling a literal.
func (c *compiler) checkCaller(f ast.Expr) {
	switch f.(type) {
	case *ast.Constant, *ast.Tuple, *ast.List, *ast.ListComp, *ast.Dict, *ast.DictComp,
		*ast.Set, *ast.SetComp, *ast.GeneratorExp, *ast.JoinedStr, *ast.FormattedValue:
		c.warn("'" + inferType(f) + "' object is not callable; perhaps you missed a comma?")
	}
}

// checkSubscript warns about subscripting (loading) a literal that cannot be subscripted, and
// about indexing a literal sequence with a literal that is not an integer or slice.
func (c *compiler) checkSubscript(e *ast.Subscript) {
	switch v := e.Value.(type) {
	case *ast.Constant:
		switch v.Value.Kind {
		case ast.NoneKind, ast.EllipsisKind, ast.IntKind, ast.BoolKind, ast.FloatKind,
			ast.ComplexKind, ast.FrozensetKind:
			c.warn("'" + inferType(v) + "' object is not subscriptable; perhaps you missed a comma?")
			return
		}
	case *ast.Set, *ast.SetComp, *ast.GeneratorExp, *ast.Lambda:
		c.warn("'" + inferType(v) + "' object is not subscriptable; perhaps you missed a comma?")
		return
	}
	index := inferType(e.Slice)
	if index == "" || index == "int" || index == "bool" {
		return
	}
	switch v := e.Value.(type) {
	case *ast.Constant:
		switch v.Value.Kind {
		case ast.StrKind, ast.BytesKind, ast.TupleKind:
		default:
			return
		}
	case *ast.Tuple, *ast.List, *ast.ListComp, *ast.JoinedStr, *ast.FormattedValue:
	default:
		return
	}
	c.warn(inferType(e.Value) + " indices must be integers or slices, not " + index +
		"; perhaps you missed a comma?")
}

// isNonEmptyTuple reports whether e is a tuple display with elements, or one folded into a
// constant.
func isNonEmptyTuple(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Tuple:
		return len(e.Elts) > 0
	case *ast.Constant:
		return e.Value.Kind == ast.TupleKind && len(e.Value.Elts) > 0
	}
	return false
}
