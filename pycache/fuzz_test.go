package pycache

import (
	"bytes"
	"testing"
)

func FuzzHeader(f *testing.F) {
	f.Add([]byte{})
	f.Add(Header{}.Bytes())
	f.Add(HashHeader([]byte("V = 1\n"), true).Bytes())
	f.Add(append(Header{Flags: 1}.Bytes(), 0xe3))
	f.Add([]byte{0xa7, 0x0d, 0x0d, 0x0a, 4, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseHeader(b, "m")
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if h.Flags&^3 != 0 {
			t.Fatalf("accepted flags %d", h.Flags)
		}
		if !bytes.Equal(h.Bytes(), b[:HeaderSize]) {
			t.Fatalf("re-encoding differs: %x vs %x", h.Bytes(), b[:HeaderSize])
		}
	})
}
