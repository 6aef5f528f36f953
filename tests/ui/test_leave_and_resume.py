"""Leaving from any screen: erase everything, or take a code and come back to the same place."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.i18n import translation
from kiosk.secret import Secret
from kiosk.station import Station
from kiosk.visit.places import Place, ScreenId
from kiosk.visit.resume import LIVE_CODES_MAX, SHORT_CODE_DIGITS, code_digest, resume_state, spaced
from kiosk.visit.session import Session
from tests.conftest import FakeClock, walk_to_step
from ui.main_window import MainWindow
from ui.screens.kept import KeptScreen
from ui.screens.leave import LeaveScreen
from ui.screens.resume import ResumeScreen
from ui.widgets.blocks import PictogramButton
from voice.speaker import SilentSpeaker

PROCEDURE = "caf-prime-activite"


def type_code(window: MainWindow, digits: str, language: str = "fr") -> ResumeScreen:
    window.station.visit.start()
    window.station.visit.choose_language(language)
    window.screen_for(ScreenId.HOME).resume_button.click()  # type: ignore[attr-defined]
    screen = window.current_screen
    assert isinstance(screen, ResumeScreen)
    return type_again(screen, digits)


def type_again(screen: ResumeScreen, digits: str) -> ResumeScreen:
    for digit in digits:
        screen.pad.digit_buttons[digit].click()
    screen.go_button.click()
    QApplication.processEvents()
    return screen


def test_leave_keep_and_come_back_to_the_same_step(stored_window: MainWindow) -> None:
    station = stored_window.station
    walk_to_step(station, PROCEDURE, 2, language="en")
    where = station.visit.place
    stored_window.nav_bar.leave_button.click()
    leave = stored_window.current_screen
    assert isinstance(leave, LeaveScreen) and leave.keep_button.isVisible()
    leave.keep_button.click()
    kept = stored_window.current_screen
    assert isinstance(kept, KeptScreen) and kept.qr.isVisible() and not kept.qr.pixmap().isNull()
    code = station.visit.kept_code
    assert code is not None and spaced(code) in kept.code.text()
    digits = code.reveal()
    assert len(digits) == 8 and kept.code.text() == f"\u2066{digits[:4]} {digits[4:]}\u2069"
    speaker = stored_window.speaker
    assert isinstance(speaker, SilentSpeaker) and speaker.last_was_personal
    halves = f"{', '.join(digits[:4])}; {', '.join(digits[4:])}"
    assert halves in speaker.last_request[0]  # type: ignore[index]
    kept.done_button.click()
    assert station.visit.place.screen is ScreenId.WELCOME and kept.code.text() == ""
    type_code(stored_window, digits)
    assert station.visit.place == where and station.visit.session.language == "en"
    assert stored_window.current_screen.screen_id is ScreenId.STEP


def test_erase_and_leave_goes_back_to_the_start(stored_window: MainWindow) -> None:
    station = stored_window.station
    walk_to_step(station, PROCEDURE, 1)
    stored_window.nav_bar.leave_button.click()
    leave = stored_window.current_screen
    assert isinstance(leave, LeaveScreen)
    leave.erase_button.click()
    assert station.visit.place.screen is ScreenId.WELCOME and not station.visit.navigator.can_go_back
    assert station.keeper.store is not None and station.keeper.store.session_ids() == []


def test_a_wrong_code_is_explained_and_nothing_moves(stored_window: MainWindow) -> None:
    screen = type_code(stored_window, "12345678")
    assert screen.problem.isVisible() and "ne marche pas" in screen.problem.label.text()
    assert stored_window.station.visit.place.screen is ScreenId.RESUME
    assert screen.shown.text() == "\u2066____ ____\u2069", "the digits typed are gone"
    assert "Le code a 8 chiffres." in screen.hint.text() and "6" not in screen.hint.text()
    screen = type_code(stored_window, "123456")
    assert screen.problem.label.text() == "Le code a 8 chiffres.", "no code of 6 digits is live"


def test_whoever_must_wait_is_told_how_long_in_words(stored_window: MainWindow, clock: FakeClock) -> None:
    station = stored_window.station

    def wait(seconds: float) -> None:  # the person stays, touching the screen: the visit goes on
        clock.advance(seconds)
        stored_window.idle.touch(clock())

    screen = type_code(stored_window, "00000001")
    for number in range(2, 5):
        type_again(screen, f"{number:08d}")
    told = screen.problem.label.text()
    assert told.startswith("Ce code ne marche pas. Attendez une minute avant d'essayer encore")
    speaker = stored_window.speaker
    assert isinstance(speaker, SilentSpeaker) and speaker.last_request[0] == (told,)  # type: ignore[index]
    type_again(screen, "00000005")
    waiting = "Trop de codes faux ont été tapés sur cet écran. Attendez une minute avant d'essayer encore"
    assert screen.problem.label.text().startswith(waiting), "nothing is checked while the wait runs"
    screen.pad.clear()
    wait(60)
    type_again(screen, "00000006")  # the fifth wrong code: two minutes, said "deux minutes"
    assert "Attendez deux minutes" in screen.problem.label.text()
    wait(61)
    screen._wait_timer.timeout.emit()  # the screen brings the wait up to date while it runs
    assert screen.problem.label.text().startswith("Ce code ne marche pas. Attendez une minute")
    wait(60)
    screen._wait_timer.timeout.emit()
    assert "Attendez" not in screen.problem.label.text() and not screen._wait_timer.isActive()
    station.end_visit()
    assert not station.resume(Secret("00000007")) and station.keeper.resume_wait_s() == 240.0
    # Someone else comes while the wait runs: they are told on arrival, in their language.
    screen = type_code(stored_window, "", language="fa")
    said = screen.problem.label.text()
    assert said and "Trop" not in said and "دقیقه" in said, "in Persian, in words"
    assert said in screen.spoken_texts()
    station.end_visit()


def test_when_too_many_codes_are_live_no_code_is_promised(
    stored_window: MainWindow, clock: FakeClock
) -> None:
    station = stored_window.station
    assert station.keeper.store is not None
    for number in range(LIVE_CODES_MAX):
        station.keeper.store.keep_for_resume(f"code-{number}", {}, clock(), clock() + 86400)
    walk_to_step(station, PROCEDURE, 1)
    stored_window.nav_bar.leave_button.click()
    leave = stored_window.current_screen
    assert isinstance(leave, LeaveScreen)
    leave.keep_button.click()
    assert stored_window.current_screen is leave and station.visit.kept_code is None
    assert leave.cannot_keep.label.text() == "Votre avancement ne peut pas être gardé aujourd'hui."
    assert "1000 codes pour revenir" in station.keeper.notices[0].message


def test_a_six_digit_code_kept_before_still_brings_the_person_back(
    stored_window: MainWindow, clock: FakeClock
) -> None:
    station = stored_window.station
    store = station.keeper.store
    assert store is not None
    digest = code_digest(Secret("654321"), store.station_token("resume_code_pepper"))
    state = resume_state(Session("es"), (), Place(ScreenId.HOME))
    store.keep_for_resume(digest, state, clock(), clock() + 86400, SHORT_CODE_DIGITS)
    screen = type_code(stored_window, "6543")
    assert "Un code plus ancien peut avoir 6 chiffres." in screen.hint.text()
    assert screen.problem.label.text() == "Le code a 8 chiffres, ou 6 pour un code plus ancien."
    type_again(screen, "21")
    assert station.visit.place.screen is ScreenId.HOME and translation.active_language() == "es"


def test_without_a_store_nothing_is_promised(window: MainWindow, station: Station) -> None:
    walk_to_step(station, PROCEDURE, 1)
    window.nav_bar.leave_button.click()
    leave = window.current_screen
    assert isinstance(leave, LeaveScreen)
    assert not leave.keep_button.isVisible() and leave.erase_button.isVisible()
    station.visit.home()
    assert not window.screen_for(ScreenId.HOME).resume_button.isVisible()  # type: ignore[attr-defined]


def test_the_leave_button_is_on_every_screen_but_the_start_and_leaving(stored_window: MainWindow) -> None:
    station = stored_window.station
    assert not stored_window.nav_bar.leave_button.isVisible()
    walk_to_step(station, PROCEDURE, 1)
    assert stored_window.nav_bar.leave_button.isVisible()
    station.visit.open_help()
    assert stored_window.nav_bar.leave_button.isVisible()
    station.visit.open_leave()
    assert not stored_window.nav_bar.leave_button.isVisible()
    stored_window.nav_bar.back_button.click()
    assert stored_window.nav_bar.leave_button.isVisible()


def _leave_screen(window: MainWindow) -> LeaveScreen:
    window.station.visit.open_leave()
    QApplication.processEvents()
    screen = window.current_screen
    assert isinstance(screen, LeaveScreen)
    return screen


def _primary_at_the_reading_end(screen: LeaveScreen) -> PictogramButton:
    row = [screen.keep_button, screen.erase_button]
    primary = [button for button in row if button.property("role") == "primary"]
    assert len(primary) == 1, "one primary action"
    shown = sorted((b for b in row if b.isVisible()), key=lambda b: b.mapTo(screen, b.rect().topLeft()).x())
    assert shown[-1] is primary[0], "the primary action at the reading end, like every Next"
    return primary[0]


def test_midway_through_a_procedure_keeping_it_is_the_primary_action(stored_window: MainWindow) -> None:
    walk_to_step(stored_window.station, PROCEDURE, 2)
    screen = _leave_screen(stored_window)
    assert _primary_at_the_reading_end(screen) is screen.keep_button


def test_with_nothing_begun_or_all_done_erasing_is_the_primary_action(stored_window: MainWindow) -> None:
    visit = stored_window.station.visit
    visit.start()
    visit.choose_language("fr")
    screen = _leave_screen(stored_window)
    assert _primary_at_the_reading_end(screen) is screen.erase_button
    visit.back()
    procedure = stored_window.station.catalog.procedures["france-travail-actualisation"]
    visit.open_procedure(procedure.id)
    visit.next()
    while visit.place.screen is ScreenId.STEP:
        visit.next()
    assert visit.place.screen is ScreenId.RECAP, "done: nothing left that a code would bring back"
    screen = _leave_screen(stored_window)
    assert _primary_at_the_reading_end(screen) is screen.erase_button
