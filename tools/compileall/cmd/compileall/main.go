// Command compileall runs gopyc's Go-native compileall (or, as `compileall py_compile ARGS`,
// py_compile) outside the interpreter, with CPython's options and output: a stand-alone binary for
// scripts such as scripts/cpython_regrtest.sh until and besides `gopyc -m compileall`.
package main

import (
	"os"

	"gopyc/tools/compileall"
	"gopyc/tools/pycompile"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "py_compile" {
		os.Exit(pycompile.Main(args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(compileall.Main(args, os.Stdin, os.Stdout, os.Stderr))
}
