"""Languages and translation: the offered languages, gettext catalogs, their status, keyboard layouts."""
