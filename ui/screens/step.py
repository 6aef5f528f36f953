"""One step of a procedure: where you are, what to do, what to watch out for, the hard words.

A step that asks a question shows its answers instead of "Next"; each answer leads
where the content says. Hard words open a plain explanation over the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.glossary import terms_of_step
from kiosk.content.procedures import Procedure, Step
from kiosk.i18n.translation import _, content, format_number
from kiosk.station import Station
from kiosk.visit.navigation import resolve_next
from kiosk.visit.places import Place, ScreenId
from ui import theme
from ui.screens.base import MARGIN, Screen, must_be_seen, scroll_area
from ui.widgets import pictograms
from ui.widgets.blocks import PictogramButton, WarningBox, discard, text_label
from ui.widgets.overlay import OverlayPanel
from ui.widgets.real_site_button import RealSiteButton

ILLUSTRATION_HEIGHT = 220
CHOICE_COLUMNS = 3
STYLE_PADDING_PX = 16 + 3  # a button's padding and border in the theme, each side


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


class WholeWordsButton(PictogramButton):
    """A button of a group that is never narrower than its longest word (a grid squeezed
    « Assurance » to « Assuranc »): a word wider than its room is cut, never wrapped."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Once shown the theme's font is applied; its min-width would otherwise win over a size hint.
        metrics = self.text_label.fontMetrics()
        word = max((metrics.horizontalAdvance(word) for word in self.text_shown().split()), default=0)
        margins = self._box.contentsMargins()
        icon = self.icon_label.sizeHint().width() + self._box.spacing() if self._pictogram else 0
        self.setMinimumWidth(word + icon + margins.left() + margins.right() + 2 * STYLE_PADDING_PX)
        super().showEvent(event)


class ButtonGroup(QWidget):
    """A caption and a grid of big buttons rebuilt for each step (answers, words, links)."""

    def __init__(
        self,
        caption_role: str = "hint",
        needed: bool = False,
        icon_px: int = 40,
        caption_beside: bool = False,
    ) -> None:
        super().__init__()
        self._needed = needed  # its buttons must be seen without scrolling (answers, hard words)
        self._icon_px = icon_px
        layout = self._layout = QHBoxLayout(self) if caption_beside else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.caption = text_label(caption_role)
        beside = Qt.AlignmentFlag.AlignVCenter if caption_beside else Qt.AlignmentFlag(0)
        layout.addWidget(self.caption, 0, beside)
        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        layout.addLayout(self._grid, 1)
        self.buttons: list[WholeWordsButton] = []

    def put_caption_beside(self, beside: bool) -> None:
        """The caption on the buttons' line (room saved at the default size), or above them."""
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )

    def fill(self, caption: str, choices: Sequence[Choice]) -> None:
        discard(self.buttons, self._grid)
        self.buttons = []
        for index, choice in enumerate(choices):
            button = WholeWordsButton(choice.pictogram, icon_px=self._icon_px)
            button.set_text(choice.text, choice.description)
            if self._needed:
                must_be_seen(button)
            button.clicked.connect(lambda _=False, act=choice.action: act())
            self._grid.addWidget(button, index // CHOICE_COLUMNS, index % CHOICE_COLUMNS)
            self.buttons.append(button)
        self.caption.setText(caption)
        self.setVisible(bool(choices))


class StepScreen(Screen):
    screen_id = ScreenId.STEP

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        # Closer than other screens: at 1024x768 the instruction, its hard words and the answers
        # all fit without scrolling.
        self.layout_.setSpacing(12)
        self.layout_.setContentsMargins(MARGIN, 16, MARGIN, 16)
        header = QHBoxLayout()
        self.procedure_name = text_label("hint")
        self.counter = text_label("hint", wrap=False)
        self.progress = ProgressSegments()  # on the header's line: the height goes to the step
        header.setSpacing(24)
        header.addWidget(self.procedure_name, 1)
        header.addWidget(self.progress, 1)
        header.addWidget(self.counter)
        self.layout_.insertLayout(0, header)

        body = self.body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.pictogram = QLabel()
        row.addWidget(self.pictogram, 0, Qt.AlignmentFlag.AlignTop)
        self.instruction = text_label()
        row.addWidget(self.instruction, 1)
        self.listen_instruction = self.listen_button(lambda: [self.title.text(), self.instruction.text()])
        row.addWidget(self.listen_instruction, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addLayout(row)
        # The hard words right under the instruction they explain, where the eyes are: never below the fold.
        self.words = ButtonGroup(needed=True, icon_px=28, caption_beside=True)
        body_layout.addWidget(self.words)
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
        self.links = ButtonGroup()
        body_layout.addWidget(self.links)
        self.body_layout = body_layout
        self.illustration = QSvgWidget()
        self.illustration.setFixedSize(ILLUSTRATION_HEIGHT * 3 // 2, ILLUSTRATION_HEIGHT)
        body_layout.addWidget(self.illustration, 0, Qt.AlignmentFlag.AlignHCenter)
        body_layout.addStretch(1)
        self.body_scroll = scroll_area(body)
        self.layout_.addWidget(self.body_scroll, 1)
        # A question's answers are how a person goes on, as « Suivant » is: they stay below the
        # scrolling text, always in sight, whatever the length of the step (at larger text sizes
        # they would leave the text no room: they scroll with it, see _place_answers).
        self.answers = ButtonGroup("title", needed=True)
        self.layout_.addWidget(self.answers)

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
        self.pictogram.setPixmap(pictograms.pixmap(step.pictogram, theme.TEXT, 72))
        self.instruction.setText(content(step.instruction))
        self.warning.set_text(content(step.warning))
        self.listen_warning.setVisible(bool(step.warning))
        self._fill_more(step)
        self.illustration.setVisible(bool(step.illustration))
        if step.illustration:
            self.illustration.load(step.illustration)
        self._place_answers()
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

    def _place_answers(self) -> None:
        """Under the scrolling text at the default size; at the end of it when the text is larger
        (and the hard words' caption above them, not beside)."""
        in_sight = self.visit.session.text_size == 0
        self.words.put_caption_beside(in_sight)
        if in_sight == (self.layout_.indexOf(self.answers) >= 0):
            return
        if in_sight:
            self.body_layout.removeWidget(self.answers)
            self.layout_.insertWidget(self.layout_.indexOf(self.body_scroll) + 1, self.answers)
        else:
            self.layout_.removeWidget(self.answers)
            self.body_layout.insertWidget(self.body_layout.indexOf(self.links), self.answers)

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
