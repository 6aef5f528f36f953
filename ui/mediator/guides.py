"""The guides page: which guides are in use and how old, updating them (USB stick, network), going back,
and telling the publisher what the real site shows today."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.content.procedures import Procedure
from kiosk.content.staleness import age_days, is_stale, local_today, stale_guides
from kiosk.data_dir import write_private
from kiosk.errors import DiskFull, EnvironmentFault
from kiosk.mediation import guide_reports
from kiosk.mediation.guide_reports import MAX_NOTE_CHARS, SITE_CHANGED, VERIFIED, GuideReport
from kiosk.secret import looks_like_credential
from kiosk.updates.changes import summary
from kiosk.updates.shelf import Outcome
from ui.content_updates import UpdateWatcher
from ui.mediator.parts import MediatorPage, button
from ui.widgets.blocks import WarningBox, text_label

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel

log = logging.getLogger(__name__)
CHECK_LATE_DAYS = (
    30  # an online source not reached for this long: the guides may be old without anyone knowing
)


def _when(seconds: float) -> str:
    return time.strftime("%d/%m/%Y à %H:%M", time.localtime(seconds)) if seconds else "jamais"


def pack_version(procedure: Procedure, packs: list[tuple[str, str, str]]) -> str:
    """The pack (id and version) the guide was read from: what the publisher needs to find it."""
    for path, pack_id, version in packs:
        if procedure.source_file.startswith(path):
            return f"{pack_id} {version}"
    return ""


class GuidesPage(MediatorPage):
    TAB_LABEL = "Guides"
    TAB_PICTOGRAM = "mdi6.book-sync-outline"

    def __init__(self, panel: MediatorPanel, watcher: UpdateWatcher) -> None:
        super().__init__(panel)
        self.watcher = watcher
        watcher.finished.connect(self._checked)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.status = text_label()
        self.outcome = WarningBox()
        self.outcome.set_text("")  # hidden until a check says something
        actions = QHBoxLayout()
        self.stick_button = button(
            "mdi6.usb-flash-drive-outline",
            "Mettre à jour les guides",
            "Lire les guides d'une clé USB branchée.",
        )
        self.stick_button.clicked.connect(lambda: self._start(watcher.check_sticks))
        self.online_button = button("mdi6.web-sync", "Vérifier en ligne", "Demander les guides à l'éditeur.")
        self.online_button.clicked.connect(lambda: self._start(watcher.check_online))
        self.back_button = button(
            "mdi6.undo-variant",
            "Revenir à la version précédente",
            "Remettre les guides d'avant la mise à jour.",
        )
        self.back_button.clicked.connect(self.roll_back)
        for each in (self.stick_button, self.online_button, self.back_button):
            actions.addWidget(each)
        actions.addStretch(1)
        # The guide the person used: what the mediator saw on the real site beside it.
        self.used = text_label()
        verdicts = QHBoxLayout()
        self.verified_button = button(
            "mdi6.check-decagram-outline",
            "Vérifié aujourd'hui sur le vrai site",
            "Le guide suit le vrai site.",
        )
        self.verified_button.clicked.connect(lambda: self.report(VERIFIED))
        self.changed_button = button(
            "mdi6.alert-decagram-outline", "Le vrai site a changé", "Dire à l'éditeur ce qui a changé."
        )
        self.changed_button.clicked.connect(self.ask_what_changed)
        verdicts.addWidget(self.verified_button)
        verdicts.addWidget(self.changed_button)
        verdicts.addStretch(1)
        self.step_choice = QComboBox()
        self.step_choice.setMinimumHeight(64)
        self.note = QLineEdit()
        self.note.setMinimumHeight(64)
        self.note.setMaxLength(MAX_NOTE_CHARS)
        self.note.setPlaceholderText("Ce qui diffère (un bouton, un mot), sans rien sur la personne")
        self.send_button = button("mdi6.content-save-outline", "Enregistrer", "Garder ce signalement.")
        self.send_button.clicked.connect(lambda: self.report(SITE_CHANGED))
        self.changed_row = QHBoxLayout()  # the note across the page, read back before it is kept
        self.changed_row.addWidget(self.step_choice, 2)
        self.changed_row.addWidget(self.send_button)
        self.report_notice = text_label("hint")
        exports = QHBoxLayout()
        self.csv_button = button(
            "mdi6.file-export-outline", "Signalements en CSV", "Pour l'éditeur des guides."
        )
        self.json_button = button("mdi6.code-json", "Signalements en JSON", "Pour l'éditeur des guides.")
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.json_button.clicked.connect(lambda: self.export("json"))
        exports.addWidget(self.csv_button)
        exports.addWidget(self.json_button)
        exports.addStretch(1)
        self.guides = text_label("hint")
        layout.addWidget(self.status)
        layout.addWidget(self.outcome)
        layout.addLayout(actions)
        layout.addWidget(self.used)
        layout.addLayout(verdicts)
        layout.addWidget(self.note)
        layout.addLayout(self.changed_row)
        layout.addWidget(self.report_notice)
        layout.addLayout(exports)
        layout.addWidget(self.guides)
        layout.addStretch(1)
        self._show_changed_row(False)

    # What is shown ----------------------------------------------------------------------------
    def refresh(self) -> None:
        station = self.panel.station
        updates = self.watcher.updates
        lines = []
        if not updates.sources:
            lines.append(
                "Aucun éditeur de guides n'est enregistré : le kiosque montre les guides livrés avec lui."
            )
        for report in updates.reports():
            state = report.state
            where = report.source.url or "par clé USB seulement"
            in_use = (
                f"version {state.current} du {state.pack_date}, installée le {_when(state.installed_at)}"
                if state.current
                else "les guides livrés avec le kiosque"
            )
            lines.append(f"Guides de « {report.source.name} » ({where}) : {in_use}.")
            lines.append(f"Dernière vérification : {_when(state.last_check)}.")
            late = time.time() - state.last_success > CHECK_LATE_DAYS * 86400
            if report.source.url and late:
                lines.append(
                    f"Attention : l'éditeur n'a pas pu être joint depuis plus de {CHECK_LATE_DAYS} jours."
                )
            if state.last_outcome is not None and state.last_outcome.kind in ("refused", "unreachable"):
                lines.append(f"Dernier refus : {state.last_outcome.message}")
            if state.changes:
                lines += [f"  {line}" for line in summary(state.changes)]
        if station.content_waiting:
            lines.append("Les nouveaux guides seront utilisés quand la personne aura fini sa visite.")
        self.status.setText("\n".join(lines))
        self.online_button.setVisible(any(source.url for source in updates.sources))
        self.back_button.setVisible(any(report.state.current for report in updates.reports()))
        self._refresh_used()
        self._refresh_guides()

    def _refresh_used(self) -> None:
        procedure = self.panel.station.visit.last_procedure()
        for each in (self.verified_button, self.changed_button):
            each.setVisible(procedure is not None)
        if procedure is None:
            self.used.setText("Aucun guide n'a été ouvert dans cette visite.")
            self._show_changed_row(False)
            return
        checked = procedure.last_checked
        self.used.setText(
            f"Le guide de cette visite : {procedure.title}. Vérifié le {checked.date} "
            f"({'sur le vrai site' if checked.verified_on_site else 'par écrit'}), source : {checked.source}."
        )
        self.step_choice.clear()
        self.step_choice.addItem("Quelle étape ? (toute la démarche)", "")
        for number, step in enumerate(procedure.steps, start=1):
            self.step_choice.addItem(f"{number}. {step.title}", step.id)

    def _refresh_guides(self) -> None:
        station = self.panel.station
        today = local_today()
        max_age = station.config.guide_max_age_days
        stale = stale_guides(station.catalog, today, max_age)
        lines = [
            f"{len(stale)} guide(s) de plus de {max_age} jours : "
            "la personne est invitée à demander à l'accueil en cas de doute."
            if stale
            else f"Aucun guide n'a plus de {max_age} jours."
        ]
        for procedure in sorted(station.catalog.procedures.values(), key=lambda p: p.title):
            checked = procedure.last_checked
            flag = "ANCIEN — " if is_stale(procedure, today, max_age) else ""
            lines.append(
                f"{flag}{procedure.title} : vérifié le {checked.date} ({age_days(procedure, today)} jours), "
                f"{'sur le vrai site' if checked.verified_on_site else 'par écrit'} — {checked.source}"
            )
        self.guides.setText("\n".join(lines))

    def forget(self) -> None:
        self.note.clear()
        self.report_notice.setText("")
        self.outcome.set_text("")
        self._show_changed_row(False)

    def _show_changed_row(self, shown: bool) -> None:
        for widget in (self.step_choice, self.note, self.send_button):
            widget.setVisible(shown)

    # Updating --------------------------------------------------------------------------------
    def _start(self, check: Callable[[], bool]) -> None:
        if check():
            self.outcome.set_text("Vérification en cours… Le kiosque reste utilisable.")
        else:
            self.outcome.set_text("Une vérification est déjà en cours : attendez sa fin.")

    def roll_back(self) -> None:
        names = [report.source.name for report in self.watcher.updates.reports() if report.state.current]
        if names:
            self._start(partial(self.watcher.roll_back, names[0]))

    def _checked(self, outcomes: list[tuple[str, Outcome]]) -> None:
        self.outcome.set_text("\n".join(o.message for _name, o in outcomes))
        if self.isVisible():
            self.refresh()

    # Reports for the publisher -------------------------------------------------------------------
    def ask_what_changed(self) -> None:
        self._show_changed_row(True)
        self.note.setFocus()

    def report(self, verdict: str) -> None:
        station = self.panel.station
        procedure = station.visit.last_procedure()
        store = station.keeper.store
        if procedure is None or store is None:
            return
        note = self.note.text() if verdict == SITE_CHANGED else ""
        if looks_like_credential(note):
            self.report_notice.setText(
                "Cette note ressemble à un mot de passe ou un code : elle n'est pas gardée."
            )
            return
        packs = [(str(p.path), p.id, p.version) for p in station.catalog.packs]
        step = str(self.step_choice.currentData() or "") if verdict == SITE_CHANGED else ""
        try:
            made = GuideReport.made(procedure.id, pack_version(procedure, packs), verdict, step, note)
            store.add_guide_report(made.to_dict())
        except ValueError as error:
            self.report_notice.setText(f"Pas gardé : {error}.")
            return
        except EnvironmentFault as error:
            self.report_notice.setText(f"Pas gardé : {error}")
            return
        self.note.clear()
        self._show_changed_row(False)
        self.report_notice.setText("Merci : c'est noté pour l'éditeur des guides (export ci-dessous).")

    def export(self, kind: str) -> None:
        store = self.panel.station.keeper.store
        reports = [GuideReport(**row) for row in store.guide_reports()] if store is not None else []
        text = guide_reports.to_csv(reports) if kind == "csv" else guide_reports.to_json(reports)
        path = self.panel.exports_dir / f"guides-signalements-{time.strftime('%Y%m%d-%H%M%S')}.{kind}"
        try:
            write_private(path, text.encode("utf-8"))
        except DiskFull:
            self.report_notice.setText("Le disque est plein : l'export n'a pas été écrit.")
            return
        except EnvironmentFault as error:
            self.report_notice.setText(f"L'export n'a pas pu être écrit : {error}")
            return
        self.report_notice.setText(f"Écrit : {path} ({len(reports)} signalement(s))")
