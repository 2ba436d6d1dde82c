package pycache

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync/atomic"
)

// attempt numbers the temporary files of this process.
var attempt atomic.Uint64

// CacheMode is the permission a cache file gets for a source with the given mode, before the
// umask (which the system applies when the file is created): (mode | 0o200) & 0o666.
func CacheMode(sourceMode fs.FileMode) fs.FileMode {
	return (sourceMode.Perm() | 0o200) & 0o666
}

// WriteAtomic writes data to path so that readers see either the old file or the whole new one:
// it creates a temporary file named path.<pid>.<n>.tmp (n unique per attempt in this process) in
// the same directory with permission mode&0o666 (less the umask), checks that every byte was
// written, optionally syncs it, and renames it over path (a symlink at path is replaced, its
// target left alone). On any error the temporary file is removed and path is untouched.
func WriteAtomic(path string, data []byte, mode os.FileMode) error {
	return writeAtomic(path, data, mode, false, nil)
}

// WriteAtomicSync is WriteAtomic with an fsync of the file before the rename.
func WriteAtomicSync(path string, data []byte, mode os.FileMode) error {
	return writeAtomic(path, data, mode, true, nil)
}

// writeFile is the subset of *os.File that writeAtomic uses; tests substitute short writers.
type writeFile interface {
	io.Writer
	Sync() error
	Close() error
}

func writeAtomic(path string, data []byte, mode os.FileMode, sync bool, wrap func(*os.File) writeFile) error {
	var f *os.File
	var tmp string
	var err error
	for tries := 0; ; tries++ {
		tmp = fmt.Sprintf("%s.%d.%d.tmp", path, os.Getpid(), attempt.Add(1))
		f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode&0o666)
		if err == nil {
			break
		}
		// A leftover from an earlier process with the same pid: try the next name.
		if !errors.Is(err, fs.ErrExist) || tries >= 10 {
			return err
		}
	}
	var w writeFile = f
	if wrap != nil {
		w = wrap(f)
	}
	fail := func(err error) error {
		w.Close()
		os.Remove(tmp)
		return err
	}
	n, err := w.Write(data)
	if err == nil && n != len(data) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return fail(fmt.Errorf("pycache: writing %s: %w", tmp, err))
	}
	if sync {
		if err := w.Sync(); err != nil {
			return fail(err)
		}
	}
	if err := w.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
