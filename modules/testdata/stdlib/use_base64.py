import base64
print(base64.b64encode(b"gopyc!"), base64.b64decode(b"Z29weWMh"), base64.urlsafe_b64encode(b"\xfb\xff"), base64.b32encode(b"ab"))
print(base64.b16encode(b"hi"), base64.a85encode(b"data"), base64.b85decode(base64.b85encode(b"xyz")))
