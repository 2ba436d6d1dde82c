int('not a number')
