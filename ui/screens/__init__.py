"""Every screen of the kiosk, registered in one place by the screen id it shows.

A screen's module (a full dotted path: practice mode has a package of its own) is
imported when the screen is first built, so the welcome screen paints without
waiting for the others (and what they import) to load.
The welcome screen is not here: it needs no station, and the window builds it first.
"""

from __future__ import annotations

import importlib

from kiosk.visit.places import ScreenId
from ui.screens.base import Screen

SCREENS: dict[ScreenId, str] = {
    ScreenId.LANGUAGE: "ui.screens.language.LanguageScreen",
    ScreenId.HOME: "ui.screens.home.HomeScreen",
    ScreenId.SITUATION: "ui.screens.situation.SituationScreen",
    ScreenId.INTRO: "ui.screens.intro.IntroScreen",
    ScreenId.STEP: "ui.screens.step.StepScreen",
    ScreenId.PRACTICE: "ui.practice.screen.PracticeScreen",
    ScreenId.RECAP: "ui.screens.recap.RecapScreen",
    ScreenId.HELP: "ui.screens.help.HelpScreen",
    ScreenId.HELP_SENT: "ui.screens.help_sent.HelpSentScreen",
    ScreenId.LEAVE: "ui.screens.leave.LeaveScreen",
    ScreenId.KEPT: "ui.screens.kept.KeptScreen",
    ScreenId.RESUME: "ui.screens.resume.ResumeScreen",
    ScreenId.RIGHTS_QUESTION: "ui.screens.rights_question.RightsQuestionScreen",
    ScreenId.RIGHTS_RESULTS: "ui.screens.rights_results.RightsResultsScreen",
}


def screen_class(screen_id: ScreenId) -> type[Screen]:
    """The class of the screen that shows ``screen_id``, imported on first use."""
    module_name, class_name = SCREENS[screen_id].rsplit(".", 1)
    found = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(found, type) and issubclass(found, Screen) and found.screen_id is screen_id):
        raise TypeError(f"{SCREENS[screen_id]} is not the screen of {screen_id.value}")
    return found
