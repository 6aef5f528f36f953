"""Coming back with a code: a big keypad of digits, the digits typed, and a clear answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.i18n.translation import _
from kiosk.station import Station
from kiosk.visit.places import Place, ScreenId
from kiosk.visit.resume import CODE_DIGITS
from ui.screens.base import Screen
from ui.widgets.blocks import PictogramButton, WarningBox, text_label
from ui.widgets.digit_pad import DigitPad


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
        row_layout = QHBoxLayout()
        row_layout.setSpacing(32)
        row_layout.addLayout(typed_column, 1)
        row_layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(row_layout, 1)

    def enter(self, place: Place) -> None:
        self.pad.clear()  # digits of a code are kept only while the screen is shown
        self.problem.set_text("")
        super().enter(place)

    def leave(self) -> None:
        self.pad.clear()
        self.shown.clear()

    def refresh(self) -> None:
        self.title.setText(_("Tapez votre code pour reprendre"))
        self.hint.setText(_("Le code a 6 chiffres. Il est sur votre papier ou votre photo."))
        self.pad.retranslate()
        self.go_button.set_text(_("Reprendre"), _("Reprendre là où vous étiez la dernière fois."))
        self._show_typed()

    def submit(self) -> None:
        if self.station.keeper.resume_locked():
            self._say(_("Trop d'essais. Attendez quelques minutes, ou demandez à une personne de l'accueil."))
            return
        if self.pad.count != CODE_DIGITS:
            self._say(_("Le code a 6 chiffres."))
            return
        code = self.pad.take()
        if not self.station.resume(code):
            self._show_typed()
            self._say(
                _("Ce code ne marche pas. Vérifiez les chiffres, ou demandez à une personne de l'accueil.")
            )

    def _say(self, text: str) -> None:
        self.problem.set_text(text)
        self.speak_requested.emit([text])

    def _show_typed(self) -> None:
        typed = self.pad.shown()
        self.shown.setText(f"\u2066{typed[:3]} {typed[3:]}\u2069")

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.hint.text()]
