"""The settings page: what the mediator sets reaches the recap, the idle delay, and the languages and
procedures offered."""

from __future__ import annotations

from tests.conftest import walk_to_step
from tests.ui.mediator.helpers import PIN, PROCEDURE, type_pin
from ui.main_window import MainWindow


def test_settings_reach_the_recap_and_the_idle_delay(configured: MainWindow) -> None:
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    page = panel.settings_page
    panel.show_page(page)
    page.name.setText("France Services de Guéret")
    page.address.setText("1 place Bonnyaud")
    page.help_places.setPlainText("CCAS ; 2 rue de la Mairie ; lun-ven 9h-12h ; RSA, logement\n\n")
    page.save_button.click()
    page.idle_buttons[300].click()
    page.auto_read.click()
    station = configured.station
    assert configured.idle.timeout_s == 300 and station.config.idle_timeout_s == 300
    assert not station.auto_read_default
    panel.back_button.click()
    station.end_visit()
    assert not station.visit.session.auto_read, "the next person's screens are not read aloud unasked"
    walk_to_step(station, PROCEDURE, 1)
    recap = station.recap()
    assert recap is not None and recap.structure == "France Services de Guéret, 1 place Bonnyaud"
    assert recap.help_places[0].line() == "CCAS — 2 rue de la Mairie — lun-ven 9h-12h — RSA, logement"
    events = [entry.event for entry in station.keeper.store.journal_entries()]  # type: ignore[union-attr]
    assert events.count("settings.changed") >= 5


def test_languages_and_procedures_offered_are_settings(configured: MainWindow) -> None:
    station = configured.station
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    panel.show_page(panel.settings_page)
    page = panel.settings_page
    assert not page.language_buttons["fr"].isEnabled(), "French, the source, is always offered"
    page.language_buttons["ru"].click()
    page.procedure_buttons[PROCEDURE].click()
    panel.back_button.click()
    station.visit.start()
    language_screen = configured.current_screen
    shown = [code for code, b in language_screen.buttons.items() if b.isVisibleTo(language_screen)]  # type: ignore[attr-defined]
    assert "ru" not in shown and "uk" in shown and len(shown) == len(station.translated_languages) - 1
    station.visit.choose_language("fr")
    station.visit.open_theme("health")
    titles = [tile.text_shown() for tile in configured.current_screen.tiles.tiles]  # type: ignore[attr-defined]
    assert station.catalog.procedures[PROCEDURE].title not in titles and titles
    panel.open_mode()
    type_pin(configured, PIN)
    panel.show_page(page)
    page.language_buttons["ru"].click()
    assert "ru" in {language.code for language in station.languages}
