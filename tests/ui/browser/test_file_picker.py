"""The kiosk's own file picker: only the visit's files, plain names, the types a site takes, right-to-left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.browsing.visit_files import VisitFiles
from tests.ui.browser.sample_files import make_damaged_pdf, make_image, make_pdf
from ui import theme
from ui.browser.file_picker import FilePicker, accepts

PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"


@pytest.fixture
def visit_files(tmp_path: Path) -> VisitFiles:
    """The visit's folder as a person fills it: an attestation, a payslip, a photo, a download cut short."""
    files = VisitFiles(tmp_path / "visit-files")
    make_pdf(files.reserve("attestation-caf.pdf"), 2)
    make_image(files.reserve("bulletin-de-salaire.png"))
    make_image(files.reserve("photo-identite.jpg"), 900, 600)
    make_damaged_pdf(files.reserve("coupe.pdf"))
    return files


@pytest.fixture
def picker(qtbot: QtBot) -> Iterator[FilePicker]:
    holder = QWidget()  # as in the kiosk: the window's style above, the picker's own added to it
    holder.setStyleSheet(theme.stylesheet())
    widget = FilePicker()
    QVBoxLayout(holder).addWidget(widget)
    qtbot.addWidget(holder)
    holder.resize(1024, 768)
    holder.show()
    yield widget
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def shown_words(picker: FilePicker) -> str:
    return " ".join(label.text() for label in picker.findChildren(QLabel) if label.isVisible())


@pytest.mark.parametrize(
    ("kind", "accepted", "taken"),
    [
        (PDF, [], True),
        (PNG, [], True),
        ("", [], False),  # a file the kiosk cannot read is never sent
        (PDF, ["application/pdf"], True),
        (PNG, ["application/pdf"], False),
        (PNG, ["image/*"], True),
        (PDF, ["image/*"], False),
        (JPEG, [".jpg", ".pdf"], True),
        (JPEG, [".JPEG"], True),
        (PNG, [".pdf", "image/jpeg"], False),
        (PDF, ["*/*"], True),
        (PDF, [" ", ""], True),  # an empty accept attribute takes anything
        (PDF, [".docx"], False),
    ],
)
def test_accepted_types_read_as_a_browser_does(kind: str, accepted: list[str], taken: bool) -> None:
    assert accepts(kind, accepted) is taken


def test_only_the_visits_files_with_plain_names_and_the_site_types(
    picker: FilePicker, visit_files: VisitFiles, qtbot: QtBot
) -> None:
    picker.choose(visit_files.files(), ["application/pdf"], multiple=False)
    names = [tile.text_shown() for tile in picker.tiles]
    assert names == [
        "Document 1 (PDF, 2 pages)",
        "Document 2 (image)\nCe site demande : PDF.",
        "Document 3 (image)\nCe site demande : PDF.",
        "Document 4 (illisible)\nCe fichier ne peut pas être ouvert.",
    ]
    assert [tile.isEnabled() for tile in picker.tiles] == [True, False, False, False]
    assert all(tile.property("refused") == "true" for tile in picker.tiles[1:])
    assert not picker.tiles[0].icon_label.pixmap().isNull(), "the first page's picture"
    words = shown_words(picker)
    assert str(visit_files.folder) not in words and "attestation" not in words and "/" not in words
    assert picker.hint.text() == "Ce site demande : PDF. Touchez un document pour l'envoyer."
    for button in [*picker.tiles, picker.scan_button, picker.cancel_button]:
        assert button.width() >= 64 and button.height() >= 64
    assert not picker.send_button.isVisible()
    with qtbot.waitSignal(picker.chosen) as chosen:
        picker.tiles[0].click()
    assert chosen.args == [[str(visit_files.files()[0])]]


def test_several_files_are_chosen_one_by_one_then_sent(
    picker: FilePicker, visit_files: VisitFiles, qtbot: QtBot
) -> None:
    files = visit_files.files()
    picker.choose(files, ["application/pdf", "image/*"], multiple=True)
    assert picker.send_button.isVisible() and not picker.send_button.isEnabled()
    picker.tiles[2].click()
    picker.tiles[0].click()
    picker.tiles[1].click()
    picker.tiles[1].click()  # touched again: not chosen any more
    assert picker.tiles[0].text_shown().endswith("Choisi") and picker.tiles[0].property("selected") == "true"
    assert picker.send_button.text_shown() == "Envoyer (2)"
    with qtbot.waitSignal(picker.chosen) as chosen:
        picker.send_button.click()
    assert chosen.args == [[str(files[2]), str(files[0])]], "in the order the person chose them"


def test_scan_and_cancel_send_nothing(picker: FilePicker, visit_files: VisitFiles, qtbot: QtBot) -> None:
    picker.choose(visit_files.files(), [], multiple=False)
    with qtbot.waitSignal(picker.scan_requested), qtbot.assertNotEmitted(picker.chosen):
        picker.scan_button.click()
    with qtbot.waitSignal(picker.cancelled), qtbot.assertNotEmitted(picker.chosen):
        picker.cancel_button.click()


def test_with_no_file_yet_scanning_is_the_way_forward(picker: FilePicker, tmp_path: Path) -> None:
    gone = make_pdf(tmp_path / "deleted-meanwhile.pdf", 1)
    gone.unlink()
    picker.choose([gone], ["image/*"], multiple=False)
    assert picker.tiles == []
    assert picker.hint.text().startswith("Vous n'avez pas encore de document")
    assert picker.scan_button.property("role") == "primary"
    assert picker.spoken_texts() == [picker.heading.text(), picker.hint.text()]


def test_many_files_come_a_page_at_a_time(picker: FilePicker, tmp_path: Path) -> None:
    files = [make_image(tmp_path / f"page-{number}.png", 60, 80) for number in range(8)]
    picker.choose(files, [], multiple=False)
    assert len(picker.tiles) == 6 and picker.page_label.text() == "Page 1 sur 2"
    picker.next_page.click()
    assert [tile.text_shown() for tile in picker.tiles] == ["Document 7 (image)", "Document 8 (image)"]
    assert not picker.next_page.isEnabled() and picker.previous_page.isEnabled()


def test_right_to_left_mirrors_the_tiles_and_buttons(
    picker: FilePicker, visit_files: VisitFiles, qtbot: QtBot
) -> None:
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    picker.choose(visit_files.files(), [], multiple=False)
    qtbot.waitUntil(lambda: picker.tiles[0].x() > picker.tiles[1].x())
    assert picker.scan_button.x() > picker.cancel_button.x(), "the first action on the right"
