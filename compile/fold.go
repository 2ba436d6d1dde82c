package compile

import "gopyc/ast"

func foldModule(mod ast.Mod, optimize int) ast.Mod { return mod }

func unparse(e ast.Expr) string { return "?" }
