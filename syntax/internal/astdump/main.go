package main

import (
	"os"

	"gopyc/syntax/astcmd"
)

func main() { os.Exit(astcmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
