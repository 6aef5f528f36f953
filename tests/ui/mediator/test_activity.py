"""The activity page: the structure's activity is counted, exported to a file and the export journaled."""

from __future__ import annotations

from pathlib import Path

from kiosk.station import Station
from tests.conftest import walk_to_step
from tests.ui.mediator.helpers import PIN, PROCEDURE, type_pin
from ui.main_window import MainWindow


def test_activity_is_exported_and_journaled(configured: MainWindow) -> None:
    station: Station = configured.station
    walk_to_step(station, PROCEDURE, 1)
    station.end_visit()
    configured.mediator_panel.open_mode()
    type_pin(configured, PIN)
    panel = configured.mediator_panel
    panel.show_page(panel.activity_page)
    assert panel.activity_page.totals.text().startswith("1 visite, 0 démarche menée")
    panel.activity_page.csv_button.click()
    written = Path(panel.activity_page.exported.text().removeprefix("Écrit : "))
    assert written.read_text(encoding="utf-8").splitlines()[1].split(",")[3] == PROCEDURE
    store = station.keeper.store
    assert store is not None and store.journal_entries()[-1].event == "activity.exported"
