package modules

import (
	"fmt"
	"reflect"
	"strings"

	"gopyc/ast"
	. "gopyc/objects"
	"gopyc/syntax"
	"gopyc/vm"
)

// makeAst builds _ast: the AST base class and the node classes of Python 3.11's ast module
// (generated into ast_gen.go by modules/gen/ast_nodes.py), and the PyCF_* flags. Parsing to
// these nodes is compile(..., PyCF_ONLY_AST) (see installCompile), which converts gopyc's Go
// syntax tree by reflection: each Go node type maps to the class of the same name (or the one
// goNodeNames gives), each field to the _fields entry of the same name (ignoring case and
// underscores).
func makeAst(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_ast", astBaseSrc+astNodesSrc+"\ndel _node\n", nil)
}

const astBaseSrc = `
PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192


class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            raise TypeError('%s constructor takes at most %d positional argument%s'
                            % (type(self).__name__, len(fields), '' if len(fields) == 1 else 's'))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), getattr(self, '__dict__', None)

AST.__module__ = 'ast'


def _node(name, base, fields, attributes, defaults):
    ns = {'_fields': fields, '_attributes': attributes, '__match_args__': fields,
          '__module__': 'ast'}
    ns.update(defaults)
    globals()[name] = type(base)(name, (base,), ns)
`

// astConv converts Go syntax trees to _ast objects.
type astConv struct {
	t       *vm.Thread
	mod     *vm.Module
	classes map[string]Object // class name -> class
}

// goNodeNames are the Go node types whose names differ from the Python classes'.
var goNodeNames = map[string]string{
	"ExprStmt": "Expr", "MatchCase": "match_case", "Withitem": "withitem", "Arguments": "arguments",
	"Arg": "arg", "Keyword": "keyword", "Alias": "alias", "Comprehension": "comprehension",
}

func newAstConv(t *vm.Thread, mod *vm.Module) *astConv {
	c := &astConv{t: t, mod: mod, classes: map[string]Object{}}
	mod.Dict.Range(func(k, v Object) bool {
		if s, ok := k.(*Str); ok {
			if _, ok := v.(*Type); ok {
				c.classes[s.String()] = v
			}
		}
		return true
	})
	return c
}

func normField(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }

func (c *astConv) class(name string) (Object, error) {
	if py, ok := goNodeNames[name]; ok {
		name = py
	}
	cls, ok := c.classes[name]
	if !ok {
		return nil, vm.Errorf(vm.SystemErrorType, "_ast has no node class %s", name)
	}
	return cls, nil
}

func (c *astConv) value(v ast.Value) (Object, error) {
	switch v.Kind {
	case ast.NoneKind:
		return None, nil
	case ast.BoolKind:
		return NewBool(v.Int != 0), nil
	case ast.EllipsisKind:
		return c.t.Interp().Builtins.GetStr(NewStr("Ellipsis")), nil
	case ast.IntKind:
		if v.Big != nil {
			return NewIntBig(v.Big), nil
		}
		return NewInt(v.Int), nil
	case ast.FloatKind:
		return NewFloat(v.Float), nil
	case ast.ComplexKind:
		return NewComplex(complex(v.Float, v.Imag)), nil
	case ast.StrKind:
		return NewStr(v.Str), nil
	case ast.BytesKind:
		return NewBytes([]byte(v.Str)), nil
	case ast.TupleKind, ast.FrozensetKind:
		items := make([]Object, len(v.Elts))
		for i, e := range v.Elts {
			o, err := c.value(e)
			if err != nil {
				return nil, err
			}
			items[i] = o
		}
		if v.Kind == ast.TupleKind {
			return NewTuple(items), nil
		}
		return c.t.Call(FrozenSetType, []Object{NewTuple(items)}, nil)
	}
	return None, nil
}

var (
	astValueType = reflect.TypeOf(ast.Value{})
	astPosType   = reflect.TypeOf(ast.Pos{})
	stringerType = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
)

func (c *astConv) conv(rv reflect.Value) (Object, error) {
	switch rv.Kind() {
	case reflect.Interface, reflect.Pointer:
		if rv.IsNil() {
			return None, nil
		}
		if rv.Kind() == reflect.Interface {
			return c.conv(rv.Elem())
		}
		return c.node(rv.Elem())
	case reflect.Slice:
		items := make([]Object, rv.Len())
		for i := range items {
			o, err := c.conv(rv.Index(i))
			if err != nil {
				return nil, err
			}
			items[i] = o
		}
		return NewList(items), nil
	case reflect.String:
		return NewStr(rv.String()), nil
	case reflect.Bool:
		return NewBool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return NewInt(rv.Int()), nil
	case reflect.Uint8, reflect.Uint16, reflect.Uint32:
		if rv.Type().Implements(stringerType) {
			cls, err := c.class(rv.Interface().(fmt.Stringer).String())
			if err != nil {
				return nil, err
			}
			return c.t.Call(cls, nil, nil)
		}
		return NewInt(int64(rv.Uint())), nil
	case reflect.Struct:
		if rv.Type() == astValueType {
			return c.value(rv.Interface().(ast.Value))
		}
		return c.node(rv)
	}
	return None, nil
}

func (c *astConv) node(rv reflect.Value) (Object, error) {
	tp := rv.Type()
	cls, err := c.class(tp.Name())
	if err != nil {
		return nil, err
	}
	obj, err := c.t.Call(cls, nil, nil)
	if err != nil {
		return nil, err
	}
	fieldsObj, err := c.t.GetAttr(cls, NewStr("_fields"))
	if err != nil {
		return nil, err
	}
	pyFields := map[string]*Str{}
	if ft, ok := fieldsObj.(*Tuple); ok {
		for _, f := range ft.V {
			if s, ok := f.(*Str); ok {
				pyFields[normField(s.String())] = s
			}
		}
	}
	for i := 0; i < tp.NumField(); i++ {
		sf := tp.Field(i)
		fv := rv.Field(i)
		if sf.Type == astPosType {
			p := fv.Interface().(ast.Pos)
			for _, a := range []struct {
				n string
				v int
			}{{"lineno", p.Lineno}, {"col_offset", p.ColOffset}, {"end_lineno", p.EndLineno}, {"end_col_offset", p.EndColOffset}} {
				if err := c.t.SetAttr(obj, NewStr(a.n), NewInt(int64(a.v))); err != nil {
					return nil, err
				}
			}
			continue
		}
		name, ok := pyFields[normField(sf.Name)]
		if !ok {
			continue
		}
		var v Object
		if fv.Kind() == reflect.String && fv.String() == "" {
			// An empty optional identifier or string is None (a class default of None marks it).
			if d, err := c.t.GetAttr(cls, name); err == nil && d == None {
				v = None
			}
		}
		if v == nil {
			if v, err = c.conv(fv); err != nil {
				return nil, err
			}
		}
		if err := c.t.SetAttr(obj, name, v); err != nil {
			return nil, err
		}
	}
	return obj, nil
}

// installCompile wraps builtins.compile to accept PyCF_ONLY_AST (returning _ast nodes) and
// AST objects as source (compiled from ast.unparse's text: positions are those of the
// unparsed text, not the tree's).
func installCompile(in *vm.Interp) {
	orig := in.Builtins.GetStr(NewStr("compile"))
	if orig == nil {
		return
	}
	in.Builtins.SetStr(NewStr("compile"), &vm.Builtin{Name: "compile", Self: in.BuiltinsModule, Fn: func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
		a, err := vm.ParseArgs("compile", args, kw, []string{"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"}, 3)
		if err != nil {
			return nil, err
		}
		flags := int64(0)
		if a[3] != nil {
			if flags, err = intArg(t, a[3]); err != nil {
				return nil, err
			}
		}
		src := vm.Unwrap(a[0])
		_, isStr := src.(*Str)
		_, isBytes := src.(*Bytes)
		if !isStr && !isBytes {
			if _, ok := a[0].(*Code); !ok {
				if _, err := t.GetAttr(a[0], NewStr("_fields")); err == nil {
					if flags&0x400 != 0 {
						return a[0], nil
					}
					imp := in.Builtins.GetStr(NewStr("__import__"))
					astMod, err := t.Call(imp, []Object{NewStr("ast")}, nil)
					if err != nil {
						return nil, err
					}
					unparse, err := t.GetAttr(astMod, NewStr("unparse"))
					if err != nil {
						return nil, err
					}
					text, err := t.Call(unparse, []Object{a[0]}, nil)
					if err != nil {
						return nil, err
					}
					nargs := append([]Object{text}, args[1:]...)
					return t.Call(orig, nargs, kw)
				}
			}
		}
		if flags&0x400 == 0 || !(isStr || isBytes) {
			return t.Call(orig, args, kw)
		}
		var data []byte
		var pflags syntax.Flags
		if s, ok := src.(*Str); ok {
			data = []byte(s.String())
			pflags |= syntax.SourceIsText
		} else {
			data = src.(*Bytes).B
		}
		if flags&0x1000 != 0 {
			pflags |= syntax.TypeComments
		}
		filename, _, err := pathArg(t, a[1])
		if err != nil {
			return nil, err
		}
		modeS, _ := a[2].(*Str)
		var mode syntax.Mode
		switch modeS.String() {
		case "exec":
			mode = syntax.Exec
		case "eval":
			mode = syntax.Eval
		case "single":
			mode = syntax.Single
		case "func_type":
			mode = syntax.FuncType
		default:
			return nil, vm.ValueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
		}
		tree, perr := syntax.Parse(filename, data, mode, pflags)
		if perr != nil {
			// The compiler reports syntax errors as CPython does; let it raise this one.
			if _, err := t.Call(orig, []Object{a[0], a[1], a[2]}, nil); err != nil {
				return nil, err
			}
			return nil, vm.Errorf(vm.SyntaxErrorType, "%s", perr.Error())
		}
		imp := in.Builtins.GetStr(NewStr("__import__"))
		m, err := t.Call(imp, []Object{NewStr("_ast")}, nil)
		if err != nil {
			return nil, err
		}
		mod, ok := m.(*vm.Module)
		if !ok {
			return nil, vm.Errorf(vm.SystemErrorType, "_ast is not a module")
		}
		return newAstConv(t, mod).conv(reflect.ValueOf(tree))
	}})
}
