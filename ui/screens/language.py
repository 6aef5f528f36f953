"""Language choice: each offered language by its own name, in its own script (no flags)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout

from kiosk.i18n import translation
from kiosk.i18n.translation import _
from kiosk.station import Station
from kiosk.visit.places import ScreenId
from kiosk.visit.session import TEXT_SIZES
from ui.screens.base import Screen
from ui.widgets.blocks import PictogramButton, text_label

COLUMNS = 3  # ten languages in four rows fit 1024 x 768 even at the largest text size


class LanguageScreen(Screen):
    screen_id = ScreenId.LANGUAGE

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.hint = text_label("hint")
        self.layout_.addWidget(self.hint)
        grid = self.grid = QGridLayout()
        grid.setSpacing(10)
        self.buttons: dict[str, PictogramButton] = {}
        for language in station.translated_languages:
            button = PictogramButton("mdi6.translate", icon_px=40)
            direction = (
                Qt.LayoutDirection.RightToLeft
                if translation.is_rtl(language.code)
                else Qt.LayoutDirection.LeftToRight
            )
            button.setLayoutDirection(direction)
            button.clicked.connect(lambda _=False, code=language.code: self.visit.choose_language(code))
            self.buttons[language.code] = button
        self.layout_.addLayout(grid)
        self.layout_.addStretch(1)

    def refresh(self) -> None:
        self.title.setText(_("Choisissez votre langue"))
        self.hint.setText(_("Touchez votre langue. Vous pouvez la changer à tout moment."))
        # At the largest text size ten languages need the whole screen; the hint is still read aloud.
        self.hint.setVisible(self.visit.session.text_scale < TEXT_SIZES[-1])
        self._lay_out_offered()
        current = translation.active_language()
        for code, button in self.buttons.items():
            button.set_selected(code == current)
            button.set_pictogram("mdi6.check-bold" if code == current else "mdi6.translate")
            button.set_text(translation.language(code).native_name, _("Choisir cette langue."))

    def _lay_out_offered(self) -> None:
        """Only the languages the structure offers, in order, with no gaps."""
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.hide()
        for index, language in enumerate(self.station.languages):
            button = self.buttons[language.code]
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            button.show()

    def spoken_texts(self) -> list[str]:
        return [self.title.text(), self.hint.text()]
