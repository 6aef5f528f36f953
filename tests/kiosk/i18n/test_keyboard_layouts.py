"""Every language the kiosk speaks has a keyboard layout that fits the screen."""

from __future__ import annotations

from kiosk.i18n.keyboard_layouts import LAYOUTS, SYMBOLS, Typing, layout_for, layouts_for
from kiosk.i18n.translation import LANGUAGES


def test_every_language_has_its_layout_of_at_most_three_rows_of_twelve_keys() -> None:
    for language in LANGUAGES:
        layout = layout_for(language.code)
        assert layout.code == language.code
        assert len(layout.rows) <= 3 and all(len(row) <= 12 for row in layout.rows), language.code
        letters = "".join(layout.rows)
        assert len(letters) == len(set(letters)), f"a key twice in {language.code}"
    assert layout_for("xx") is LAYOUTS["fr"]


def test_right_to_left_scripts_are_marked_and_have_no_case() -> None:
    for code in ("ar", "fa"):
        assert LAYOUTS[code].right_to_left and not LAYOUTS[code].has_case
    assert "@" in "".join(SYMBOLS.rows) and "0" in SYMBOLS.rows[0]


def test_a_field_opens_on_the_keys_it_takes() -> None:
    """Digits for numbers and codes, whose letters are French; French letters for e-mail and
    passwords; the person's own letters for free text."""
    for language in LANGUAGES:
        own = layout_for(language.code)
        assert layouts_for(language.code, Typing.DIGITS) == (SYMBOLS, LAYOUTS["fr"])
        assert layouts_for(language.code, Typing.FRENCH) == (LAYOUTS["fr"], LAYOUTS["fr"])
        assert layouts_for(language.code, Typing.LETTERS) == (own, own)
