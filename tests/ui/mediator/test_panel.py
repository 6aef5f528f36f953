"""The panel as a whole: opened by a gesture and the PIN, it hands back to the very place the person was."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.visit.help_desk import HELP_KIND_LABELS, HelpKind, HelpStatus
from tests.conftest import walk_to_step
from tests.ui.mediator.helpers import PIN, PROCEDURE, in_view, type_pin
from ui.main_window import MainWindow


def knock(window: MainWindow, qtbot: QtBot) -> None:
    """Five touches on the empty middle of the bar, between its buttons."""
    bar = window.nav_bar
    middle = QPoint((bar.leave_button.geometry().right() + bar.repeat_button.geometry().left()) // 2, 20)
    assert bar.childAt(middle) is None, "the knock lands on the bar, not on a button"
    for _ in range(5):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=middle)


def test_the_gesture_and_the_pin_open_the_session_and_hand_back_to_the_same_place(
    configured: MainWindow, qtbot: QtBot
) -> None:
    station = configured.station
    walk_to_step(station, PROCEDURE, 2)
    station.visit.open_help()
    station.visit.ask_for_help(HelpKind.STUCK)
    where = station.visit.place
    knock(configured, qtbot)
    panel = configured.mediator_panel
    assert panel.isVisible() and panel.pages.currentWidget() is panel.pin_page
    type_pin(configured, "000000")
    assert "Encore 4" in panel.pin_page.problem.label.text()
    type_pin(configured, PIN)
    session = panel.session_page
    assert panel.pages.currentWidget() is session
    procedure = station.catalog.procedures[PROCEDURE]
    assert (
        procedure.steps[0].title in session.lines.text() and procedure.steps[1].title in session.lines.text()
    )
    assert f"Ticket 1 : {HELP_KIND_LABELS[HelpKind.STUCK]}" in session.lines.text()
    session.resolve_button.click()
    assert station.visit.session.help_requests[0].status is HelpStatus.RESOLVED
    session.autonomy_buttons[next(iter(session.autonomy_buttons))].click()
    session.note.setText("Revenir avec l'avis d'imposition")
    session.note_button.click()
    assert "avis d'imposition" in session.notes.text()
    panel.back_button.click()
    assert not panel.isVisible() and station.visit.place == where
    store = station.keeper.store
    assert store is not None and station.keeper.notes(station.visit.session)
    assert "avis d'imposition" not in repr(store.tables()), "a note never reaches the disk"
    station.end_visit()
    assert station.keeper.notes(station.visit.session) == []
    assert store.activity()[-1]["autonomy"] == "alone"


def test_mediator_mode_opens_at_its_top_whatever_page_was_scrolled_before(configured: MainWindow) -> None:
    configured.resize(1024, 768)
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    panel.show_page(panel.settings_page)
    QApplication.processEvents()
    scroll = panel.page_area.verticalScrollBar()
    assert scroll.maximum() > 0, "the settings are longer than the screen"
    scroll.setValue(scroll.maximum())
    panel.hand_back()
    panel.open_mode()
    QApplication.processEvents()
    assert scroll.value() == 0 and in_view(configured, panel.pin_page.prompt)
    type_pin(configured, PIN)
    assert panel.pages.currentWidget() is panel.session_page and scroll.value() == 0
    panel.show_page(panel.settings_page)
    assert scroll.value() == 0, "each page opens at its top"
