"""The practice phone and mailbox: the messages that bring a confirmation code, and the photos to send.

What the practice sites send and ask for, drawn the way a phone or a webmail shows it;
the texts stay in French, like the real ones.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import bidi
from kiosk.practice.run import PHONE_PHOTOS, Mail, PhonePhoto
from ui.widgets.blocks import discard, text_label

INK = "#1B1B1B"  # the printed lines of the photographed document


def megabytes(size_bytes: int) -> str:
    """A file size as a French site writes it: "9,8 Mo"."""
    return f"{size_bytes / 1_000_000:.1f}".replace(".", ",") + " Mo"


def photo_pixmap(photo: PhonePhoto, size: int = 150) -> QPixmap:
    """A drawing of a document photographed with a phone; a blurred photo is drawn blurred."""
    scale = 1 if photo.sharp else 8  # drawn tiny then enlarged: the lines melt into a blur
    small = QPixmap(size // scale, size // scale)
    small.fill(QColor("#C9C3B6"))
    painter = QPainter(small)
    painter.scale(1 / scale, 1 / scale)
    painter.setBrush(QColor("#FFFFFF"))
    painter.setPen(QPen(QColor(INK), 2))
    painter.drawRect(QRectF(size * 0.15, size * 0.1, size * 0.7, size * 0.8))
    for line in range(6):
        y = size * (0.22 + 0.1 * line)
        painter.drawLine(QPointF(size * 0.25, y), QPointF(size * (0.75 - 0.05 * (line % 3)), y))
    painter.end()
    return small.scaled(
        size, size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class MessageList(QWidget):
    """The practice mailbox (e-mails) or the phone's messages (texts): the newest first, the code large."""

    def __init__(self, channel: str) -> None:
        super().__init__()
        self.channel = channel
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(24, 16, 24, 16)
        self._layout.setSpacing(12)
        self.title = text_label()
        self.title.setProperty("site", "heading")
        self._layout.addWidget(self.title)
        self.messages: list[QLabel] = []
        self.empty = text_label()
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)

    def fill(self, mails: list[Mail], address: str) -> None:
        discard(self.messages, self._layout)
        mine = [mail for mail in reversed(mails) if mail.channel == self.channel]
        if self.channel == "email":
            self.title.setText(f"Boîte de réception – {address}")
            self.empty.setText("Aucun message.")
        else:
            self.title.setText("Messages")
            self.empty.setText("Aucun SMS.")
        self.empty.setVisible(not mine)
        self.messages = []
        for index, mail in enumerate(mine):
            message = text_label()
            message.setProperty("site", "heading" if index == 0 else "")
            message.setText(
                f"{mail.sender}\nVotre code de confirmation : {mail.code.reveal()}\n"
                "Ne communiquez ce code à personne. Il est valable 10 minutes."
            )
            self.messages.append(message)
            self._layout.insertWidget(1 + index, message)


class PhoneGallery(QWidget):
    """The practice phone's photos: the one to send, and the ones a site refuses."""

    photo_chosen = Signal(object)  # a PhonePhoto

    def __init__(self) -> None:
        super().__init__()
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(16)
        self.buttons: dict[str, QPushButton] = {}
        for index, photo in enumerate(PHONE_PHOTOS):
            button = QPushButton()
            picture = photo_pixmap(photo)
            button.setIcon(picture)
            button.setIconSize(picture.size())
            # Each line left to right: a button paints in the kiosk's direction (« Mo 1,2 » otherwise).
            button.setText(
                f"{bidi.left_to_right(photo.file_name)}\n{bidi.left_to_right(megabytes(photo.size_bytes))}"
            )
            button.setAccessibleName(photo.file_name)
            button.setAccessibleDescription("Une photo du téléphone d'exercice.")
            button.clicked.connect(lambda _checked=False, photo=photo: self.photo_chosen.emit(photo))
            self.buttons[photo.file_name] = button
            layout.addWidget(button, index // 2, index % 2)
