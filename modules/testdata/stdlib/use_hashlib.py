import hashlib
print(hashlib.md5(b"abc").hexdigest(), hashlib.sha1(b"abc").hexdigest(), hashlib.sha256(b"abc").hexdigest())
h = hashlib.new("sha512"); h.update(b"a"); print(h.hexdigest()[:32], h.digest_size, h.name, hashlib.sha3_256(b"").hexdigest()[:16])
