"""The aids the person's answers probably give, each with its monthly amount and « Faire la demande ».

The engine computes off the GUI thread (``ui.rights_engine``): « Je calcule… » shows
meanwhile, and a plain message if it cannot answer, with « Réessayer ». Only the aids with
something to offer are listed, never a refusal; the amounts are read aloud, and it is always
said that this is an estimate, not a decision, with the date of the rules used. The person
may print the aids and their amounts to take home; the answers (incomes) never go on paper.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n.translation import _
from kiosk.rights.aids import Estimate, Estimates
from kiosk.rights.engine import RightsUnavailable
from kiosk.rights.questions import DONT_KNOW
from kiosk.rights.situation import ASSUMPTIONS
from kiosk.station import Station
from kiosk.visit.places import Place, ScreenId
from kiosk.visit.recap import Recap, estimate_amount, estimate_notice, rights_recap
from ui import theme
from ui.rights_engine import calculator_for
from ui.screens.base import MARGIN, Screen, must_be_seen, scroll_area
from ui.widgets import pictograms
from ui.widgets.blocks import PictogramButton, WarningBox, discard, text_label
from ui.widgets.overlay import OverlayPanel
from ui.widgets.recap_button import RecapPrintBlock

AID_PICTOGRAMS = {  # by aid id; any other aid shows the hand with a coin
    "rsa": "mdi6.hand-coin-outline",
    "ppa": "mdi6.briefcase-outline",
    "aide_logement": "mdi6.home-outline",
    "css": "mdi6.medical-bag",
    "css_participation": "mdi6.medical-bag",
    "af": "mdi6.human-male-female-child",
    "cf": "mdi6.human-male-female-child",
    "paje_base": "mdi6.baby-carriage",
    "asf": "mdi6.human-male-child",
    "aah": "mdi6.wheelchair-accessibility",
    "aspa": "mdi6.human-cane",
}


# At 1024x768 four aids are seen with « Faire la demande » without scrolling, in every language; a
# household with more scrolls to the others (the scroll bar shows there are more).
ROWS_IN_SIGHT = 4


def this_month() -> str:
    """The month of the visit, "YYYY-MM", on the kiosk's clock: the month the aids are estimated for."""
    return datetime.now().astimezone().strftime("%Y-%m")


class AidRow(QFrame):
    """One aid: its name, what it brings each month, and the way to ask for it."""

    def __init__(self, estimate: Estimate, station: Station) -> None:
        super().__init__()
        self.estimate = estimate
        self.setProperty("role", "panel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        layout.setSpacing(16)
        icon = QLabel()
        icon.setPixmap(
            pictograms.pixmap(AID_PICTOGRAMS.get(estimate.aid.id, "mdi6.hand-coin-outline"), theme.TEXT, 40)
        )
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.name = text_label()
        self.amount = text_label()
        texts.addWidget(self.name)
        texts.addWidget(self.amount)
        layout.addLayout(texts, 1)
        procedure_id = estimate.aid.procedure_id or ""
        offered = procedure_id in station.catalog.procedures and procedure_id not in station.hidden_procedures
        self.procedure_id = procedure_id if offered else ""
        self.ask_button = PictogramButton("mdi6.file-document-edit-outline")
        self.ask_button.setVisible(offered)
        self.ask_button.clicked.connect(lambda: station.visit.open_procedure(self.procedure_id))
        self.ask_elsewhere = text_label("hint")
        self.ask_elsewhere.setVisible(not offered)
        layout.addWidget(self.ask_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.ask_elsewhere, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.name.setText(_(self.estimate.aid.label))
        self.amount.setText(estimate_amount(self.estimate))
        self.ask_button.set_text(
            _("Faire la demande"),
            _("Ouvrir le guide pour demander cette aide. Le bouton Retour vous ramène ici."),
        )
        self.ask_elsewhere.setText(_("Pour la demander, un conseiller peut vous aider."))

    def spoken_texts(self) -> list[str]:
        return [self.name.text(), self.amount.text()]


class AidsPrintBlock(RecapPrintBlock):
    """« Imprimer ces aides »: the aids and their amounts on paper, if the person wants them."""

    def refresh(self) -> None:
        self.print_button.set_text(
            _("Imprimer ces aides"),
            _("Une feuille avec ces aides et leurs montants, à emporter. Vos réponses n'y sont pas."),
        )
        self.printed.setText("")
        self.printed.hide()  # until something is printed: its room goes to the aids
        self.setVisible(bool(self.station.visit.rights_estimates))

    def print_recap(self) -> None:
        super().print_recap()
        self.printed.setVisible(bool(self.printed.text()))

    def recap(self) -> Recap | None:
        estimates = self.station.visit.rights_estimates
        if not estimates:
            return None
        settings = self.station.keeper.structure_settings()
        return rights_recap(estimates, self.station.catalog.procedures, settings)


class RightsResultsScreen(Screen):
    screen_id = ScreenId.RIGHTS_RESULTS
    speaks_personal_data = True  # the amounts tell about the person's income: their audio goes with the visit

    def __init__(self, station: Station) -> None:
        super().__init__(station)
        self.layout_.setSpacing(12)
        self.layout_.setContentsMargins(MARGIN, 16, MARGIN, 16)
        self.explanation = OverlayPanel(self, "mdi6.check-bold")
        self.working = QWidget()  # « Je calcule… »
        working_row = QHBoxLayout(self.working)
        working_row.setContentsMargins(0, 0, 0, 0)
        working_row.setSpacing(24)
        hourglass = QLabel()
        hourglass.setPixmap(pictograms.pixmap("mdi6.timer-sand", theme.TEXT, 72))
        working_row.addWidget(hourglass, 0, Qt.AlignmentFlag.AlignTop)
        self.working_text = text_label()
        working_row.addWidget(self.working_text, 1)
        self.layout_.addWidget(self.working)

        self.problem = WarningBox()
        self.retry_button = PictogramButton("mdi6.restart")
        self.retry_button.clicked.connect(self._calculate)
        problem_row = QHBoxLayout()
        problem_row.setSpacing(16)
        problem_row.addWidget(self.problem, 1)
        problem_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(problem_row)

        self.none_found = text_label()
        self.layout_.addWidget(self.none_found)
        self.list = QWidget()
        self._list_layout = QVBoxLayout(self.list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(6)
        # After the aids, with them: what was assumed for the answers « Je ne sais pas ».
        self.assumed_button = PictogramButton("mdi6.information-outline")
        self.assumed_button.clicked.connect(self._explain_assumptions)
        self._list_layout.addWidget(self.assumed_button, 0, Qt.AlignmentFlag.AlignLeading)
        self._list_layout.addStretch(1)
        self.rows: list[AidRow] = []
        self.list_area = scroll_area(self.list)
        self.layout_.addWidget(self.list_area, 1)
        # What is always said with the amounts, beside the paper to take them home: the room left
        # goes to the aids.
        self.notice = text_label()
        self.take_home = AidsPrintBlock(station, self.speak_requested.emit)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.notice, 1, Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self.take_home, 0, Qt.AlignmentFlag.AlignVCenter)
        self.layout_.addLayout(bottom)
        self.layout_.addStretch(0)  # takes the room when there is no list of aids (refresh)

        self.calculator = calculator_for(station)
        self.calculator.finished.connect(self._estimated)
        self.calculator.failed.connect(self._failed)
        self._failure = False
        station.add_end_listener(self._forget)

    def enter(self, place: Place) -> None:
        self._failure = False
        if self.visit.rights_estimates is None:  # new answers (back from a walkthrough, they are shown again)
            self.calculator.calculate(self.visit.rights_answers, this_month())
        super().enter(place)

    def leave(self) -> None:
        self.calculator.cancel()  # an answer for a screen left is not shown
        self.explanation.hide()

    def _assumptions(self) -> list[str]:
        """What the calculation assumed for each « Je ne sais pas », each said once, translated."""
        answers = self.visit.rights_answers
        unknown = [qid for qid in answers.answered() if answers.get(qid) == DONT_KNOW and qid in ASSUMPTIONS]
        return list(dict.fromkeys(_(ASSUMPTIONS[qid]) for qid in unknown))

    def _explain_assumptions(self) -> None:
        self.explanation.present(
            _("Vos réponses « Je ne sais pas »"),
            "\n".join(self._assumptions()),
            _("J'ai compris"),
            _("Fermer l'explication."),
        )
        self.speak_requested.emit(self.explanation.spoken_texts())

    def _calculate(self) -> None:
        self._failure = False
        self.calculator.calculate(self.visit.rights_answers, this_month())
        self.refresh()

    def _estimated(self, estimates: Estimates) -> None:
        if self.visit.place.screen is not ScreenId.RIGHTS_RESULTS:
            return
        self.visit.record_rights_estimates(estimates)
        self.refresh()
        if self.visit.session.auto_read:
            self.speak_requested.emit(self.spoken_texts())

    def _failed(self) -> None:
        self._failure = True
        self.refresh()
        if self.visit.session.auto_read:
            self.speak_requested.emit(self.spoken_texts())

    def _forget(self) -> None:
        """The visit ended: the amounts it showed go with it."""
        discard(self.rows, self._list_layout)
        self.rows = []

    def refresh(self) -> None:
        estimates = self.visit.rights_estimates
        working = estimates is None and not self._failure
        self.title.setText(_("Je calcule…") if working else _("Les aides que vous pourriez avoir"))
        self.working.setVisible(working)
        self.working_text.setText(_("Le calcul prend quelques secondes. Il se fait sur cet ordinateur."))
        self.problem.set_text(_(RightsUnavailable.PLAIN) if self._failure else "")
        self.retry_button.setVisible(self._failure)
        self.retry_button.set_text(_("Réessayer"), _("Refaire le calcul des aides."))
        self.none_found.setText(
            _(
                "Avec ces réponses, le calcul n'a pas trouvé d'aide. Il ne connaît pas toutes les aides : "
                "un conseiller peut regarder avec vous."
            )
        )
        self.none_found.setVisible(estimates is not None and not estimates)
        self._fill(estimates)
        self.list_area.setVisible(bool(estimates))
        self.layout_.setStretch(self.layout_.count() - 1, 0 if estimates else 1)
        self.assumed_button.set_text(
            _("Ce que le calcul suppose"),
            _("Voir ce que le calcul a compté pour vos réponses « Je ne sais pas »."),
        )
        self.assumed_button.setVisible(estimates is not None and bool(self._assumptions()))
        self.notice.setVisible(estimates is not None)
        self.notice.setText(estimate_notice(estimates) if estimates is not None else "")
        self.take_home.refresh()

    def _fill(self, estimates: Estimates | None) -> None:
        items = estimates.items if estimates else ()
        if [row.estimate for row in self.rows] == list(items):
            for row in self.rows:
                row.retranslate()
            return
        discard(self.rows, self._list_layout)
        self.rows = [AidRow(estimate, self.station) for estimate in items]
        for index, row in enumerate(self.rows):
            self._list_layout.insertWidget(index, row)
            if index < ROWS_IN_SIGHT:
                must_be_seen(row.ask_button)

    def _results_texts(self) -> list[str]:  # what « Répéter » reads: every aid and its amount
        texts = [self.title.text()]
        for row in self.rows:
            texts += row.spoken_texts()
        if self.visit.rights_estimates is not None:
            texts.append(self.notice.text())
        return texts

    def spoken_texts(self) -> list[str]:
        if self.explanation.isVisible():
            return self.explanation.spoken_texts()
        if self.working.isVisibleTo(self):
            return [self.title.text(), self.working_text.text()]
        if self._failure:
            return [self.problem.label.text()]
        if self.none_found.isVisibleTo(self):
            return [self.title.text(), self.none_found.text(), self.notice.text()]
        return self._results_texts()
