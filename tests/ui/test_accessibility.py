"""Every screen, at the common kiosk sizes: 64 px targets, 7:1 contrast, 22 px text, nothing cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.i18n.translation import offered_languages
from ui.main_window import MainWindow
from ui.screenshots import tour

from .screen_checks import problems


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768), (1920, 1080)])
@pytest.mark.parametrize("language", [language.code for language in offered_languages()])
def test_every_screen_meets_the_touch_and_legibility_rules(
    installed_window: MainWindow, size: tuple[int, int], language: str
) -> None:
    window = installed_window
    window.resize(*size)
    seen = []
    for name in tour(window, language):
        QApplication.processEvents()
        seen.append(name)
        assert problems(window) == [], name
        assert (window.width(), window.height()) == size, f"{name} does not fit: the window grew"
    assert {"welcome", "language", "home", "intro", "step-first", "recap", "help-sent"} <= set(seen)


def test_largest_text_size_still_fits_at_1024(installed_window: MainWindow) -> None:
    window = installed_window
    window.resize(1024, 768)
    window.station.visit.cycle_text_size()
    window.station.visit.cycle_text_size()
    for name in tour(window, "fr"):
        window.station.visit.session.text_size = 2
        window.current_screen.refresh()
        QApplication.processEvents()
        assert problems(window) == [], name


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
