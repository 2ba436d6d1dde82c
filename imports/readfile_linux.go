//go:build linux

package imports

import (
	"syscall"
	"time"
)

// readCacheFile reads a whole regular file and its mtime with four system calls (open, fstat,
// read, close): os.Open would also try to register the file with the network poller, costing
// five more per imported module. The bytes go into buf when it is big enough (see readBufs). ok is
// false for a missing or unreadable file or a non-file.
func readCacheFile(path string, buf []byte) (data []byte, mtime time.Time, ok bool) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, time.Time{}, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, time.Time{}, false
	}
	buf = sized(buf, int(st.Size))
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, time.Time{}, false
		}
		if m == 0 {
			break // the file shrank meanwhile: the header and marshal checks judge what is there
		}
		n += m
	}
	return buf[:n], time.Unix(int64(st.Mtim.Sec), int64(st.Mtim.Nsec)), true
}

// File types statType reports.
const (
	typeRegular = syscall.S_IFREG
	typeDir     = syscall.S_IFDIR
)

// statType returns the file type bits (S_IFMT) of what p names after symbolic links, or 0 when
// it cannot be stat'ed. Unlike os.Stat it allocates no FileInfo, nor an error for the missing
// files the finder probes for all the time.
func statType(p string) uint32 {
	var st syscall.Stat_t
	for {
		err := syscall.Stat(p, &st)
		if err == nil {
			return st.Mode & syscall.S_IFMT
		}
		if err != syscall.EINTR {
			return 0
		}
	}
}
