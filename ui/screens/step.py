"""One step of a procedure: where you are, what to do, what to watch out for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import _, content
from kiosk.navigation import Place, ScreenId
from kiosk.procedures import Step
from kiosk.station import Station
from ui import pictograms, theme
from ui.screens.base import Screen, action_row, scroll_area
from ui.widgets import PictogramButton, WarningBox, text_label


class ProgressSegments(QWidget):
    """ "Step k of n" drawn as n segments; it follows the reading direction by itself."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.segments: list[QFrame] = []

    def set_progress(self, done: int, total: int) -> None:
        while len(self.segments) < total:
            segment = QFrame()
            segment.setProperty("role", "segment")
            segment.setFixedHeight(18)
            self._layout.addWidget(segment)
            self.segments.append(segment)
        for index, segment in enumerate(self.segments):
            segment.setVisible(index < total)
            segment.setProperty("done", "true" if index < done else "false")
            segment.style().unpolish(segment)
            segment.style().polish(segment)


class StepScreen(Screen):
    screen_id = ScreenId.STEP

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        header = QHBoxLayout()
        self.procedure_name = text_label("hint")
        self.counter = text_label("hint", wrap=False)
        header.addWidget(self.procedure_name, 1)
        header.addWidget(self.counter)
        self.layout_.insertLayout(0, header)
        self.progress = ProgressSegments()
        self.layout_.insertWidget(1, self.progress)

        body = self.body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(20)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.pictogram = QLabel()
        row.addWidget(self.pictogram, 0, Qt.AlignmentFlag.AlignTop)
        self.instruction = text_label()
        row.addWidget(self.instruction, 1)
        body_layout.addLayout(row)
        self.warning = WarningBox()
        body_layout.addWidget(self.warning)
        self.more_button = PictogramButton("mdi6.information-outline")
        self.more_button.setCheckable(True)
        self.more_button.toggled.connect(self._show_more)
        self.more = text_label()
        body_layout.addWidget(self.more)
        body_layout.addStretch(1)
        self.body_scroll = scroll_area(body)
        self.layout_.addWidget(self.body_scroll, 1)

        self.next_button = PictogramButton(role="primary")
        self.next_button.setMinimumWidth(280)
        self.next_button.clicked.connect(lambda: self.visit.next())
        self.layout_.addLayout(action_row(self.next_button, leading=self.more_button))

    @property
    def step(self) -> Step:
        step = self.visit.step(self.place)
        assert step is not None, "the step screen is only entered on a step"
        return step

    def enter(self, place: Place) -> None:
        self.more_button.setChecked(False)
        super().enter(place)

    def refresh(self) -> None:
        step = self.step
        procedure = self.station.catalog.procedures[self.place.procedure_id]
        number, total = self.place.step_index + 1, len(procedure.steps)
        self.procedure_name.setText(content(procedure.title))
        self.counter.setText(_("Étape {number} sur {total}").format(number=number, total=total))
        self.progress.set_progress(number, total)
        self.title.setText(content(step.title))
        self.pictogram.setPixmap(pictograms.pixmap(step.pictogram, theme.TEXT, 96))
        self.instruction.setText(content(step.instruction))
        self.warning.set_text(content(step.warning))
        self.more_button.setVisible(bool(step.explain_more))
        self.more_button.set_text(
            _("Cacher l'explication") if self.more_button.isChecked() else _("Expliquer plus"),
            _("Afficher ou cacher une explication plus longue."),
        )
        self.more.setText(content(step.explain_more))
        self.more.setVisible(self.more_button.isChecked() and bool(step.explain_more))
        last = number == total
        self.next_button.set_text(
            _("Terminer") if last else _("Suivant"),
            _("Aller à la fin du guide.") if last else _("Aller à l'étape suivante."),
        )
        forward = pictograms.directional(
            "mdi6.arrow-right-bold", "mdi6.arrow-left-bold", self.layoutDirection()
        )
        self.next_button.set_pictogram("mdi6.flag-checkered" if last else forward)

    def _show_more(self, shown: bool) -> None:
        self.refresh()
        if shown:
            # The explanation appears below: bring it into view at once.
            self.body.adjustSize()
            self.body_scroll.ensureWidgetVisible(self.more, 0, 0)

    def spoken_texts(self) -> list[str]:
        texts = [self.counter.text(), self.title.text(), self.instruction.text()]
        if self.step.warning:
            texts.append(self.warning.label.text())
        if self.more.isVisible():
            texts.append(self.more.text())
        return texts
