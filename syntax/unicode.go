package syntax

import (
	"sort"
	"unicode/utf8"
)

func inRanges(t [][2]int32, r rune) bool {
	i := sort.Search(len(t), func(i int) bool { return t[i][1] >= int32(r) })
	return i < len(t) && t[i][0] <= int32(r)
}

func isIDStart(r rune) bool {
	if r < 0x80 {
		return asciiID[r]&idStart != 0
	}
	return inRanges(idStartRanges[:], r)
}

func isIDContinue(r rune) bool {
	if r < 0x80 {
		return asciiID[r]&idContinue != 0
	}
	return inRanges(idContinueRanges[:], r)
}

const (
	idStart    = 1
	idContinue = 2
)

// asciiID classifies the ASCII identifier characters (the tokenizer's inner loop).
var asciiID = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		if c == '_' || c|0x20 >= 'a' && c|0x20 <= 'z' {
			t[c] = idStart | idContinue
		} else if c >= '0' && c <= '9' {
			t[c] = idContinue
		}
	}
	return t
}()

const (
	hangulSBase  = 0xAC00
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulLCount = 19
	hangulVCount = 21
	hangulTCount = 28
	hangulNCount = hangulVCount * hangulTCount
	hangulSCount = hangulLCount * hangulNCount
)

// nfkc returns the NFKC normal form of s (Unicode 14 data from Python 3.11), as Python does for
// non-ASCII identifiers.
func nfkc(s string) string {
	rs := make([]rune, 0, len(s))
	for _, r := range s {
		if d, ok := nfkdMap()[r]; ok {
			rs = append(rs, []rune(d)...)
		} else {
			rs = append(rs, r)
		}
	}
	// canonical ordering
	for i := 0; i < len(rs); {
		if cccTable()[rs[i]] == 0 {
			i++
			continue
		}
		j := i
		for j < len(rs) && cccTable()[rs[j]] != 0 {
			j++
		}
		seg := rs[i:j]
		sort.SliceStable(seg, func(a, b int) bool { return cccTable()[seg[a]] < cccTable()[seg[b]] })
		i = j
	}
	// canonical composition
	if len(rs) == 0 {
		return ""
	}
	out := rs[:1]
	starter := 0
	lastCCC := -1
	if cccTable()[rs[0]] != 0 {
		lastCCC = 256 // no starter
	}
	for _, r := range rs[1:] {
		c := int(cccTable()[r])
		st := out[starter]
		composed := false
		if lastCCC != 256 && (lastCCC < c || lastCCC == -1) {
			// Hangul
			if st >= hangulLBase && st < hangulLBase+hangulLCount && r >= hangulVBase && r < hangulVBase+hangulVCount && lastCCC == -1 {
				out[starter] = hangulSBase + ((st-hangulLBase)*hangulVCount+(r-hangulVBase))*hangulTCount
				composed = true
			} else if st >= hangulSBase && st < hangulSBase+hangulSCount && (st-hangulSBase)%hangulTCount == 0 && r > hangulTBase && r < hangulTBase+hangulTCount && lastCCC == -1 {
				out[starter] = st + (r - hangulTBase)
				composed = true
			} else if p, ok := composePairs()[[2]rune{st, r}]; ok {
				out[starter] = p
				composed = true
			}
		}
		if composed {
			continue
		}
		if c == 0 {
			starter = len(out)
			lastCCC = -1
		} else {
			lastCCC = c
		}
		out = append(out, r)
	}
	b := make([]byte, 0, len(s))
	for _, r := range out {
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
