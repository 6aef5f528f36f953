"""Every step of every bundled procedure at 1024x768: the same screen checks as the tour (targets,
contrast, nothing cut, what a person needs above the fold), since a step's length, its question
and its hard words come from the content, not from the code.

French (the source) and Arabic (right to left, among the longest) run with every ./test.sh,
about 20 s each; all ten languages (when content or the step screen changes, before a release):
``KIOSK_EVERY_LANGUAGE=1 ./test.sh tests/ui/test_every_step.py``.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.i18n.translation import offered_languages
from kiosk.visit.places import Place, ScreenId
from ui.main_window import MainWindow

from .screen_checks import problems

EVERY_LANGUAGE = bool(os.environ.get("KIOSK_EVERY_LANGUAGE"))
LANGUAGES = [language.code for language in offered_languages()] if EVERY_LANGUAGE else ["fr", "ar"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_of_every_procedure_meets_the_screen_rules(
    installed_window: MainWindow, language: str
) -> None:
    window = installed_window
    window.resize(1024, 768)
    visit = window.station.visit
    visit.start()
    visit.choose_language(language)
    found = []
    for procedure in window.station.catalog.procedures.values():
        for index, step in enumerate(procedure.steps):
            visit.navigator.go(Place(ScreenId.STEP, procedure.theme, procedure.id, index))
            QApplication.processEvents()
            found += [f"{procedure.id}/{step.id}: {problem}" for problem in problems(window)]
    assert found == [], "\n".join(found)
