"""One step of a procedure: where you are, what to do, what to watch out for, the hard words.

A step that asks a question shows its answers instead of "Next"; each answer leads
where the content says. Hard words open a plain explanation over the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.glossary import terms_of_step
from kiosk.content.procedures import Procedure, Step
from kiosk.i18n.translation import _, content, format_number
from kiosk.station import Station
from kiosk.visit.navigation import resolve_next
from kiosk.visit.places import Place, ScreenId
from ui import theme
from ui.screens.base import Screen, scroll_area
from ui.widgets import pictograms
from ui.widgets.blocks import PictogramButton, WarningBox, discard, text_label
from ui.widgets.overlay import OverlayPanel
from ui.widgets.real_site_button import RealSiteButton

ILLUSTRATION_HEIGHT = 220
CHOICE_COLUMNS = 3


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


@dataclass(frozen=True)
class Choice:
    text: str
    description: str
    pictogram: str
    action: Callable[[], None]


class ButtonGroup(QWidget):
    """A caption and a grid of big buttons rebuilt for each step (answers, words, links)."""

    def __init__(self, caption_role: str = "hint") -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.caption = text_label(caption_role)
        layout.addWidget(self.caption)
        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        layout.addLayout(self._grid)
        self.buttons: list[PictogramButton] = []

    def fill(self, caption: str, choices: Sequence[Choice]) -> None:
        discard(self.buttons, self._grid)
        self.buttons = []
        for index, choice in enumerate(choices):
            button = PictogramButton(choice.pictogram)
            button.set_text(choice.text, choice.description)
            button.clicked.connect(lambda _=False, act=choice.action: act())
            self._grid.addWidget(button, index // CHOICE_COLUMNS, index % CHOICE_COLUMNS)
            self.buttons.append(button)
        self.caption.setText(caption)
        self.setVisible(bool(choices))


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
        self.listen_instruction = self.listen_button(lambda: [self.title.text(), self.instruction.text()])
        row.addWidget(self.listen_instruction, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addLayout(row)
        warning_row = QHBoxLayout()
        self.warning = WarningBox()
        warning_row.addWidget(self.warning, 1)
        self.listen_warning = self.listen_button(lambda: [self.warning.label.text()])
        warning_row.addWidget(self.listen_warning, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addLayout(warning_row)
        more_row = QHBoxLayout()
        self.more = text_label()
        more_row.addWidget(self.more, 1)
        self.listen_more = self.listen_button(lambda: [self.more.text()])
        more_row.addWidget(self.listen_more, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addLayout(more_row)
        self.answers = ButtonGroup("title")
        self.words = ButtonGroup()
        self.links = ButtonGroup()
        for group in (self.answers, self.words, self.links):
            body_layout.addWidget(group)
        self.illustration = QSvgWidget()
        self.illustration.setFixedSize(ILLUSTRATION_HEIGHT * 3 // 2, ILLUSTRATION_HEIGHT)
        body_layout.addWidget(self.illustration, 0, Qt.AlignmentFlag.AlignHCenter)
        body_layout.addStretch(1)
        self.body_scroll = scroll_area(body)
        self.layout_.addWidget(self.body_scroll, 1)

        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.more_button = PictogramButton("mdi6.information-outline")
        self.more_button.setCheckable(True)
        self.more_button.toggled.connect(self._show_more)
        self.next_button = PictogramButton(role="primary")
        self.next_button.setMinimumWidth(280)
        self.next_button.clicked.connect(lambda: self.visit.next())
        self.site_button = RealSiteButton(lambda: self.visit)
        actions.addWidget(self.more_button)
        actions.addWidget(self.site_button)
        actions.addStretch(1)
        actions.addWidget(self.next_button)
        self.layout_.addLayout(actions)
        self.explanation = OverlayPanel(self, "mdi6.check-bold")

    @property
    def step(self) -> Step:
        step = self.visit.step(self.place)
        if step is None:
            raise RuntimeError("the step screen is only entered on a step")
        return step

    @property
    def procedure(self) -> Procedure:
        return self.station.catalog.procedures[self.place.procedure_id]

    def enter(self, place: Place) -> None:
        self.more_button.setChecked(False)
        self.explanation.hide()
        super().enter(place)
        self.body_scroll.verticalScrollBar().setValue(0)

    def leave(self) -> None:
        self.explanation.hide()

    def refresh(self) -> None:
        step, procedure = self.step, self.procedure
        number, total = self.visit.progress() or (self.place.step_index + 1, len(procedure.steps))
        self.procedure_name.setText(content(procedure.title))
        self.counter.setText(
            _("Étape {number} sur {total}").format(number=format_number(number), total=format_number(total))
        )
        self.progress.set_progress(number, total)
        self.title.setText(content(step.title))
        self.pictogram.setPixmap(pictograms.pixmap(step.pictogram, theme.TEXT, 96))
        self.instruction.setText(content(step.instruction))
        self.warning.set_text(content(step.warning))
        self.listen_warning.setVisible(bool(step.warning))
        self._fill_more(step)
        self.illustration.setVisible(bool(step.illustration))
        if step.illustration:
            self.illustration.load(step.illustration)
        self._fill_answers(step)
        self._fill_words(step, procedure)
        self._fill_links(step)
        self.site_button.refresh()

    def _fill_more(self, step: Step) -> None:
        shown = self.more_button.isChecked() and bool(step.explain_more)
        self.more_button.setVisible(bool(step.explain_more))
        self.more_button.set_text(
            _("Cacher l'explication") if shown else _("Expliquer plus"),
            _("Afficher ou cacher une explication plus longue."),
        )
        self.more.setText(content(step.explain_more))
        self.more.setVisible(shown)
        self.listen_more.setVisible(shown)

    def _fill_answers(self, step: Step) -> None:
        question = step.question
        choices = [
            Choice(
                content(answer.label),
                _("Répondre : {answer}").format(answer=content(answer.label)),
                answer.pictogram,
                partial(self.visit.answer, index),
            )
            for index, answer in enumerate(question.answers if question else ())
        ]
        self.answers.fill(content(question.text) if question else "", choices)
        self.next_button.setVisible(question is None)
        if question is None:
            last = resolve_next(self.place, self.station.catalog).screen is ScreenId.RECAP
            self.next_button.set_text(
                _("Terminer") if last else _("Suivant"),
                _("Aller à la fin du guide.") if last else _("Aller à l'étape suivante."),
            )
            forward = pictograms.directional(
                "mdi6.arrow-right-bold", "mdi6.arrow-left-bold", self.layoutDirection()
            )
            self.next_button.set_pictogram("mdi6.flag-checkered" if last else forward)

    def _fill_words(self, step: Step, procedure: Procedure) -> None:
        terms = terms_of_step(step, self.station.catalog.glossary, procedure.glossary)
        choices = [
            Choice(
                content(term.term),
                _("Expliquer ce mot."),
                "mdi6.book-open-variant",
                partial(self._explain, content(term.term), content(term.definition)),
            )
            for term in terms
        ]
        self.words.fill(_("Mots expliqués :") if terms else "", choices)

    def _fill_links(self, step: Step) -> None:
        linked = [
            self.station.catalog.procedures[i] for i in step.links if i in self.station.catalog.procedures
        ]
        choices = [
            Choice(
                content(p.title),
                _("Ouvrir ce guide. Le bouton Retour vous ramène ici."),
                p.pictogram,
                partial(self.visit.open_procedure, p.id),
            )
            for p in linked
        ]
        self.links.fill(_("Voir aussi :") if linked else "", choices)

    def _explain(self, term: str, definition: str) -> None:
        self.explanation.present(term, definition, _("J'ai compris"), _("Fermer l'explication."))
        self.speak_requested.emit(self.explanation.spoken_texts())

    def _show_more(self, shown: bool) -> None:
        self._fill_more(self.step)
        if shown:
            # The explanation appears below: bring it into view at once.
            self.body.adjustSize()
            self.body_scroll.ensureWidgetVisible(self.more, 0, 0)

    def spoken_texts(self) -> list[str]:
        if self.explanation.isVisible():
            return self.explanation.spoken_texts()
        texts = [self.counter.text(), self.title.text(), self.instruction.text()]
        if self.step.warning:
            texts.append(self.warning.label.text())
        if self.more.isVisible():
            texts.append(self.more.text())
        if self.step.question is not None:
            texts += [self.answers.caption.text(), *(b.text_shown() for b in self.answers.buttons)]
        return texts
