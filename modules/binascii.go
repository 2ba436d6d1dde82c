package modules

import (
	"encoding/base64"
	"hash/crc32"

	. "gopyc/objects"
	"gopyc/vm"
)

// makeBinascii builds binascii: base64 and CRC-32 in Go (encoding/base64, hash/crc32), the
// other conversions (hex with separators, CRC-CCITT, quoted-printable, uuencode) and the
// lenient base64 input rules (non-alphabet characters skipped, padding checked) in Python.
func makeBinascii(t *vm.Thread) (*vm.Module, error) {
	return pyModule(t, "binascii", binasciiSrc, func(m *vm.Module) {
		fn(m, "_b64encode", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			b, err := bytesArg(t, a[0])
			if err != nil {
				return nil, err
			}
			return NewBytes([]byte(base64.StdEncoding.EncodeToString(b))), nil
		})
		fn(m, "_b64decode", 1, 1, func(t *vm.Thread, a []Object) (Object, error) {
			b, err := bytesArg(t, a[0])
			if err != nil {
				return nil, err
			}
			out, derr := base64.RawStdEncoding.DecodeString(string(b))
			if derr != nil {
				return None, nil
			}
			return NewBytes(out), nil
		})
		fn(m, "crc32", 1, 2, func(t *vm.Thread, a []Object) (Object, error) {
			b, err := bytesArg(t, a[0])
			if err != nil {
				return nil, err
			}
			var crc uint32
			if len(a) == 2 {
				v, err := t.Index(a[1])
				if err != nil {
					return nil, err
				}
				crc = uint32(v.Big().Uint64() & 0xffffffff)
				if v.Sign() < 0 {
					x, _ := v.Int64()
					crc = uint32(x)
				}
			}
			return NewInt(int64(crc32.Update(crc, crc32.IEEETable, b))), nil
		})
	})
}

const binasciiSrc = `
class Error(ValueError):
    pass


class Incomplete(Exception):
    pass

Error.__module__ = Incomplete.__module__ = 'binascii'


def _data(data, name='argument'):
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _bin(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return _data(data)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _bin(data)
    h = data.hex()
    if sep is None or not data:
        return h.encode('ascii')
    if isinstance(sep, bytes):
        sep = sep.decode('ascii')
    if len(sep) != 1:
        raise ValueError('sep must be length 1.')
    n = abs(bytes_per_sep)
    if n == 0:
        return h.encode('ascii')
    groups = []
    if bytes_per_sep > 0:
        end = len(data)
        while end > 0:
            groups.append(h[2 * max(0, end - n):2 * end])
            end -= n
        groups.reverse()
    else:
        for i in range(0, len(data), n):
            groups.append(h[2 * i:2 * (i + n)])
    return sep.join(groups).encode('ascii')

b2a_hex = hexlify


def unhexlify(hexstr):
    hexstr = _data(hexstr)
    if len(hexstr) % 2:
        raise Error('Odd-length string')
    try:
        return bytes.fromhex(hexstr.decode('ascii').replace(' ', 'x'))
    except ValueError:
        raise Error('Non-hexadecimal digit found') from None

a2b_hex = unhexlify

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_NONB64 = bytes(c for c in range(256) if c not in _B64 and c != 61)


def b2a_base64(data, *, newline=True):
    data = _bin(data)
    out = _b64encode(data)
    return out + b'\n' if newline else out


def a2b_base64(data, *, strict_mode=False):
    data = _data(data)
    if strict_mode:
        if data[:1] == b'=':
            raise Error('Leading padding not allowed')
        body = data.rstrip(b'=')
        if any(c not in _B64 for c in body):
            raise Error('Only base64 data is allowed')
        if b'=' in body:
            raise Error('Discontinuous padding not allowed')
        pad = len(data) - len(body)
        if (len(body) + pad) % 4 or pad > 2:
            if len(body) % 4 == 1:
                raise Error('Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4' % len(body))
            raise Error('Incorrect padding' if pad < 3 else 'Excess data after padding')
    clean = data.translate(None, _NONB64)
    # Data ends at the first padding that completes a quad.
    chars = []
    n = 0
    pads = 0
    for c in clean:
        if c == 61:
            if n % 4 >= 2:
                pads += 1
                if n % 4 + pads >= 4:
                    break
            continue
        if pads:
            pads = 0
        chars.append(c)
        n += 1
    body = bytes(chars)
    r = len(body) % 4
    if r == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4' % len(body))
    if r:
        # enough padding must have been present
        have = 0
        tail = clean.rstrip()
        i = len(tail) - 1
        while i >= 0 and tail[i] == 61:
            have += 1
            i -= 1
        if have + r < 4 and not _padded(clean, len(body)):
            raise Error('Incorrect padding')
    out = _b64decode(body)
    if out is None:
        raise Error('Incorrect padding')
    return out


def _padded(clean, ndata):
    seen = 0
    pads = 0
    for c in clean:
        if c == 61:
            if seen == ndata:
                pads += 1
        else:
            seen += 1
    return (ndata % 4) + pads >= 4


def crc_hqx(data, value):
    data = _bin(data)
    crc = value & 0xffff
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xffff if crc & 0x8000 else (crc << 1) & 0xffff
    return crc


def b2a_qp(data, quotetabs=False, istext=True, header=False):
    data = _bin(data)
    out = bytearray()
    linelen = 0
    i = 0
    n = len(data)

    def emit(chunk):
        nonlocal linelen
        if linelen + len(chunk) > 75 and not (chunk == b'\n'):
            out.extend(b'=\n')
            linelen = 0
        out.extend(chunk)
        linelen += len(chunk)

    while i < n:
        c = data[i]
        if istext and c == 10:
            if out and out[-1:] in (b' ', b'\t'):
                last = out.pop()
                out.extend(b'=%02X' % last)
            out.extend(b'\n')
            linelen = 0
            i += 1
            continue
        if istext and c == 13 and i + 1 < n and data[i + 1] == 10:
            out.extend(b'\r\n')
            linelen = 0
            i += 2
            continue
        if (c == 61 or c > 126 or (c < 32 and c not in (9,) ) or (c == 46 and linelen == 0 and (i + 1 == n or data[i + 1] in (10, 13)))
                or (quotetabs and c in (9, 32)) or (header and c == 95)):
            if not istext or c not in (10, 13):
                emit(b'=%02X' % c)
                i += 1
                continue
        if header and c == 32:
            emit(b'_')
        elif c in (9, 32) and (i + 1 == n or data[i + 1] in (10, 13)):
            emit(b'=%02X' % c)
        else:
            emit(bytes([c]))
        i += 1
    return bytes(out)


def a2b_qp(data, header=False):
    data = _data(data)
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c == 61:
            if i + 1 < n and data[i + 1] in (10, 13):
                i += 2 if data[i + 1] == 13 and i + 2 < n and data[i + 2] == 10 else 1
                i += 1
                continue
            if i + 1 >= n:
                i += 1
                continue
            h = data[i + 1:i + 3]
            try:
                out.append(int(h, 16))
                i += 3
                continue
            except ValueError:
                out.append(c)
                i += 1
                continue
        if header and c == 95:
            out.append(32)
        else:
            out.append(c)
        i += 1
    return bytes(out)


def b2a_uu(data, *, backtick=False):
    data = _bin(data)
    if len(data) > 45:
        raise Error('At most 45 bytes at once')
    def ch(v):
        return 96 if backtick and v == 0 else v + 32
    out = bytearray([ch(len(data))])
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3] + b'\x00' * (3 - len(data[i:i + 3]))
        v = (chunk[0] << 16) | (chunk[1] << 8) | chunk[2]
        out.extend(ch((v >> s) & 63) for s in (18, 12, 6, 0))
    out.extend(b'\n')
    return bytes(out)


def a2b_uu(data):
    data = _data(data).rstrip(b'\n\r')
    if not data:
        return b'\x00' * 32
    n = (data[0] - 32) & 63
    vals = [(c - 32) & 63 for c in data[1:]]
    out = bytearray()
    for i in range(0, len(vals), 4):
        q = vals[i:i + 4] + [0] * (4 - len(vals[i:i + 4]))
        v = (q[0] << 18) | (q[1] << 12) | (q[2] << 6) | q[3]
        out.extend(bytes([(v >> 16) & 255, (v >> 8) & 255, v & 255]))
    out = out[:n]
    return bytes(out) + b'\x00' * (n - len(out))
`
