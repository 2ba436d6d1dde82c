import pyexpat
from xml.parsers import expat

print(pyexpat.EXPAT_VERSION, pyexpat.version_info, pyexpat.native_encoding)
print(expat.errors.XML_ERROR_SYNTAX, expat.errors.codes['mismatched tag'], expat.errors.messages[4])
print(expat.model.XML_CTYPE_MIXED, expat.model.XML_CQUANT_PLUS, expat.ErrorString(9))
print(type(expat.ParserCreate()).__name__, expat.ExpatError is expat.error)

NAMES = ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler',
         'ProcessingInstructionHandler', 'CommentHandler', 'StartNamespaceDeclHandler',
         'EndNamespaceDeclHandler', 'XmlDeclHandler', 'StartDoctypeDeclHandler',
         'EndDoctypeDeclHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
         'EntityDeclHandler', 'NotationDeclHandler', 'UnparsedEntityDeclHandler',
         'SkippedEntityHandler', 'ElementDeclHandler', 'AttlistDeclHandler',
         'ExternalEntityRefHandler']


def make(**kw):
    p = expat.ParserCreate(**kw)
    for n in NAMES:
        def h(*a, n=n):
            print('  %s %r @%d:%d' % (n[:-7], a, p.CurrentLineNumber, p.CurrentColumnNumber))
            return 1
        setattr(p, n, h)
    return p


def run(doc, chunks=None, **kw):
    print(repr(doc)[:70])
    p = make(**kw)
    try:
        if chunks:
            for i in range(0, len(doc), chunks):
                p.Parse(doc[i:i + chunks], False)
            p.Parse(b'' if isinstance(doc, bytes) else '', True)
        else:
            p.Parse(doc, True)
    except expat.ExpatError as e:
        print('  error:', e, e.code, e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber)


run("<?xml version='1.0' encoding='utf-8'?>\n<root a='1' b=\"two\">text &amp; more<child/>\n"
    "<!-- note --><?target some data?><![CDATA[<raw>]]>&#65;&#x42;</root>")
run("<a>x\ny&lt;z\r\nq<b/>\u00e9\u00e9<c/></a>")
run("<r><a>hello</a><b k='v'>wor\nld</b></r>", chunks=3)
run(b"<r><a>h\xc3\xa9llo</a><b k='v'>world</b></r>", chunks=1)
run("<x:a xmlns:x='urn:x' xmlns='urn:d' y='1' x:z='2'><b/><x:c/></x:a>", namespace_separator='|')
run("<a xmlns='urn:d'><b xmlns=''/></a>", namespace_separator=' ')
run("<!DOCTYPE r [<!ENTITY e 'E<b>bold</b>'><!ENTITY u SYSTEM 'u.bin' NDATA n>"
    "<!NOTATION n PUBLIC 'pn'><!ELEMENT r (#PCDATA|b)*><!ELEMENT b EMPTY>"
    "<!ELEMENT c (a,(b|d)+,e?)><!ATTLIST r x CDATA 'dflt' y (p|q) #IMPLIED>]>"
    "<r>&e;</r>")
run("<!DOCTYPE r [<!ENTITY x SYSTEM 'x.xml'>]><r>&x;</r>")
run(b"<?xml version='1.0' encoding='iso-8859-1'?><a>\xe9</a>")
run("<a>\u00e9t\u00e9</a>".encode('utf-16'))

ERRORS = ["<a><b></a>", "<a>&</a>", "<a>&x;</a>", "<a", "", "<a/><b/>", "<a>\u00e9\u00e9<</a>",
          "<a x='1' x='2'/>", "<a>\n  <b c=1/></a>", "<a>]]></a>", "<a><!-- a -- b --></a>",
          "<a>&#0;</a>", "<a>&#xD800;</a>", "<1a/>", "<a:b/>", " <?xml version='1.0'?><a/>",
          "<a>text", "<a></b>", "<a b='<'/>", "<a/>x", "<a><b>", "<a><!--c", "<a>&am",
          "<!DOCTYPE a><!DOCTYPE b><a/>", "<a>\x01</a>", "<a b='1'c='2'/>", "<a/>\n<?xml?>",
          "<!DOCTYPE r [<!ENTITY e 'x&e;'>]><r>&e;</r>", "<a><![CDATA[x</a>",
          "\n\n  <a>\n<b>\n</c>"]
for doc in ERRORS:
    p = expat.ParserCreate(namespace_separator=' ' if ':' in doc else None)
    try:
        p.Parse(doc, True)
        print(repr(doc), 'ok')
    except expat.ExpatError as e:
        print(repr(doc), '->', e, (e.code, e.lineno, e.offset))

# chunked errors
p = expat.ParserCreate()
p.Parse("<a><b>", False)
try:
    p.Parse("</c>", False)
except expat.ExpatError as e:
    print('chunked:', e)

# billion laughs is refused
lol = "<!DOCTYPE l [<!ENTITY l0 'lol'>" + "".join(
    "<!ENTITY l%d '%s'>" % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10)) + "]><l>&l9;</l>"
p = expat.ParserCreate()
n = [0]
p.CharacterDataHandler = lambda d: n.__setitem__(0, n[0] + len(d))
try:
    p.Parse(lol, True)
except expat.ExpatError as e:
    print('laughs:', e.code, expat.ErrorString(e.code))

# buffer_text, ordered and specified attributes
p = expat.ParserCreate()
p.buffer_text = True
p.ordered_attributes = True
p.specified_attributes = True
out = []
p.StartElementHandler = lambda n, a: out.append((n, a))
p.CharacterDataHandler = out.append
p.Parse("<!DOCTYPE a [<!ATTLIST a d CDATA 'def'>]><a z='1' y='2'>one\ntwo&amp;three</a>", True)
print(out, p.buffer_text, p.buffer_size, p.ordered_attributes)
p = expat.ParserCreate()
out = []
p.StartElementHandler = lambda n, a: out.append((n, a))
p.Parse("<!DOCTYPE a [<!ATTLIST a d CDATA 'def'>]><a z='1'/>", True)
print(out)

# namespace_prefixes
p = expat.ParserCreate(namespace_separator='!')
p.namespace_prefixes = True
p.StartElementHandler = lambda n, a: print('prefixed', n, a)
p.Parse("<p:a xmlns:p='urn:p' p:x='1'/>", True)

# default handler sees markup without a handler
p = expat.ParserCreate()
p.DefaultHandler = lambda d: print('default', repr(d))
p.StartElementHandler = lambda n, a: print('start', n)
p.Parse("<?xml version='1.0'?>\n<a><!--c--><?p d?>t</a>\n", True)

# ParseFile and positions after parsing
import io
p = expat.ParserCreate()
p.ParseFile(io.BytesIO(b"<a>\n<b/>\n</a>"))
print('after', p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
try:
    p.Parse("<a/>", True)
except expat.ExpatError as e:
    print('again:', e)
try:
    expat.ParserCreate(namespace_separator='ab')
except ValueError as e:
    print(e)

# handler exceptions propagate
p = expat.ParserCreate()
def boom(name, attrs):
    raise KeyError(name)
p.StartElementHandler = boom
try:
    p.Parse("<x/>", True)
except KeyError as e:
    print('raised', e)
