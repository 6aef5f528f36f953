"""Numbers, codes and French words read in typing order in Arabic and Persian: measured on
the visual order Qt's own text layout gives, not on the string.

Every string of the right-to-left catalogs (interface and procedures), as ``_()`` and
``content()`` give it, and every detail of the practice person as the practice screen
shows it, is laid out by ``QTextLayout`` with the direction a ``QLabel`` takes (from the
text: Qt's ``QString::isRightToLeft``, the same rule). Each line must run right to left,
and inside each left-to-right run (Latin words and numbers joined by spaces or the
punctuation inside a code, an address or an amount) every letter and digit must stand
to the right of the one typed before it.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton

from kiosk.content.practice_person import DETAIL_LABELS, PRACTICE_PERSON
from kiosk.i18n import bidi, translation
from kiosk.i18n.translation import _, content, format_number
from tests.ui.practice.test_screen import open_practice
from ui import theme
from ui.main_window import MainWindow
from ui.practice.screen import card_line
from ui.practice.site import site_button

LOCALES = Path(__file__).resolve().parents[2] / "locales"
RIGHT_TO_LEFT = tuple(language.code for language in translation.LANGUAGES if language.right_to_left)
# What may join two letters or digits of one left-to-right run: spaces alone (a number's
# groups, a French label's words), or, with no space, what is inside a code, an address,
# an e-mail, an amount or a time (« 1,234 », « a@b.fr », « 14:30 »). « 0 : +33 » or
# « CAF : 1234567 » are two runs, which a right-to-left sentence orders right to left.
SPACES = frozenset(" \u00a0\u202f")
INSIDE_A_CODE = frozenset(".,:@/-+_'’&%€#=()")
LINE_SEPARATOR = "\u2028"  # what QLabel turns a line break into


@pytest.fixture
def right_to_left_language() -> Iterator[None]:
    yield
    translation.set_language(translation.SOURCE_LANGUAGE)


def is_unit(char: str) -> bool:
    return char not in bidi.DIRECTION_MARKS and unicodedata.bidirectional(char) in ("L", "EN", "AN")


def runs(text: str) -> list[list[int]]:
    """The indexes of the letters and digits of each left-to-right run, in typing order."""
    found: list[list[int]] = []
    current: list[int] = []
    gap = ""
    for index, char in enumerate(text):
        if char in bidi.DIRECTION_MARKS:
            continue
        if not is_unit(char):
            gap += char
            continue
        joined = set(gap) <= SPACES or set(gap) <= INSIDE_A_CODE
        if current and not joined:
            found.append(current)
            current = []
        current.append(index)
        gap = ""
    if current:
        found.append(current)
    return [run for run in found if len(run) > 1]


def misread(text: str, font: QFont) -> list[str]:
    """What Qt lays out out of order in ``text``: an empty list when it reads right."""
    shown = text.replace("\n", LINE_SEPARATOR)
    layout = QTextLayout(shown, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)  # from the text, as QLabel
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(100_000)
        lines.append(line)
    layout.endLayout()
    problems: list[str] = []
    for line in lines:
        start, end = line.textStart(), line.textStart() + line.textLength()
        if shown[start:end].strip(LINE_SEPARATOR) and not line.cursorToX(start)[0] > line.cursorToX(end)[0]:
            problems.append(f"laid out left to right: {bidi.strip_marks(shown[start:end])!r}")
    for run in runs(shown):
        # Where each letter's glyph stands (a cursor position is ambiguous at a run's edge);
        # two letters drawn as one ligature stand at the same place.
        positions = [min(g.boundingRect().left() for g in layout.glyphRuns(index, 1)) for index in run]
        if any(after < before for before, after in itertools.pairwise(positions)):
            typed = bidi.strip_marks(shown[run[0] : run[-1] + 1])
            problems.append(f"{typed!r} does not read left to right in typing order")
    return problems


def catalog_messages(code: str, domain: str) -> list[str]:
    with (LOCALES / code / "LC_MESSAGES" / f"{domain}.po").open("rb") as handle:
        catalog = read_po(handle)
    return [str(message.id) for message in catalog if message.id and message.string]


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_every_string_of_the_right_to_left_catalogs_reads_in_typing_order(
    qapp: QApplication, code: str, right_to_left_language: None
) -> None:
    font = QFont(list(theme.FONT_FAMILIES))
    font.setPixelSize(24)
    translation.set_language(code)
    failures: dict[str, list[str]] = {}
    counted = 0
    for domain, shown_as in (("kiosk", _), ("procedures", content)):
        for message in catalog_messages(code, domain):
            counted += 1
            problems = misread(shown_as(message), font)
            if problems:
                failures[message[:70]] = problems
    assert counted > 900  # both catalogs, whole
    assert failures == {}, f"{len(failures)} of {counted} strings misread in {code}"


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_every_practice_detail_reads_in_typing_order_on_the_card_and_as_an_example(
    qapp: QApplication, code: str, right_to_left_language: None
) -> None:
    font = QFont(list(theme.FONT_FAMILIES))
    font.setPixelSize(24)
    translation.set_language(code)
    failures: dict[str, list[str]] = {}
    for name in DETAIL_LABELS:
        value = PRACTICE_PERSON.detail(name)
        for shown in (card_line(name, value), _("Exemple : {example}").format(example=value)):
            problems = misread(shown, font)
            if problems:
                failures[f"{name}: {bidi.strip_marks(shown)}"] = problems
    assert failures == {}


def test_the_issues_examples_read_in_typing_order(qapp: QApplication, right_to_left_language: None) -> None:
    font = QFont(list(theme.FONT_FAMILIES))
    font.setPixelSize(24)
    translation.set_language("fa")
    number = PRACTICE_PERSON.detail("nir")
    assert number == "2 86 03 75 112 047 02"
    step = _("Étape {number} sur {total}").format(number=format_number(1234), total=format_number(5678))
    for shown in (card_line("nir", number), translation.shown(f"مثال : {number}"), step):
        assert misread(shown, font) == []
    # Without the kiosk's isolates, Qt shows the groups backwards: the test sees it.
    assert misread(f"مثال : {number}", font) == [f"{number!r} does not read left to right in typing order"]
    assert misread("« Faire une demande » را لمس کنید", font) == [
        "laid out left to right: '« Faire une demande » را لمس کنید'"
    ]


def test_the_simulated_site_stays_french_and_left_to_right_in_a_mirrored_kiosk(window: MainWindow) -> None:
    screen = open_practice(window, "fa")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert screen.site_page is not None
    font = QFont(list(theme.FONT_FAMILIES))
    font.setPixelSize(24)
    buttons = [*screen.site_page.findChildren(QPushButton), *screen.site_page.findChildren(QCheckBox)]
    forgotten = [b for b in buttons if bidi.strip_marks(b.text()) == "Mot de passe oublié ?"]
    assert forgotten, "the CAF site's login page has its « Mot de passe oublié ? » link"
    buttons += screen.browser.gallery.buttons.values()  # the practice phone's photos
    for button in buttons:
        # A button paints in the application's direction (right to left here): each line of
        # its words must read left to right, from the first character to the last (« ? »).
        for words in button.text().split("\n"):
            layout = QTextLayout(words, font)
            option = QTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            layout.setTextOption(option)
            layout.beginLayout()
            layout.createLine().setLineWidth(100_000)
            layout.endLayout()
            shown = [i for i, char in enumerate(words) if char not in bidi.DIRECTION_MARKS and char != " "]
            left, right = (
                min(g.boundingRect().left() for g in layout.glyphRuns(i, 1)) for i in (shown[0], shown[-1])
            )
            assert left < right, bidi.strip_marks(words)
    assert bidi.strip_marks(site_button("Se connecter").text()) == "Se connecter"
