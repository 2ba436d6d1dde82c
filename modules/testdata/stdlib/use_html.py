import html
print(html.escape("<a href='x'>&</a>"), html.unescape("&lt;p&gt; &amp; &eacute; &#65;"))
