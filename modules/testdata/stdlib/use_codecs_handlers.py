# codecs.register_error handlers through the VM's own codecs (utf-8, ascii, latin-1) and the
# registry's (cp1252): replacements, resume positions (negative ones count from the end), bad
# handler results, unknown handler names, str/bytes constructors.
import codecs
codecs.register_error("mine", lambda e: ("?", e.end))
codecs.register_error("twice", lambda e: ("<%s>" % e.object[e.start:e.end].hex(), e.end))
codecs.register_error("skip2", lambda e: ("", e.start + 2))
codecs.register_error("back", lambda e: ("[%d-%d]" % (e.start, e.end), -1))
codecs.register_error("bad", lambda e: 5)
codecs.register_error("enc", lambda e: (b"<%d>" % ord(e.object[e.start]), e.end))
print(b"a\xffb".decode("utf-8", "mine"), codecs.decode(b"a\xffb", "utf-8", "mine"))
print(b"a\x81b".decode("cp1252", "mine"), b"x\xe4\xb8y\xff".decode("utf-8", "twice"))
print(b"a\xff\xfe\xfdbc".decode("ascii", "skip2"), str(b"q\x80", "ascii", "mine"))
print("a\u20acb\u20ac".encode("latin-1", "mine"), "a\u20acb".encode("ascii", "enc"), "x\ud800y".encode("utf-8", "twice" if False else "mine"))
for h in ["bad", "nosuch"]:
    try: b"a\xff".decode("utf-8", h)
    except Exception as e: print(type(e).__name__, e)
try: b"a\xffb".decode("utf-8", "back")
except Exception as e: print(type(e).__name__, e)
print(bytes("a\u20ac", "ascii", "mine"))
