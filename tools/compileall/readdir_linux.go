//go:build linux

package compileall

import (
	"encoding/binary"
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// direntBufs recycles the buffers readDir reads directory entries into.
var direntBufs = sync.Pool{New: func() any { return new([32 << 10]byte) }}

// readDir lists dir (without . and ..; with dirsOnly, only its directories, not following
// symlinks) in the order the system gives, with four system calls
// for most directories (open, getdents until it returns nothing, close): os.Open would also
// try to register the descriptor with the network poller (four fcntl calls and a refused
// epoll_ctl per directory), and compileall lists every directory of the tree, excluded ones
// (-x) included, as CPython does: 5,000 of them under the oracle's site-packages.
func readDir(dir string, dirsOnly bool) ([]dirEntry, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(dir, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer syscall.Close(fd)
	buf := direntBufs.Get().(*[32 << 10]byte)
	defer direntBufs.Put(buf)
	var ents []dirEntry
	for {
		n, err := syscall.Getdents(fd, buf[:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "readdirent", Path: dir, Err: err}
		}
		if n <= 0 {
			return ents, nil
		}
		// struct linux_dirent64: ino (8 bytes), off (8), reclen (2), type (1), name (NUL-ended).
		for b := buf[:n]; len(b) >= 19; {
			reclen := int(binary.NativeEndian.Uint16(b[16:]))
			if reclen < 19 || reclen > len(b) {
				break
			}
			typ, name := b[18], b[19:reclen]
			b = b[reclen:]
			for i, c := range name {
				if c == 0 {
					name = name[:i]
					break
				}
			}
			if len(name) == 0 || string(name) == "." || string(name) == ".." ||
				dirsOnly && typ != syscall.DT_DIR && typ != syscall.DT_UNKNOWN {
				continue
			}
			e := dirEntry{name: string(name)}
			switch typ {
			case syscall.DT_REG:
			case syscall.DT_DIR:
				e.typ = fs.ModeDir
			case syscall.DT_LNK:
				e.typ = fs.ModeSymlink
			case syscall.DT_UNKNOWN:
				// The file system does not say: lstat, as os.ReadDir does.
				fi, err := os.Lstat(dir + "/" + e.name)
				if os.IsNotExist(err) {
					continue // removed meanwhile
				}
				if err != nil {
					return nil, err
				}
				e.typ = fi.Mode().Type()
				if dirsOnly && !e.typ.IsDir() {
					continue
				}
			default:
				e.typ = fs.ModeIrregular
			}
			ents = append(ents, e)
		}
	}
}
