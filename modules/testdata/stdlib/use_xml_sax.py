import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.saxutils import XMLGenerator, escape, quoteattr


class Printer(ContentHandler):
    def startDocument(self):
        print('startDocument')

    def endDocument(self):
        print('endDocument')

    def startElement(self, name, attrs):
        print('start', name, dict(attrs.items()))

    def endElement(self, name):
        print('end', name)

    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, dict(attrs.items()))

    def endElementNS(self, name, qname):
        print('endNS', name, qname)

    def startPrefixMapping(self, prefix, uri):
        print('prefix', prefix, uri)

    def endPrefixMapping(self, prefix):
        print('endprefix', prefix)

    def characters(self, content):
        print('chars', repr(content))

    def processingInstruction(self, target, data):
        print('pi', target, data)


doc = b'<?xml version="1.0"?><doc a="1"><p>Hello &amp; <b>bold</b></p>\n<?t d?></doc>'
xml.sax.parseString(doc, Printer())
p = xml.sax.make_parser()
p.setFeature(feature_namespaces, True)
p.setContentHandler(Printer())
p.parse(io.BytesIO(b'<r xmlns="urn:r" xmlns:q="urn:q"><q:i q:k="v" plain="w"/></r>'))
inc = xml.sax.make_parser()
inc.setContentHandler(Printer())
for piece in [b'<a>', b'one', b'</a', b'>']:
    inc.feed(piece)
inc.close()
try:
    xml.sax.parseString(b'<a><b></a>', Printer())
except xml.sax.SAXParseException as e:
    print('SAXParseException', e.getMessage(), e.getLineNumber(), e.getColumnNumber())
out = io.StringIO()
g = XMLGenerator(out)
g.startDocument()
g.startElement('x', {'k': 'a<b'})
g.characters('1 & 2')
g.endElement('x')
g.endDocument()
print(out.getvalue())
print(escape('<&>'), quoteattr('say "hi"'))
