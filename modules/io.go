package modules

import (
	"runtime"
	"syscall"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeIO builds _io, the classes under io: the abstract bases (_IOBase and its raw,
// buffered and text refinements, with CPython's default methods), FileIO over posix file
// descriptors, BytesIO and StringIO in memory, the Buffered* classes (a read buffer for
// peek/read1/readline; writes buffered until flush), TextIOWrapper (an incremental codec
// and newline translation as CPython's: universal newlines on input when newline is None,
// os.linesep on output; tell() is the byte position when no decoded text is pending, else
// that position less the pending text re-encoded) and open(). builtins.open is _io.open once
// the standard library is on sys.path (prefer.go's installOpen). Buffered bytes of files nobody
// closed are written out at open, stat, fork_exec and exit (_flush_dirty), since gopyc has no
// finalizers to do it when the file object dies.
func makeIO(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "_io", ioSrc, func(m *vm.Module) {
		// _autoclose(fileio, fd) closes fd when the FileIO object becomes garbage (CPython closes
		// it when the object dies; without this, open(p).read() in a loop ran out of
		// descriptors). It returns a function that cancels that, for close().
		fn(m, "_autoclose", 2, 2, func(t *vm.Thread, a []Object) (Object, error) {
			fd, err := intArg(t, a[1])
			if err != nil {
				return nil, err
			}
			inst, ok := a[0].(*vm.Instance)
			if !ok || fd < 0 {
				return None, nil
			}
			c := runtime.AddCleanup(inst, func(fd int) { syscall.Close(fd) }, int(fd))
			return &vm.Builtin{Name: "_untrack", Fn: func(t *vm.Thread, args []Object, kw *Tuple) (Object, error) {
				c.Stop()
				return None, nil
			}}, nil
		})
	})
}

// flushDirtyIO writes out the bytes that buffered file objects still hold (_io._flush_dirty),
// when there are any: before a stat or a child process looks at files, as CPython's file objects
// that nobody references any more would already have written them.
func flushDirtyIO(t *vm.Thread) {
	m, ok := t.Interp().Modules.GetStr(NewStr("_io")).(*vm.Module)
	if !ok {
		return
	}
	if d, ok := m.Dict.GetStr(NewStr("_dirty")).(*Dict); !ok || d.Len() == 0 {
		return
	}
	if fn := m.Dict.GetStr(NewStr("_flush_dirty")); fn != nil {
		_, _ = t.Call(fn, nil, nil)
	}
}

const ioSrc = `
import posix as _os
import _codecs

DEFAULT_BUFFER_SIZE = 8192
BlockingIOError = BlockingIOError


class UnsupportedOperation(OSError, ValueError):
    pass

UnsupportedOperation.__module__ = 'io'


def _unsupported(name):
    raise UnsupportedOperation(name)


class _IOBase:
    _closed = False

    def seek(self, pos, whence=0):
        _unsupported('seek')

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        _unsupported('truncate')

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True

    def __del__(self):
        pass

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError('I/O operation on closed file.' if msg is None else msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation('File or stream is not seekable.' if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation('File or stream is not readable.' if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation('File or stream is not writable.' if msg is None else msg)

    @property
    def closed(self):
        return self._closed

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        _unsupported('fileno')

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        if size is None:
            size = -1
        res = bytearray()
        while size < 0 or len(res) < size:
            b = self.read(1)
            if not b:
                break
            res += b
            if res.endswith(b'\n'):
                break
        return bytes(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class _RawIOBase(_IOBase):
    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size.__index__())
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        if res:
            return bytes(res)
        return data

    def readinto(self, b):
        _unsupported('readinto')

    def write(self, b):
        _unsupported('write')


class _BufferedIOBase(_IOBase):
    def read(self, size=-1):
        _unsupported('read')

    def read1(self, size=-1):
        return self.read(size)

    def write(self, b):
        _unsupported('write')

    def readinto(self, b):
        return self._readinto(b, False)

    def readinto1(self, b):
        return self._readinto(b, True)

    def _readinto(self, b, read1):
        data = self.read1(len(b)) if read1 else self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def detach(self):
        _unsupported('detach')


class _TextIOBase(_IOBase):
    def read(self, size=-1):
        _unsupported('read')

    def write(self, s):
        _unsupported('write')

    def readline(self, size=-1):
        _unsupported('readline')

    def detach(self):
        _unsupported('detach')

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


def _fspath(p):
    return _os.fspath(p)


class FileIO(_RawIOBase):
    _fd = -1
    _closefd = True

    def __init__(self, file, mode='r', closefd=True, opener=None):
        if self._fd >= 0:
            self._stop_autoclose()
            try:
                if self._closefd:
                    _os.close(self._fd)
            finally:
                self._fd = -1
        if isinstance(file, float):
            raise TypeError('integer argument expected, got float')
        if isinstance(file, int):
            fd = file
            if fd < 0:
                raise ValueError('negative file descriptor')
        else:
            fd = -1
        if not isinstance(mode, str):
            raise TypeError('invalid mode: %s' % (mode,))
        if not set(mode) <= set('xrwab+'):
            raise ValueError('invalid mode: %s' % (mode,))
        if sum(c in 'rwax' for c in mode) != 1 or mode.count('+') > 1:
            raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
        self._created = self._readable = self._writable = self._appending = False
        if 'x' in mode:
            self._created = self._writable = True
            flags = _os.O_EXCL | _os.O_CREAT
        elif 'r' in mode:
            self._readable = True
            flags = 0
        elif 'w' in mode:
            self._writable = True
            flags = _os.O_CREAT | _os.O_TRUNC
        else:
            self._writable = self._appending = True
            flags = _os.O_APPEND | _os.O_CREAT
        if '+' in mode:
            self._readable = self._writable = True
        if self._readable and self._writable:
            flags |= _os.O_RDWR
        elif self._readable:
            flags |= _os.O_RDONLY
        else:
            flags |= _os.O_WRONLY
        flags |= _os.O_CLOEXEC
        owned = None
        if fd < 0:
            if not closefd:
                raise ValueError('Cannot use closefd=False with file name')
            if opener is None:
                fd = _os.open(file, flags, 0o666)
            else:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError('expected integer from opener')
                if fd < 0:
                    raise OSError('Negative file descriptor')
            owned = fd
        try:
            st = _os.fstat(fd)
            if (st.st_mode & 0o170000) == 0o040000:
                import errno
                raise IsADirectoryError(errno.EISDIR, _os.strerror(errno.EISDIR), file)
            self._blksize = st.st_blksize if st.st_blksize > 1 else DEFAULT_BUFFER_SIZE
            self.name = file
            if self._appending:
                try:
                    _os.lseek(fd, 0, 2)
                except OSError:
                    pass
        except:
            if owned is not None:
                _os.close(owned)
            raise
        self._fd = fd
        self._closefd = closefd
        self._closed = False
        self._untrack = _autoclose(self, fd) if closefd else None

    def __repr__(self):
        cls = 'FileIO'
        if self.closed:
            return '<_io.%s [closed]>' % cls
        try:
            name = self.name
        except AttributeError:
            return '<_io.%s fd=%d mode=%r closefd=%r>' % (cls, self._fd, self.mode, self._closefd)
        return '<_io.%s name=%r mode=%r closefd=%r>' % (cls, name, self.mode, self._closefd)

    def read(self, size=-1):
        self._checkClosed()
        self._checkReadable()
        if size is None or size < 0:
            return self.readall()
        return _os.read(self._fd, size)

    def readall(self):
        self._checkClosed()
        self._checkReadable()
        chunks = []
        while True:
            b = _os.read(self._fd, 65536)
            if not b:
                break
            chunks.append(b)
        return b''.join(chunks)

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._checkClosed()
        self._checkWritable()
        return _os.write(self._fd, bytes(b))

    def seek(self, pos, whence=0):
        if isinstance(pos, float):
            raise TypeError('an integer is required')
        self._checkClosed()
        return _os.lseek(self._fd, pos, whence)

    def tell(self):
        self._checkClosed()
        return _os.lseek(self._fd, 0, 1)

    def truncate(self, size=None):
        self._checkClosed()
        self._checkWritable()
        if size is None:
            size = self.tell()
        _os.ftruncate(self._fd, size)
        return size

    def _stop_autoclose(self):
        # close() closes the descriptor itself: the garbage cleanup must not close it again
        # (by then its number may belong to another file).
        untrack = getattr(self, '_untrack', None)
        if untrack is not None:
            self._untrack = None
            untrack()

    def close(self):
        if not self.closed:
            self._stop_autoclose()
            try:
                if self._closefd and self._fd >= 0:
                    _os.close(self._fd)
            finally:
                self._closed = True

    def seekable(self):
        self._checkClosed()
        try:
            _os.lseek(self._fd, 0, 1)
        except OSError:
            return False
        return True

    def readable(self):
        self._checkClosed()
        return self._readable

    def writable(self):
        self._checkClosed()
        return self._writable

    def fileno(self):
        self._checkClosed()
        return self._fd

    def isatty(self):
        self._checkClosed()
        return _os.isatty(self._fd)

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        if self._created:
            return 'xb+' if self._readable else 'xb'
        if self._appending:
            return 'ab+' if self._readable else 'ab'
        if self._readable:
            return 'rb+' if self._writable else 'rb'
        return 'wb'


class BytesIO(_BufferedIOBase):
    def __init__(self, initial_bytes=None):
        self._buf = bytearray(initial_bytes) if initial_bytes is not None else bytearray()
        self._pos = 0
        self._closed = False

    def getvalue(self):
        self._checkClosed()
        return bytes(self._buf)

    def getbuffer(self):
        self._checkClosed()
        return memoryview(self._buf)

    def close(self):
        self._closed = True

    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            size = len(self._buf)
        if self._pos >= len(self._buf):
            return b''
        b = bytes(self._buf[self._pos:self._pos + size])
        self._pos += len(b)
        return b

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._checkClosed()
        buf = self._buf
        end = buf.find(b'\n', self._pos)
        end = len(buf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        b = bytes(buf[self._pos:end])
        self._pos = max(self._pos, end)
        return b

    def write(self, b):
        self._checkClosed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        n = len(b)
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._buf):
            self._buf += b'\x00' * (pos - len(self._buf))
        self._buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def seek(self, pos, whence=0):
        self._checkClosed()
        pos = pos.__index__()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError('negative size value %d' % pos)
        del self._buf[pos:]
        return pos

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def __getstate__(self):
        return (self.getvalue(), self._pos, getattr(self, '__dict__', None))


# Buffered writers holding unwritten bytes. CPython writes them out when the file object dies
# (reference counting, then the interpreter's shutdown); gopyc has no finalizers, so a file that
# is never closed (open(p, 'w').write(s)) would lose its data. They are written out when any file
# is opened (so that reading it back sees them, as it would in CPython) and at exit
# (_flush_dirty, called by the VM after the atexit callbacks).
_dirty = {}


def _flush_dirty():
    for obj in list(_dirty.values()):
        try:
            obj._flush_w()
        except Exception:
            _dirty.pop(id(obj), None)


class _BufferedBase(_BufferedIOBase):
    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        self.raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b''
        self._wbuf = bytearray()

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def seekable(self):
        return self.raw.seekable()

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def detach(self):
        if self.raw is None:
            raise ValueError('raw stream already detached')
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    def _flush_w(self):
        while self._wbuf:
            n = self.raw.write(bytes(self._wbuf))
            if n is None:
                raise BlockingIOError(11, 'write could not complete without blocking', 0)
            del self._wbuf[:n]
        _dirty.pop(id(self), None)

    def flush(self):
        if self.closed:
            raise ValueError('flush of closed file')
        self._flush_w()
        if hasattr(self.raw, 'flush'):
            self.raw.flush()

    def close(self):
        if self.raw is not None and not self.closed:
            try:
                self.flush()
            finally:
                self.raw.close()

    def _fill(self, n):
        while n is None or len(self._rbuf) < n:
            chunk = self.raw.read(max(self.buffer_size, (n or 0) - len(self._rbuf)))
            if not chunk:
                break
            self._rbuf += chunk
            if n is None:
                break

    def read(self, size=-1):
        self._checkClosed('read of closed file')
        self._flush_w()
        if size is None or size < 0:
            rest = self.raw.readall() if hasattr(self.raw, 'readall') else self.raw.read()
            b = self._rbuf + (rest or b'')
            self._rbuf = b''
            return b
        self._fill(size)
        b = self._rbuf[:size]
        self._rbuf = self._rbuf[size:]
        return b

    def read1(self, size=-1):
        self._checkClosed('read of closed file')
        if not self._rbuf:
            self._fill(None)
        if size is None or size < 0:
            size = len(self._rbuf)
        b = self._rbuf[:size]
        self._rbuf = self._rbuf[size:]
        return b

    def peek(self, size=0):
        self._checkClosed('peek of closed file')
        if not self._rbuf:
            self._fill(None)
        return self._rbuf

    def readline(self, size=-1):
        self._checkClosed('readline of closed file')
        if size is None:
            size = -1
        while True:
            i = self._rbuf.find(b'\n')
            if i >= 0 and (size < 0 or i < size):
                end = i + 1
                break
            if size >= 0 and len(self._rbuf) >= size:
                end = size
                break
            before = len(self._rbuf)
            self._fill(before + 1)
            if len(self._rbuf) == before:
                end = len(self._rbuf)
                break
        b = self._rbuf[:end]
        self._rbuf = self._rbuf[end:]
        return b

    def write(self, b):
        self._checkClosed('write to closed file')
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if self._rbuf:
            self.raw.seek(-len(self._rbuf), 1)
            self._rbuf = b''
        b = bytes(b)
        self._wbuf += b
        if len(self._wbuf) >= self.buffer_size:
            self._flush_w()
        elif self._wbuf:
            _dirty[id(self)] = self
        return len(b)

    def tell(self):
        pos = self.raw.tell() - len(self._rbuf) + len(self._wbuf)
        return max(pos, 0)

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError('whence value %d unsupported' % whence)
        self._checkClosed('seek of closed file')
        self._flush_w()
        if whence == 1:
            pos -= len(self._rbuf)
        self._rbuf = b''
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None):
        self._checkClosed('truncate of closed file')
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.raw.truncate(pos)

    def __repr__(self):
        name = getattr(self.raw, 'name', None) if self.raw is not None else None
        mod = type(self).__module__
        cls = type(self).__qualname__
        if name is None:
            return '<%s.%s>' % (mod, cls)
        return '<%s.%s name=%r>' % (mod, cls, name)

    def __getstate__(self):
        raise TypeError("cannot pickle '%s' object" % type(self).__name__)


class BufferedReader(_BufferedBase):
    def writable(self):
        return False

    def write(self, b):
        _unsupported('write')


class BufferedWriter(_BufferedBase):
    def readable(self):
        return False

    def read(self, size=-1):
        _unsupported('read')


class BufferedRandom(_BufferedBase):
    pass


class BufferedRWPair(_BufferedIOBase):
    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=-1):
        return self.reader.readline(size)

    def peek(self, size=0):
        return self.reader.peek(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def write(self, b):
        return self.writer.write(b)

    def flush(self):
        return self.writer.flush()

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    def isatty(self):
        return self.reader.isatty() or self.writer.isatty()

    @property
    def closed(self):
        return self.writer.closed


class IncrementalNewlineDecoder:
    def __init__(self, decoder, translate, errors='strict'):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self.seennl = 0
        self.pendingcr = False

    def decode(self, input, final=False):
        if self.decoder is None:
            output = input
        else:
            output = self.decoder.decode(input, final=final)
        if self.pendingcr and (output or final):
            output = '\r' + output
            self.pendingcr = False
        if output.endswith('\r') and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count('\r\n')
        cr = output.count('\r') - crlf
        lf = output.count('\n') - crlf
        self.seennl |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace('\r\n', '\n')
            if cr:
                output = output.replace('\r', '\n')
        return output

    def getstate(self):
        if self.decoder is None:
            buf, flag = b'', 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self.pendingcr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self.pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self.seennl = 0
        self.pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, '\n', '\r', ('\r', '\n'), '\r\n', ('\n', '\r\n'), ('\r', '\r\n'),
                ('\r', '\n', '\r\n'))[self.seennl]


def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return 'locale'
    return encoding


class TextIOWrapper(_TextIOBase):
    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('illegal newline type: %r' % (type(newline),))
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if encoding is None or encoding == 'locale':
            encoding = 'UTF-8' if encoding is None else 'utf-8'
        if not isinstance(encoding, str):
            raise TypeError('TextIOWrapper() argument \'encoding\' must be str or None, not %s' % type(encoding).__name__)
        if errors is None:
            errors = 'strict'
        codec = _codecs.lookup(encoding)
        if not getattr(codec, '_is_text_encoding', True):
            raise LookupError('%r is not a text encoding; use codecs.open() to handle arbitrary codecs' % encoding)
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ''
        self._writenl = newline or _os_linesep
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._codec = codec
        self._decoder = None
        self._encoder = None
        self._pending = ''
        self._eof = False
        self._seennl = None
        self._has_read1 = hasattr(buffer, 'read1')

    def __repr__(self):
        r = '<_io.TextIOWrapper'
        try:
            name = self.name
        except AttributeError:
            pass
        else:
            r += ' name=%r' % (name,)
        try:
            mode = self.mode
        except AttributeError:
            pass
        else:
            r += ' mode=%r' % (mode,)
        return r + ' encoding=%r>' % (self._encoding,)

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def buffer(self):
        return self._buffer

    @property
    def name(self):
        return self._buffer.name

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def newlines(self):
        d = self._get_decoder() if self._decoder is None and self.readable() else self._decoder
        return getattr(d, 'newlines', None)

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        if encoding is not None:
            self._encoding = encoding
            self._codec = _codecs.lookup(encoding)
            self._decoder = self._encoder = None
            if errors is None:
                errors = 'strict'
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            self._readuniversal = not newline
            self._readtranslate = newline is None
            self._readnl = newline
            self._writetranslate = newline != ''
            self._writenl = newline or _os_linesep
        if line_buffering is not None:
            self._line_buffering = line_buffering
        if write_through is not None:
            self._write_through = write_through

    def seekable(self):
        self._checkClosed()
        return self._buffer.seekable()

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def flush(self):
        self._buffer.flush()

    def close(self):
        if self._buffer is not None and not self.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def detach(self):
        if self._buffer is None:
            raise ValueError('buffer is already detached')
        self.flush()
        b = self._buffer
        self._buffer = None
        return b

    def _get_encoder(self):
        if self._encoder is None:
            self._encoder = self._codec.incrementalencoder(self._errors)
        return self._encoder

    def _get_decoder(self):
        if self._decoder is None:
            d = self._codec.incrementaldecoder(self._errors)
            if self._readuniversal:
                d = IncrementalNewlineDecoder(d, False)
            self._decoder = d
        return self._decoder

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        length = len(s)
        haslf = (self._writetranslate or self._line_buffering) and '\n' in s
        if haslf and self._writetranslate and self._writenl != '\n':
            s = s.replace('\n', self._writenl)
        b = self._get_encoder().encode(s)
        if self._pending:
            self._rewind_pending()
        self._buffer.write(b)
        if self._line_buffering and (haslf or '\r' in s):
            self.flush()
        if self._write_through:
            self._buffer.flush() if hasattr(self._buffer, 'flush') else None
        return length

    def _rewind_pending(self):
        n = len(self._pending.encode(self._encoding, self._errors))
        self._pending = ''
        self._decoder = None
        try:
            self._buffer.seek(-n, 1)
        except Exception:
            pass

    def _read_chunk(self):
        if self._eof:
            return False
        if self._has_read1:
            data = self._buffer.read1(self._CHUNK_SIZE)
        else:
            data = self._buffer.read(self._CHUNK_SIZE)
        eof = not data
        text = self._get_decoder().decode(data, eof)
        self._pending += text
        if eof:
            self._eof = True
        return not eof

    def read(self, size=-1):
        self._checkClosed()
        self._checkReadable()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        if size < 0:
            data = self._buffer.read()
            text = self._pending + self._get_decoder().decode(data or b'', True)
            self._pending = ''
            self._eof = False
            return self._xlate(text)
        while len(self._pending) <= size and self._read_chunk():
            pass
        end = size
        if self._readtranslate and end < len(self._pending):
            # count a CR LF pair as one character of the result
            end = size + self._pending.count('\r\n', 0, size)
            while end > 0 and len(self._xlate(self._pending[:end])) > size:
                end -= 1
            if self._pending[end - 1:end] == '\r' and self._pending[end:end + 1] == '\n':
                end += 1
        text = self._pending[:end]
        self._pending = self._pending[end:]
        self._eof = False
        return self._xlate(text)

    def _xlate(self, text):
        if self._readtranslate and '\r' in text:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def _find_line_end(self, s, start=0):
        if self._readnl == '\n':
            i = s.find('\n', start)
            return -1 if i < 0 else i + 1
        if self._readuniversal:
            for i in range(start, len(s)):
                c = s[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    if i + 1 < len(s):
                        return i + 2 if s[i + 1] == '\n' else i + 1
                    return -2
            return -1
        i = s.find(self._readnl, start)
        return -1 if i < 0 else i + len(self._readnl)

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        start = 0
        while True:
            end = self._find_line_end(self._pending, start)
            if end >= 0:
                break
            if size >= 0 and len(self._pending) >= size:
                end = size
                break
            start = max(0, len(self._pending) - 1)
            if not self._read_chunk():
                end = len(self._pending)
                break
        if size >= 0 and end > size:
            end = size
        line = self._pending[:end]
        self._pending = self._pending[end:]
        if not line:
            self._eof = False
        return self._xlate(line)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._checkClosed()
        if not self.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        self.flush()
        pos = self._buffer.tell()
        if self._pending:
            pos -= len(self._pending.encode(self._encoding, self._errors))
        return pos

    def seek(self, cookie, whence=0):
        self._checkClosed()
        if not self.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._pending = ''
            self._decoder = None
            self._eof = False
            return self._buffer.seek(0, 2)
        if cookie < 0:
            raise ValueError('negative seek position %r' % (cookie,))
        self.flush()
        self._pending = ''
        self._decoder = None
        self._eof = False
        self._buffer.seek(cookie)
        return cookie

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)

    @property
    def mode(self):
        return self.__dict__.get('mode', getattr(self._buffer, 'mode', None))

    @mode.setter
    def mode(self, value):
        self.__dict__['mode'] = value


_os_linesep = '\n'


class StringIO(TextIOWrapper):
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ''
        self._writenl = newline or _os_linesep
        self._newline_arg = newline
        self._chars = []  # pieces of the text, joined when read (appends stay linear)
        self._len = 0     # the text's length
        self._pos = 0
        self._closed = False
        self._seen = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _text(self):
        if len(self._chars) != 1:
            self._chars = [''.join(self._chars)]
        return self._chars[0] if self._chars else ''

    def getvalue(self):
        self._checkClosed()
        return self._text()

    def __repr__(self):
        return '<_io.StringIO object at %#x>' % id(self)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    @property
    def buffer(self):
        _unsupported('buffer')

    def detach(self):
        _unsupported('detach')

    def fileno(self):
        _unsupported('fileno')

    def isatty(self):
        self._checkClosed()
        return False

    def flush(self):
        self._checkClosed()

    @property
    def newlines(self):
        if self._newline_arg is not None and self._newline_arg != '':
            return None
        return (None, '\n', '\r', ('\r', '\n'), '\r\n', ('\n', '\r\n'), ('\r', '\r\n'),
                ('\r', '\n', '\r\n'))[self._seen]

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got \'%s\'' % type(s).__name__)
        n = len(s)
        if self._readtranslate and s:
            crlf = s.count('\r\n')
            cr = s.count('\r') - crlf
            lf = s.count('\n') - crlf
            self._seen |= (lf and 1) | (cr and 2) | (crlf and 4)
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._newline_arg == '' and s:
            crlf = s.count('\r\n')
            cr = s.count('\r') - crlf
            lf = s.count('\n') - crlf
            self._seen |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self._writetranslate and self._writenl != '\n':
            s = s.replace('\n', self._writenl)
        pos = self._pos
        if pos == self._len:
            self._chars.append(s)
        else:
            text = self._text()
            if pos > len(text):
                text += '\0' * (pos - len(text))
            self._chars = [text[:pos] + s + text[pos + len(s):]]
        self._len = max(self._len, pos + len(s))
        self._pos = pos + len(s)
        return n

    def read(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        text = self._text()
        end = len(text) if size < 0 else min(len(text), self._pos + size)
        r = text[self._pos:end]
        self._pos = max(self._pos, end)
        return r

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        text = self._text()
        if self._pos >= len(text):
            return ''
        end = self._find_line_end(text, self._pos)
        if end == -2:
            end = len(text)
        if end < 0:
            end = len(text)
        if size >= 0:
            end = min(end, self._pos + size)
        r = text[self._pos:end]
        self._pos = end
        return r

    def tell(self):
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._text())
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError('Negative size value %d' % pos)
        self._chars = [self._text()[:pos]]
        self._len = len(self._chars[0])
        return pos

    def __getstate__(self):
        return (self.getvalue(), self._newline_arg, self._pos, None)


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if _dirty:
        _flush_dirty()
    if not isinstance(file, int):
        file = _fspath(file)
    if not isinstance(file, (str, bytes, int)):
        raise TypeError('invalid file: %r' % (file,))
    if not isinstance(mode, str):
        raise TypeError('open() argument \'mode\' must be str, not %s' % type(mode).__name__)
    if not isinstance(buffering, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(buffering).__name__)
    modes = set(mode)
    if modes - set('axrwb+tU') or len(mode) > len(modes):
        raise ValueError('invalid mode: %r' % mode)
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if 'U' in modes:
        if creating or writing or appending or updating:
            raise ValueError("mode U cannot be combined with 'x', 'w', 'a', or '+'")
        reading = True
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, "
                      "the default buffer size will be used", RuntimeWarning, 2)
    raw = FileIO(file,
                 (creating and 'x' or '') + (reading and 'r' or '') + (writing and 'w' or '') +
                 (appending and 'a' or '') + (updating and '+' or ''),
                 closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = max(getattr(raw, '_blksize', DEFAULT_BUFFER_SIZE), DEFAULT_BUFFER_SIZE)
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        text = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text
        text.mode = mode
        return result
    except:
        result.close()
        raise


def open_code(path):
    if not isinstance(path, str):
        raise TypeError("open_code() argument 'path' must be str, not %s" % type(path).__name__)
    return open(path, 'rb')


for _c in (FileIO, BytesIO, StringIO, BufferedReader, BufferedWriter, BufferedRandom,
           BufferedRWPair, TextIOWrapper, IncrementalNewlineDecoder, _IOBase, _RawIOBase,
           _BufferedIOBase, _TextIOBase):
    _c.__module__ = '_io'
del _c
`
