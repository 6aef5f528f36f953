"""The bar on every screen: Back, Home, Leave, Repeat, voice, text size, Language and Help."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout

from kiosk.i18n.translation import _
from kiosk.mediation.knock import KnockGesture
from kiosk.visit.places import LEAVING_SCREENS, Place, ScreenId
from ui.widgets import pictograms
from ui.widgets.blocks import PictogramButton

# Arabic script (« تكرار », Arabic's « Répéter »): the tallest line any offered language gives.
TALLEST_LINE = "\u062a\u0643\u0631\u0627\u0631"


class NavBar(QFrame):
    back = Signal()
    home = Signal()
    leave = Signal()
    repeat = Signal()
    text_size = Signal()
    voice = Signal()
    language = Signal()
    help = Signal()
    knocked = Signal()  # five touches in a row on the bar between its buttons: mediator mode

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("NavBar")
        self.gesture = KnockGesture()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(12)

        def button(signal: SignalInstance, pictogram: str, role: str = "bar") -> PictogramButton:
            widget = PictogramButton(pictogram, role=role, vertical=True, icon_px=32)
            widget.setMinimumWidth(104)
            widget.clicked.connect(signal.emit)
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            return widget

        self.back_button = button(self.back, "mdi6.arrow-left-bold")
        self.home_button = button(self.home, "mdi6.home-outline")
        self.leave_button = button(self.leave, "mdi6.exit-run")
        self.repeat_button = button(self.repeat, "mdi6.replay")
        self.text_size_button = button(self.text_size, "mdi6.format-size")
        self.voice_button = button(self.voice, "mdi6.account-voice")
        self.language_button = button(self.language, "mdi6.translate")
        self.help_button = button(self.help, "mdi6.hand-wave-outline", role="help")
        self.help_button.setMinimumWidth(160)
        layout.addWidget(self.back_button)
        layout.addWidget(self.home_button)
        layout.addWidget(self.leave_button)
        layout.addStretch(1)
        for widget in (
            self.repeat_button,
            self.voice_button,
            self.text_size_button,
            self.language_button,
            self.help_button,
        ):
            layout.addWidget(widget)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A touch on the bar itself (not on a button): part of the mediator's knock."""
        if self.gesture.tap(time.monotonic()):
            self.knocked.emit()
        event.accept()

    def update_for(self, place: Place, can_go_back: bool) -> None:
        at_start = place.screen is ScreenId.WELCOME
        self.back_button.setVisible(can_go_back and not at_start)
        self.home_button.setVisible(not at_start and place.screen is not ScreenId.HOME)
        self.leave_button.setVisible(not at_start and place.screen not in LEAVING_SCREENS)
        self.help_button.setEnabled(place.screen not in (ScreenId.HELP, ScreenId.HELP_SENT))
        self.back_button.set_pictogram(
            pictograms.directional("mdi6.arrow-left-bold", "mdi6.arrow-right-bold", self.layoutDirection())
        )

    def retranslate(self) -> None:
        self.back_button.set_text(_("Retour"), _("Revenir à l'écran d'avant. Rien n'est perdu."))
        self.home_button.set_text(_("Accueil"), _("Revenir à la liste des situations. Rien n'est perdu."))
        self.leave_button.set_text(_("Partir"), _("Vous avez fini ou vous devez partir."))
        self.repeat_button.set_text(_("Répéter"), _("Relire cet écran à voix haute."))
        self.text_size_button.set_text(_("Texte"), _("Agrandir le texte."))
        self.voice_button.set_text(_("Voix"), _("Régler la voix : lecture, vitesse, volume."))
        self.language_button.set_text(_("Langue"), _("Choisir une autre langue."))
        self.help_button.set_text(_("Aide"), _("Appeler une personne de l'accueil."))
        self._keep_one_height()

    def _keep_one_height(self) -> None:
        """The bar's height, whatever the language: Arabic and Persian lines are taller, and the bar
        grew from 108 to 116 px after Arabic and stayed so. It takes the tallest line from the start."""
        if not self.isVisible():
            return  # the theme's fonts apply once shown: measured then (showEvent)
        label = self.repeat_button.text_label
        shown = label.text()
        heights = []
        for text in (TALLEST_LINE, shown):
            label.setText(text)
            self.repeat_button.updateGeometry()  # the bar's own layout forgets its cached size
            heights.append(self.sizeHint().height())
        self.setFixedHeight(max(heights))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._keep_one_height()
