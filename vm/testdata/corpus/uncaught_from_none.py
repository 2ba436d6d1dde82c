try:
    {}['a']
except KeyError:
    raise ValueError('clean') from None
