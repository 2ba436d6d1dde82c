package compile

import (
	"os"
	"testing"

	"gopyc/ast"
	"gopyc/internal/oracle"
	"gopyc/syntax"
)

// BenchmarkCompileStdlib compiles (no parsing) a sample of pre-parsed stdlib modules.
func BenchmarkCompileStdlib(b *testing.B) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		b.Skip(err)
	}
	var mods []ast.Mod
	var names []string
	for i := 0; i < len(files); i += 6 {
		src, err := os.ReadFile(files[i])
		if err != nil {
			b.Fatal(err)
		}
		m, err := syntax.Parse(files[i], src, syntax.Exec, 0)
		if err != nil {
			continue
		}
		mods = append(mods, m)
		names = append(names, files[i])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, m := range mods {
			Compile(m, names[j], Options{})
		}
	}
	b.ReportMetric(float64(len(mods)*b.N)/b.Elapsed().Seconds(), "files/s")
}
