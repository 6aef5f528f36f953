"""Practice mode as a person uses it: real widgets, a simulated site, mistakes explained aloud."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.content import practice_sites
from kiosk.content.practice_person import PRACTICE_PERSON
from kiosk.i18n import translation
from kiosk.i18n.translation import _
from kiosk.practice.explanations import EXPLANATIONS, explanation, review
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from tests.conftest import FakeClock
from ui.main_window import MainWindow
from ui.practice.screen import PracticeScreen
from ui.practice.site import WATERMARK_TEXT
from ui.screens.intro import IntroScreen
from voice.speaker import SilentSpeaker

PROCEDURE = "caf-declaration-trimestrielle"


def open_practice(window: MainWindow, language: str = "fr") -> PracticeScreen:
    visit = window.station.visit
    visit.start()
    visit.choose_language(language)
    visit.open_procedure(PROCEDURE)
    intro = window.current_screen
    assert isinstance(intro, IntroScreen) and intro.practice_button.isVisible()
    intro.practice_button.click()
    screen = window.current_screen
    assert isinstance(screen, PracticeScreen)
    return screen


def site_field(screen: PracticeScreen, field_id: str) -> QLineEdit:
    assert screen.site_page is not None
    editor = screen.site_page.fields[field_id].editor
    assert editor is not None
    return editor


def heard(window: MainWindow) -> list[str]:
    speaker = window.speaker
    assert isinstance(speaker, SilentSpeaker) and speaker.last_request is not None
    return list(speaker.last_request[0])


def test_practise_first_opens_a_simulated_site_that_cannot_be_taken_for_the_real_one(
    window: MainWindow,
) -> None:
    screen = open_practice(window, "ar")
    assert screen.browser.address.text() == "https://exercice-caf.simulation"
    assert "exercice" in screen.browser.site_name.text()
    assert _(WATERMARK_TEXT) != WATERMARK_TEXT  # the watermark speaks the person's language
    assert (
        screen.browser.watermark.isVisible() and screen.browser.watermark.geometry() == screen.browser.rect()
    )
    assert screen.banner_text.text() == _(
        "C'est un exercice : rien n'est envoyé. Ne tapez pas vos vrais mots de passe ici."
    )
    assert screen.banner_text.isVisible()
    password = site_field(screen, "mot-de-passe")
    assert password.echoMode() == QLineEdit.EchoMode.Password


def test_a_mistake_shows_the_sites_error_then_the_kiosk_explains_it_aloud_and_shows_where(
    window: MainWindow,
) -> None:
    screen = open_practice(window, "es")
    screen.use_practice_person()
    site_field(screen, "identifiant").setText("2 86 03 75 112 047 03")
    assert screen.site_page is not None
    screen.site_page.submit.click()
    view = screen.site_page.fields["identifiant"]
    assert view.error.isVisible() and view.error.text() == "Identifiant ou mot de passe incorrect."
    assert screen.explanation.text() == explanation("nir.key") != ""
    assert translation.active_language() == "es" and screen.explanation.text() != EXPLANATIONS["nir.key"]
    assert heard(window)[0] == screen.explanation.text()
    assert site_field(screen, "mot-de-passe").text() == ""  # the site empties the password after a try
    screen.show_me.click()
    assert view.property("shown_to_person") == "true"
    assert PRACTICE_PERSON.nir in screen.example.text()
    assert heard(window) == [screen.example.text()]
    window.nav_bar.help_button.click()  # help, then back: the same page, nothing typed lost
    window.station.visit.leave_help()
    assert window.current_screen is screen and site_field(screen, "identifiant").text() != ""
    site_field(screen, "identifiant").setText(PRACTICE_PERSON.nir)
    site_field(screen, "mot-de-passe").setText(PRACTICE_PERSON.password)
    screen.site_page.submit.click()  # unlimited tries: now it goes on
    assert screen.run is not None and screen.run.page.id == "code-connexion"  # the CAF login code
    assert not screen.explanation.isVisible()


def test_a_forgotten_password_code_is_read_in_the_practice_phone_and_copied(window: MainWindow) -> None:
    screen = open_practice(window)
    assert screen.site_page is not None
    screen.site_page.findChildren(type(screen.site_page.submit))[-1].click()  # « Mot de passe oublié ? »
    assert screen.run is not None and screen.run.page.id == "oubli"
    screen.use_practice_person()
    screen.site_page.submit.click()
    assert screen.run.page.id == "nouveau-mot-de-passe"
    assert "SMS" in screen.guidance.text()
    screen.browser.tabs["phone"].click()
    assert screen.browser.current_tab() == "phone"
    (message,) = screen.browser.phone_messages.messages
    code = screen.run.mailbox[0].code.reveal()
    assert code in message.text()
    screen.browser.tabs["site"].click()
    screen.use_practice_person()
    site_field(screen, "code").setText(code)
    screen.site_page.submit.click()
    assert screen.run.page.id == "connexion"


def test_the_simulated_session_expires_and_the_kiosk_says_it_is_not_the_persons_fault(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    screen = open_practice(window)
    field = site_field(screen, "identifiant")
    field.setFocus()
    window.activateWindow()
    for _minute in range(3):  # typing keeps the simulated session alive, as on a real site
        clock.advance(100)
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_2)  # through the window, as a real keyboard's keys
        screen.check_expiry()
    assert site_field(screen, "identifiant").text() == "222"
    clock.advance(121)
    screen.check_expiry()
    assert site_field(screen, "identifiant").text() == ""
    assert screen.explanation.text() == explanation(practice_sites.SESSION_EXPIRED)
    assert heard(window)[0] == screen.explanation.text()


def test_walked_to_the_end_the_review_is_spoken_and_only_mistake_kinds_are_recorded(
    stored_window: MainWindow,
) -> None:
    window = stored_window
    station: Station = window.station
    screen = open_practice(window)
    pages = 0
    while screen.review is None and pages < 12:
        run = screen.run
        assert run is not None and screen.site_page is not None
        screen.use_practice_person()
        if run.page.id == "code-connexion":  # read in the practice mailbox
            site_field(screen, "code").setText(run.mailbox[-1].code.reveal())
        if run.page.id == "montants":  # the pre-filled amounts are right
            screen.site_page.fields["exacts"].choices[0].click()
        if run.page.id == "autres-ressources":
            for field_id in ("etranger", "pensions"):
                site_field(screen, field_id).setText("0")
            site_field(screen, "non-salarie").setText(PRACTICE_PERSON.rsa_amount)  # the classic mistake
            screen.site_page.submit.click()
            assert screen.explanation.text() == explanation(practice_sites.RSA_AS_SALARY)
            site_field(screen, "non-salarie").setText("0")
        if run.page.id == "envoi":
            check = screen.site_page.fields["certification"].checkbox
            assert check is not None
            check.setChecked(True)
        screen.site_page.submit.click()
        pages += 1
    assert screen.review is not None
    assert screen.views.currentIndex() == 1
    assert explanation(practice_sites.RSA_AS_SALARY) in [line.label.text() for line in screen.mistakes.lines]
    assert len(screen.remember.lines) == 3
    assert heard(window)[0] == screen.went_well.text()
    assert station.visit.session.practised == [PROCEDURE]
    screen.real.click()
    assert station.visit.place.screen is ScreenId.STEP and station.visit.place.step_index == 0
    station.end_visit()
    QApplication.processEvents()
    store = station.keeper.store
    assert store is not None
    (record,) = store.activity()
    assert record["mode"] == "guide_and_practice"
    assert record["practice_mistakes"] == [practice_sites.RSA_AS_SALARY]
    assert PRACTICE_PERSON.rsa_amount not in repr(store.tables())
    assert PRACTICE_PERSON.password not in repr(store.tables())


def test_every_practice_site_first_page_fits_its_columns_at_1024_px(window: MainWindow) -> None:
    """A long address on the practice card (an e-mail) wraps instead of pushing text out of view."""
    window.resize(1024, 768)
    visit = window.station.visit
    visit.start()
    visit.choose_language("fr")
    for procedure_id in sorted(window.station.catalog.practice):
        visit.home()
        visit.open_procedure(procedure_id)
        visit.open_practice()
        QApplication.processEvents()
        screen = window.current_screen
        assert isinstance(screen, PracticeScreen)
        for scroller in screen.findChildren(QScrollArea):
            if scroller.isVisible() and scroller.widget() is not None:
                assert scroller.widget().width() <= scroller.viewport().width(), procedure_id


def test_in_arabic_do_it_for_real_points_forward_like_every_next(window: MainWindow) -> None:
    screen = open_practice(window, "ar")
    assert screen.run is not None
    screen.review = review(screen.run, screen.procedure)
    screen.refresh()
    assert screen.real._pictogram == "mdi6.arrow-left-bold"  # forward, in a right-to-left kiosk
