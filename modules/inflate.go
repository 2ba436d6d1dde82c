package modules

import (
	"encoding/binary"
	"hash/crc32"
)

// inflater is a resumable decoder of deflate streams (RFC 1951) with an optional zlib
// (RFC 1950) or gzip (RFC 1952) wrapper, for zlib.decompress and zlib.decompressobj. Input
// arrives in chunks of any size: each item of the format (a header, a block header with its
// code tables, a Huffman symbol with its extra bits) is decoded from the buffered input as a
// whole or, when the input runs short, not at all, and decoding resumes from the start of
// that item with the next chunk. Output can be limited per call (max_length); a match that
// does not fit is finished on the next call.
type inflater struct {
	wrap  int // wrapRaw, wrapZlib, wrapGzip or wrapAuto
	wbits int // window bits asked for (0: take the zlib header's)
	mode  int

	in      []byte // the input being decoded: pend then the caller's chunk
	bitpos  int    // position in in, in bits
	pend    []byte // input kept from earlier calls (consumed as far as the caller knows)
	pendBit int    // bit offset into pend[0]

	final      bool
	storedLeft int
	lit, dist  *huffTable
	dyn        [2]huffTable
	copyLen    int
	lit1       byte // a literal decoded when the output was full
	copyDist   int

	hist  []byte // the last (up to) 32 KiB of output before this call
	total int64  // bytes of history ever available (dictionary included)
	out   []byte // this call's output
	limit int    // output limit of this call (-1: none)

	check   uint32 // running Adler-32 (zlib) or CRC-32 (gzip) of the output
	checked int    // bytes of out already in check
	size    uint32 // output length mod 2^32 (gzip)
	gzip    bool   // the wrapper turned out to be gzip
	dict    []byte // zdict of decompressobj (zlib wrapper: given when the stream asks)
}

const (
	wrapRaw = iota
	wrapZlib
	wrapGzip
	wrapAuto
)

const (
	stHeader = iota
	stBlock
	stStored
	stCodes
	stLit
	stCopy
	stTrailer
	stDone
)

const windowSize = 1 << 15

// inflateError is a failure of decoding: code is zlib's (-3 for bad data, 2 for a stream
// that needs a dictionary), msg its message.
type inflateError struct {
	code int
	msg  string
}

func (e *inflateError) Error() string { return e.msg }

func dataError(msg string) error { return &inflateError{-3, msg} }

// errShort is returned by the item decoders when the input ends inside the item.
var errShort = &inflateError{-5, "short"}

func newInflater(wrap, wbits int, dict []byte) *inflater {
	z := &inflater{wrap: wrap, wbits: wbits}
	if wrap == wrapRaw {
		z.mode = stBlock
		if dict != nil {
			z.addHistory(dict)
		}
	} else {
		z.dict = dict
	}
	if wrap == wrapZlib {
		z.check = 1
	}
	return z
}

// addHistory appends b to the window.
func (z *inflater) addHistory(b []byte) {
	z.total += int64(len(b))
	if len(b) >= windowSize {
		z.hist = append(z.hist[:0], b[len(b)-windowSize:]...)
		return
	}
	if len(z.hist)+len(b) > 2*windowSize {
		n := copy(z.hist, z.hist[len(z.hist)-windowSize:])
		z.hist = z.hist[:n]
	}
	z.hist = append(z.hist, b...)
}

// copyState returns an independent copy of z (decompressobj.copy).
func (z *inflater) copyState() *inflater {
	c := *z
	c.pend = append([]byte(nil), z.pend...)
	c.hist = append([]byte(nil), z.hist...)
	c.in, c.out = nil, nil
	if z.lit == &z.dyn[0] {
		c.lit = &c.dyn[0]
	}
	if z.dist == &z.dyn[1] {
		c.dist = &c.dyn[1]
	}
	return &c
}

// eof reports whether the end of the stream has been decoded.
func (z *inflater) eof() bool { return z.mode == stDone }

// inflate decodes data after the input kept from earlier calls, producing at most limit
// bytes (limit < 0: no limit). It returns the output, the number of bytes of data consumed
// (the rest is the caller's unconsumed tail, or after the end of the stream its unused data)
// and an error for bad data. Input that ends inside an item is kept for the next call and
// counts as consumed.
func (z *inflater) inflate(data []byte, limit int) (out []byte, used int, err error) {
	oldLen := len(z.pend)
	if oldLen == 0 {
		z.in = data
	} else {
		z.in = append(z.pend, data...)
	}
	z.bitpos = z.pendBit
	z.out = nil
	z.limit = limit
	z.checked = 0
	err = z.run()
	out = z.out
	z.finishOutput()
	if err != nil && err != errShort {
		z.in = nil
		return nil, len(data), err
	}
	p := z.bitpos >> 3
	if z.mode == stDone {
		z.pend, z.pendBit = nil, 0
		if p < oldLen {
			// the stream ended inside the kept input: the rest of it is unused data too,
			// which the caller cannot see; report it through used < 0 offsets.
			z.pend = append([]byte(nil), z.in[p:oldLen]...)
			used = 0
		} else {
			used = p - oldLen
		}
		z.in = nil
		return out, used, nil
	}
	if err == errShort {
		// out of input: keep the rest from the start of the unfinished item
		z.pend = append([]byte(nil), z.in[p:]...)
		z.pendBit = z.bitpos & 7
		z.in = nil
		return out, len(data), nil
	}
	// stopped by the output limit
	k := p
	if z.bitpos&7 != 0 {
		k = p + 1
	}
	if k < oldLen {
		k = oldLen
	}
	z.pend = append([]byte(nil), z.in[p:k]...)
	z.pendBit = z.bitpos & 7
	used = k - oldLen
	z.in = nil
	return out, used, nil
}

// leftover returns the bytes of kept input after the end of the stream (when the stream ends
// inside input that an earlier call reported as consumed) and forgets them.
func (z *inflater) leftover() []byte {
	if z.mode != stDone {
		return nil
	}
	b := z.pend
	z.pend = nil
	return b
}

// finishOutput folds this call's output into the check value and the window.
func (z *inflater) finishOutput() {
	z.updateCheck()
	z.addHistory(z.out)
}

func (z *inflater) updateCheck() {
	b := z.out[z.checked:]
	z.checked = len(z.out)
	if len(b) == 0 {
		return
	}
	z.size += uint32(len(b))
	switch {
	case z.gzip:
		z.check = crc32.Update(z.check, crc32.IEEETable, b)
	case z.wrap != wrapRaw:
		z.check = adler32Update(z.check, b)
	}
}

// adler32Update continues an Adler-32 checksum.
func adler32Update(adler uint32, b []byte) uint32 {
	const mod = 65521
	s1, s2 := adler&0xffff, adler>>16
	for len(b) > 0 {
		n := len(b)
		if n > 5552 {
			n = 5552
		}
		for _, c := range b[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		b = b[n:]
	}
	return s2<<16 | s1
}

func (z *inflater) availBits() int { return len(z.in)*8 - z.bitpos }

// peek returns at least 25 bits from the bit position on (zero past the end of the input).
func (z *inflater) peek() uint32 {
	i := z.bitpos >> 3
	var v uint32
	if i+4 <= len(z.in) {
		v = binary.LittleEndian.Uint32(z.in[i:])
	} else {
		for j := 0; i+j < len(z.in); j++ {
			v |= uint32(z.in[i+j]) << (8 * j)
		}
	}
	return v >> (z.bitpos & 7)
}

// bits reads n (<= 24) bits, or reports a short input without moving.
func (z *inflater) bits(n int) (uint32, bool) {
	if z.availBits() < n {
		return 0, false
	}
	v := z.peek() & (1<<n - 1)
	z.bitpos += n
	return v, true
}

func (z *inflater) alignByte() { z.bitpos = (z.bitpos + 7) &^ 7 }

// room is how many more bytes this call may output.
func (z *inflater) room() int {
	if z.limit < 0 {
		return 1 << 62
	}
	return z.limit - len(z.out)
}

func (z *inflater) run() error {
	for {
		switch z.mode {
		case stHeader:
			if err := z.header(); err != nil {
				return err
			}
		case stBlock:
			if err := z.blockHeader(); err != nil {
				return err
			}
		case stStored:
			if z.storedLeft == 0 {
				z.endBlock()
				continue
			}
			n := len(z.in) - z.bitpos>>3
			if n == 0 {
				return errShort
			}
			if n > z.storedLeft {
				n = z.storedLeft
			}
			if r := z.room(); n > r {
				n = r
			}
			if n == 0 {
				return nil
			}
			i := z.bitpos >> 3
			z.out = append(z.out, z.in[i:i+n]...)
			z.bitpos += 8 * n
			z.storedLeft -= n
		case stCodes:
			if err := z.codes(); err != nil {
				return err
			}
			if z.mode == stCodes {
				return nil // output limit
			}
		case stLit:
			if z.room() <= 0 {
				return nil
			}
			z.out = append(z.out, z.lit1)
			z.mode = stCodes
		case stCopy:
			if !z.copyMatch() {
				return nil
			}
			z.mode = stCodes
		case stTrailer:
			if err := z.trailer(); err != nil {
				return err
			}
		case stDone:
			return nil
		}
	}
}

func (z *inflater) endBlock() {
	if z.final {
		z.mode = stTrailer
	} else {
		z.mode = stBlock
	}
}

// header decodes the zlib or gzip header.
func (z *inflater) header() error {
	start := z.bitpos
	if z.availBits() < 16 {
		return errShort
	}
	i := z.bitpos >> 3
	b0, b1 := z.in[i], z.in[i+1]
	if (z.wrap == wrapGzip || z.wrap == wrapAuto) && b0 == 0x1f && b1 == 0x8b {
		err := z.gzipHeader()
		if err == errShort {
			z.bitpos = start
		}
		return err
	}
	if z.wrap == wrapGzip {
		return dataError("incorrect header check")
	}
	if (uint(b0)<<8|uint(b1))%31 != 0 {
		return dataError("incorrect header check")
	}
	if b0&15 != 8 {
		return dataError("unknown compression method")
	}
	wb := int(b0>>4) + 8
	if z.wbits == 0 {
		z.wbits = wb
	}
	if wb > 15 || wb > z.wbits {
		return dataError("invalid window size")
	}
	z.bitpos += 16
	z.check = 1
	if b1&0x20 != 0 {
		if z.availBits() < 32 {
			z.bitpos = start
			return errShort
		}
		j := z.bitpos >> 3
		id := binary.BigEndian.Uint32(z.in[j:])
		if z.dict == nil {
			z.bitpos = start
			return &inflateError{2, ""}
		}
		if adler32Update(1, z.dict) != id {
			return &inflateError{-3, "zdict"}
		}
		z.bitpos += 32
		z.addHistory(z.dict)
	}
	z.mode = stBlock
	return nil
}

func (z *inflater) gzipHeader() error {
	i := z.bitpos >> 3
	in := z.in
	if len(in)-i >= 3 && in[i+2] != 8 {
		return dataError("unknown compression method")
	}
	if len(in)-i >= 4 && in[i+3]&0xe0 != 0 {
		return dataError("unknown header flags set")
	}
	if len(in)-i < 10 {
		return errShort
	}
	flg := in[i+3]
	j := i + 10
	if flg&4 != 0 {
		if len(in)-j < 2 {
			return errShort
		}
		n := int(binary.LittleEndian.Uint16(in[j:]))
		j += 2
		if len(in)-j < n {
			return errShort
		}
		j += n
	}
	for _, bit := range []byte{8, 16} {
		if flg&bit != 0 {
			for {
				if j >= len(in) {
					return errShort
				}
				j++
				if in[j-1] == 0 {
					break
				}
			}
		}
	}
	if flg&2 != 0 {
		if len(in)-j < 2 {
			return errShort
		}
		if uint32(binary.LittleEndian.Uint16(in[j:])) != crc32.ChecksumIEEE(in[i:j])&0xffff {
			return dataError("header crc mismatch")
		}
		j += 2
	}
	z.bitpos = j * 8
	z.gzip = true
	z.check = 0
	z.mode = stBlock
	return nil
}

func (z *inflater) trailer() error {
	z.alignByte()
	z.updateCheck()
	i := z.bitpos >> 3
	switch {
	case z.gzip:
		if len(z.in)-i < 4 {
			return errShort
		}
		if binary.LittleEndian.Uint32(z.in[i:]) != z.check {
			return dataError("incorrect data check")
		}
		if len(z.in)-i < 8 {
			return errShort
		}
		if binary.LittleEndian.Uint32(z.in[i+4:]) != z.size {
			return dataError("incorrect length check")
		}
		z.bitpos += 64
	case z.wrap != wrapRaw:
		if len(z.in)-i < 4 {
			return errShort
		}
		if binary.BigEndian.Uint32(z.in[i:]) != z.check {
			return dataError("incorrect data check")
		}
		z.bitpos += 32
	}
	z.mode = stDone
	return nil
}

// blockHeader decodes a block's header, for a dynamic block with its code tables.
func (z *inflater) blockHeader() error {
	start := z.bitpos
	h, ok := z.bits(3)
	if !ok {
		return errShort
	}
	final := h&1 != 0
	switch h >> 1 {
	case 0:
		z.alignByte()
		if z.availBits() < 32 {
			z.bitpos = start
			return errShort
		}
		i := z.bitpos >> 3
		n := binary.LittleEndian.Uint16(z.in[i:])
		if binary.LittleEndian.Uint16(z.in[i+2:]) != ^n {
			return dataError("invalid stored block lengths")
		}
		z.bitpos += 32
		z.storedLeft = int(n)
		z.mode = stStored
	case 1:
		z.lit, z.dist = fixedLit, fixedDist
		z.mode = stCodes
	case 2:
		if err := z.dynamicTables(); err != nil {
			if err == errShort {
				z.bitpos = start
			}
			return err
		}
		z.mode = stCodes
	default:
		return dataError("invalid block type")
	}
	z.final = final
	return nil
}

var codeOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

func (z *inflater) dynamicTables() error {
	h, ok := z.bits(14)
	if !ok {
		return errShort
	}
	nlen := int(h&31) + 257
	ndist := int(h>>5&31) + 1
	ncode := int(h>>10) + 4
	if nlen > 286 || ndist > 30 {
		return dataError("too many length or distance symbols")
	}
	var lens [320]uint8
	for i := 0; i < ncode; i++ {
		v, ok := z.bits(3)
		if !ok {
			return errShort
		}
		lens[codeOrder[i]] = uint8(v)
	}
	var cl huffTable
	if !cl.build(lens[:19], true) {
		return dataError("invalid code lengths set")
	}
	for i := range lens[:19] {
		lens[i] = 0
	}
	for i := 0; i < nlen+ndist; {
		sym, err := z.decode(&cl)
		if err != nil {
			if err == errShort {
				return err
			}
			return dataError("invalid code lengths set")
		}
		if sym < 16 {
			lens[i] = uint8(sym)
			i++
			continue
		}
		var rep int
		var val uint8
		switch sym {
		case 16:
			if i == 0 {
				return dataError("invalid bit length repeat")
			}
			v, ok := z.bits(2)
			if !ok {
				return errShort
			}
			val, rep = lens[i-1], 3+int(v)
		case 17:
			v, ok := z.bits(3)
			if !ok {
				return errShort
			}
			rep = 3 + int(v)
		default:
			v, ok := z.bits(7)
			if !ok {
				return errShort
			}
			rep = 11 + int(v)
		}
		if i+rep > nlen+ndist {
			return dataError("invalid bit length repeat")
		}
		for ; rep > 0; rep-- {
			lens[i] = val
			i++
		}
	}
	if lens[256] == 0 {
		return dataError("invalid code -- missing end-of-block")
	}
	if !z.dyn[0].build(lens[:nlen], false) {
		return dataError("invalid literal/lengths set")
	}
	if !z.dyn[1].build(lens[nlen:nlen+ndist], false) {
		return dataError("invalid distances set")
	}
	z.lit, z.dist = &z.dyn[0], &z.dyn[1]
	return nil
}

var lenBase = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
var lenExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
var distBase = [30]uint32{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
var distExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}

// codes decodes literals and matches until the end of the block, the output limit (mode
// stays stCodes or becomes stCopy) or the end of the input.
func (z *inflater) codes() error {
	for {
		// With the output full, the next symbol is still decoded (and its input consumed),
		// as zlib does: a literal waits in stLit, a match in stCopy.
		full := z.room() <= 0
		start := z.bitpos
		sym, err := z.decode(z.lit)
		if err != nil {
			if err == errShort {
				return err
			}
			return dataError("invalid literal/length code")
		}
		if sym < 256 {
			if full {
				z.lit1 = byte(sym)
				z.mode = stLit
				return nil
			}
			z.out = append(z.out, byte(sym))
			continue
		}
		if sym == 256 {
			z.endBlock()
			return nil
		}
		sym -= 257
		if sym >= 29 {
			return dataError("invalid literal/length code")
		}
		length := int(lenBase[sym])
		if n := int(lenExtra[sym]); n > 0 {
			v, ok := z.bits(n)
			if !ok {
				z.bitpos = start
				return errShort
			}
			length += int(v)
		}
		dsym, err := z.decode(z.dist)
		if err != nil {
			if err == errShort {
				z.bitpos = start
				return err
			}
			return dataError("invalid distance code")
		}
		if dsym >= 30 {
			return dataError("invalid distance code")
		}
		dist := int(distBase[dsym])
		if n := int(distExtra[dsym]); n > 0 {
			v, ok := z.bits(n)
			if !ok {
				z.bitpos = start
				return errShort
			}
			dist += int(v)
		}
		have := z.total + int64(len(z.out))
		if have > windowSize {
			have = windowSize
		}
		if int64(dist) > have {
			return dataError("invalid distance too far back")
		}
		z.copyLen, z.copyDist = length, dist
		if !z.copyMatch() {
			z.mode = stCopy
			return nil
		}
	}
}

// copyMatch copies the pending match as far as the output limit allows, reporting whether
// it is complete.
func (z *inflater) copyMatch() bool {
	n := z.copyLen
	if r := z.room(); n > r {
		n = r
	}
	d := z.copyDist
	for n > 0 {
		if d <= len(z.out) {
			// from this call's output (overlapping copies repeat the pattern)
			s := len(z.out) - d
			k := n
			if k > d {
				k = d
			}
			z.out = append(z.out, z.out[s:s+k]...)
			n -= k
			z.copyLen -= k
			continue
		}
		back := d - len(z.out) // bytes back into the history
		s := len(z.hist) - back
		k := n
		if k > back {
			k = back
		}
		z.out = append(z.out, z.hist[s:s+k]...)
		n -= k
		z.copyLen -= k
	}
	return z.copyLen == 0
}

// huffTable decodes one canonical Huffman code: codes up to fastBits long through a lookup
// table, longer ones bit by bit over the counts per length.
type huffTable struct {
	fast    [1 << fastBits]uint16 // symbol<<4 | length; 0: not a short code
	count   [16]uint16
	symbols [288]uint16
	empty   bool // no codes at all
	zero    bool // empty code length code: every read gives symbol 0 from one bit (as zlib)
	maxLen  int
}

const fastBits = 9

// build makes the table for the code lengths; it reports false for an over-subscribed set,
// or an incomplete one (allowed only for a single code of length 1, except for the code
// length code).
func (h *huffTable) build(lens []uint8, codeLengths bool) bool {
	*h = huffTable{}
	for _, l := range lens {
		h.count[l]++
	}
	h.count[0] = 0
	max := 0
	for l := 15; l > 0; l-- {
		if h.count[l] != 0 {
			max = l
			break
		}
	}
	h.maxLen = max
	if max == 0 {
		h.empty = true
		h.zero = codeLengths
		return true
	}
	left := 1
	for l := 1; l <= 15; l++ {
		left <<= 1
		left -= int(h.count[l])
		if left < 0 {
			return false
		}
	}
	if left > 0 && (codeLengths || max != 1) {
		return false
	}
	var offs [16]int
	for l := 1; l < 15; l++ {
		offs[l+1] = offs[l] + int(h.count[l])
	}
	for s, l := range lens {
		if l != 0 {
			h.symbols[offs[l]] = uint16(s)
			offs[l]++
		}
	}
	// fill the fast table: canonical codes in order of length, then symbol
	code, idx := 0, 0
	for l := 1; l <= fastBits; l++ {
		for k := 0; k < int(h.count[l]); k++ {
			sym := h.symbols[idx]
			idx++
			rev := 0
			for b := 0; b < l; b++ {
				if code&(1<<b) != 0 {
					rev |= 1 << (l - 1 - b)
				}
			}
			for r := rev; r < 1<<fastBits; r += 1 << l {
				h.fast[r] = sym<<4 | uint16(l)
			}
			code++
		}
		code <<= 1
	}
	return true
}

var errBadCode = &inflateError{-3, "bad code"}

// decode reads one symbol.
func (z *inflater) decode(h *huffTable) (int, error) {
	if h.empty {
		if z.availBits() < 1 {
			return 0, errShort
		}
		if h.zero {
			z.bitpos++
			return 0, nil
		}
		return 0, errBadCode
	}
	avail := z.availBits()
	v := z.peek()
	if e := h.fast[v&(1<<fastBits-1)]; e != 0 {
		l := int(e & 15)
		if l > avail {
			return 0, errShort
		}
		z.bitpos += l
		return int(e >> 4), nil
	}
	code, first, index := 0, 0, 0
	for l := 1; l <= h.maxLen; l++ {
		if l > avail {
			return 0, errShort
		}
		code |= int(v>>(l-1)) & 1
		count := int(h.count[l])
		if code-first < count {
			z.bitpos += l
			return int(h.symbols[index+code-first]), nil
		}
		index += count
		first += count
		first <<= 1
		code <<= 1
	}
	return 0, errBadCode
}

var fixedLit, fixedDist = func() (*huffTable, *huffTable) {
	var l [288]uint8
	for i := range l {
		switch {
		case i < 144:
			l[i] = 8
		case i < 256:
			l[i] = 9
		case i < 280:
			l[i] = 7
		default:
			l[i] = 8
		}
	}
	var d [30]uint8
	for i := range d {
		d[i] = 5
	}
	lt, dt := new(huffTable), new(huffTable)
	lt.build(l[:], false)
	// the fixed distance code has 32 codes of 5 bits; 30 and 31 decode as invalid
	var d32 [32]uint8
	copy(d32[:], d[:])
	d32[30], d32[31] = 5, 5
	dt.build(d32[:], false)
	return lt, dt
}()
