package main

import (
	"io"

	"gopyc/bytecode/discmd"
	"gopyc/syntax/astcmd"
)

// tools maps -m module names to Go-native command-line tools.
var tools = map[string]func(args []string, stdin io.Reader, stdout, stderr io.Writer) int{
	"dis": discmd.Main,
	"ast": astcmd.Main,
}
