"""What the site panel shows instead of a browser's page when something went wrong, in the person's words.

A page outside the procedure's site, a site that does not answer, no network, a
certificate the kiosk cannot trust: each is said plainly in the person's language,
read aloud, with big buttons for what they can do next. Never a browser error page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n.translation import _
from ui import theme
from ui.screens.base import scroll_area
from ui.widgets import pictograms
from ui.widgets.blocks import PictogramButton, discard, text_label


class Trouble(Enum):
    BLOCKED = "blocked"  # an address outside the procedure's site
    UNREACHABLE = "unreachable"  # no network, the site down, a timeout
    UNTRUSTED = "untrusted"  # a certificate error: never bypassed


@dataclass(frozen=True)
class NoticeAction:
    pictogram: str
    text: str
    description: str
    act: Callable[[], None]
    role: str = ""  # "primary" for what most people want next, "help" for the mediator


def wording(trouble: Trouble) -> tuple[str, str, str]:
    """The pictogram, heading and message of each trouble, in the active language."""
    if trouble is Trouble.BLOCKED:
        return (
            "mdi6.shield-lock-outline",
            _("Cette page n'est pas sur le site de la démarche"),
            _(
                "Pour votre sécurité, le kiosque ouvre seulement les sites officiels de la démarche. "
                "Revenez à la page d'avant, ou demandez de l'aide."
            ),
        )
    if trouble is Trouble.UNTRUSTED:
        return (
            "mdi6.shield-alert-outline",
            _("Le kiosque ne peut pas vérifier ce site"),
            _(
                "Le site ne prouve pas qu'il est bien le site officiel. Pour votre sécurité, "
                "il ne s'ouvre pas. Ce n'est pas de votre faute. Demandez de l'aide à l'accueil."
            ),
        )
    return (
        "mdi6.wifi-off",
        _("Le site ne répond pas"),
        _(
            "Internet ne marche pas, ou le site a un problème. Ce n'est pas de votre faute. "
            "Vous pouvez réessayer dans un moment, vous exercer, ou faire la démarche autrement."
        ),
    )


class SiteNotice(QWidget):
    """A heading, a message and a few big buttons, over the site's place in the panel."""

    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        frame = QFrame()
        frame.setProperty("role", "panel")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(20)
        heading_row = QHBoxLayout()
        self.pictogram = QLabel()
        self.heading = text_label("title")
        heading_row.addWidget(self.pictogram, 0, Qt.AlignmentFlag.AlignTop)
        heading_row.addWidget(self.heading, 1)
        self.message = text_label()
        self.extra = text_label("hint")  # the other ways of doing the procedure, when the site is down
        layout.addLayout(heading_row)
        layout.addWidget(self.message)
        layout.addWidget(self.extra)
        self._buttons_layout = QHBoxLayout()  # side by side: the panel is short under the site's bar
        self._buttons_layout.setSpacing(12)
        layout.addLayout(self._buttons_layout)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(frame)
        column.addStretch(1)
        outer.addWidget(scroll_area(content), 1)
        self.buttons: list[PictogramButton] = []
        self.trouble: Trouble | None = None

    def present(self, trouble: Trouble, actions: Sequence[NoticeAction], extra: str = "") -> None:
        self.trouble = trouble
        self.present_text(*wording(trouble), actions, extra)

    def present_text(
        self, pictogram: str, heading: str, message: str, actions: Sequence[NoticeAction], extra: str = ""
    ) -> None:
        """Any heading and message: also what the site itself says (an alert, a question)."""
        self.pictogram.setPixmap(pictograms.pixmap(pictogram, theme.TEXT, 56))
        self.heading.setText(heading)
        self.message.setText(message)
        self.extra.setText(extra)
        self.extra.setVisible(bool(extra))
        discard(self.buttons, self._buttons_layout)
        self.buttons = []
        for action in actions:
            button = PictogramButton(action.pictogram, role=action.role)
            button.set_text(action.text, action.description)
            button.clicked.connect(lambda _=False, act=action.act: act())
            self._buttons_layout.addWidget(button)
            self.buttons.append(button)

    def spoken_texts(self) -> list[str]:
        texts = [self.heading.text(), self.message.text()]
        return [*texts, self.extra.text()] if self.extra.text() else texts
