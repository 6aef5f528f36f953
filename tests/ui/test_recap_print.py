"""The recap on paper: a PDF with the expected sections in every language, wiped when the visit ends."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.content.loader import Catalog
from kiosk.i18n import bidi, translation
from kiosk.station import Station
from kiosk.visit.recap import build_recap
from kiosk.visit.session import Session
from tests.conftest import FakeClock, fill_up, umask_set, walk_to_step
from tests.ui.conftest import open_window
from ui.main_window import MainWindow
from ui.recap_print import write_pdf
from ui.screens.recap import RecapScreen

PROCEDURE = "caf-prime-activite"


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


@pytest.mark.parametrize("language", [language.code for language in translation.offered_languages()])
def test_the_recap_pdf_has_its_sections_in_every_language(
    language: str, bundled_catalog: Catalog, tmp_path: Path, qapp: object
) -> None:
    translation.set_language(language)
    try:
        procedure = bundled_catalog.procedures[PROCEDURE]
        session = Session(language)
        session.steps_reached[PROCEDURE] = [procedure.steps[0].id]
        recap = build_recap(procedure, session, {"structure_name": "France Services de Guéret"})
        text = pdf_text(write_pdf(recap, tmp_path / "recap.pdf"))
        headings = [heading for heading, _lines in recap.sections()]
    finally:
        translation.set_language(translation.SOURCE_LANGUAGE)

    def plain(words: str) -> str:  # the PDF's text drops joiners, isolates and direction marks
        return " ".join(bidi.strip_marks(words).replace("\u200c", "").split())

    flat = plain(text)
    assert len(headings) == 5
    for heading in headings:
        for word in heading.split()[:2]:  # PDF text comes back in visual order: look for the words
            assert plain(word).strip("?:؟") in flat, f"{language}: {heading!r} missing"
    # Right-to-left pages give their text back in visual order: an address comes back in pieces.
    assert all(piece in flat for piece in ("www", "caf", "fr", "Guéret"))


def test_the_recap_pdf_is_laid_out_on_the_page_in_readable_sizes(
    bundled_catalog: Catalog, tmp_path: Path, qapp: object
) -> None:
    procedure = bundled_catalog.procedures[PROCEDURE]
    session = Session("fr")
    session.steps_reached[PROCEDURE] = [procedure.steps[0].id]
    recap = build_recap(procedure, session, {"structure_name": "France Services de Guéret"})
    document = QPdfDocument()
    assert document.load(str(write_pdf(recap, tmp_path / "recap.pdf"))) == QPdfDocument.Error.None_
    page = document.pagePointSize(0)
    title = document.getSelectionAtIndex(0, 0, len(recap.title))
    assert title.text() == recap.title
    # In points: a title at least 14 pt high (it was 3 pt, laid out in the screen's pixels at 1200 dpi),
    # and the text across most of the page's width, not squeezed into a corner.
    assert title.boundingRectangle().height() >= 14
    assert document.getAllText(0).boundingRectangle().width() >= page.width() * 0.6


def test_printing_without_a_printer_writes_a_pdf_that_goes_with_the_visit(stored_window: MainWindow) -> None:
    station: Station = stored_window.station
    walk_to_step(station, PROCEDURE, 1)
    procedure = station.catalog.procedures[PROCEDURE]
    station.visit.navigator.go(station.visit.place.within(station.visit.place.screen.RECAP, PROCEDURE))
    screen = stored_window.current_screen
    assert isinstance(screen, RecapScreen) and not screen.qr.pixmap().isNull()
    screen.take_home.print_button.click()
    [pdf] = station.recap_folder.glob("*.pdf")
    assert procedure.steps[0].title in " ".join(pdf_text(pdf).split())
    assert "imprimante" in screen.take_home.printed.text()
    station.end_visit()
    assert not station.recap_folder.exists()


def test_leaving_in_the_middle_of_a_procedure_can_still_print_its_recap(stored_window: MainWindow) -> None:
    station: Station = stored_window.station
    walk_to_step(station, PROCEDURE, 2)
    stored_window.nav_bar.leave_button.click()
    screen = stored_window.current_screen
    block = screen.take_home  # type: ignore[attr-defined]
    assert block.isVisible()
    block.print_button.click()
    assert list(station.recap_folder.glob("*.pdf"))
    station.end_visit()
    station.visit.start()
    station.visit.choose_language("fr")
    station.visit.open_leave()
    assert not stored_window.current_screen.take_home.isVisible(), "no procedure, no recap"  # type: ignore[attr-defined]


@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask-022", "umask-000"])
def test_a_recap_pdf_is_owner_only_whatever_the_umask(umask: int, stored_window: MainWindow) -> None:
    station: Station = stored_window.station
    walk_to_step(station, PROCEDURE, 1)
    station.visit.navigator.go(station.visit.place.within(station.visit.place.screen.RECAP, PROCEDURE))
    screen = stored_window.current_screen
    assert isinstance(screen, RecapScreen)
    with umask_set(umask):
        screen.take_home.print_button.click()
    [pdf] = station.recap_folder.glob("*.pdf")
    assert station.catalog.procedures[PROCEDURE].steps[0].title in " ".join(pdf_text(pdf).split())
    modes = {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in (station.recap_folder, pdf)}
    assert modes == {"recaps": "0o700", pdf.name: "0o600"}
    station.end_visit()


def test_a_full_disk_says_the_recap_could_not_be_made_and_leaves_no_file(
    tiny_disk: Path, tmp_path: Path, bundled_catalog: Catalog, clock: FakeClock, qtbot: QtBot
) -> None:
    config = Config(data_dir=tiny_disk, config_dir=tmp_path / "config")
    window = open_window(Station(config, bundled_catalog, clock=clock), qtbot)
    station = window.station
    walk_to_step(station, PROCEDURE, 1)
    station.visit.navigator.go(station.visit.place.within(station.visit.place.screen.RECAP, PROCEDURE))
    screen = window.current_screen
    assert isinstance(screen, RecapScreen)
    fill_up(tiny_disk)
    screen.take_home.print_button.click()
    said = screen.take_home.printed.text()
    assert "n'a pas pu être préparé" in said and "prêt pour l'accueil" not in said, "never a false promise"
    assert not station.recap_folder.exists() or list(station.recap_folder.iterdir()) == []
    station.end_visit()
