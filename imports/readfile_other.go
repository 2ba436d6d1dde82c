//go:build !linux

package imports

import (
	"io"
	"os"
	"time"
)

// readCacheFile reads a whole regular file and its mtime, into buf when it is big enough (see
// readBufs). ok is false for a missing or unreadable file or a non-file.
func readCacheFile(path string, buf []byte) (data []byte, mtime time.Time, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, time.Time{}, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil, time.Time{}, false
	}
	buf = sized(buf, int(st.Size()))
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, time.Time{}, false
	}
	return buf[:n], st.ModTime(), true
}

// File types statType reports.
const (
	typeRegular = 1
	typeDir     = 2
)

// statType returns typeRegular or typeDir for what p names after symbolic links, 0 for anything
// else or when it cannot be stat'ed.
func statType(p string) uint32 {
	st, err := os.Stat(p)
	switch {
	case err != nil:
		return 0
	case st.Mode().IsRegular():
		return typeRegular
	case st.IsDir():
		return typeDir
	}
	return 0
}
