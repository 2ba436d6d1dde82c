package pycache

import (
	"fmt"
	"time"

	"gopyc/marshal"
	"gopyc/objects"
)

// ValidateTimestamp checks a timestamp header against the source's mtime and size, as
// importlib's _validate_timestamp_pyc does (ImportError "bytecode is stale for 'name'"). It
// does not apply gopyc's same-second rule (see IsRacy).
func (h Header) ValidateTimestamp(mtime time.Time, size int64, name string) error {
	if h.Mtime != MtimeField(mtime) || h.Size != uint32(size) {
		return &Error{"ImportError", "bytecode is stale for " + objects.ReprStr(name)}
	}
	return nil
}

// ValidateHash checks a hash-based header against the source, as importlib's
// _validate_hash_pyc does.
func (h Header) ValidateHash(source []byte, name string) error {
	if h.Hash != SourceHash(source) {
		return &Error{"ImportError", "hash in bytecode doesn't match hash of source " + objects.ReprStr(name)}
	}
	return nil
}

// IsRacy reports whether a timestamp cache file written at cacheMtime cannot be trusted
// (PYCACHE.md, CPython defect 3): it was written in the same whole second as the source
// modification time it records, so an edit later in that second that kept the size would go
// unnoticed.
func (h Header) IsRacy(cacheMtime time.Time) bool {
	return !h.HashBased() && MtimeField(cacheMtime) == h.Mtime
}

// Pyc returns the bytes of a .pyc file: the header, then the marshalled code object.
func Pyc(h Header, co *objects.Code) ([]byte, error) {
	return marshal.AppendDumps(h.Append(make([]byte, 0, 4096)), co, marshal.Version)
}

// ReadPyc parses a whole .pyc file: the header (ParseHeader's checks, with the module name for
// messages) and the code object after it. Marshal failures are returned as *marshal.Error; a
// body that is not a code object is ImportError "Non-code object in 'path'", as in importlib.
func ReadPyc(data []byte, name, path string) (Header, *objects.Code, error) {
	h, err := ParseHeader(data, name)
	if err != nil {
		return h, nil, err
	}
	o, err := marshal.Loads(data[HeaderSize:])
	if err != nil {
		return h, nil, err
	}
	co, ok := o.(*objects.Code)
	if !ok {
		return h, nil, &Error{"ImportError", fmt.Sprintf("Non-code object in %s", objects.ReprStr(path))}
	}
	return h, co, nil
}

// FixFilename sets co_filename to path in co and every code object nested in its constants
// that has the same filename as co, as CPython's _imp._fix_co_filename does after loading a
// cache file (the file may have been compiled under another path).
func FixFilename(co *objects.Code, path string) {
	if co.Filename != nil && co.Filename.String() == path {
		return
	}
	old := ""
	if co.Filename != nil {
		old = co.Filename.String()
	}
	fixFilename(co, old, objects.NewStr(path), 0)
}

func fixFilename(co *objects.Code, old string, path *objects.Str, depth int) {
	if depth > marshal.MaxDepth || co.Filename == nil || co.Filename.String() != old {
		return
	}
	co.Filename = path
	for _, c := range co.Consts {
		if sub, ok := c.(*objects.Code); ok {
			fixFilename(sub, old, path, depth+1)
		}
	}
}
