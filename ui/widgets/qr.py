"""QR codes drawn with Qt from the qrcode package's matrix (no image library needed)."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_pixmap(text: str, side_px: int) -> QPixmap:
    """A black-on-white QR code of ``text``, about ``side_px`` wide, with whole-pixel modules."""
    code = qrcode.QRCode(border=QUIET_ZONE, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    module = max(1, side_px // len(matrix))
    side = module * len(matrix)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                painter.drawRect(QRect(column * module, row * module, module, module))
    painter.end()
    return QPixmap.fromImage(image)
