package siphash

import (
	"encoding/binary"
	"encoding/hex"
	"testing"
)

// Check values from ../shared/PYCACHE.md (importlib.util.source_hash, key = magic 3495 as u32, 0).
func TestSourceHashCheckValues(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte(""), "738d9cd5d5e87f73"},
		{[]byte("abc"), "c7af82e77c1da4f5"},
		{[]byte("x = 1\n"), "4c0372aa93f75252"},
		{[]byte("x = 1\r\n"), "b89b65a62baf0c0a"},
		{all, "1daf10aba04017be"},
	}
	for _, c := range cases {
		var out [8]byte
		binary.LittleEndian.PutUint64(out[:], Sum13(0x0A0D0DA7, 0, c.in))
		if got := hex.EncodeToString(out[:]); got != c.want {
			t.Errorf("Sum13(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
