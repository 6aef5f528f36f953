"""The settings page: the structure's name, address and nearby help places, the idle delay, reading aloud,
the PIN, the languages and procedures offered, and what the station needs the mediator to know."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from kiosk.config import (
    AUTO_READ_SETTING,
    HIDDEN_LANGUAGES_SETTING,
    HIDDEN_PROCEDURES_SETTING,
    IDLE_TIMEOUT_SETTING,
)
from kiosk.i18n import translation
from kiosk.mediation.timeline import language_for_mediator
from kiosk.visit.recap import HELP_PLACES, STRUCTURE_ADDRESS, STRUCTURE_NAME
from ui.mediator.parts import MediatorPage, button
from ui.widgets.blocks import PictogramButton, text_label

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel

IDLE_CHOICES_S = (60, 120, 180, 300)
HELP_PLACES_HINT = "Un lieu par ligne : nom ; adresse ; horaires ; pour quoi il aide"


def parse_help_places(text: str) -> list[dict[str, str]]:
    places = []
    for line in text.splitlines():
        parts = [part.strip() for part in line.split(";")]
        if parts and parts[0]:
            parts += [""] * (4 - len(parts))
            places.append(dict(zip(("name", "address", "hours", "helps_with"), parts[:4], strict=True)))
    return places


def format_help_places(places: list[dict[str, str]] | None) -> str:
    return "\n".join(
        " ; ".join(place.get(key, "") for key in ("name", "address", "hours", "helps_with")).rstrip(" ;")
        for place in places or []
    )


class SettingsPage(MediatorPage):
    """The structure's name, address and nearby help places; idle delay; reading aloud; the PIN."""

    TAB_LABEL = "Réglages"
    TAB_PICTOGRAM = "mdi6.cog-outline"

    settings_changed = Signal()

    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__(panel)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.help_places = QPlainTextEdit()
        # No placeholder: Qt paints a text box's hint in the application's direction, the person's, so
        # after an Arabic or Persian visit it sat on the right of this French page. The caption above
        # says the same. The text typed keeps to the left too (mediator mode is French, left to right).
        option = self.help_places.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        self.help_places.document().setDefaultTextOption(option)
        self.help_places.setMinimumHeight(120)
        for line_edit in (self.name, self.address):
            line_edit.setMinimumHeight(64)
        self.save_button = button(
            "mdi6.content-save-outline", "Enregistrer", "Garder ces informations.", "primary"
        )
        self.save_button.clicked.connect(self.save)
        # The name and the address side by side, so that « Enregistrer » is on screen at 1024x768
        # without scrolling (one under the other, it was 63 to 86 px below the fold).
        identity = QGridLayout()
        identity.setHorizontalSpacing(24)
        for column, (caption, editor) in enumerate(
            (("Nom de la structure", self.name), ("Adresse de la structure", self.address))
        ):
            identity.addWidget(self._caption(caption), 0, column)
            identity.addWidget(editor, 1, column)
        layout.addLayout(identity)
        layout.addWidget(
            self._caption(f"Lieux d'aide proches, sur les récapitulatifs ({HELP_PLACES_HINT.lower()})")
        )
        layout.addWidget(self.help_places)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeading)
        idle_caption = text_label()
        idle_caption.setText("Sans toucher l'écran, le kiosque demande si quelqu'un est là après :")
        layout.addWidget(idle_caption)
        idle_row = QHBoxLayout()
        self.idle_buttons: dict[int, PictogramButton] = {}
        for seconds in IDLE_CHOICES_S:
            choice = button(
                "mdi6.timer-outline", f"{seconds // 60} min", f"Délai d'inactivité : {seconds} s."
            )
            choice.clicked.connect(lambda _checked=False, s=seconds: self.set_idle(s))
            self.idle_buttons[seconds] = choice
            idle_row.addWidget(choice)
        idle_row.addStretch(1)
        layout.addLayout(idle_row)
        self.auto_read = button("mdi6.account-voice", "", "Lire chaque écran à voix haute dès qu'il s'ouvre.")
        self.auto_read.clicked.connect(self.toggle_auto_read)
        self.pin_button = button("mdi6.form-textbox-password", "Changer le PIN", "Choisir un nouveau PIN.")
        self.pin_button.clicked.connect(panel.change_pin)
        self.quit_button = button("mdi6.power", "Quitter le kiosque", "Fermer le kiosque (maintenance).")
        self.quit_button.clicked.connect(self.quit_kiosk)
        row = QHBoxLayout()
        row.addWidget(self.auto_read)
        row.addWidget(self.pin_button)
        row.addWidget(self.quit_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.printer = text_label()
        layout.addWidget(self.printer)
        languages_caption = text_label()
        languages_caption.setText(
            "Langues proposées (touchez pour retirer ou remettre ; le français reste) :"
        )
        layout.addWidget(languages_caption)
        language_grid = QGridLayout()
        self.language_buttons: dict[str, PictogramButton] = {}
        for index, language in enumerate(panel.station.translated_languages):
            name = language_for_mediator(language.code)
            choice = button("mdi6.translate", name, f"Proposer ou non : {name}.")
            choice.setEnabled(language.code != translation.SOURCE_LANGUAGE)
            choice.clicked.connect(
                lambda _checked=False, c=language.code: self.toggle(HIDDEN_LANGUAGES_SETTING, c)
            )
            self.language_buttons[language.code] = choice
            language_grid.addWidget(choice, index // 4, index % 4)
        layout.addLayout(language_grid)
        procedures_caption = text_label()
        procedures_caption.setText("Démarches proposées (touchez pour retirer ou remettre) :")
        layout.addWidget(procedures_caption)
        procedure_grid = QGridLayout()
        self.procedure_buttons: dict[str, PictogramButton] = {}
        for index, procedure in enumerate(panel.station.catalog.procedures.values()):
            choice = button(procedure.pictogram, procedure.title, "Proposer ou non cette démarche.")
            choice.clicked.connect(
                lambda _checked=False, p=procedure.id: self.toggle(HIDDEN_PROCEDURES_SETTING, p)
            )
            self.procedure_buttons[procedure.id] = choice
            procedure_grid.addWidget(choice, index // 2, index % 2)
        layout.addLayout(procedure_grid)
        self.problems = text_label("hint")
        layout.addWidget(self.problems)
        layout.addStretch(1)

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = text_label()
        label.setText(text)
        return label

    def refresh(self) -> None:
        keeper = self.panel.station.keeper
        self.name.setText(keeper.setting(STRUCTURE_NAME, ""))
        self.address.setText(keeper.setting(STRUCTURE_ADDRESS, ""))
        self.help_places.setPlainText(format_help_places(keeper.setting(HELP_PLACES, [])))
        station = self.panel.station
        for seconds, choice in self.idle_buttons.items():
            choice.set_selected(seconds == station.config.idle_timeout_s)
        self.auto_read.set_text(
            "Lecture à voix haute : oui" if station.auto_read_default else "Lecture à voix haute : non",
            "Lire chaque écran à voix haute dès qu'il s'ouvre (la personne peut changer pour elle).",
        )
        offered = {language.code for language in station.languages}
        for code, choice in self.language_buttons.items():
            choice.set_selected(code in offered)
            choice.set_pictogram("mdi6.check-bold" if code in offered else "mdi6.close")
        for procedure_id, choice in self.procedure_buttons.items():
            shown = procedure_id not in station.hidden_procedures
            choice.set_selected(shown)
            choice.set_pictogram("mdi6.check-bold" if shown else "mdi6.close")
        printer = QPrinterInfo.defaultPrinter()
        self.printer.setText(
            f"Imprimante des récapitulatifs : {printer.printerName()} (l'imprimante par défaut du système)."
            if not printer.isNull()
            else "Aucune imprimante : les récapitulatifs sont enregistrés en PDF pour l'accueil."
        )
        problems = [f"Kiosque installé incomplet : {missing}" for missing in station.missing]
        problems += [f"Contenu non chargé : {problem}" for problem in station.catalog.problems]
        problems += [f"Contenu chargé sans tout : {problem}" for problem in station.catalog.degraded]
        self.problems.setText("\n".join(problems) or "Tout le contenu s'est chargé sans erreur.")

    def forget(self) -> None:
        for field in (self.name, self.address):
            field.clear()
        self.help_places.clear()  # refilled from what was saved when the page shows again

    def save(self) -> None:
        keeper = self.panel.station.keeper
        keeper.change_setting(STRUCTURE_NAME, self.name.text().strip())
        keeper.change_setting(STRUCTURE_ADDRESS, self.address.text().strip())
        keeper.change_setting(HELP_PLACES, parse_help_places(self.help_places.toPlainText()))
        self.panel.unlocked()
        self.panel.show_page(self)

    def quit_kiosk(self) -> None:
        store = self.panel.station.keeper.store
        if store is not None:
            store.journal("kiosk.quit", {}, time.time())
        self.panel.station.end_visit()
        self.panel.quit_requested.emit()

    def toggle(self, setting: str, item: str) -> None:
        """Offer again what was hidden, or hide what was offered (the list kept is what is hidden)."""
        hidden = set(self.panel.station.keeper.setting(setting, []))
        hidden.symmetric_difference_update({item})
        self.panel.station.keeper.change_setting(setting, sorted(hidden))
        self._apply()

    def set_idle(self, seconds: int) -> None:
        self.panel.station.keeper.change_setting(IDLE_TIMEOUT_SETTING, seconds)
        self._apply()

    def toggle_auto_read(self) -> None:
        station = self.panel.station
        station.keeper.change_setting(AUTO_READ_SETTING, not station.auto_read_default)
        self._apply()

    def _apply(self) -> None:
        self.panel.station.apply_settings()
        self.settings_changed.emit()
        self.refresh()
