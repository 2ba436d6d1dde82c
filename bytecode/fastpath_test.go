package bytecode

import (
	"bytes"
	"testing"
)

// TestStackEffects checks StackEffects against StackEffect for every opcode and a range of
// arguments.
func TestStackEffects(t *testing.T) {
	for o := 0; o < 256; o++ {
		for _, arg := range []int{0, 1, 2, 3, 4, 7, 8, 15, 255, 256, 257, 1 << 16, 1<<24 + 5} {
			n, j, ok := StackEffects(uint8(o), arg)
			wn, errN := StackEffect(uint8(o), arg, false)
			wj, errJ := StackEffect(uint8(o), arg, true)
			if ok != (errN == nil) || ok != (errJ == nil) {
				t.Fatalf("%s(%d): ok %v, errors %v %v", OpName[o], arg, ok, errN, errJ)
			}
			if ok && (n != wn || j != wj) {
				t.Errorf("%s(%d): StackEffects %d %d, StackEffect %d %d", OpName[o], arg, n, j, wn, wj)
			}
		}
	}
}

// TestLocationWriterFastPath checks that Add writes what the general entry writer does for
// every kind of position around the short-form fast path's limits.
func TestLocationWriterFastPath(t *testing.T) {
	vals := []int{-1, 0, 1, 2, 7, 8, 15, 16, 17, 79, 80, 81, 127, 128, 300}
	lines := []int{-1, 0, 1, 2, 3, 4, 100}
	var got, want LocationWriter
	for _, units := range []int{1, 2, 5, 8, 9, 11, 17} {
		for _, line := range lines {
			for _, dl := range []int{-1, 0, 1, 2} {
				for _, col := range vals {
					for _, endCol := range vals {
						p := Position{Line: line, EndLine: line + dl, Col: col, EndCol: endCol}
						if dl == -1 {
							p.EndLine = -1
						}
						for _, first := range []int{0, 1, line} {
							got.Reset(first, got.Bytes()[:0])
							want.Reset(first, want.Bytes()[:0])
							// twice: the second time on the same line, the fast path's usual case
							for range 2 {
								got.Add(units, p)
								for u := units; u > 0; u -= 8 {
									want.entry(min(u, 8), p)
								}
							}
							if !bytes.Equal(got.Bytes(), want.Bytes()) || got.line != want.line {
								t.Fatalf("units %d first %d %+v: Add %x, entry %x", units, first, p, got.Bytes(), want.Bytes())
							}
						}
					}
				}
			}
		}
	}
}
