"""Every screen of the kiosk, registered in one place by the screen id it shows."""

from __future__ import annotations

from kiosk.navigation import ScreenId
from ui.screens.base import Screen
from ui.screens.help import HelpScreen
from ui.screens.help_sent import HelpSentScreen
from ui.screens.home import HomeScreen
from ui.screens.intro import IntroScreen
from ui.screens.kept import KeptScreen
from ui.screens.language import LanguageScreen
from ui.screens.leave import LeaveScreen
from ui.screens.practice import PracticeScreen
from ui.screens.recap import RecapScreen
from ui.screens.resume import ResumeScreen
from ui.screens.situation import SituationScreen
from ui.screens.step import StepScreen
from ui.screens.welcome import WelcomeScreen

SCREENS: dict[ScreenId, type[Screen]] = {
    screen.screen_id: screen
    for screen in (
        WelcomeScreen,
        LanguageScreen,
        HomeScreen,
        SituationScreen,
        IntroScreen,
        StepScreen,
        PracticeScreen,
        RecapScreen,
        HelpScreen,
        HelpSentScreen,
        LeaveScreen,
        KeptScreen,
        ResumeScreen,
    )
}
