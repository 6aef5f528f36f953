"""Mediator mode shows where the facts on the person's screen were checked."""

from __future__ import annotations

from kiosk.mediation.sources import source_line
from tests.conftest import walk_to_step
from tests.ui.mediator.helpers import PIN, in_view, type_pin
from ui.main_window import MainWindow
from ui.widgets.blocks import ZERO_WIDTH_SPACE


def test_the_session_page_shows_the_sources_of_the_step_on_screen(configured: MainWindow) -> None:
    station = configured.station
    procedure = station.catalog.procedures["anef-titre-sejour"]
    walk_to_step(station, procedure.id, 1)  # « Faites la demande à temps »: 4 to 2 months, the 180 € tax
    configured.mediator_panel.open_mode()
    type_pin(configured, PIN)
    shown = configured.mediator_panel.session_page.sources
    assert shown.isVisible() and in_view(configured, configured.mediator_panel.session_page.sources_area)
    for source in (*procedure.steps[0].sources, *procedure.sources):
        assert source_line(source) in shown.text().replace(ZERO_WIDTH_SPACE, "")
    assert "180" in " ".join(source.fact for source in procedure.steps[0].sources)
    configured.mediator_panel.back_button.click()
    station.visit.home()
    configured.mediator_panel.open_mode()
    type_pin(configured, PIN)
    assert not configured.mediator_panel.session_page.sources_area.isVisible()
