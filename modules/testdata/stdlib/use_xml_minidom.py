from xml.dom import minidom

doc = minidom.parseString('<?xml version="1.0"?><!DOCTYPE note [<!ENTITY who "World">]>'
                          '<note lang="en"><to>&who;</to><body>Hi &amp; bye<![CDATA[<x>]]></body>'
                          '<!-- c --><?pi x?><empty/></note>')
print(doc.documentElement.tagName, doc.documentElement.getAttribute('lang'))
print(doc.doctype.name, [doc.doctype.entities.item(i).nodeName for i in range(doc.doctype.entities.length)])
print(doc.getElementsByTagName('to')[0].firstChild.data)
print(doc.toxml())
print(doc.toprettyxml(indent='  '))
d2 = minidom.parseString(b'<a xmlns:p="urn:p"><p:b p:attr="v">text</p:b></a>')
b = d2.getElementsByTagNameNS('urn:p', 'b')[0]
print(b.namespaceURI, b.prefix, b.localName, b.getAttributeNS('urn:p', 'attr'))
print(d2.documentElement.toxml())
new = minidom.Document()
root = new.createElement('root')
new.appendChild(root)
item = new.createElement('item')
item.setAttribute('k', 'v&"')
item.appendChild(new.createTextNode('a < b'))
root.appendChild(item)
print(new.toxml())
print(minidom.parseString(new.toxml()).toxml() == new.toxml())
try:
    minidom.parseString('<a><b></a>')
except Exception as e:
    print(type(e).__name__, e)
