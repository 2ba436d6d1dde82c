package modules

import (
	"net"
	"os"
	"syscall"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeSocket builds _socket over Linux's socket calls (package syscall): socket objects
// (AF_INET, AF_INET6 and AF_UNIX; blocking, or non-blocking when the timeout is 0; a
// positive timeout is kept and reported but calls block), socketpair, the address
// conversions, gethostname and getaddrinfo (through Go's resolver), and the constants.
func makeSocket(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_socket", socketSrc, func(m *vm.Module) {
		consts := map[string]int{
			"AF_UNSPEC": syscall.AF_UNSPEC, "AF_UNIX": syscall.AF_UNIX, "AF_INET": syscall.AF_INET, "AF_INET6": syscall.AF_INET6,
			"SOCK_STREAM": syscall.SOCK_STREAM, "SOCK_DGRAM": syscall.SOCK_DGRAM, "SOCK_RAW": syscall.SOCK_RAW,
			"SOCK_SEQPACKET": syscall.SOCK_SEQPACKET, "SOCK_NONBLOCK": syscall.SOCK_NONBLOCK, "SOCK_CLOEXEC": syscall.SOCK_CLOEXEC,
			"SOL_SOCKET": syscall.SOL_SOCKET, "SO_REUSEADDR": syscall.SO_REUSEADDR, "SO_KEEPALIVE": syscall.SO_KEEPALIVE,
			"SO_BROADCAST": syscall.SO_BROADCAST, "SO_ERROR": syscall.SO_ERROR, "SO_TYPE": syscall.SO_TYPE,
			"SO_RCVBUF": syscall.SO_RCVBUF, "SO_SNDBUF": syscall.SO_SNDBUF, "SO_REUSEPORT": 15, "SO_LINGER": syscall.SO_LINGER,
			"IPPROTO_IP": syscall.IPPROTO_IP, "IPPROTO_TCP": syscall.IPPROTO_TCP, "IPPROTO_UDP": syscall.IPPROTO_UDP,
			"IPPROTO_IPV6": syscall.IPPROTO_IPV6, "IPV6_V6ONLY": syscall.IPV6_V6ONLY, "TCP_NODELAY": syscall.TCP_NODELAY,
			"MSG_PEEK": syscall.MSG_PEEK, "MSG_DONTWAIT": syscall.MSG_DONTWAIT, "MSG_WAITALL": syscall.MSG_WAITALL,
			"MSG_OOB": syscall.MSG_OOB, "MSG_TRUNC": syscall.MSG_TRUNC, "MSG_NOSIGNAL": syscall.MSG_NOSIGNAL,
			"SHUT_RD": syscall.SHUT_RD, "SHUT_WR": syscall.SHUT_WR, "SHUT_RDWR": syscall.SHUT_RDWR,
			"SOMAXCONN": 4096, "AI_PASSIVE": 1, "AI_CANONNAME": 2, "AI_NUMERICHOST": 4, "AI_NUMERICSERV": 0x400,
			"NI_NUMERICHOST": 1, "NI_NUMERICSERV": 2, "INADDR_ANY": 0, "EAI_NONAME": -2,
		}
		for k, v := range consts {
			m.Set(k, NewInt(int64(v)))
		}
		fn(m, "gethostname", 0, 0, func(t *vm.Thread, a []Object) (Object, error) {
			h, err := os.Hostname()
			if err != nil {
				return nil, osError(t, err)
			}
			return NewStr(h), nil
		})
		fn(m, "_socket", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			var v [3]int64
			for i := range v {
				x, err := intArg(t, a[i])
				if err != nil {
					return nil, err
				}
				v[i] = x
			}
			fd, err := syscall.Socket(int(v[0]), int(v[1])|syscall.SOCK_CLOEXEC, int(v[2]))
			if err != nil {
				return nil, osError(t, err)
			}
			return NewInt(int64(fd)), nil
		})
		fn(m, "_socketpair", 3, 3, func(t *vm.Thread, a []Object) (Object, error) {
			var v [3]int64
			for i := range v {
				x, err := intArg(t, a[i])
				if err != nil {
					return nil, err
				}
				v[i] = x
			}
			fds, err := syscall.Socketpair(int(v[0]), int(v[1])|syscall.SOCK_CLOEXEC, int(v[2]))
			if err != nil {
				return nil, osError(t, err)
			}
			return NewTuple([]Object{NewInt(int64(fds[0])), NewInt(int64(fds[1]))}), nil
		})
		fdCall := func(name string, nargs int, f func(t *vm.Thread, fd int, a []Object) (Object, error)) {
			fn(m, name, nargs+1, nargs+1, func(t *vm.Thread, a []Object) (Object, error) {
				fd, err := intArg(t, a[0])
				if err != nil {
					return nil, err
				}
				return f(t, int(fd), a[1:])
			})
		}
		fdCall("_send", 2, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			b, err := bytesArg(t, a[0])
			if err != nil {
				return nil, err
			}
			flags, _ := intArg(t, a[1])
			var n int
			var serr error
			t.ReleaseGIL(func() {
				for {
					n, serr = syscall.SendmsgN(fd, b, nil, nil, int(flags)|syscall.MSG_NOSIGNAL)
					if serr != syscall.EINTR {
						return
					}
				}
			})
			if serr != nil {
				return nil, osError(t, serr)
			}
			return NewInt(int64(n)), nil
		})
		fdCall("_recv", 2, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			size, err := intArg(t, a[0])
			if err != nil {
				return nil, err
			}
			if size < 0 {
				return nil, vm.ValueError("negative buffersize in recv")
			}
			flags, _ := intArg(t, a[1])
			buf := make([]byte, size)
			var n int
			var rerr error
			t.ReleaseGIL(func() {
				for {
					n, _, rerr = syscall.Recvfrom(fd, buf, int(flags))
					if rerr != syscall.EINTR {
						return
					}
				}
			})
			if rerr != nil {
				return nil, osError(t, rerr)
			}
			return NewBytes(buf[:n]), nil
		})
		fdCall("_setblocking", 1, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			on, _ := t.IsTrue(a[0])
			if err := syscall.SetNonblock(fd, !on); err != nil {
				return nil, osError(t, err)
			}
			return None, nil
		})
		fdCall("_shutdown", 1, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			how, _ := intArg(t, a[0])
			if err := syscall.Shutdown(fd, int(how)); err != nil {
				return nil, osError(t, err)
			}
			return None, nil
		})
		fdCall("_listen", 1, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			n, _ := intArg(t, a[0])
			if err := syscall.Listen(fd, int(n)); err != nil {
				return nil, osError(t, err)
			}
			return None, nil
		})
		fdCall("_bind", 2, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			sa, err := sockaddr(t, a[0], a[1])
			if err != nil {
				return nil, err
			}
			if err := syscall.Bind(fd, sa); err != nil {
				return nil, osError(t, err)
			}
			return None, nil
		})
		fdCall("_connect", 2, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			sa, err := sockaddr(t, a[0], a[1])
			if err != nil {
				return nil, err
			}
			var cerr error
			t.ReleaseGIL(func() { cerr = syscall.Connect(fd, sa) })
			if cerr != nil {
				return nil, osError(t, cerr)
			}
			return None, nil
		})
		fdCall("_accept", 0, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			var nfd int
			var sa syscall.Sockaddr
			var aerr error
			t.ReleaseGIL(func() {
				for {
					nfd, sa, aerr = syscall.Accept4(fd, syscall.SOCK_CLOEXEC)
					if aerr != syscall.EINTR {
						return
					}
				}
			})
			if aerr != nil {
				return nil, osError(t, aerr)
			}
			return NewTuple([]Object{NewInt(int64(nfd)), sockaddrObj(sa)}), nil
		})
		fdCall("_getsockname", 0, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			sa, err := syscall.Getsockname(fd)
			if err != nil {
				return nil, osError(t, err)
			}
			return sockaddrObj(sa), nil
		})
		fdCall("_getpeername", 0, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			sa, err := syscall.Getpeername(fd)
			if err != nil {
				return nil, osError(t, err)
			}
			return sockaddrObj(sa), nil
		})
		fdCall("_setsockopt", 3, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			lvl, _ := intArg(t, a[0])
			opt, _ := intArg(t, a[1])
			v, err := intArg(t, a[2])
			if err != nil {
				return nil, err
			}
			if err := syscall.SetsockoptInt(fd, int(lvl), int(opt), int(v)); err != nil {
				return nil, osError(t, err)
			}
			return None, nil
		})
		fdCall("_getsockopt", 2, func(t *vm.Thread, fd int, a []Object) (Object, error) {
			lvl, _ := intArg(t, a[0])
			opt, _ := intArg(t, a[1])
			v, err := syscall.GetsockoptInt(fd, int(lvl), int(opt))
			if err != nil {
				return nil, osError(t, err)
			}
			return NewInt(int64(v)), nil
		})
		fn(m, "_lookup", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			host, _, err := pathArg(t, a[0])
			if err != nil {
				return nil, err
			}
			var ips []net.IP
			var lerr error
			t.ReleaseGIL(func() { ips, lerr = net.LookupIP(host) })
			if lerr != nil {
				return NewList(nil), nil
			}
			var out []Object
			for _, ip := range ips {
				out = append(out, NewStr(ip.String()))
			}
			return NewList(out), nil
		})
	})
}

func sockaddr(t *vm.Thread, famObj, addr Object) (syscall.Sockaddr, error) {
	fam, err := intArg(t, famObj)
	if err != nil {
		return nil, err
	}
	switch fam {
	case syscall.AF_UNIX:
		p, _, err := pathArg(t, addr)
		if err != nil {
			return nil, err
		}
		return &syscall.SockaddrUnix{Name: p}, nil
	case syscall.AF_INET, syscall.AF_INET6:
		tup, ok := addr.(*Tuple)
		if !ok || len(tup.V) < 2 {
			return nil, vm.TypeError("%s(): AF_INET address must be tuple, not %s", "connect", addr.Type().Name)
		}
		hs, ok := tup.V[0].(*Str)
		if !ok {
			return nil, vm.TypeError("str, bytes or bytearray expected, not %s", tup.V[0].Type().Name)
		}
		port, err := intArg(t, tup.V[1])
		if err != nil {
			return nil, err
		}
		if port < 0 || port > 65535 {
			return nil, vm.Errorf(vm.OverflowErrorType, "bind(): port must be 0-65535.")
		}
		host := hs.String()
		var ip net.IP
		switch host {
		case "", "0.0.0.0":
			ip = net.IPv4zero
			if fam == syscall.AF_INET6 {
				ip = net.IPv6zero
			}
		case "<broadcast>":
			ip = net.IPv4bcast
		default:
			ip = net.ParseIP(host)
			if ip == nil {
				ips, err := net.LookupIP(host)
				if err != nil || len(ips) == 0 {
					return nil, vm.Errorf(vm.OSErrorType, "[Errno -2] Name or service not known")
				}
				ip = ips[0]
			}
		}
		if fam == syscall.AF_INET {
			sa := &syscall.SockaddrInet4{Port: int(port)}
			copy(sa.Addr[:], ip.To4())
			return sa, nil
		}
		sa := &syscall.SockaddrInet6{Port: int(port)}
		copy(sa.Addr[:], ip.To16())
		return sa, nil
	}
	return nil, vm.Errorf(vm.OSErrorType, "address family not supported")
}

func sockaddrObj(sa syscall.Sockaddr) Object {
	switch s := sa.(type) {
	case *syscall.SockaddrInet4:
		return NewTuple([]Object{NewStr(net.IP(s.Addr[:]).String()), NewInt(int64(s.Port))})
	case *syscall.SockaddrInet6:
		return NewTuple([]Object{NewStr(net.IP(s.Addr[:]).String()), NewInt(int64(s.Port)), NewInt(0), NewInt(int64(s.ZoneId))})
	case *syscall.SockaddrUnix:
		return NewStr(s.Name)
	}
	return None
}

const socketSrc = `
import posix as _os

error = OSError
timeout = TimeoutError
has_ipv6 = True


class herror(OSError):
    pass


class gaierror(OSError):
    pass

herror.__module__ = gaierror.__module__ = 'socket'

_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(t):
    global _default_timeout
    if t is not None and t < 0:
        raise ValueError('Timeout value out of range')
    _default_timeout = None if t is None else float(t)


class socket:
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if family == -1:
            family = AF_INET
        if type == -1:
            type = SOCK_STREAM
        if proto == -1:
            proto = 0
        if fileno is None:
            fileno = _socket(int(family), int(type), int(proto))
        self._fd = int(fileno)
        self._family = int(family)
        self._type = int(type) & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
        self._proto = int(proto)
        self._timeout = None
        if _default_timeout is not None:
            self.settimeout(_default_timeout)

    family = property(lambda self: self._family)
    type = property(lambda self: self._type)
    proto = property(lambda self: self._proto)

    def fileno(self):
        return self._fd

    def close(self):
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            _os.close(fd)

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    def _check(self):
        if self._fd < 0:
            raise OSError(9, 'Bad file descriptor')

    def setblocking(self, flag):
        self._check()
        self._timeout = None if flag else 0.0
        _setblocking(self._fd, bool(flag))

    def getblocking(self):
        return self._timeout != 0.0

    def settimeout(self, value):
        self._check()
        if value is not None:
            value = float(value)
            if value < 0:
                raise ValueError('Timeout value out of range')
        self._timeout = value
        _setblocking(self._fd, value != 0.0)

    def gettimeout(self):
        return self._timeout

    def send(self, data, flags=0):
        self._check()
        return _send(self._fd, data, flags)

    def sendall(self, data, flags=0):
        data = memoryview(data).tobytes() if not isinstance(data, bytes) else data
        while data:
            n = self.send(data, flags)
            data = data[n:]

    def sendto(self, data, *args):
        raise OSError(95, 'Operation not supported')

    def recv(self, bufsize, flags=0):
        self._check()
        return _recv(self._fd, bufsize, flags)

    def recv_into(self, buffer, nbytes=0, flags=0):
        data = self.recv(nbytes or len(buffer), flags)
        buffer[:len(data)] = data
        return len(data)

    def bind(self, address):
        self._check()
        _bind(self._fd, self._family, address)

    def connect(self, address):
        self._check()
        _connect(self._fd, self._family, address)

    def connect_ex(self, address):
        try:
            self.connect(address)
        except OSError as e:
            return e.errno or 0
        return 0

    def listen(self, backlog=128):
        self._check()
        _listen(self._fd, backlog)

    def _accept(self):
        self._check()
        return _accept(self._fd)

    def getsockname(self):
        self._check()
        return _getsockname(self._fd)

    def getpeername(self):
        self._check()
        return _getpeername(self._fd)

    def setsockopt(self, level, opt, value, optlen=None):
        self._check()
        if isinstance(value, (bytes, bytearray)):
            value = int.from_bytes(value[:4].ljust(4, b'\\0'), 'little')
        _setsockopt(self._fd, level, opt, int(value))

    def getsockopt(self, level, opt, buflen=None):
        self._check()
        return _getsockopt(self._fd, level, opt)

    def shutdown(self, how):
        self._check()
        _shutdown(self._fd, how)

    def __repr__(self):
        return '<_socket.socket fd=%d, family=%d, type=%d, proto=%d>' % (self._fd, self._family, self._type, self._proto)

socket.__module__ = '_socket'
SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _socketpair(int(family), int(type), int(proto))
    return socket(family, type, proto, a), socket(family, type, proto, b)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if isinstance(port, str):
        port = {'http': 80, 'https': 443}.get(port, None) if not port.isdigit() else int(port)
    if host is None:
        hosts = ['127.0.0.1'] if not flags & AI_PASSIVE else ['0.0.0.0']
    else:
        if isinstance(host, bytes):
            host = host.decode('idna')
        hosts = _lookup(host) if host not in ('', 'localhost') else ['127.0.0.1']
    if not hosts:
        raise gaierror(-2, 'Name or service not known')
    out = []
    for h in hosts:
        fam = AF_INET6 if ':' in h else AF_INET
        if family not in (0, fam):
            continue
        for st in ([type] if type else [SOCK_STREAM, SOCK_DGRAM, SOCK_RAW]):
            pr = proto or {SOCK_STREAM: IPPROTO_TCP, SOCK_DGRAM: IPPROTO_UDP}.get(st, 0)
            addr = (h, port or 0) if fam == AF_INET else (h, port or 0, 0, 0)
            out.append((fam, st, pr, '', addr))
    if not out:
        raise gaierror(-9, 'Address family for hostname not supported')
    return out


def gethostbyname(name):
    if name in ('', 'localhost'):
        return '127.0.0.1'
    for h in _lookup(name):
        if ':' not in h:
            return h
    raise gaierror(-2, 'Name or service not known')


def gethostbyaddr(ip):
    raise herror(1, 'Unknown host')


def getnameinfo(sockaddr, flags):
    return (sockaddr[0], str(sockaddr[1]))


def inet_aton(s):
    parts = s.split('.')
    if len(parts) != 4 or not all(p.isdigit() and int(p) < 256 for p in parts):
        raise OSError('illegal IP address string passed to inet_aton')
    return bytes(int(p) for p in parts)


def inet_ntoa(b):
    if len(b) != 4:
        raise OSError('packed IP wrong length for inet_ntoa')
    return '.'.join(str(x) for x in b)


def inet_pton(family, s):
    if family == AF_INET:
        return inet_aton(s)
    import ipaddress
    return ipaddress.IPv6Address(s).packed


def inet_ntop(family, b):
    if family == AF_INET:
        return inet_ntoa(b)
    import ipaddress
    return str(ipaddress.IPv6Address(bytes(b)))


def htons(x):
    return ((x & 0xff) << 8) | ((x >> 8) & 0xff)

ntohs = htons


def htonl(x):
    return int.from_bytes(x.to_bytes(4, 'little'), 'big')

ntohl = htonl


def getservbyname(name, proto=None):
    try:
        return {'http': 80, 'https': 443, 'ftp': 21, 'smtp': 25, 'ssh': 22}[name]
    except KeyError:
        raise OSError('service/proto not found') from None


def getprotobyname(name):
    try:
        return {'tcp': 6, 'udp': 17, 'icmp': 1}[name]
    except KeyError:
        raise OSError('protocol not found') from None


def close(fd):
    _os.close(fd)


def dup(fd):
    return _os.dup(fd)
`
