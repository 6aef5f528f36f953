"""A plain horizontal bar chart: a label, a bar and the number, large and high-contrast."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ui import theme

ROW_PX = 36


class BarChart(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.counts: list[tuple[str, int]] = []
        self.setAccessibleName(title)

    def set_counts(self, counts: list[tuple[str, int]]) -> None:
        self.counts = counts
        self.setAccessibleDescription(
            ", ".join(f"{label} : {count}" for label, count in counts) or "aucune donnée"
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, ROW_PX * (len(self.counts) + 1) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(20)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(QRectF(0, 0, self.width(), ROW_PX), Qt.AlignmentFlag.AlignVCenter, self.title)
        font.setBold(False)
        painter.setFont(font)
        if not self.counts:
            painter.drawText(
                QRectF(0, ROW_PX, self.width(), ROW_PX), Qt.AlignmentFlag.AlignVCenter, "Aucune donnée"
            )
            return
        label_width = self.width() * 0.45
        number_width = 48
        bar_space = max(1.0, self.width() - label_width - number_width - 16)
        most = max(count for _, count in self.counts) or 1
        for row, (label, count) in enumerate(self.counts, start=1):
            top = row * ROW_PX
            elided = painter.fontMetrics().elidedText(
                label, Qt.TextElideMode.ElideRight, int(label_width) - 8
            )
            painter.setPen(QColor(theme.TEXT))
            painter.drawText(QRectF(0, top, label_width, ROW_PX), Qt.AlignmentFlag.AlignVCenter, elided)
            width = bar_space * count / most
            painter.fillRect(QRectF(label_width, top + 6, width, ROW_PX - 12), QColor(theme.PRIMARY))
            painter.drawText(
                QRectF(label_width + width + 8, top, number_width, ROW_PX),
                Qt.AlignmentFlag.AlignVCenter,
                str(count),
            )
        painter.end()
