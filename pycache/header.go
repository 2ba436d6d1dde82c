// Package pycache is gopyc's bytecode cache on disk: the 16-byte .pyc header (PEP 552), the
// source hash, cache file names (PEP 3147 and PEP 488, with gopyc's own tag gopyc-311) and the
// atomic write of a cache file. The import-time logic (when a cache is valid, when it is
// rewritten) is layered on these by the import system.
//
// # Header
//
// A .pyc file is 16 bytes of header and then the marshalled module code object. All fields are
// little-endian 32-bit words: the magic number (3495, bytes a7 0d 0d 0a), a flags word, and then
// either the source's mtime and size (flags 0, "timestamp" pycs; flags 2 is read the same way)
// or 8 bytes of source hash (flags bit 0: "hash-based"; bit 1 then asks the importer to check
// the hash against the source). Any other flag bit makes the file invalid. ParseHeader is strict
// and reports problems with the exception class and message CPython's importlib uses.
//
// The source hash is SipHash-1-3 of the raw source bytes keyed with k0 = the magic as a
// little-endian u32 and k1 = 0, which is what importlib.util.source_hash computes.
//
// # Paths
//
// CacheFromSource and SourceFromCache follow importlib.util.cache_from_source and
// source_from_cache on POSIX exactly, including their errors, with the tag gopyc-311.
//
// # Reading and validating
//
// ReadPyc splits a cache file into its header and code object; Header.ValidateTimestamp and
// Header.ValidateHash are importlib's staleness checks with its messages; Header.IsRacy is
// gopyc's same-second rule (PYCACHE.md, CPython defect 3); FixFilename re-points co_filename
// after loading, as _imp._fix_co_filename does; Pyc builds a file's bytes.
//
// # Writing
//
// WriteAtomic writes a temporary file with a name unique to the process and the attempt in the
// target's directory, checks that every byte was written, and renames it over the target; on
// any failure the temporary file is removed and the target is untouched. This fixes two CPython
// 3.11 defects: it never installs a truncated file, and concurrent writers never share a
// temporary name.
package pycache

import (
	"encoding/binary"
	"fmt"
	"time"

	"gopyc/internal/siphash"
	"gopyc/objects"
)

// MagicNumber is CPython 3.11's bytecode magic number; Magic is its 4 bytes in a .pyc file.
const MagicNumber = 3495

// Magic is the first four bytes of every .pyc file of CPython 3.11 and gopyc.
var Magic = [4]byte{0xa7, 0x0d, 0x0d, 0x0a}

// magicKey is the magic as a little-endian u32: the SipHash key of SourceHash.
const magicKey = 0x0a0d0da7

// HeaderSize is the length of the header before the marshalled code.
const HeaderSize = 16

// Header flag bits (PEP 552).
const (
	FlagHashBased   = 1 // the header holds a source hash instead of mtime and size
	FlagCheckSource = 2 // with FlagHashBased: validate the hash against the source
)

// Header is the part of a .pyc file before the marshalled code.
type Header struct {
	Flags uint32  // 0 timestamp, 3 checked hash, 1 unchecked hash
	Mtime uint32  // timestamp form: int(st_mtime) & 0xFFFFFFFF
	Size  uint32  // timestamp form: st_size & 0xFFFFFFFF
	Hash  [8]byte // hash form: SourceHash of the source
}

// HashBased reports whether h is a PEP 552 hash-based header.
func (h Header) HashBased() bool { return h.Flags&FlagHashBased != 0 }

// CheckSource reports whether a hash-based header asks for its hash to be checked.
func (h Header) CheckSource() bool { return h.Flags&FlagCheckSource != 0 }

// Error is a cache failure with the Python exception class and message CPython uses
// (ImportError, EOFError, ValueError).
type Error struct {
	Class string
	Msg   string
}

func (e *Error) Error() string { return e.Class + ": " + e.Msg }

// ParseHeader checks and decodes the header at the start of data; name is the module name used
// in messages, as importlib's _classify_pyc uses it. It checks, in CPython's order, the magic,
// the length (at least 16 bytes) and the flags.
func ParseHeader(data []byte, name string) (Header, error) {
	var h Header
	if len(data) < 4 || [4]byte(data[:4]) != Magic {
		m := data[:min(4, len(data))]
		return h, &Error{"ImportError", fmt.Sprintf("bad magic number in %s: %s",
			objects.ReprStr(name), objects.ReprBytes(m))}
	}
	if len(data) < HeaderSize {
		return h, &Error{"EOFError", "reached EOF while reading pyc header of " + objects.ReprStr(name)}
	}
	h.Flags = binary.LittleEndian.Uint32(data[4:])
	if h.Flags&^3 != 0 {
		return h, &Error{"ImportError", fmt.Sprintf("invalid flags %d in %s", h.Flags, objects.ReprStr(name))}
	}
	if h.HashBased() {
		copy(h.Hash[:], data[8:16])
	} else {
		h.Mtime = binary.LittleEndian.Uint32(data[8:])
		h.Size = binary.LittleEndian.Uint32(data[12:])
	}
	return h, nil
}

// Append appends the 16-byte encoding of h to b.
func (h Header) Append(b []byte) []byte {
	b = append(b, Magic[:]...)
	b = binary.LittleEndian.AppendUint32(b, h.Flags)
	if h.HashBased() {
		return append(b, h.Hash[:]...)
	}
	b = binary.LittleEndian.AppendUint32(b, h.Mtime)
	return binary.LittleEndian.AppendUint32(b, h.Size)
}

// Bytes returns the 16-byte encoding of h.
func (h Header) Bytes() []byte { return h.Append(make([]byte, 0, HeaderSize)) }

// SourceHash is importlib.util.source_hash(source): SipHash-1-3 of the raw bytes, keyed by the
// magic number, as 8 little-endian bytes.
func SourceHash(source []byte) [8]byte {
	var out [8]byte
	binary.LittleEndian.PutUint64(out[:], siphash.Sum13(magicKey, 0, source))
	return out
}

// MtimeField is the header's mtime field for a source modified at t: int(st_mtime) (truncated
// toward zero) & 0xFFFFFFFF.
func MtimeField(t time.Time) uint32 {
	s := t.Unix()
	if s < 0 && t.Nanosecond() > 0 {
		s++ // Unix() floors; int() truncates toward zero
	}
	return uint32(s)
}

// TimestampHeader returns the timestamp-form header for a source with the given mtime and size.
func TimestampHeader(mtime time.Time, size int64) Header {
	return Header{Mtime: MtimeField(mtime), Size: uint32(size)}
}

// HashHeader returns the hash-form header for source, checked or not.
func HashHeader(source []byte, checked bool) Header {
	h := Header{Flags: FlagHashBased, Hash: SourceHash(source)}
	if checked {
		h.Flags |= FlagCheckSource
	}
	return h
}
