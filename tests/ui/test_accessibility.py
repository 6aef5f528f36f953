"""Every screen, at the common kiosk sizes: 64 px targets, 7:1 contrast, 22 px text, nothing cut,
and nothing a person needs (primary actions, answers, hard words, QR codes) below the fold."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kiosk.i18n.translation import offered_languages
from tests.ui.made_up_engine import MadeUpEngine
from ui.main_window import MainWindow
from ui.practice.screen import PracticeScreen
from ui.practice.site import SitePage
from ui.rights_engine import calculator_for
from ui.screens.base import must_be_seen, scroll_area
from ui.screens.welcome import WelcomeScreen
from ui.screenshots import tour
from ui.widgets.blocks import PictogramButton, text_label

from .screen_checks import problems

# Mediator mode once open is the mediators' own long lists (French only), read and scrolled by
# staff: the rule that nothing is below the fold is for the person, for the structure's first
# screens (set-up, PIN), which must fit without scrolling, and for « Enregistrer » in Réglages.
MEDIATORS_PAGES = frozenset({"mediator-session", "mediator-activity", "mediator-mandate"})


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768), (1920, 1080)])
@pytest.mark.parametrize("language", [language.code for language in offered_languages()])
def test_every_screen_meets_the_touch_and_legibility_rules(
    installed_window: MainWindow, size: tuple[int, int], language: str
) -> None:
    window = installed_window
    calculator_for(window.station, MadeUpEngine())  # the rules engine's figures are not what is checked here
    window.resize(*size)
    seen = []
    for name in tour(window, language):
        QApplication.processEvents()
        seen.append(name)
        assert problems(window, whole_in_view=name not in MEDIATORS_PAGES) == [], name
        assert (window.width(), window.height()) == size, f"{name} does not fit: the window grew"
    assert {"welcome", "language", "home", "intro", "step-first", "recap", "help-sent"} <= set(seen)


def test_largest_text_size_still_fits_at_1024(installed_window: MainWindow) -> None:
    window = installed_window
    calculator_for(window.station, MadeUpEngine())
    window.resize(1024, 768)
    window.station.visit.cycle_text_size()
    window.station.visit.cycle_text_size()
    for name in tour(window, "fr"):
        window.station.visit.session.text_size = 2
        window.current_screen.refresh()
        QApplication.processEvents()
        assert problems(window, whole_in_view=False) == [], name


def test_the_checks_catch_a_low_contrast_label(window: MainWindow) -> None:
    window.current_screen.title.show()
    window.current_screen.title.setText("Texte gris clair")
    window.current_screen.title.setStyleSheet("color: #BBBBBB")
    QApplication.processEvents()
    assert any("contrast" in problem for problem in problems(window))


def test_the_checks_catch_a_small_button(window: MainWindow) -> None:
    window.nav_bar.help_button.setFixedSize(40, 40)
    QApplication.processEvents()
    assert any("under 64 px" in problem for problem in problems(window))


@pytest.mark.parametrize("language", ["fa", "uk"])
def test_every_page_of_every_practice_site_keeps_its_words_whole_at_1024(
    installed_window: MainWindow, language: str
) -> None:
    """The tour walks one site; the others' pages (choices, uploads, links) are laid out here,
    in the languages whose words take the most room beside the site (« ocatai » was « Locataire »)."""
    window = installed_window
    window.resize(1024, 768)
    visit = window.station.visit
    visit.start()
    visit.choose_language(language)
    found: list[str] = []
    for procedure_id, site in sorted(window.station.catalog.practice.items()):
        visit.home()
        visit.open_procedure(procedure_id)
        visit.open_practice()
        screen = window.current_screen
        assert isinstance(screen, PracticeScreen) and screen.site_page is not None
        for page in site.pages:
            old = screen.site_page
            screen.browser.page_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
            screen.site_page = SitePage(page, "AB12CD")
            screen.browser.page_layout.addWidget(screen.site_page)
            found += [f"{procedure_id} {page.id}: {problem}" for problem in problems(window)]
    assert found == [], "\n".join(found)


def test_the_checks_catch_a_needed_button_below_the_fold(window: MainWindow) -> None:
    content = QWidget()
    layout = QVBoxLayout(content)
    filler = QLabel()
    filler.setFixedHeight(2000)
    layout.addWidget(filler)
    needed = PictogramButton("mdi6.check-bold")
    needed.set_text("Oui", "Répondre oui.")
    layout.addWidget(must_be_seen(needed))
    window.current_screen.layout_.addWidget(scroll_area(content), 1)
    QApplication.processEvents()
    assert any("'Oui'" in problem and "until one scrolls" in problem for problem in problems(window))


def test_the_checks_catch_a_word_cut_sideways(window: MainWindow) -> None:
    label = text_label()
    label.setText("Inconstitutionnellement")
    label.setFixedWidth(120)
    window.current_screen.layout_.addWidget(label)
    QApplication.processEvents()
    assert any("a word needs" in problem for problem in problems(window))


def test_commencer_stays_put_as_the_greetings_change(window: MainWindow) -> None:
    """Arabic and Persian lines are taller: « Commencer » jumped about 16 px as they came round."""
    window.resize(1024, 768)
    window.station.end_visit()
    welcome = window.current_screen
    assert isinstance(welcome, WelcomeScreen)
    places = set()
    for _ in welcome.languages:
        welcome._next_greeting()
        QApplication.processEvents()
        places.add(welcome.start_button.mapTo(window, welcome.start_button.rect().topLeft()).y())
    assert len(places) == 1, places


def test_the_bar_keeps_its_height_in_every_language(window: MainWindow) -> None:
    """It grew from 108 to 116 px after Arabic, and stayed so."""
    visit = window.station.visit
    visit.start()
    heights = []
    for language in ["fr", "ar", "fr", "fa", *(language.code for language in offered_languages())]:
        visit.choose_language(language)
        QApplication.processEvents()
        heights.append(window.nav_bar.height())
    assert len(set(heights)) == 1, heights
