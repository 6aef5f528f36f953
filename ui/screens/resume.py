"""Coming back with a code: a big keypad of digits, the digits typed, and a clear answer.

Wrong codes typed here make the next tries wait (kiosk.visit.resume). Whoever is asked
to wait is told for how long, in words people say ("cinq minutes"), never less than the
real wait, and that a person at the desk can help.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.i18n.translation import N_, _
from kiosk.station import Station
from kiosk.visit.places import Place, ScreenId
from kiosk.visit.resume import CODE_DIGITS, SHORT_CODE_DIGITS
from ui.screens.base import Screen
from ui.widgets.blocks import PictogramButton, WarningBox, text_label
from ui.widgets.digit_pad import DigitPad

# A wait said in words, rounded up: the person never comes back too early. The longest
# wait there can be is three hours (a wrong 6-digit code while many are live).
WAIT_WORDS: tuple[tuple[float, str], ...] = (
    (60.0, N_("une minute")),
    (120.0, N_("deux minutes")),
    (300.0, N_("cinq minutes")),
    (600.0, N_("dix minutes")),
    (900.0, N_("un quart d'heure")),
    (1800.0, N_("une demi-heure")),
    (3600.0, N_("une heure")),
    (7200.0, N_("deux heures")),
    (10800.0, N_("trois heures")),
)
WAIT_CHECK_MS = 5000  # how often the wait shown is brought up to date while it runs

Problem = Literal["length", "wrong", "wait"]


def wait_in_words(seconds: float) -> str:
    """The wait, rounded up to the next of ``WAIT_WORDS``, in the active language."""
    for limit, words in WAIT_WORDS:
        if seconds <= limit:
            return _(words)
    return _(WAIT_WORDS[-1][1])


class ResumeScreen(Screen):
    screen_id = ScreenId.RESUME

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.hint = text_label("hint")
        self.shown = text_label("ticket")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem = WarningBox()
        self.go_button = PictogramButton("mdi6.play-circle-outline", role="primary")
        self.go_button.clicked.connect(self.submit)
        typed_column = QVBoxLayout()
        typed_column.setSpacing(16)
        for widget in (self.hint, self.shown, self.problem):
            typed_column.addWidget(widget)
        typed_column.addStretch(1)
        typed_column.addWidget(self.go_button)
        self.pad = DigitPad(CODE_DIGITS)
        self.pad.changed.connect(self._show_typed)
        self._problem: Problem | None = None  # kept as a kind, so it is re-said in a new language
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(WAIT_CHECK_MS)
        self._wait_timer.timeout.connect(self._show_problem)
        row_layout = QHBoxLayout()
        row_layout.setSpacing(32)
        row_layout.addLayout(typed_column, 1)
        row_layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(row_layout, 1)

    def enter(self, place: Place) -> None:
        self.pad.clear()  # digits of a code are kept only while the screen is shown
        self._problem = "wait" if self.station.keeper.resume_wait_s() > 0 else None
        super().enter(place)

    def leave(self) -> None:
        self._wait_timer.stop()
        self.pad.clear()
        self.shown.clear()

    def refresh(self) -> None:
        self.title.setText(_("Tapez votre code pour reprendre"))
        hint = _("Le code a {digits} chiffres. Il est sur votre papier ou votre photo.")
        hint = hint.format(digits=CODE_DIGITS)
        if self._takes_short_codes():
            older = _("Un code plus ancien peut avoir {digits} chiffres.")
            hint += " " + older.format(digits=SHORT_CODE_DIGITS)
        self.hint.setText(hint)
        self.pad.retranslate()
        self.go_button.set_text(_("Reprendre"), _("Reprendre là où vous étiez la dernière fois."))
        self._show_typed()
        self._show_problem()

    def submit(self) -> None:
        keeper = self.station.keeper
        if keeper.resume_wait_s() > 0:
            self._say("wait")
            return
        if self.pad.count not in keeper.resume_lengths():
            self._say("length")
            return
        code = self.pad.take()
        if not self.station.resume(code):
            self._show_typed()
            self._say("wrong")

    def _takes_short_codes(self) -> bool:
        return SHORT_CODE_DIGITS in self.station.keeper.resume_lengths()

    def _problem_text(self) -> str:
        """What is wrong, said now: a wait that has ended is no longer mentioned."""
        wait = self.station.keeper.resume_wait_s()
        if self._problem == "length":
            if self._takes_short_codes():
                return _("Le code a {digits} chiffres, ou {short} pour un code plus ancien.").format(
                    digits=CODE_DIGITS, short=SHORT_CODE_DIGITS
                )
            return _("Le code a {digits} chiffres.").format(digits=CODE_DIGITS)
        if self._problem == "wrong" and wait > 0:
            return _(
                "Ce code ne marche pas. Attendez {wait} avant d'essayer encore, "
                "ou demandez à une personne de l'accueil."
            ).format(wait=wait_in_words(wait))
        if self._problem == "wrong":
            return _("Ce code ne marche pas. Vérifiez les chiffres, ou demandez à une personne de l'accueil.")
        if self._problem == "wait" and wait > 0:
            return _(
                "Trop de codes faux ont été tapés sur cet écran. Attendez {wait} avant d'essayer encore, "
                "ou demandez à une personne de l'accueil."
            ).format(wait=wait_in_words(wait))
        return ""

    def _show_problem(self) -> None:
        self.problem.set_text(self._problem_text())
        box_layout = self.problem.layout()
        if box_layout is not None:  # a box just shown is sized for its first text unless laid out now
            box_layout.activate()
        if self.station.keeper.resume_wait_s() > 0 and self._problem is not None:
            self._wait_timer.start()
        else:
            self._wait_timer.stop()

    def _say(self, problem: Problem) -> None:
        self._problem = problem
        self._show_problem()
        self.speak_requested.emit([self.problem.label.text()])

    def _show_typed(self) -> None:
        typed = self.pad.shown()
        half = CODE_DIGITS // 2
        self.shown.setText(f"\u2066{typed[:half]} {typed[half:]}\u2069")

    def spoken_texts(self) -> list[str]:
        texts = [self.title.text(), self.hint.text()]
        return texts + ([self.problem.label.text()] if self._problem_text() else [])
