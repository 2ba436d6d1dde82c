import gettext
t = gettext.NullTranslations(); print(t.gettext("hello"), gettext.gettext("x"), gettext.ngettext("a", "b", 2))
