import uuid
print(uuid.UUID("12345678-1234-5678-1234-567812345678"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_URL, "x").version)
