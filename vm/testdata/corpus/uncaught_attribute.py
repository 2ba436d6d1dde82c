class K: pass
K().missing_attr
