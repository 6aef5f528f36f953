"""Every screen of the kiosk, registered in one place by the screen id it shows.

A screen's module is imported when the screen is first built, so the welcome
screen paints without waiting for the others (and what they import) to load.
The welcome screen is not here: it needs no station, and the window builds it first.
"""

from __future__ import annotations

import importlib

from kiosk.visit.places import ScreenId
from ui.screens.base import Screen

SCREENS: dict[ScreenId, str] = {
    ScreenId.LANGUAGE: "language.LanguageScreen",
    ScreenId.HOME: "home.HomeScreen",
    ScreenId.SITUATION: "situation.SituationScreen",
    ScreenId.INTRO: "intro.IntroScreen",
    ScreenId.STEP: "step.StepScreen",
    ScreenId.PRACTICE: "practice.PracticeScreen",
    ScreenId.RECAP: "recap.RecapScreen",
    ScreenId.HELP: "help.HelpScreen",
    ScreenId.HELP_SENT: "help_sent.HelpSentScreen",
    ScreenId.LEAVE: "leave.LeaveScreen",
    ScreenId.KEPT: "kept.KeptScreen",
    ScreenId.RESUME: "resume.ResumeScreen",
}


def screen_class(screen_id: ScreenId) -> type[Screen]:
    """The class of the screen that shows ``screen_id``, imported on first use."""
    module_name, class_name = SCREENS[screen_id].rsplit(".", 1)
    found = getattr(importlib.import_module(f"{__name__}.{module_name}"), class_name)
    if not (isinstance(found, type) and issubclass(found, Screen) and found.screen_id is screen_id):
        raise TypeError(f"{SCREENS[screen_id]} is not the screen of {screen_id.value}")
    return found
