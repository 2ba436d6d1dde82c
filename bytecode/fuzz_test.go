package bytecode

import (
	"testing"
	"time"

	"gopyc/objects"
)

// FuzzTables feeds arbitrary bytes to the decoders and the disassembler: they must not panic
// on malformed code, location tables or exception tables.
func FuzzTables(f *testing.F) {
	f.Add([]byte{0x97, 0, 100, 0, 83, 0}, []byte{0xf0, 0x03, 0x01, 0x01, 0x01, 0xd8, 0x04, 0x05}, []byte{0x82, 0x04, 0x0a, 0x02})
	f.Add([]byte{EXTENDED_ARG, 255, EXTENDED_ARG, 255, EXTENDED_ARG, 255, JUMP_BACKWARD, 255}, []byte{0xff, 0xff, 0x7f}, []byte{0xff, 0x7f})
	f.Fuzz(func(t *testing.T, code, lines, exc []byte) {
		start := time.Now()
		defer func() {
			if d := time.Since(start); d > 10*time.Second {
				t.Fatalf("slow input (%v): %x %x %x", d, code, lines, exc)
			}
		}()
		Positions(lines, 1)
		Lines(lines, 1)
		LineStarts(lines, 1)
		ParseExceptionTable(exc)
		Decode(code)
		s := objects.NewStr("x")
		co := &objects.Code{
			Code: code, Consts: []objects.Object{objects.None, objects.NewInt(1)},
			Names: []*objects.Str{s}, LocalsPlusNames: []*objects.Str{s}, LocalsPlusKinds: []byte{objects.FastLocal},
			Filename: s, Name: s, QualName: s, FirstLineNo: 1, LineTable: lines, ExceptionTable: exc,
		}
		DisString(co)
	})
}
