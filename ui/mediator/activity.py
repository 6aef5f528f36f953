"""The activity page: the structure's activity from the anonymous records, in charts, with CSV and JSON
exports."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.data_dir import write_private
from kiosk.errors import DiskFull, EnvironmentFault
from kiosk.mediation.statistics import summarize, to_csv, to_json
from kiosk.mediation.timeline import language_for_mediator
from ui.mediator.parts import MediatorPage, button, plural
from ui.widgets.bar_chart import BarChart
from ui.widgets.blocks import text_label

if TYPE_CHECKING:
    from ui.mediator.panel import MediatorPanel

log = logging.getLogger(__name__)


class ActivityPage(MediatorPage):
    """The structure's activity from the anonymous records, with CSV and JSON exports."""

    TAB_LABEL = "Activité"
    TAB_PICTOGRAM = "mdi6.chart-bar"

    def __init__(self, panel: MediatorPanel) -> None:
        super().__init__(panel)
        layout = QVBoxLayout(self)
        self.totals = text_label()
        charts = QHBoxLayout()
        self.per_day = BarChart("Visites par jour")
        self.per_procedure = BarChart("Démarches")
        self.per_language = BarChart("Langues")
        for chart in (self.per_day, self.per_procedure, self.per_language):
            charts.addWidget(chart, 1)
        exports = QHBoxLayout()
        self.csv_button = button(
            "mdi6.file-delimited-outline", "Exporter en CSV", "Écrire les activités dans un fichier CSV."
        )
        self.json_button = button(
            "mdi6.code-json", "Exporter en JSON", "Écrire les activités dans un fichier JSON."
        )
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.json_button.clicked.connect(lambda: self.export("json"))
        self.exported = text_label("hint")
        exports.addWidget(self.csv_button)
        exports.addWidget(self.json_button)
        exports.addWidget(self.exported, 1)
        layout.addWidget(self.totals)
        layout.addLayout(charts, 1)
        layout.addLayout(exports)

    def records(self) -> list[dict[str, Any]]:
        store = self.panel.station.keeper.store
        return store.activity() if store is not None else []

    def forget(self) -> None:
        self.exported.setText("")

    def refresh(self) -> None:
        records = self.records()
        summary = summarize(records)
        visits = plural(summary.visits, "visite")
        completed = plural(summary.completed, "démarche menée", "démarches menées")
        helped = plural(summary.help_requests, "demande d'aide", "demandes d'aide")
        self.totals.setText(f"{visits}, {completed} au bout ({summary.completion_percent} %), {helped}.")
        procedures = self.panel.station.catalog.procedures
        self.per_day.set_counts(sorted(summary.per_day.items())[-14:])
        self.per_procedure.set_counts(
            [
                (procedures[p].title if p in procedures else p, n)
                for p, n in summary.per_procedure.most_common(8)
            ]
        )
        self.per_language.set_counts(
            [(language_for_mediator(code), n) for code, n in summary.per_language.most_common()]
        )

    def export(self, kind: str) -> None:
        records = self.records()
        text = to_csv(records) if kind == "csv" else to_json(records)
        path = self.panel.exports_dir / f"activite-{time.strftime('%Y%m%d-%H%M%S')}.{kind}"
        try:
            write_private(path, text.encode("utf-8"))
        except DiskFull:
            self.exported.setText(
                "Le disque est plein : l'export n'a pas été écrit. Libérez de la place, puis recommencez."
            )
            return
        except EnvironmentFault as error:
            self.exported.setText(f"L'export n'a pas pu être écrit : {error}")
            return
        store = self.panel.station.keeper.store
        if store is not None:
            try:
                store.journal("activity.exported", {"format": kind, "records": len(records)}, time.time())
            except EnvironmentFault:
                log.warning("the export was written but could not be journaled")
        self.exported.setText(f"Écrit : {path}")
