from urllib.parse import urlparse, urlencode, quote, unquote, parse_qs, urljoin
u = urlparse("https://user@host:8080/p/a?q=1&r=2#frag"); print(u, u.hostname, u.port)
print(urlencode({"a": 1, "b": "x y"}), quote("a b/c"), unquote("%41%20"), parse_qs("a=1&a=2&b=3"), urljoin("http://h/a/b", "../c"))
