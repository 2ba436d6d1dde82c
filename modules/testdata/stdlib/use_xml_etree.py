import xml.etree.ElementTree as ET
r = ET.fromstring("<a x='1'><b>t</b><b>u</b></a>"); print(r.tag, r.attrib, [b.text for b in r.findall("b")], ET.tostring(r))
