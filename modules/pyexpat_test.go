package modules

import (
	"strings"
	"testing"
)

// xpRun parses doc in chunks of n bytes (the whole at once when n <= 0) and returns the
// events' kinds and the error code.
func xpRun(doc string, n int) ([]xpEvent, int, xpPos) {
	p := newXPParser("", "", false)
	var evs []xpEvent
	if n <= 0 {
		n = len(doc) + 1
	}
	for i := 0; i < len(doc); i += n {
		p.feed([]byte(doc[i:min(len(doc), i+n)]), false, false)
		evs = append(evs, p.events...)
		p.events = p.events[:0]
	}
	p.feed(nil, true, false)
	evs = append(evs, p.events...)
	return evs, p.errCode, p.errPos
}

func xpText(evs []xpEvent) string {
	var sb strings.Builder
	for _, e := range evs {
		if e.kind == xpEvData {
			sb.WriteString(e.args[0].(string))
		}
	}
	return sb.String()
}

func TestPyexpatChunks(t *testing.T) {
	doc := "<?xml version='1.0'?>\n<!DOCTYPE r [<!ENTITY e 'ent'>]><r a='1'>t\u00e9xt &amp; &e; &#65;<![CDATA[<c>]]><!--x--><?p d?></r>\n"
	whole, code, _ := xpRun(doc, 0)
	if code != 0 {
		t.Fatalf("error %d", code)
	}
	for n := 1; n < 8; n++ {
		evs, code, _ := xpRun(doc, n)
		if code != 0 || xpText(evs) != xpText(whole) {
			t.Errorf("chunks of %d: code %d, text %q, want %q", n, code, xpText(evs), xpText(whole))
		}
	}
}

func TestPyexpatErrors(t *testing.T) {
	cases := []struct {
		doc       string
		code, col int
	}{
		{"<a><b></a>", xpErrTagMismatch, 8},
		{"<a>&</a>", xpErrInvalidToken, 4},
		{"<a>&x;</a>", xpErrUndefEntity, 3},
		{"<a", xpErrUnclosedToken, 0},
		{"", xpErrNoElements, 0},
		{"<a/><b/>", xpErrJunkAfterDoc, 4},
		{"<a x='1' x='2'/>", xpErrDupAttribute, 9},
		{"<a>]]></a>", xpErrInvalidToken, 5},
		{"<a>&#0;</a>", xpErrBadCharRef, 3},
		{"<!DOCTYPE r [<!ENTITY e 'x&e;'>]><r>&e;</r>", xpErrRecursiveEnt, 36},
	}
	for _, c := range cases {
		_, code, pos := xpRun(c.doc, 0)
		if code != c.code || pos.col != c.col {
			t.Errorf("%q: code %d col %d, want %d col %d", c.doc, code, pos.col, c.code, c.col)
		}
	}
}

func TestPyexpatAmplification(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("<!DOCTYPE l [<!ENTITY l0 'lollollollol'>")
	for i := 1; i < 12; i++ {
		sb.WriteString("<!ENTITY l" + string(rune('a'+i)) + " '")
		prev := "l0"
		if i > 1 {
			prev = "l" + string(rune('a'+i-1))
		}
		for k := 0; k < 10; k++ {
			sb.WriteString("&" + prev + ";")
		}
		sb.WriteString("'>")
	}
	sb.WriteString("]><l>&l" + string(rune('a'+11)) + ";</l>")
	_, code, _ := xpRun(sb.String(), 0)
	if code != xpErrAmplification {
		t.Fatalf("code %d, want %d", code, xpErrAmplification)
	}
}

// FuzzPyexpat checks that arbitrary input, whole or in chunks, never panics or loops, and
// that chunking does not change the outcome of well-formed documents.
func FuzzPyexpat(f *testing.F) {
	for _, s := range []string{"<a x='1'>t&amp;<b/></a>", "<!DOCTYPE r [<!ENTITY e '<b>x</b>'><!ELEMENT r (a|b)*><!ATTLIST r x CDATA 'd'>]><r>&e;</r>",
		"<?xml version='1.0' encoding='latin-1'?><a>\xe9</a>", "<p:a xmlns:p='u'><![CDATA[x]]><!--c--><?t d?></p:a>", "\xff\xfe<\x00a\x00/\x00>\x00"} {
		f.Add([]byte(s), uint8(3))
	}
	f.Add([]byte("<?A 0"), uint8(0xc3))                  // an incomplete PI resumed at the end
	f.Add([]byte("<a><!--x\xc3\xa9-y--></a>"), uint8(0)) // a comment resumed in a UTF-8 sequence
	f.Fuzz(func(t *testing.T, data []byte, n uint8) {
		for _, ns := range []bool{false, true} {
			p := newXPParser("", ":", ns)
			p.feed(data, true, false)
			whole, wholeText := p.errCode, xpText(p.events)
			q := newXPParser("", ":", ns)
			step := int(n%16) + 1
			var evs []xpEvent
			for i := 0; i < len(data); i += step {
				q.feed(data[i:min(len(data), i+step)], false, false)
				evs = append(evs, q.events...)
				q.events = q.events[:0]
			}
			q.feed(nil, true, false)
			evs = append(evs, q.events...)
			if whole == 0 && (q.errCode != 0 || xpText(evs) != wholeText) {
				t.Fatalf("chunks of %d: code %d (whole 0), text %q vs %q", step, q.errCode, xpText(evs), wholeText)
			}
		}
	})
}

func BenchmarkPyexpatScan(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<root>")
	for i := 0; i < 20000; i++ {
		sb.WriteString("<item id='1234' k='v'>text 1234 &amp; more<sub/></item>\n")
	}
	sb.WriteString("</root>")
	doc := []byte(sb.String())
	b.SetBytes(int64(len(doc)))
	for i := 0; i < b.N; i++ {
		p := newXPParser("", "", false)
		p.feed(doc, true, false)
		if p.errCode != 0 {
			b.Fatal(p.errCode)
		}
	}
}

// xpKinds lists the events' kinds and first arguments, for comparisons.
func xpKinds(evs []xpEvent) []string {
	var out []string
	for _, e := range evs {
		s := xpHandlerByKind[e.kind]
		if len(e.args) > 0 {
			if v, ok := e.args[0].(string); ok {
				s += ":" + v
			}
		}
		out = append(out, s)
	}
	return out
}

func TestPyexpatEncodings(t *testing.T) {
	utf16le := []byte{0xff, 0xfe}
	for _, r := range "<a>\u00e9\U0001F600</a>" {
		if r > 0xffff {
			r -= 0x10000
			hi, lo := 0xd800+(r>>10), 0xdc00+(r&0x3ff)
			utf16le = append(utf16le, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	cases := []struct {
		name string
		doc  []byte
		want string
	}{
		{"utf-8", []byte("<a>\u00e9\U0001F600</a>"), "\u00e9\U0001F600"},
		{"latin-1 declared", []byte("<?xml version='1.0' encoding='ISO-8859-1'?><a>\xe9</a>"), "\u00e9"},
		{"utf-16 BOM", utf16le, "\u00e9\U0001F600"},
	}
	for _, c := range cases {
		for _, step := range []int{1, 2, 3, 1000} {
			p := newXPParser("", "", false)
			var evs []xpEvent
			for i := 0; i < len(c.doc); i += step {
				p.feed(c.doc[i:min(len(c.doc), i+step)], false, false)
				evs = append(evs, p.events...)
				p.events = p.events[:0]
			}
			p.feed(nil, true, false)
			evs = append(evs, p.events...)
			if p.errCode != 0 || xpText(evs) != c.want {
				t.Errorf("%s in chunks of %d: code %d, text %q, want %q", c.name, step, p.errCode, xpText(evs), c.want)
			}
		}
	}
	p := newXPParser("", "", false)
	p.feed([]byte("<?xml version='1.0' encoding='x-unknown'?><a/>"), true, false)
	if p.needEnc != "x-unknown" {
		t.Errorf("unknown encoding: needEnc %q", p.needEnc)
	}
}

func TestPyexpatNamespacesAndEntities(t *testing.T) {
	p := newXPParser("", "|", true)
	p.feed([]byte("<!DOCTYPE p:r [<!ENTITY e '<q:i/>t'>]><p:r xmlns:p='urn:p' xmlns:q='urn:q' p:a='1'>&e;</p:r>"), true, false)
	if p.errCode != 0 {
		t.Fatalf("error %d at %v", p.errCode, p.errPos)
	}
	got := strings.Join(xpKinds(p.events), " ")
	want := "StartDoctypeDeclHandler:p:r EntityDeclHandler:e EndDoctypeDeclHandler StartNamespaceDeclHandler StartNamespaceDeclHandler " +
		"StartElementHandler:urn:p|r StartElementHandler:urn:q|i EndElementHandler:urn:q|i CharacterDataHandler:t EndElementHandler:urn:p|r " +
		"EndNamespaceDeclHandler EndNamespaceDeclHandler"
	if got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
	for _, c := range []struct {
		doc  string
		code int
	}{
		{"<p:a/>", xpErrUnboundPrefix},
		{"<a xmlns:p=''/>", xpErrUndeclPrefix},
		{"<a p:x='1' xmlns:p='u' p:x='2'/>", xpErrDupAttribute},
		{"<!DOCTYPE a [<!ENTITY e '<b>'>]><a>&e;</a>", xpErrAsyncEntity},
	} {
		p := newXPParser("", "|", true)
		p.feed([]byte(c.doc), true, false)
		if p.errCode != c.code {
			t.Errorf("%q: code %d, want %d", c.doc, p.errCode, c.code)
		}
	}
}
