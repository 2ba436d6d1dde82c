# Differential check of pyexpat's well-formedness checking: mutated documents (a fixed
# random seed) parsed whole and in 3-byte chunks, every handler call and error printed with
# its position.
import random
from xml.parsers import expat

SEEDS = [
    "<?xml version='1.0' encoding='utf-8'?>\n<root a='1' b=\"two\">text &amp; more<child/>\n"
    "<!-- note --><?target some data?><![CDATA[<raw>]]>&#65;&#x42;</root>",
    "<!DOCTYPE r [<!ENTITY e 'E<b>bold</b>'><!ELEMENT r (#PCDATA|b)*>"
    "<!ATTLIST r x CDATA 'd' y NMTOKENS #IMPLIED>]><r y=' a  b '>&e;x</r>",
    "<x:a xmlns:x='urn:x' xmlns='urn:d' y='1' x:z='2'><b/><x:c>t</x:c></x:a>",
    "<a>\n  <b c='1'>d</b>\r\n  <e/>\n</a>\n",
    "<a b='&lt;&#10;'>]]&gt;<![CDATA[]]]]></a>",
    "<!DOCTYPE d [<!ENTITY a 'A&b;'><!ENTITY b '<i x=\"1\">B</i>'><!ENTITY c '&#60;tag/&#62;'>"
    "<!ATTLIST d k CDATA 'v' n NMTOKEN #IMPLIED><!ATTLIST i y CDATA #FIXED 'f'>]>"
    "<d n=' t '>x&a;y&c;z<i/>&amp;&lt;&#x263A;</d>",
    "<p:r xmlns:p='urn:p' xmlns:q='urn:q' p:a='1' q:a='2' a='3'><q:s xmlns='urn:d'><t/></q:s>"
    "<p:u xmlns:p='urn:p2'/></p:r>",
    "<?xml version='1.0' standalone='yes'?><!-- c1 --><?pi one?><r><![CDATA[a]]b]]]><!--c2-->"
    "<?pi2?>\r\n\r\t</r><!--after--><?end?>\n",
    "<r a='&#x9;&#xA;&#xD; x\ty\nz'>\u00e9\u4e2d\U0001F600<e/>&#128512;</r>",
    "<!DOCTYPE r SYSTEM 'r.dtd' [<!ENTITY x SYSTEM 'x.xml'><!ENTITY u SYSTEM 'u.gif' NDATA gif>"
    "<!NOTATION gif SYSTEM 'gif'>]><r>&x;&undef;</r>",
]
PIECES = ['<', '>', '&', ';', '/', '"', "'", '=', ' ', '\n', '\r', ']', '[', '!', '?', '-',
          '#', 'x', ':', 'a', '\u00e9', '\x00', 'CDATA', '<!--', '-->', '&amp;', '&e;', '&#',
          '</a>', '<a>', '&a;', '&c;', '&x;', '&u;', '<i/>', '<![CDATA[', ']]>', 'p:', '&#0;',
          '&#x110000;', '%', 'xmlns:p="urn:z"']
HANDLERS = ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler',
            'ProcessingInstructionHandler', 'CommentHandler', 'StartNamespaceDeclHandler',
            'EndNamespaceDeclHandler', 'XmlDeclHandler', 'StartDoctypeDeclHandler',
            'EndDoctypeDeclHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
            'EntityDeclHandler', 'SkippedEntityHandler', 'AttlistDeclHandler',
            'ElementDeclHandler', 'NotationDeclHandler', 'DefaultHandler']


def mutate(rnd):
    d = rnd.choice(SEEDS)
    for _ in range(rnd.randint(0, 3)):
        k = rnd.randrange(len(d) + 1)
        op = rnd.random()
        if op < 0.45:
            d = d[:k] + rnd.choice(PIECES) + d[k:]
        elif op < 0.8:
            d = d[:k] + d[k + rnd.randint(1, 3):]
        else:
            d = d[:k] + rnd.choice(PIECES) + d[k + 1:]
    return d


def parse(doc, chunk):
    out = []
    p = expat.ParserCreate(namespace_separator='|' if 'xmlns' in doc else None)
    for name in HANDLERS:
        def handler(*args, name=name):
            out.append('%s%r@%d:%d' % (name[:-7], args, p.CurrentLineNumber, p.CurrentColumnNumber))
        setattr(p, name, handler)
    p.buffer_text = chunk > 0
    try:
        if chunk:
            data = doc.encode('utf-8', 'surrogatepass')
            for k in range(0, len(data), chunk):
                p.Parse(data[k:k + chunk], False)
            p.Parse(b'', True)
        else:
            p.Parse(doc, True)
        out.append('ok')
    except expat.ExpatError as e:
        out.append('error %s (%d)' % (e, e.code))
    return out


rnd = random.Random(20261121)
for i in range(400):
    doc = mutate(rnd)
    print(i, repr(doc))
    for chunk in (0, 3):
        print('  %d:' % chunk, ' | '.join(parse(doc, chunk)))
