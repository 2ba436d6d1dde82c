import weakref
class O: pass
o = O(); r = weakref.ref(o); print(r() is o)
d = weakref.WeakValueDictionary(); d["k"] = o; print(d["k"] is o, "k" in d)
s = weakref.WeakSet([o]); print(len(s), o in s)
k = weakref.WeakKeyDictionary({o: 1}); print(k[o])
p = weakref.proxy(o); o.attr = 5; print(p.attr)
