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
