"""The person's voice settings, over the screen: read aloud or not, speed, volume, mute."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.i18n.translation import _
from kiosk.visit.session import VOLUMES, Session
from ui.widgets.blocks import PictogramButton
from ui.widgets.overlay import OverlayPanel


class VoicePanel(OverlayPanel):
    changed = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host, "mdi6.check-bold")
        self._session: Session | None = None
        grid = QGridLayout()
        grid.setSpacing(12)
        self.auto_read = PictogramButton("mdi6.account-voice")
        self.slow = PictogramButton("mdi6.tortoise")
        self.quieter = PictogramButton("mdi6.volume-minus")
        self.louder = PictogramButton("mdi6.volume-plus")
        self.mute = PictogramButton("mdi6.volume-off")
        for button in (self.auto_read, self.slow, self.mute):
            button.setCheckable(True)
        grid.addWidget(self.auto_read, 0, 0, 1, 2)
        grid.addWidget(self.slow, 1, 0, 1, 2)
        grid.addWidget(self.quieter, 2, 0)
        grid.addWidget(self.louder, 2, 1)
        grid.addWidget(self.mute, 3, 0, 1, 2)
        self.panel_layout.insertLayout(2, grid)
        self.auto_read.clicked.connect(lambda: self._update(auto_read=self.auto_read.isChecked()))
        self.slow.clicked.connect(lambda: self._update(slow_speech=self.slow.isChecked()))
        self.mute.clicked.connect(lambda: self._update(muted=self.mute.isChecked()))
        self.quieter.clicked.connect(lambda: self._volume(-1))
        self.louder.clicked.connect(lambda: self._volume(+1))

    def open_for(self, session: Session) -> None:
        self._session = session
        self._fill()
        self.present(_("La voix"), self._level(), _("Fermer"), _("Fermer les réglages de la voix."))

    @property
    def session(self) -> Session:
        """The session whose voice the panel sets: there is one once the panel is open."""
        if self._session is None:
            raise RuntimeError("the voice panel is used before open_for()")
        return self._session

    def _update(self, **settings: bool) -> None:
        for name, value in settings.items():
            setattr(self.session, name, value)
        self._fill()
        self.changed.emit()

    def _volume(self, step: int) -> None:
        self.session.change_volume(step)
        self._fill()
        self.changed.emit()

    def _fill(self) -> None:
        session = self.session
        self.auto_read.setChecked(session.auto_read)
        self.auto_read.set_text(
            _("Lire chaque écran : oui") if session.auto_read else _("Lire chaque écran : non"),
            _("Lire ou non chaque écran à voix haute quand il s'ouvre."),
        )
        self.slow.setChecked(session.slow_speech)
        self.slow.set_text(
            _("Parler plus lentement") if not session.slow_speech else _("Parler lentement : oui"),
            _("Choisir une voix plus lente ou normale."),
        )
        level = self._level()
        self.message.setText(level)
        self.quieter.set_text(_("Moins fort"), level)
        self.louder.set_text(_("Plus fort"), level)
        self.quieter.setEnabled(session.volume > 0)
        self.louder.setEnabled(session.volume < len(VOLUMES) - 1)
        self.mute.setChecked(session.muted)
        self.mute.set_text(
            _("Son coupé") if session.muted else _("Couper le son"),
            _("Couper ou remettre le son."),
        )

    def _level(self) -> str:
        return _("Volume {level} sur {levels}").format(level=self.session.volume + 1, levels=len(VOLUMES))

    def spoken_texts(self) -> list[str]:
        return [self.heading.text(), self.message.text()]
