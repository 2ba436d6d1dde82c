import secrets, hmac, hashlib
print(len(secrets.token_hex(8)), hmac.new(b"key", b"msg", hashlib.sha256).hexdigest())
