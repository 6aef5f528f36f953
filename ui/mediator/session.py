"""The session page: the person's session at a glance, as a timeline, and what the mediator records about
the help (a note, how autonomous the person was, a referral, the help request resolved)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QScrollArea, QSizePolicy, QVBoxLayout

from kiosk.mediation.sources import sources_text
from kiosk.mediation.timeline import (
    AUTONOMY_LABELS,
    Autonomy,
    language_for_mediator,
    minutes_and_seconds,
    timeline,
)
from kiosk.secret import looks_like_credential
from kiosk.visit.recap import HELP_PLACES
from ui import theme
from ui.mediator.parts import MediatorPage, button
from ui.screens.base import scroll_area
from ui.widgets.blocks import PictogramButton, WarningBox, breakable, discard, text_label

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel


def _taking_the_room_left(area: QScrollArea) -> QScrollArea:
    """A list that scrolls within the room the page leaves it, never making the page taller.

    Asked how tall it would like to be, a scroll area answers with its whole text: a long
    timeline made the page taller than the screen, and the autonomy buttons went below it.
    """
    area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
    area.setMinimumHeight(3 * round(theme.BODY_PX * 4 / 3))  # three lines of text at least
    return area


class SessionPage(MediatorPage):
    """The person's session at a glance, and what the mediator records about the help."""

    TAB_LABEL = "Session"
    TAB_PICTOGRAM = "mdi6.timeline-text-outline"

    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__(panel)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.summary = text_label()
        self.lines = text_label()
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.notes = text_label("hint")
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.sources = text_label("hint")  # where the facts on the person's screen were checked
        self.note = QLineEdit()
        self.note.setMinimumHeight(64)
        self.note.setPlaceholderText("Une note pour la suite (sans mot de passe)")
        self.note_button = button("mdi6.note-plus-outline", "Ajouter", "Garder cette note avec la session.")
        self.note_button.clicked.connect(self.add_note)
        self.resolve_button = button(
            "mdi6.check-circle-outline", "Demande résolue", "Marquer la demande d'aide comme résolue."
        )
        self.resolve_button.clicked.connect(self.resolve)
        self.code_wait_button = button(
            "mdi6.timer-off-outline",
            "Lever l'attente des codes",
            "Des codes de reprise faux font attendre tout le monde : la personne devant vous peut essayer.",
        )
        self.code_wait_button.clicked.connect(self.lift_code_wait)
        notes_column = QVBoxLayout()
        # The field across the page's whole width, its button beside it: in the column of the notes it was
        # squeezed to « Une note … » at 1024 px, and a note is read back before it goes.
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_button)
        notes_column.addWidget(self.resolve_button)
        notes_column.addWidget(self.code_wait_button)
        self.note_warning = WarningBox()
        self.note_warning.set_text("")
        self.note.textChanged.connect(lambda _text: self.note_warning.set_text(""))
        self.notes_area = _taking_the_room_left(scroll_area(self.notes))  # shown once there is a note
        notes_column.addWidget(self.notes_area, 1)
        self.sources_area = _taking_the_room_left(scroll_area(self.sources))
        self.sources_area.setMinimumHeight(round(theme.BODY_PX * 4 / 3))  # one line: at 1024 px it scrolls
        notes_column.addWidget(self.sources_area, 1)
        self.referral_caption = text_label(wrap=False)
        self.referral_caption.setText("Orientée vers :")
        self.referral_row = QHBoxLayout()
        self.referral_row.addWidget(self.referral_caption)
        self.referral_buttons: list[PictogramButton] = []
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(_taking_the_room_left(scroll_area(self.lines)), 3)
        middle.addLayout(notes_column, 2)
        self.notices = WarningBox()
        actions = QHBoxLayout()
        self.autonomy_buttons: dict[Autonomy, PictogramButton] = {}
        for level, pictogram in zip(
            Autonomy, ("mdi6.account", "mdi6.account-multiple", "mdi6.account-tie"), strict=True
        ):
            choice = button(pictogram, AUTONOMY_LABELS[level], "Noter comment la démarche a été faite.")
            choice.clicked.connect(lambda _checked=False, lv=level: self.record_autonomy(lv))
            self.autonomy_buttons[level] = choice
            actions.addWidget(choice, 1)
        layout.addWidget(self.summary)
        layout.addLayout(middle, 1)
        layout.addLayout(note_row)
        layout.addWidget(self.note_warning)
        layout.addWidget(self.notices)
        layout.addLayout(actions)
        layout.addLayout(self.referral_row)

    def forget(self) -> None:
        self.note.clear()  # an unsent note belongs to this visit only
        self.note_warning.set_text("")

    def refresh(self) -> None:
        station = self.panel.station
        visit = station.visit
        session = visit.session
        now = station.clock()
        self.code_wait_button.setVisible(station.keeper.resume_wait_s() > 0)
        language = language_for_mediator(session.language)
        self.summary.setText(
            f"Langue de la personne : {language}. Depuis son arrivée : "
            f"{minutes_and_seconds(int(station.keeper.clock() - session.started_at))}."
            if visit.started
            else "Personne n'utilise le kiosque en ce moment."
        )
        entries = [
            ("Demande en attente — " if entry.open_help else "")
            + f"{entry.what} : {minutes_and_seconds(entry.seconds)}"
            for entry in timeline(visit, now)
        ]
        self.lines.setText("\n".join(entries) or "Aucune étape pour l'instant.")
        self.resolve_button.setVisible(visit.pending_help() is not None)
        for level, choice in self.autonomy_buttons.items():
            choice.set_selected(session.autonomy == level.value)
            choice.setEnabled(visit.started)
        self.note_button.setEnabled(visit.started and station.keeper.keeps_records)
        self.notes.setText("\n".join(f"• {text}" for text in station.keeper.notes(session)))
        self.notes_area.setVisible(bool(self.notes.text()))
        self.sources.setText(breakable(sources_text(visit)))
        self.sources_area.setVisible(bool(self.sources.text()))
        self._refresh_referrals()
        problems = [notice.message for notice in station.keeper.notices]
        problems += [f"Kiosque installé incomplet : {missing}" for missing in station.missing]
        problems += [f"Contenu non chargé : {problem}" for problem in station.catalog.problems]
        self.notices.set_text("\n".join(problems))

    def lift_code_wait(self) -> None:
        """The person at the desk has a code and a wait left by someone else's wrong codes."""
        self.panel.station.keeper.forget_wrong_codes()
        self.refresh()

    def resolve(self) -> None:
        request = self.panel.station.visit.pending_help()
        if request is not None:
            self.panel.station.help_desk.resolve(request)
        self.refresh()

    def _refresh_referrals(self) -> None:
        station = self.panel.station
        places = [place.get("name", "") for place in station.keeper.setting(HELP_PLACES, []) or []][:3]
        discard(self.referral_buttons, self.referral_row)
        self.referral_buttons = []
        for name in [name for name in places if name]:
            choice = button(
                "mdi6.map-marker-outline", name, f"Noter que la personne est orientée vers {name}."
            )
            choice.set_selected(station.visit.session.referral == name)
            choice.setEnabled(station.visit.started)
            choice.clicked.connect(lambda _checked=False, n=name: self.record_referral(n))
            self.referral_row.addWidget(choice, 1)
            self.referral_buttons.append(choice)
        self.referral_caption.setVisible(bool(self.referral_buttons))

    def record_referral(self, name: str) -> None:
        session = self.panel.station.visit.session
        session.referral = None if session.referral == name else name
        self.panel.station.keeper.save(session)
        self.refresh()

    def record_autonomy(self, level: Autonomy) -> None:
        station = self.panel.station
        station.visit.session.autonomy = level.value
        station.keeper.save(station.visit.session)
        self.refresh()

    def add_note(self) -> None:
        """Keep the note; one that seems to hold a password or a code is kept only at a second touch."""
        text = self.note.text().strip()
        if not text:
            return
        if looks_like_credential(text) and self.note_warning.isHidden():
            self.note_warning.set_text(
                "Cette note semble contenir un mot de passe ou un code. Retirez-le : personne ne doit "
                "le garder. Touchez « Ajouter » encore une fois pour la garder telle quelle."
            )
            return
        if self.panel.station.keeper.add_note(self.panel.station.visit.session, text):
            self.note.setText("")
        self.refresh()
