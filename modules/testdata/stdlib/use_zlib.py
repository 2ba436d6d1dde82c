# zlib directly and through gzip, zipfile, tarfile and shutil. Compressed bytes depend on the
# encoder, so the program prints round trips, checksums and error messages, not the bytes.
import base64
import copy
import gzip
import io
import os
import shutil
import tarfile
import tempfile
import zipfile
import zlib

print(zlib.ZLIB_VERSION, zlib.ZLIB_RUNTIME_VERSION, zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL,
      zlib.DEF_BUF_SIZE, zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION,
      zlib.Z_DEFAULT_COMPRESSION, zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY,
      zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH,
      zlib.Z_FULL_FLUSH, zlib.Z_FINISH, zlib.Z_BLOCK, zlib.Z_TREES)
print(zlib.error.__module__, zlib.error.__mro__[1].__name__)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)

words = b'the quick brown fox jumps over the lazy dog '
data = b''.join(words[i % 40:] + bytes([i % 251]) for i in range(3000)) + bytes(range(256)) * 20

# checksums, with running values
print(zlib.crc32(b''), zlib.crc32(b'hello'), zlib.crc32(data), zlib.crc32(data[1000:], zlib.crc32(data[:1000])))
print(zlib.adler32(b''), zlib.adler32(b'hello'), zlib.adler32(data), zlib.adler32(data[1000:], zlib.adler32(data[:1000])))
print(zlib.crc32(b'abc', -1), zlib.crc32(b'abc', 2**40 + 3), zlib.adler32(b'abc', -1), zlib.adler32(bytearray(b'xyz'), 7))
print(zlib.crc32(memoryview(b'abcdef')[1:4]), zlib.adler32(memoryview(b'abcdef')))

# one-shot round trips at every level and wbits
ok = 0
for level in range(-1, 10):
    for wbits in (9, 10, 12, 14, 15, -9, -12, -15, 25, 28, 31):
        c = zlib.compress(data, level, wbits)
        ok += zlib.decompress(c, wbits) == data
        if 9 <= wbits <= 15:
            ok += zlib.decompress(c, 0) == data and zlib.decompress(c, 47) == data
        elif wbits > 15:
            ok += zlib.decompress(c, 47) == data and zlib.decompress(c, 40 + wbits - 25) == data
        else:
            ok += 1
print('round trips', ok)
print(zlib.compress(b'')[:2], zlib.compress(b'', 9)[:2], zlib.compress(b'', 1)[:2], zlib.compress(b'', wbits=31)[:4])
print(zlib.decompress(zlib.compress(b'x' * 100000, 1)) == b'x' * 100000, zlib.decompress(bytearray(zlib.compress(b'abc'))))
print(zlib.decompress(zlib.compress(data) + b'trailing garbage') == data)

# compressobj with flush modes, decompressobj chunked with max_length
for level in (0, 1, 6, 9):
    for strategy in range(5):
        co = zlib.compressobj(level, zlib.DEFLATED, 15, 9, strategy)
        parts = []
        modes = (zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK, zlib.Z_NO_FLUSH)
        for i in range(0, len(data), 7000):
            mode = modes[i // 7000 % 6]
            parts.append(co.compress(data[i:i + 7000]))
            parts.append(co.flush(mode))
        parts.append(co.flush())
        c = b''.join(parts)
        assert zlib.decompress(c) == data, (level, strategy)
        for size, limit in ((1, 0), (13, 5), (1000, 100), (len(c), 4096)):
            d = zlib.decompressobj()
            out = []
            pos = 0
            while not d.eof:
                chunk = d.unconsumed_tail or c[pos:pos + size]
                if not d.unconsumed_tail:
                    pos += size
                piece = d.decompress(chunk, limit)
                assert limit == 0 or len(piece) <= limit
                out.append(piece)
            assert b''.join(out) == data and d.unused_data == b'' and d.unconsumed_tail == b''
print('streams ok')

# streams CPython compressed: the input consumed per call (unconsumed_tail) follows zlib's
cp_streams = [(15, base64.b64decode('eNqVmVN4XlEQRWvbSnLj2rZtu00bF38btUlt27Zt27Zt231qv58X58zs+3JmZq/1ep52VGiQ0js6rGs3pUuEpU9PJdjSVwmP7tErUrHEBEUoUf9x94C4WCXQEqLEM+HGx9UEsJkQFROBXmJMSwJZSREpGeAk55UUrJGSE1IxPDWN05A0LQXTESy9HGWQkowykEmSZxbHWYRpVlGYTZBlN0Y5DElOfZBLd7tpT3fN5aE+FNXu6Vq9nJu3Y/GxT1/b8LO+/lEm/nNuE24eXM0Lm/lQMT/oFcC0gpBVCJEKA04RXinKGsU4oTjDS9C4JElLUbA0wcrIUVkpKScD5SV5BXFcUZhWEoWVBVkVY1TVkFTTB9V1dw3tWVNz1VIftVV7Hdda17nVcyz17bOBbTS0vo3M/P3GJtwmuNoUNpuhYnPQa4FpLSGrFSK1Bpw2vNKWNdpxQnuGd6BxR5J2omBnggXIURcp6SoDgZI8SBwHC9MQURgqyMKMUbgh6aYPuuvuHtqzp+ayqI9eqr23a41wbpGOJco+o20jxvr2MfP3+5pwY3E1Djb7oWJ/0BuAaQMhaxAiDQacIbwylDWGccJwho+g8UiSjqLgaIKNkaOxUjJOBsZL8gnieKIwnSQKJwuyKcZoqiGZpg+m6+4Z2nOm5pqlPmar9jmuda5zm+dY5tvnAttYaH0Xmfn7i024S3B1KWwuQ8XloLcC01ZC1ipEWg04a3hlLWus44T1DN9A440k3UTBzQTbIkdbpWSbDGyX5DvE8U5huksU7hZke4zRXkOyTx/s190HtOdBzXVIfRxW7Udc61HndsyxHLfPE7Zx0vqeMvP3T5twz+DqWdg8h4rnQe8Cpl2ErEuIdBlwrvDKVda4xgnXGX6DxjdJeouCtwl2R47uSsk9GbgvyR+I44fC9JEofCzInhijp4bkmT54rrtfaM+XmuuV+nit2t+41rfO7Z1jeW+fH2zjo/X9ZObvfzbhfsHVr7D5DRW/g94PTPsJWb8Q6Tfg/OGVv3wpwzYxXP3CdC500UK2K1SlQvQo8vJE2pjIahJJNyIuRIQtiKj6EPQdxpLD0GwY6gxth6EtLjRthbqiUPUSrjLC2UA4agd712ArGMz8fTcTrjuuesAmLHqCnhemeUOWDyL5Ao4fr/jzpQzbxHD1C9O50EUL2a5QlQrRo8jLk38icxyL')),
              (31, base64.b64decode('H4sIAAAAAAAEA5XTVVhWQRAGYFQEDAQEEaUOrdjd3d3dCoL5S4fd3d3d3d3d3d3d7ZX654nd2e9c7zzzzM58b3x0pBST0K1LD6lzrCGpt9TVkCx1T+jVJ04yJEbGSvH/nnt2Sk2RIgxRkp2O2jR427TwAOnQSe3BH6XHPu4ArccR2aETsOcM4lNkFB4rk+iamQXXdqbDkIWMiguVI1ciY278+GXlBtOdl1gPTpKzsQPuyYx9dpYFL4aPHFoyOTWIvNWqfFTKfJXo/BQE/eUeJZnNABvTQCvYIIvcYLPgEBPkUCPnsP+dUVG5dNTmxtuGwwPkQSfNC9rPh9nPD9kvgNgvCNgvJLZfWGi/iMh+UYH9YrT94qT9EpT9koT9Unz7pbn2y/Dsl+XYL8e2X55pvwLLfkWG/Upa+5U19quo7VdV2a+mtF9dYb+G3H5Nmf1aNvu1rfbrWOzXNduvZ7Jf32i/gR77DXXYb4Tbbwzbb4Labwrab4bZbw7Zb4HYbwnYbyW231pov43IfluB/Xa0/fak/Q6U/Y6E/U58+5259rvw7Edw7Eey7Xdl2o9i2Y9m2O+mtd9dY7+H2n5Plf1eSvu9FfYNcvt9ZPZjbPZjrfbjLPbjzfYTTPYTjfaT9NhP1mE/BbefCtvvi9rvB9rvj9kfANkfiNgfBNgfLLY/RGh/qMj+MIH94bT9EaT9kZT9UYT90Xz7Y7j2x/Lsj+PYH8+2P4FpfyLL/iSG/cla+1M09qeq7U9T2Z+utD9DYX+m3P4smf3ZNvtzrPbnWuzPM9ufb7K/wGh/oR77i3TYX4zbXwLbX4raXwbaX47ZXwHZX4nYXwXYXy22v0Zof63I/jqB/fW0/Q2k/Y2U/U2E/c18+1u49rfy7G/j2N/Otr+DaX8ny/4uhv3dWvt7NPb3qu3vU9nfr7R/QGH/oNz+IZn9wzb7R6z2j1rsHzPbP26yf8Jo/6Qe+6d02D+N2z8D2z+L2j8H2j+P2b8A2b+I2L8E2L8stn9FaP+qyP41gf3rtP0bpP2blP1bhP3bfPt3uPbv8uzf49i/z7b/gGn/Icv+I4b9x1r7TzT2n6rtP1PZf660/0Jh/6Xc/iuZ/dc2+2+s9t9a7L8z239vsv/BaP+jHvufdNj/jNv/Atv/itr/Btr/jtn/Adn/idj/Bdj/Lbb/R2jfTmQ/jcB+Wtp+OtK+PWU/PWHfgW/fkWvfiWc/A8d+Rrb9TEz7mVn2nRn2s2jtu2jsu6rtu6nsZ1Xad1fY95Dbzyaz72mzn91q38tiP4fZfk6TfW+jfR899n112PfD7fvD9uHCANB+IGY/CLIfjNgPAeyHiu2HCe3nEtnPLbAfTtvPQ9rPS9nPR9jPz7dfgGu/4F9VPGc9qh4AAA=='))]
for wbits, c in cp_streams:
    for limit, step in ((1, 1), (5, 7), (64, 50), (0, 3)):
        d = zlib.decompressobj(wbits)
        tails, n = [], 0
        for i in range(0, len(c) + 3, step):
            n += len(d.decompress(c[i:i + step] + (b'++' if i + step >= len(c) else b''), limit))
            tails.append(len(d.unconsumed_tail))
            while d.unconsumed_tail and not d.eof:
                n += len(d.decompress(d.unconsumed_tail, limit))
                tails.append(len(d.unconsumed_tail))
            if d.eof:
                break
        print(wbits, limit, step, n, d.eof, d.unused_data, d.unconsumed_tail, len(tails), sum(tails), tails[-8:])
d = zlib.decompressobj()
print(d.decompress(cp_streams[0][1] + b'XYZ', 7), d.unconsumed_tail[-3:])
while not d.eof:
    d.decompress(d.unconsumed_tail, 7)
print(d.eof, d.unused_data, d.unconsumed_tail, d.decompress(b'more', 5), d.unused_data, d.unconsumed_tail)

# a flush after the syncs gives the rest; unused_data after the end
c = zlib.compress(data)
d = zlib.decompressobj()
out = d.decompress(c[:len(c) // 2], 10)
print(len(out), d.eof)
out += d.flush()
out += d.decompress(c[len(c) // 2:] + b'tail')
print(out == data, d.eof, d.unused_data, d.unconsumed_tail)
print(d.decompress(b'more'), d.unused_data)
d = zlib.decompressobj()
print(d.decompress(c[:20], 0) == data[:len(d.decompress(b''))] or True, d.eof, d.flush()[:0])

# copy() of both directions
co = zlib.compressobj(6)
head = co.compress(data[:5000])
c2 = co.copy()
c3 = copy.copy(co)
a = head + co.compress(data[5000:]) + co.flush()
b = head + c2.compress(b'other ending') + c2.flush()
e = head + c3.flush()
print(zlib.decompress(a) == data, zlib.decompress(b) == data[:5000] + b'other ending', zlib.decompress(e) == data[:5000])
d = zlib.decompressobj()
part = d.decompress(a[:len(a) // 3])
d2 = d.copy()
rest1 = d.decompress(a[len(a) // 3:])
rest2 = copy.deepcopy(d2).decompress(a[len(a) // 3:])
print(part + rest1 == data, part + rest2 == data, d.eof)

# zdict
zd = b'the quick brown fox jumps over the lazy dog'
for wbits in (15, -15, 9):
    co = zlib.compressobj(zdict=zd, wbits=wbits)
    c = co.compress(data) + co.flush()
    d = zlib.decompressobj(wbits=wbits, zdict=zd)
    print('zdict', wbits, d.decompress(c) == data, d.eof)
co = zlib.compressobj(zdict=zd)
c = co.compress(b'the lazy dog') + co.flush()
for f in (lambda: zlib.decompress(c), lambda: zlib.decompressobj().decompress(c),
          lambda: zlib.decompressobj(zdict=b'wrong').decompress(c),
          lambda: zlib.decompressobj(zdict=bytearray(zd)).decompress(c)):
    try:
        print(f())
    except zlib.error as ex:
        print('error:', ex)

# errors
good = zlib.compress(data)
gz = gzip.compress(b'abc', mtime=0)
cases = [
    lambda: zlib.decompress(good[:-3]),
    lambda: zlib.decompress(good[:40]),
    lambda: zlib.decompress(b''),
    lambda: zlib.decompress(b'\x78\x9c\x07\x00'),
    lambda: zlib.decompress(b'\x79\x9c'),
    lambda: zlib.decompress(b'\x88\x98'),
    lambda: zlib.decompress(b'\x00\x00'),
    lambda: zlib.decompress(good[:-1] + bytes([good[-1] ^ 1])),
    lambda: zlib.decompress(good, -15),
    lambda: zlib.decompress(b'\x03\x01', -15),
    lambda: zlib.decompress(b'\xf5\x00\x00', -15),
    lambda: zlib.decompress(b'\x1b\x03', -15),
    lambda: zlib.decompress(gz, 15),
    lambda: zlib.decompress(good, 31),
    lambda: zlib.decompress(gz[:-5] + b'\x00' + gz[-4:], 31),
    lambda: zlib.decompress(gz[:-1] + b'\x01', 31),
    lambda: zlib.decompress(b'\x1f\x8b\x09\x00', 31),
    lambda: zlib.decompress(b'\x1f\x8b\x08\xe0', 31),
    lambda: zlib.decompress(good, 7),
    lambda: zlib.decompress(good, 48),
    lambda: zlib.decompress(good, bufsize=-1),
    lambda: zlib.decompress('text'),
    lambda: zlib.decompress(good, 1.5),
    lambda: zlib.compress('text'),
    lambda: zlib.compress(b'x', 10),
    lambda: zlib.compress(b'x', wbits=-8),
    lambda: zlib.compress(b'x', wbits=40),
    lambda: zlib.compressobj(10),
    lambda: zlib.compressobj(method=9),
    lambda: zlib.compressobj(wbits=7),
    lambda: zlib.compressobj(memLevel=0),
    lambda: zlib.compressobj(strategy=5),
    lambda: zlib.compressobj(zdict='s'),
    lambda: zlib.decompressobj(wbits=99),
    lambda: zlib.decompressobj(zdict='s'),
    lambda: zlib.decompressobj().decompress(b'abc', -1),
    lambda: zlib.decompressobj().flush(0),
    lambda: zlib.decompressobj().decompress(b'\x78\x9c\x07\x00'),
    lambda: zlib.crc32('x'),
    lambda: zlib.adler32(b'x', 1.5),
    lambda: zlib.compressobj().flush(7),
]
for f in cases:
    try:
        r = f()
        print('ok', r if isinstance(r, (bytes, int)) and len(str(r)) < 60 else type(r).__name__)
    except (zlib.error, TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
co = zlib.compressobj()
co.compress(b'abc')
co.flush()
for f in (lambda: co.compress(b'x'), lambda: co.flush(), lambda: co.flush(zlib.Z_SYNC_FLUSH), co.copy):
    try:
        f()
    except (zlib.error, ValueError) as ex:
        print(type(ex).__name__, ex)
print(co.flush(zlib.Z_NO_FLUSH))
d = zlib.decompressobj()
try:
    d.decompress(b'\x78\x9c\x07\x00')
except zlib.error as ex:
    print(ex)
try:
    d.decompress(b'')
except zlib.error as ex:
    print('again:', ex)

# gzip
print(gzip.decompress(gzip.compress(data)) == data, gzip.decompress(gzip.compress(data, 1) * 2) == data * 2)
print(gzip.decompress(base64.b64decode('H4sIAAAAAAACA0uvyixQSCvKz1VILqgsycjP40ofFRkVAYsAAAN82aUcAgAA'))[:40])
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', filename='x.txt', mtime=1) as g:
    for i in range(0, len(data), 999):
        g.write(data[i:i + 999])
with gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())) as g:
    print(g.read(10), g.read1(5) != b'', g.readline()[:0])
    g.seek(0)
    print(g.read() == data, g.name if hasattr(g, 'name') else None)
with gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())) as g:
    print(sum(len(g.read(7)) for _ in range(len(data) // 7 + 2)) == len(data))
try:
    gzip.decompress(buf.getvalue()[:-2])
except EOFError as ex:
    print('EOFError', ex)

tmp = tempfile.mkdtemp()
try:
    p = os.path.join(tmp, 'f.gz')
    with gzip.open(p, 'wt', encoding='utf-8') as f:
        f.write('line one\nline two\n' * 100)
    with gzip.open(p, 'rt', encoding='utf-8') as f:
        lines = f.readlines()
    print(len(lines), lines[:2])

    # zipfile
    zp = os.path.join(tmp, 'a.zip')
    with zipfile.ZipFile(zp, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('data.bin', data)
        z.writestr('small.txt', 'small text')
        z.writestr('stored.txt', 'stored' * 10, compress_type=zipfile.ZIP_STORED)
        z.writestr('lvl9.txt', 'x' * 1000, compresslevel=9)
        with z.open('streamed.txt', 'w') as w:
            for i in range(100):
                w.write(b'streamed line %d\n' % i)
    with zipfile.ZipFile(zp) as z:
        print(z.namelist(), z.testzip())
        print(z.read('data.bin') == data, z.read('small.txt'), z.read('lvl9.txt') == b'x' * 1000)
        print([(i.filename, i.compress_type, i.file_size) for i in z.infolist()])
        with z.open('streamed.txt') as r:
            print(r.readline(), len(r.read()))
    with zipfile.ZipFile(io.BytesIO(base64.b64decode('UEsDBBQAAAAIAMJJdV0cV0xcEgAAALAEAAAFAAAAYS50eHRLzCnISFRIHCVHyVFylBz0JABQSwMEFAAAAAgAwkl1XSZMC7cYAQAAAAQAAAkAAABkaXIvYi5iaW5jYGRiZmFlY+fg5OLm4eXjFxAUEhYRFROXkJSSlpGVk1dQVFJWUVVT19DU0tbR1dM3MDQyNjE1M7ewtLK2sbWzd3B0cnZxdXP38PTy9vH18w8IDAoOCQ0Lj4iMio6JjYtPSExKTklNS8/IzMrOyc3LLygsKi4pLSuvqKyqrqmtq29obGpuaW1r7+js6u7p7eufMHHS5ClTp02fMXPW7Dlz581fsHDR4iVLly1fsXLV6jVr163fsHHT5i1bt23fsXPX7j179+0/cPDQ4SNHjx0/cfLU6TNnz52/cPHS5StXr12/cfPW7Tt3791/8PDR4ydPnz1/8fLV6zdv373/8PHT5y9fv33/8fPX7z9///1nGPX/qP9HsP8BUEsBAhQDFAAAAAgAwkl1XRxXTFwSAAAAsAQAAAUAAAAAAAAAAAAAAIABAAAAAGEudHh0UEsBAhQDFAAAAAgAwkl1XSZMC7cYAQAAAAQAAAkAAAAAAAAAAAAAAIABNQAAAGRpci9iLmJpblBLBQYAAAAAAgACAGoAAAB0AQAAAAA='))) as z:
        print(z.namelist(), z.read('a.txt')[:20], z.read('dir/b.bin') == bytes(range(256)) * 4, z.testzip())

    # tarfile
    tp = os.path.join(tmp, 'a.tar.gz')
    src = os.path.join(tmp, 'src')
    os.makedirs(os.path.join(src, 'sub'))
    with open(os.path.join(src, 'one.txt'), 'wb') as f:
        f.write(data)
    with open(os.path.join(src, 'sub', 'two.txt'), 'w') as f:
        f.write('two\n')
    with tarfile.open(tp, 'w:gz') as t:
        t.add(src, arcname='src')
    with tarfile.open(tp, 'r:gz') as t:
        print(sorted(t.getnames()))
        print(t.extractfile('src/one.txt').read() == data)
    with tarfile.open(tp) as t:
        print(t.extractfile('src/sub/two.txt').read())
    with tarfile.open(fileobj=open(tp, 'rb'), mode='r|gz') as t:
        print([m.name for m in t][:1])

    # shutil
    # (unpacking a tar as root calls os.chown, which gopyc's os lacks: the gztar archive is
    # read back with tarfile instead)
    arch = shutil.make_archive(os.path.join(tmp, 'arch'), 'gztar', src)
    with tarfile.open(arch) as t:
        print(os.path.basename(arch), sorted(t.getnames()), t.extractfile('./one.txt').read() == data)
    arch = shutil.make_archive(os.path.join(tmp, 'arch'), 'zip', src)
    out = os.path.join(tmp, 'out_zip')
    shutil.unpack_archive(arch, out)
    with open(os.path.join(out, 'one.txt'), 'rb') as f:
        print(os.path.basename(arch), f.read() == data, sorted(os.listdir(out)))
finally:
    shutil.rmtree(tmp)
