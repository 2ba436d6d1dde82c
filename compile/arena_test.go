package compile

import (
	"bytes"
	"os"
	"testing"

	"gopyc/internal/oracle"
	"gopyc/marshal"
	"gopyc/syntax"
)

// TestArenaSameBytes compiles a sample of the stdlib, each module at each -O level, through
// one arena (so every compilation reuses the blocks of the one before, big modules after small
// ones and back) and checks the marshalled bytes against a compilation without an arena.
func TestArenaSameBytes(t *testing.T) {
	names, srcs := sampleFiles(t, 20)
	var a Arena
	for round := range 2 {
		for i, src := range srcs {
			for opt := range 3 {
				want := compileMarshal(t, names[i], src, Options{Optimize: opt, MarshalOnly: true})
				got := compileMarshal(t, names[i], src, Options{Optimize: opt, MarshalOnly: true, Arena: &a})
				if !bytes.Equal(got, want) {
					t.Fatalf("round %d, %s -O%d: marshalled bytes differ with an arena", round, names[i], opt)
				}
			}
		}
	}
}

// TestArenaClearsPointers checks that the arena keeps no pointer of the last compilation past
// what the next one uses.
func TestArenaClearsPointers(t *testing.T) {
	var a Arena
	mod, err := syntax.Parse("m.py", []byte("def f(x):\n    return x + 'abc'\nclass C:\n    y = 1\n"), syntax.Exec, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Compile(mod, "m.py", Options{MarshalOnly: true, Arena: &a}); err != nil {
		t.Fatal(err)
	}
	a.begin()
	for _, b := range a.strs.blocks {
		for _, p := range b {
			if p != nil {
				t.Fatal("a str of the last compilation is still in the arena")
			}
		}
	}
	for _, b := range a.objs.blocks {
		for _, o := range b {
			if o != nil {
				t.Fatal("a constant of the last compilation is still in the arena")
			}
		}
	}
	for _, b := range a.codes.blocks {
		for i := range b {
			if b[i].Name != nil || b[i].Consts != nil {
				t.Fatal("a code object of the last compilation is still in the arena")
			}
		}
	}
}

func compileMarshal(t *testing.T, name string, src []byte, opts Options) []byte {
	t.Helper()
	mod, err := syntax.Parse(name, src, syntax.Exec, 0)
	if err != nil {
		t.Fatal(err)
	}
	co, err := Compile(mod, name, opts)
	if err != nil {
		t.Fatal(err)
	}
	data, err := marshal.Dumps(co, marshal.Version)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// BenchmarkCompileStdlibArena is BenchmarkCompileStdlibMarshalOnly with one arena for all
// compilations, as compileall's workers compile.
func BenchmarkCompileStdlibArena(b *testing.B) {
	benchCompile(b, Options{MarshalOnly: true, Arena: new(Arena)})
}

// sampleFiles reads about n stdlib files spread over the library (sizes mixed), the biggest
// module among them too.
func sampleFiles(t *testing.T, n int) (names []string, srcs [][]byte) {
	t.Helper()
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Skip(err)
	}
	biggest := -1
	var biggestSrc []byte
	for i := range files {
		src, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if len(src) > len(biggestSrc) {
			biggest, biggestSrc = i, src
		}
		if i%max(1, len(files)/n) != 0 {
			continue
		}
		if _, err := syntax.Parse(files[i], src, syntax.Exec, 0); err != nil {
			continue
		}
		names = append(names, files[i])
		srcs = append(srcs, src)
	}
	if _, err := syntax.Parse(files[biggest], biggestSrc, syntax.Exec, 0); err == nil {
		names = append(names, files[biggest])
		srcs = append(srcs, biggestSrc)
	}
	return names, srcs
}
