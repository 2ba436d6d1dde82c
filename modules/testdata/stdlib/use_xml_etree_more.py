import io
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0"?>
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <book id="b1" x:rating="5">
    <title>Go &amp; Python</title>
    <price currency="EUR">12.50</price>
    <x:note>first <b>bold</b> tail</x:note>
  </book>
  <book id="b2">
    <title>XML &#169; 2024</title>
    <price currency="USD">20</price>
  </book>
  <!-- a comment -->
  <?proc data?>
</catalog>
"""
root = ET.fromstring(doc)
ns = {'b': 'urn:books', 'x': 'urn:extra'}
print(root.tag, root.attrib, len(root))
for book in root.findall('b:book', ns):
    print(book.get('id'), book.find('b:title', ns).text, book.find('b:price', ns).attrib,
          book.get('{urn:extra}rating'))
print([e.tag for e in root.iter()])
print(root.findtext('b:book/b:title', namespaces=ns))
print([b.get('id') for b in root.findall(".//b:book[@id='b2']", ns)])
print([p.text for p in root.findall('.//{urn:books}price')])
print(ET.tostring(root.find('b:book/x:note', ns)))
print(ET.tostring(root, encoding='unicode')[:120])
print(ET.tostring(ET.fromstring('<a><b x="1">t</b>tail<c/></a>'), method='text'))

# round trip with attributes needing escapes
e = ET.Element('r', {'q': 'a"b<c>&'})
ET.SubElement(e, 'child').text = 'x < y & z'
s = ET.tostring(e)
print(s, ET.tostring(ET.fromstring(s)) == s)

# iterparse with events
src = io.BytesIO(doc.encode())
for event, elem in ET.iterparse(src, events=('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi')):
    if event in ('start', 'end'):
        print(event, elem.tag)
    else:
        print(event, elem if not hasattr(elem, 'tag') else (elem.tag.__name__, elem.text))

# XMLPullParser fed in small pieces
pp = ET.XMLPullParser(events=('start', 'end'))
data = '<root><item n="1">one</item><item n="2">two</item></root>'
for i in range(0, len(data), 5):
    pp.feed(data[i:i + 5])
    for ev, el in pp.read_events():
        print('pull', ev, el.tag, el.attrib, el.text)
pp.close()

# parse errors
for bad in ['<a><b></a>', '<a>&nope;</a>', '<a', '<a></a><b/>', '']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print('ParseError:', err, err.code, err.position)

# ElementTree.parse from a file object, write back
tree = ET.parse(io.StringIO('<cfg><opt name="a">1</opt><opt name="b">2</opt></cfg>'))
print({o.get('name'): o.text for o in tree.getroot()})
out = io.BytesIO()
tree.write(out, encoding='utf-8', xml_declaration=True)
print(out.getvalue())
ET.register_namespace('bk', 'urn:books')
print(ET.tostring(ET.fromstring('<bk:a xmlns:bk="urn:books"><bk:b/></bk:a>')))
t = ET.fromstring('<a>\n  <b/>\n</a>')
ET.indent(t)
print(ET.tostring(t))
print(ET.XMLParser().version)
