// Command astdump is a development helper: `go run ./syntax/internal/astdump [args]` behaves
// like `python3 -m ast [args]` (see package astcmd).
package main

import (
	"os"

	"gopyc/syntax/astcmd"
)

func main() { os.Exit(astcmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
