// Package siphash implements SipHash-1-3 (one compression round, three finalisation rounds), the
// function CPython 3.11 uses for str and bytes hashes and for the source hash of PEP 552 .pyc files.
//
// The input is processed in 8-byte little-endian words; the last word carries the low byte of the
// length in its top byte, as in the SipHash reference. There is no allocation.
package siphash

import (
	"encoding/binary"
	"math/bits"
)

// Sum13 returns SipHash-1-3 of b under the 128-bit key (k0, k1).
func Sum13(k0, k1 uint64, b []byte) uint64 {
	v0 := k0 ^ 0x736f6d6570736575
	v1 := k1 ^ 0x646f72616e646f6d
	v2 := k0 ^ 0x6c7967656e657261
	v3 := k1 ^ 0x7465646279746573
	n := len(b)
	for len(b) >= 8 {
		m := binary.LittleEndian.Uint64(b)
		v3 ^= m
		v0, v1, v2, v3 = round(v0, v1, v2, v3)
		v0 ^= m
		b = b[8:]
	}
	t := uint64(n) << 56
	for i := len(b) - 1; i >= 0; i-- {
		t |= uint64(b[i]) << (8 * uint(i))
	}
	v3 ^= t
	v0, v1, v2, v3 = round(v0, v1, v2, v3)
	v0 ^= t
	v2 ^= 0xff
	v0, v1, v2, v3 = round(v0, v1, v2, v3)
	v0, v1, v2, v3 = round(v0, v1, v2, v3)
	v0, v1, v2, v3 = round(v0, v1, v2, v3)
	return v0 ^ v1 ^ v2 ^ v3
}

func round(v0, v1, v2, v3 uint64) (uint64, uint64, uint64, uint64) {
	v0 += v1
	v1 = bits.RotateLeft64(v1, 13)
	v1 ^= v0
	v0 = bits.RotateLeft64(v0, 32)
	v2 += v3
	v3 = bits.RotateLeft64(v3, 16)
	v3 ^= v2
	v0 += v3
	v3 = bits.RotateLeft64(v3, 21)
	v3 ^= v0
	v2 += v1
	v1 = bits.RotateLeft64(v1, 17)
	v1 ^= v2
	v2 = bits.RotateLeft64(v2, 32)
	return v0, v1, v2, v3
}
