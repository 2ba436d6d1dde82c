package pycache

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"sync/atomic"
	"syscall"
)

// attempt numbers the temporary files of this process.
var attempt atomic.Uint64

// pid is this process's id, in the temporary file names.
var pid = strconv.Itoa(os.Getpid())

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
//
// The file is written with plain system calls on its descriptor (open, write, close, rename):
// *os.File's set-up for the network poller (fcntl calls and a refused epoll registration for a
// regular file) would triple the system calls of a small cache file.
func WriteAtomic(path string, data []byte, mode os.FileMode) error {
	return writeAtomic(path, data, mode, false, nil, nil)
}

// WriteAtomicMkdir is WriteAtomic for a file whose directory may not exist yet: when the
// temporary file cannot be created because a directory on its path is missing (ENOENT or
// ENOTDIR), it calls mkdir, returns mkdir's error if there is one, and tries again. Creating the
// directory only when it is missing saves every other file the stat that checking for it first
// would cost.
func WriteAtomicMkdir(path string, data []byte, mode os.FileMode, mkdir func() error) error {
	return writeAtomic(path, data, mode, false, mkdir, nil)
}

// WriteAtomicSync is WriteAtomic with an fsync of the file before the rename.
func WriteAtomicSync(path string, data []byte, mode os.FileMode) error {
	return writeAtomic(path, data, mode, true, nil, nil)
}

// writeFile is the subset of *os.File that writeAtomic uses; tests substitute short writers.
type writeFile interface {
	io.Writer
	Sync() error
	Close() error
}

// rawFile is a file descriptor opened by writeAtomic, written without the runtime's poller.
type rawFile struct {
	fd   int
	name string
}

// Write writes all of b (retrying partial writes and EINTR), as *os.File's Write does.
func (f rawFile) Write(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := syscall.Write(f.fd, b[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return n, &fs.PathError{Op: "write", Path: f.name, Err: err}
		}
		if m == 0 {
			return n, io.ErrUnexpectedEOF
		}
		n += m
	}
	return n, nil
}

func (f rawFile) Sync() error {
	if err := ignoringEINTR(func() error { return syscall.Fsync(f.fd) }); err != nil {
		return &fs.PathError{Op: "sync", Path: f.name, Err: err}
	}
	return nil
}

// Close closes the descriptor (not retried on EINTR: on Linux the descriptor is closed anyway).
func (f rawFile) Close() error {
	if err := syscall.Close(f.fd); err != nil {
		return &fs.PathError{Op: "close", Path: f.name, Err: err}
	}
	return nil
}

func ignoringEINTR(fn func() error) error {
	for {
		if err := fn(); err != syscall.EINTR {
			return err
		}
	}
}

func writeAtomic(path string, data []byte, mode os.FileMode, sync bool, mkdir func() error, wrap func(*os.File) writeFile) error {
	var fd int
	var tmp string
	var err error
	for tries := 0; ; tries++ {
		tmp = path + "." + pid + "." + strconv.FormatUint(attempt.Add(1), 10) + ".tmp"
		for {
			fd, err = syscall.Open(tmp, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, uint32(mode&0o666))
			if err != syscall.EINTR {
				break
			}
		}
		if err == nil {
			break
		}
		if (err == syscall.ENOENT || err == syscall.ENOTDIR) && mkdir != nil {
			if err := mkdir(); err != nil {
				return err
			}
			mkdir = nil
			continue
		}
		err = &fs.PathError{Op: "open", Path: tmp, Err: err}
		// A leftover from an earlier process with the same pid: try the next name.
		if !errors.Is(err, fs.ErrExist) || tries >= 10 {
			return err
		}
	}
	var w writeFile = rawFile{fd, tmp}
	if wrap != nil {
		w = wrap(os.NewFile(uintptr(fd), tmp))
	}
	fail := func(err error) error {
		w.Close()
		syscall.Unlink(tmp)
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
		syscall.Unlink(tmp)
		return err
	}
	if err := ignoringEINTR(func() error { return syscall.Rename(tmp, path) }); err != nil {
		syscall.Unlink(tmp)
		return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
	}
	return nil
}
