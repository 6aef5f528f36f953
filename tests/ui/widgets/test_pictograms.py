"""Pictograms drawn from the Material Design Icons font, without QtAwesome's start-up cost."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QColor, QImage

from ui.widgets import pictograms


def inked(name: str, colour: str = "#1A1A1A", size: int = 64) -> list[QColor]:
    image = pictograms.pixmap(name, colour, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return [
        image.pixelColor(x, y)
        for x in range(size)
        for y in range(size)
        if image.pixelColor(x, y).alpha() == 255
    ]


def test_a_pictogram_is_drawn_in_its_colour_and_size(qapp: object) -> None:
    drawn = pictograms.pixmap("mdi6.home", "#0B5394", 96)
    assert (drawn.width(), drawn.height()) == (96, 96)
    ink = inked("mdi6.home", "#0B5394", 96)
    assert len(ink) > 96 * 96 // 10  # a house, not a dot
    assert {colour.name() for colour in ink} == {"#0b5394"}


def test_different_names_draw_different_pictograms(qapp: object) -> None:
    home = pictograms.pixmap("mdi6.home", "#000000", 48).toImage()
    phone = pictograms.pixmap("mdi6.cellphone", "#000000", 48).toImage()
    assert home != phone


def test_an_unknown_name_in_content_draws_the_question_mark(qapp: object) -> None:
    unknown = pictograms.pixmap("mdi6.no-such-pictogram", "#000000", 48).toImage()
    assert unknown == pictograms.pixmap(pictograms.FALLBACK, "#000000", 48).toImage()
    assert inked("mdi6.no-such-pictogram") != []


def test_drawing_pictograms_does_not_import_qtawesome_and_its_other_fonts() -> None:
    program = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from ui.widgets import pictograms; pictograms.pixmap('mdi6.home', '#000000', 32);"
        "print('qtawesome' in sys.modules, 'qtpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    assert out == ["False", "False"]
