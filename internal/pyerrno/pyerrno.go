// Package pyerrno holds what Python derives from a C errno value: the OSError subclass
// CPython raises for it (its errno-to-exception map, PEP 3151) and the C library's message
// (strerror). The VM, the modules and the compile tools all raise OSErrors from system-call
// errors, and they share this one table.
package pyerrno

import (
	"strconv"
	"strings"
	"syscall"
)

// Class is the name of the builtin OSError subclass CPython raises for errno, or "" when it
// raises OSError itself.
func Class(errno syscall.Errno) string {
	switch errno {
	case syscall.EAGAIN, syscall.EALREADY, syscall.EINPROGRESS:
		return "BlockingIOError"
	case syscall.ECHILD:
		return "ChildProcessError"
	case syscall.EPIPE, syscall.ESHUTDOWN:
		return "BrokenPipeError"
	case syscall.ECONNABORTED:
		return "ConnectionAbortedError"
	case syscall.ECONNREFUSED:
		return "ConnectionRefusedError"
	case syscall.ECONNRESET:
		return "ConnectionResetError"
	case syscall.EEXIST:
		return "FileExistsError"
	case syscall.ENOENT:
		return "FileNotFoundError"
	case syscall.EISDIR:
		return "IsADirectoryError"
	case syscall.ENOTDIR:
		return "NotADirectoryError"
	case syscall.EINTR:
		return "InterruptedError"
	case syscall.EACCES, syscall.EPERM:
		return "PermissionError"
	case syscall.ESRCH:
		return "ProcessLookupError"
	case syscall.ETIMEDOUT:
		return "TimeoutError"
	}
	return ""
}

// Strerror is the C library's message for errno: Go's table is glibc's with the first letter
// lowered; numbers Go's table lacks get glibc's text for them.
func Strerror(errno syscall.Errno) string {
	s := errno.Error()
	if strings.HasPrefix(s, "errno ") { // not in Go's table
		if errno == 133 { // EHWPOISON
			return "Memory page has hardware error"
		}
		return "Unknown error " + strconv.Itoa(int(errno))
	}
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
