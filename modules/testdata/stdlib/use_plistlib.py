import datetime
import plistlib

data = {'name': 'gopyc', 'version': 3, 'ratio': 0.5, 'ok': True, 'off': False,
        'items': [1, 'two', {'three': 3}], 'blob': b'\x00\x01binary',
        'when': datetime.datetime(2024, 1, 2, 3, 4, 5), 'nested': {'empty': [], 'unicode': 'caf\u00e9 & <tag>'}}
xml = plistlib.dumps(data)
print(xml.decode())
back = plistlib.loads(xml)
print(back == data, sorted(back))
print(plistlib.loads(plistlib.dumps(data, sort_keys=False)) == data)
binary = plistlib.dumps(data, fmt=plistlib.FMT_BINARY)
print(plistlib.loads(binary) == data)
print(plistlib.loads(b'<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><array><integer>7</integer><string>s</string></array></plist>'))
try:
    plistlib.loads(b'<plist><dict><key>a</key></plist>')
except Exception as e:
    print(type(e).__name__, e)
