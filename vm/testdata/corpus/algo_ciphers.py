def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! xyz"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3) == msg)
def vigenere(s, key):
    key = [ord(k) - 97 for k in key]
    return "".join(chr((ord(c) - 97 + key[i % len(key)]) % 26 + 97) for i, c in enumerate(s))
print(vigenere("attackatdawn", "lemon"))
table = str.maketrans("abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba")
print("hello world".translate(table))
print("".join(sorted("listen")) == "".join(sorted("silent")))
