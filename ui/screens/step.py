"""One step of a procedure: where you are, what to do, what to watch out for, the hard words.

A step that asks a question shows its answers instead of "Next"; each answer leads
where the content says. Hard words open a plain explanation over the screen.

At the default text size, what a person needs stays in sight whatever the step's length
and language: the text (title, instruction, warning, explanation, links) scrolls, and right
under it come the hard words, the question with its answers, and the row of actions.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.glossary import terms_of_step
from kiosk.content.procedures import Procedure, Step
from kiosk.i18n.translation import _, content, format_number
from kiosk.station import Station
from kiosk.visit.navigation import resolve_next
from kiosk.visit.places import Place, ScreenId
from ui import theme
from ui.screens.base import MARGIN, Screen, must_be_seen
from ui.widgets import pictograms
from ui.widgets.blocks import WarningBox, text_label
from ui.widgets.choices import Choice, ChoiceGroup, WholeWordsButton
from ui.widgets.fitted_scroll import FittedScroll
from ui.widgets.overlay import OverlayPanel
from ui.widgets.real_site_button import RealSiteButton
from ui.widgets.word_chips import WORD_PICTOGRAM, WordChips, WordsPanel

__all__ = ["ProgressSegments", "StepScreen", "WholeWordsButton"]  # the rights questions share these

ILLUSTRATION_HEIGHT = 220
# At the default text size the hard words take the rows left once the text keeps this much
# (its title and three lines), one row at least: the others are behind « Tous les mots ».
TEXT_ROOM = 160


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
        # Closer than other screens: at 1024x768 the text, its hard words and the answers fit.
        self.layout_.setSpacing(12)
        self.layout_.setContentsMargins(MARGIN, 16, MARGIN, 16)
        header = QHBoxLayout()
        self.procedure_name = text_label("hint")
        self.counter = text_label("hint", wrap=False)
        self.progress = ProgressSegments()  # on the header's line: the height goes to the step
        header.setSpacing(24)
        header.addWidget(self.procedure_name, 2)  # the name on one line more often than not
        header.addWidget(self.progress, 1)
        header.addWidget(self.counter)
        self.layout_.insertLayout(0, header)
        self._header = header

        # The text of the step scrolls, its title first: at the default size it is all that scrolls.
        body = self.body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        self.layout_.removeWidget(self.title)
        body_layout.addWidget(self.title)
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
        self.links = ChoiceGroup()
        body_layout.addWidget(self.links)
        self.body_layout = body_layout
        self.illustration = QSvgWidget()
        self.illustration.setFixedSize(ILLUSTRATION_HEIGHT * 3 // 2, ILLUSTRATION_HEIGHT)
        body_layout.addWidget(self.illustration, 0, Qt.AlignmentFlag.AlignHCenter)
        body_layout.addStretch(1)
        self.body_scroll = FittedScroll(body)
        self.layout_.addWidget(self.body_scroll)
        # The hard words right under the text they explain, then the question: its answers are how
        # a person goes on, as « Suivant » is. Both stay in sight whatever the length of the text
        # (at larger text sizes they would leave the text no room: they scroll with it, see _place_groups).
        self.words = WordChips()
        self.layout_.addWidget(self.words)
        self.answers = ChoiceGroup("question")
        self.layout_.addWidget(self.answers)
        self.layout_.addStretch(1)

        actions = QHBoxLayout()
        actions.setSpacing(16)
        # Their words whole: in Russian the row is too narrow for all three on one line each (the
        # theme's min-width, applied last, had « Далее » squeezed to « Да »).
        self.more_button = WholeWordsButton("mdi6.information-outline")
        self.more_button.setCheckable(True)
        self.more_button.toggled.connect(self._show_more)
        self.next_button = WholeWordsButton(role="primary")
        self.next_button.clicked.connect(lambda: self.visit.next())
        self.site_button = RealSiteButton(lambda: self.visit)
        for button in (self.more_button, self.site_button, self.next_button):
            # As tall as the row's wrapped words (a button's own policy keeps its one-line height).
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        actions.addWidget(self.more_button)
        actions.addWidget(self.site_button)
        actions.addStretch(1)
        actions.addWidget(self.next_button)
        self.layout_.addLayout(actions)
        self._actions = actions
        self.explanation = OverlayPanel(self, "mdi6.check-bold")
        self.word_list = WordsPanel(self)

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
        self.word_list.hide()
        super().enter(place)
        self.body_scroll.verticalScrollBar().setValue(0)

    def leave(self) -> None:
        self.explanation.hide()
        self.word_list.hide()

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
        self._place_groups(in_sight=self.visit.session.text_size == 0)
        self._fill_answers(step)
        self._fill_words(step, procedure)
        self._fill_links(step)
        self.site_button.refresh()
        self._fit_words()
        self.body_scroll.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_words()

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

    def _place_groups(self, in_sight: bool) -> None:
        """The hard words and the answers under the scrolling text at the default size; in the
        text when it is larger."""
        if in_sight == (self.layout_.indexOf(self.answers) >= 0):
            return
        for group in (self.words, self.answers):
            (self.body_layout if in_sight else self.layout_).removeWidget(group)
        if in_sight:
            below_text = self.layout_.indexOf(self.body_scroll) + 1
            self.layout_.insertWidget(below_text, self.answers)
            self.layout_.insertWidget(below_text, self.words)
        else:
            self.body_layout.insertWidget(self.body_layout.indexOf(self.links), self.answers)
            after_instruction = 2  # the title, then the instruction's row
            self.body_layout.insertWidget(after_instruction, self.words)

    def _fit_words(self) -> None:
        """In sight, as many rows of hard words as the room left by the answers and the text's
        ``TEXT_ROOM`` holds, one at least (the answers 64 px high when even one row leaves the
        text less); in the text (larger sizes), every word, the caption above them."""
        self.answers.set_compact(False)
        if self.layout_.indexOf(self.words) < 0:
            self.words.fit(None, caption_alone=True)
            return
        margins = self.layout_.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        flow = self.words.flow
        room = self._room_for_words(width)
        if room < flow.height_in(width, 1) and self.answers.isVisibleTo(self):
            self.answers.set_compact(True)
            room = self._room_for_words(width)
        needed = flow.rows_needed(width)
        rows = next((r for r in range(needed, 1, -1) if flow.height_in(width, r) <= room), 1)
        self.words.fit(None if rows >= needed else rows)

    def _room_for_words(self, width: int) -> int:
        """The height left once the header, the answers, the actions and ``TEXT_ROOM`` are placed."""
        margins = self.layout_.contentsMargins()
        shown = [item for item in (self._header, self._actions) if not item.isEmpty()]
        fixed = sum(item.totalHeightForWidth(width) for item in shown)
        if self.answers.isVisibleTo(self):
            fixed += self.answers.heightForWidth(width)
        # Between the header, the text, the words, the answers and the actions (none at a stretch).
        gaps = 4 if self.answers.isVisibleTo(self) else 3
        text = min(self.body.heightForWidth(width), TEXT_ROOM)
        return self.height() - margins.top() - margins.bottom() - fixed - gaps * self.layout_.spacing() - text

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
        # A question worded as the step's title is not written twice.
        asked_again = question is not None and question.text != self.step.title
        self.answers.fill(content(question.text) if question else "", choices, show_caption=asked_again)
        for button in self.answers.buttons:
            must_be_seen(button)
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
                WORD_PICTOGRAM,
                partial(self._explain, content(term.term), content(term.definition)),
            )
            for term in terms
        ]
        self.words.fill(_("Mots expliqués :") if terms else "", choices)
        for button in (*self.words.buttons, self.words.more_button):
            must_be_seen(button)  # those the row holds; the others are behind « Tous les mots »
        self.words.set_more(
            _("Tous les mots ({count})").format(count=format_number(len(terms))),
            _("Voir tous les mots expliqués de cette étape."),
            partial(self._list_words, choices),
        )

    def _list_words(self, choices: list[Choice]) -> None:
        heading, close = _("Mots expliqués :"), _("Fermer")
        self.word_list.present_words(heading, choices, close, _("Fermer la liste des mots."))
        self.speak_requested.emit(self.word_list.spoken_texts())

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
        self._fit_words()
        if shown:
            # The explanation appears below: bring it into view at once.
            self.body.adjustSize()
            self.body_scroll.ensureWidgetVisible(self.more, 0, 0)

    def spoken_texts(self) -> list[str]:
        if self.explanation.isVisible():
            return self.explanation.spoken_texts()
        if self.word_list.isVisible():
            return self.word_list.spoken_texts()
        texts = [self.counter.text(), self.title.text(), self.instruction.text()]
        if self.step.warning:
            texts.append(self.warning.label.text())
        if self.more.isVisible():
            texts.append(self.more.text())
        if self.step.question is not None:
            asked = [self.answers.caption.text()] if self.answers.caption.isVisibleTo(self) else []
            texts += [*asked, *(b.text_shown() for b in self.answers.buttons)]
        return texts
