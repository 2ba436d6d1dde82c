import token
print(token.NAME, token.tok_name[token.OP], token.EXACT_TOKEN_TYPES["+"], token.ISTERMINAL(token.NAME))
