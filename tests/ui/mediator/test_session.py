"""The session page: a help request from any screen shows there; a referral reaches the activity record."""

from __future__ import annotations

import pytest

from kiosk.i18n import translation
from kiosk.secret import Secret
from kiosk.visit.help_desk import HELP_KIND_LABELS, HelpKind
from kiosk.visit.places import ScreenId
from tests.conftest import walk_to_step
from tests.ui.mediator.helpers import PIN, PROCEDURE, fits, in_view, type_pin
from ui.main_window import MainWindow


@pytest.mark.parametrize(
    "kind", [HelpKind.DONT_UNDERSTAND, HelpKind.STUCK, HelpKind.WANT_PERSON, HelpKind.SCREEN_PROBLEM]
)
def test_a_help_request_from_each_kind_of_screen_reaches_mediator_mode(
    configured: MainWindow, kind: HelpKind
) -> None:
    station = configured.station
    visit = station.visit
    visit.start()
    visit.choose_language("ar")
    places = {
        ScreenId.HOME: lambda: None,
        ScreenId.SITUATION: lambda: visit.open_theme("health"),
        ScreenId.INTRO: lambda: visit.open_procedure(PROCEDURE),
        ScreenId.STEP: visit.next,
        ScreenId.LEAVE: visit.open_leave,
    }
    for ticket, (screen, go) in enumerate(places.items(), start=1):
        go()
        assert visit.place.screen is screen
        visit.open_help()
        request = visit.ask_for_help(kind)
        visit.leave_help()
        assert request.context.screen == screen.value and request.context.language == "ar"
        configured.mediator_panel.open_mode()
        type_pin(configured, PIN)
        shown = configured.mediator_panel.session_page.lines.text()
        assert f"Ticket {ticket} : {HELP_KIND_LABELS[kind]}" in shown
        configured.mediator_panel.back_button.click()
        assert visit.place.screen is screen, "handed back where the person was"


def test_a_referral_to_a_place_of_the_directory_reaches_the_activity_record(configured: MainWindow) -> None:
    station = configured.station
    station.keeper.change_setting("help_places", [{"name": "CCAS de Guéret"}, {"name": "Mission locale"}])
    walk_to_step(station, PROCEDURE, 1)
    configured.mediator_panel.open_mode()
    type_pin(configured, PIN)
    session = configured.mediator_panel.session_page
    assert [b.text_shown() for b in session.referral_buttons] == ["CCAS de Guéret", "Mission locale"]
    session.referral_buttons[1].click()
    configured.mediator_panel.back_button.click()
    station.end_visit()
    store = station.keeper.store
    assert store is not None and store.activity()[-1]["referral"] == "Mission locale"


def test_a_note_that_looks_like_a_password_asks_first_and_never_reaches_the_disk(
    configured: MainWindow,
) -> None:
    station = configured.station
    walk_to_step(station, PROCEDURE, 2)
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    session = panel.session_page
    session.note.setText("Son mdp ameli : Soleil-2026")
    session.note_button.click()
    assert "mot de passe" in session.note_warning.label.text() and not session.note_warning.isHidden()
    assert station.keeper.notes(station.visit.session) == [], "not kept at the first touch"
    session.note_button.click()  # the mediator insists
    assert station.keeper.notes(station.visit.session) == ["Son mdp ameli : Soleil-2026"]
    session.note.setText("Revenir avec l'avis d'imposition")
    session.note_button.click()
    assert "avis d'imposition" in session.notes.text(), "an ordinary note is kept at once"
    store = station.keeper.store
    assert store is not None
    store.checkpoint()
    assert "Soleil-2026" not in repr(store.tables())
    folder = station.config.data_dir
    leaked = [p for p in folder.rglob("*") if p.is_file() and b"Soleil-2026" in p.read_bytes()]
    assert leaked == [], "nothing in the store, its journal, the log or any file of the data folder"
    station.end_visit()
    assert station.keeper.notes(station.visit.session) == []


def test_a_mediator_lifts_a_wait_left_by_wrong_codes(configured: MainWindow) -> None:
    keeper = configured.station.keeper
    for _ in range(5):
        assert not configured.station.resume(Secret("00000000"))
    assert keeper.resume_wait_s() > 0
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    button = panel.session_page.code_wait_button
    assert not button.isHidden()
    button.click()
    assert keeper.resume_wait_s() == 0 and button.isHidden()
    assert keeper.store is not None
    assert "resume.wrong_codes_forgotten" in [entry.event for entry in keeper.store.journal_entries()]


def test_at_1024_px_the_language_reads_in_french_and_the_note_field_is_not_squeezed(
    configured: MainWindow,
) -> None:
    configured.resize(1024, 768)
    walk_to_step(configured.station, PROCEDURE, 2, language="fa")
    visit = configured.station.visit
    visit.open_help()
    visit.ask_for_help(HelpKind.STUCK)  # « Demande résolue » shows too
    visit.leave_help()
    panel = configured.mediator_panel
    panel.open_mode()
    type_pin(configured, PIN)
    session = panel.session_page
    persian = translation.language("fa").native_name  # « فارسی »
    assert f"Langue de la personne : persan (\u2068{persian}\u2069)." in session.summary.text()
    note = session.note
    room = note.contentsRect().width() - 2 * 8  # what the field's frame and margins leave to its text
    assert note.fontMetrics().horizontalAdvance(note.placeholderText()) <= room, "the whole hint shows"
    assert fits(configured), "the session page fits without scrolling, its timeline scrolls within it"
    for shown in (session.resolve_button, note, *session.autonomy_buttons.values()):
        assert in_view(configured, shown)
