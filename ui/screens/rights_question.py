"""One question of « Quelles aides pour moi ? »: big answers to touch, or a number on the kiosk's keypad.

« Je ne sais pas » is an answer on every question, and the bar's « Retour » goes back through
them with the answer given still shown. What is typed stays on the keypad only while the
screen shows; it is never read aloud. The engine starts with the first question and warms
while the person answers (``ui.rights_engine``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n.translation import _, format_number
from kiosk.rights.housing_zone import POSTAL_CODE_DIGITS
from kiosk.rights.questions import DONT_KNOW, AnswerKind, Question, asked
from kiosk.station import Station
from kiosk.visit.places import Place, ScreenId
from ui.rights_engine import calculator_for
from ui.screens.base import MARGIN, Screen, must_be_seen, scroll_area
from ui.screens.step import ProgressSegments
from ui.widgets.blocks import PictogramButton, WarningBox, discard, text_label
from ui.widgets.choices import WholeWordsButton
from ui.widgets.digit_pad import DigitPad

DONT_KNOW_PICTOGRAM = "mdi6.help-circle-outline"
FEW_CHOICES = 4  # up to this many answers (« Je ne sais pas » included) go two a row; more go three


def digits_for(question: Question) -> int:
    """How many digits the keypad takes for a question's number."""
    if question.kind is AnswerKind.POSTAL_CODE:
        return POSTAL_CODE_DIGITS
    return len(str(question.maximum))


class RightsQuestionScreen(Screen):
    screen_id = ScreenId.RIGHTS_QUESTION

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        # Closer than other screens: at 1024x768 the question, its hint and six answers fit.
        self.layout_.setSpacing(12)
        self.layout_.setContentsMargins(MARGIN, 16, MARGIN, 16)
        header = QHBoxLayout()
        header.setSpacing(24)
        self.topic = text_label("hint")
        self.progress = ProgressSegments()
        self.counter = text_label("hint", wrap=False)
        header.addWidget(self.topic, 1)
        header.addWidget(self.progress, 1)
        header.addWidget(self.counter)
        self.layout_.insertLayout(0, header)
        # The question and its answers scroll together at larger text sizes; at the default one they fit.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        self.layout_.addWidget(scroll_area(body), 1)
        question_row = QHBoxLayout()
        question_row.setSpacing(24)
        self.layout_.removeWidget(self.title)
        question_row.addWidget(self.title, 1)
        self.listen = self.listen_button(self._question_texts)
        question_row.addWidget(self.listen, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addLayout(question_row)
        self.hint = text_label("hint")
        body_layout.addWidget(self.hint)

        # Rows of boxes rather than a grid: a box gives each answer the height its words need at its
        # width, where a grid gave the rows the height of one line.
        self.choices = QWidget()
        self._choice_rows = QVBoxLayout(self.choices)
        self._choice_rows.setContentsMargins(0, 0, 0, 0)
        self._choice_rows.setSpacing(12)
        self._rows: list[QWidget] = []
        self.choice_buttons: list[WholeWordsButton] = []
        body_layout.addWidget(self.choices)

        self.number = QWidget()
        number_row = QHBoxLayout(self.number)
        number_row.setContentsMargins(0, 0, 0, 0)
        number_row.setSpacing(32)
        typed_column = QVBoxLayout()
        typed_column.setSpacing(16)
        self.typed = text_label("ticket", wrap=False)
        self.typed.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unit = text_label("hint")
        self.unit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem = WarningBox()
        typed_column.addWidget(self.typed)
        typed_column.addWidget(self.unit)
        typed_column.addWidget(self.problem)
        typed_column.addStretch(1)
        self.dont_know_button = PictogramButton(DONT_KNOW_PICTOGRAM)
        must_be_seen(self.dont_know_button)
        self.dont_know_button.clicked.connect(lambda: self.answer(DONT_KNOW))
        self.confirm_button = PictogramButton("mdi6.check-bold", role="primary")
        self.confirm_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addWidget(self.dont_know_button)
        buttons.addWidget(self.confirm_button)
        typed_column.addLayout(buttons)
        number_row.addLayout(typed_column, 1)
        self.pad = DigitPad(1)
        self.pad.changed.connect(self._typing)
        number_row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        body_layout.addWidget(self.number)
        body_layout.addStretch(1)
        self._problem = ""  # what is wrong with the number typed, in French until shown

    @property
    def question(self) -> Question:
        asking = self.visit.rights_question()
        if asking is None:
            raise RuntimeError("the question screen is only entered on a question")
        return asking

    def enter(self, place: Place) -> None:
        calculator_for(self.station).prepare()  # the rules load while the person answers
        self._problem = ""
        self.pad.clear()
        self.pad.max_digits = digits_for(question) if (question := self.visit.rights_question()) else 1
        if question is not None and question.kind is not AnswerKind.CHOICE:
            given = self.visit.rights_answers.get(question.id)
            for digit in str(given) if given is not None and given != DONT_KNOW else "":
                self.pad.type_digit(digit)
        super().enter(place)

    def leave(self) -> None:
        self.pad.clear()  # what was typed is the visit's answer now, or nothing: not the keypad's
        self.typed.clear()

    def refresh(self) -> None:
        question = self.question
        shown = asked(self.visit.rights_answers)
        number = next((i for i, candidate in enumerate(shown, 1) if candidate.id == question.id), len(shown))
        self.topic.setText(_("Quelles aides pour moi ?"))
        self.counter.setText(
            _("Question {number} sur {total}").format(
                number=format_number(number), total=format_number(len(shown))
            )
        )
        self.progress.set_progress(number, len(shown))
        self.title.setText(_(question.text))
        self.hint.setText(_(question.hint))
        self.hint.setVisible(bool(question.hint))
        choosing = question.kind is AnswerKind.CHOICE
        self.choices.setVisible(choosing)
        self.number.setVisible(not choosing)
        self.dont_know_button.set_text(
            _("Je ne sais pas"), _("Passer cette question : le calcul fera sans votre réponse.")
        )
        if choosing:
            self._fill_choices(question)
        else:
            self.pad.retranslate()
            self.confirm_button.set_text(
                _("Valider"), _("Donner ce nombre et passer à la question suivante.")
            )
            self._show_typed()

    def _fill_choices(self, question: Question) -> None:
        discard(self._rows, self._choice_rows)
        given = self.visit.rights_answers.get(question.id)
        answers = [
            *((choice.id, _(choice.label), choice.pictogram) for choice in question.choices),
            (DONT_KNOW, _("Je ne sais pas"), DONT_KNOW_PICTOGRAM),
        ]
        columns = 2 if len(answers) <= FEW_CHOICES else 3
        self._rows = []
        self.choice_buttons = []
        for start in range(0, len(answers), columns):
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(12)
            for value, label, pictogram in answers[start : start + columns]:
                button = WholeWordsButton(pictogram)
                # As tall as its words need at its width (a push button's height is fixed otherwise).
                button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
                button.set_text(label, _("Répondre : {answer}").format(answer=label))
                button.set_selected(value == given)
                button.clicked.connect(partial(self._choose, value))
                # Columns of one width; each answer as tall as its own words (a short one stretched to
                # its neighbour's height had its words below the fold while its top was in view).
                row_layout.addWidget(must_be_seen(button), 1, Qt.AlignmentFlag.AlignTop)
                self.choice_buttons.append(button)
            for _missing in range(start + columns - len(answers)):
                row_layout.addStretch(1)  # the last row's answers as wide as those above
            self._choice_rows.addWidget(row)
            self._rows.append(row)

    def _choose(self, value: str, _checked: bool = False) -> None:
        self.answer(value)

    def answer(self, value: str | int) -> None:
        self.visit.answer_rights(value)

    def submit(self) -> None:
        """The number typed answers the question, if it is one the question takes."""
        question = self.question
        if self.pad.count == 0:
            self._say(_("Tapez un nombre avec les touches, ou touchez « Je ne sais pas »."))
            return
        if question.kind is AnswerKind.POSTAL_CODE:
            if self.pad.count != POSTAL_CODE_DIGITS:
                self._say(_("Un code postal a 5 chiffres, par exemple 59000."))
                return
            typed = self.pad.take()
            value: str | int = typed.reveal()
            typed.wipe()
            if not question.accepts(value):
                self._show_typed()
                self._say(_("Ce code postal n'existe pas. Vérifiez les chiffres."))
                return
        else:
            typed = self.pad.take()
            value = int(typed.reveal())
            typed.wipe()
            if not question.accepts(value):
                self._say(
                    _("Tapez un nombre entre {minimum} et {maximum}.").format(
                        minimum=format_number(question.minimum), maximum=format_number(question.maximum)
                    )
                )
                return
        self.answer(value)

    def _say(self, problem: str) -> None:
        self._problem = problem
        self._show_typed()
        self.speak_requested.emit([problem])

    def _typing(self) -> None:
        self._problem = ""  # what was wrong is being put right
        self._show_typed()

    def _show_typed(self) -> None:
        question = self.visit.rights_question()
        if question is None:
            return
        self.problem.set_text(self._problem)
        amount = question.kind is AnswerKind.AMOUNT
        self.unit.setText(_("par mois") if amount else "")
        self.unit.setVisible(amount)
        if question.kind is AnswerKind.POSTAL_CODE:
            shown = self.pad.shown()  # a line for each digit still to type
        else:
            digits = self.pad.shown().rstrip("_")
            shown = format_number(int(digits)) if digits else "_"
            shown += " €" if amount else ""
        self.typed.setText(f"\u2066{shown}\u2069")  # left to right whatever the language

    def _question_texts(self) -> list[str]:
        return [self.title.text(), *([self.hint.text()] if self.hint.text() else [])]

    def spoken_texts(self) -> list[str]:
        texts = [self.counter.text(), *self._question_texts()]
        if self.choices.isVisibleTo(self):
            texts += [button.text_shown() for button in self.choice_buttons]
        else:
            texts.append(_("Tapez le nombre avec les touches, puis touchez « Valider »."))
        return texts
