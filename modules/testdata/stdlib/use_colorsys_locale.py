import colorsys, locale
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.6), locale.getpreferredencoding(False) != "")
