"""The console's window, for the desk PC (mouse and keyboard): a tile per kiosk, the help requests waiting
oldest first with « J'arrive » and « Résolu », a sound and a banner when one arrives, and the room's activity.

It shows only what the kiosks send (kiosk/room/messages.py): where a person is and what kind of
help they asked for, never what they typed. Mediator mode is in French, and so is the console.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.loader import Catalog
from kiosk.data_dir import write_private
from kiosk.errors import EnvironmentFault
from kiosk.mediation.statistics import to_csv, to_json
from kiosk.mediation.timeline import AUTONOMY_LABELS, language_for_mediator, minutes_and_seconds
from kiosk.room.messages import BadMessage
from kiosk.room.room_model import KioskState, Request, RoomModel
from kiosk.store.database import Store
from kiosk.visit.help_desk import HELP_KIND_LABELS, HelpKind

log = logging.getLogger(__name__)
TILE_COLUMNS = 3
MAX_ROWS = 30  # the oldest requests; more would only bury them (the count says how many wait)
ALERT_MS = 8000  # the banner stays this long after the last new request


class ConsoleEvents(QObject):
    """From paho's thread to the window's: the messages and the connection."""

    message = Signal(str, bytes)
    connection = Signal(bool)


def _kind_label(kind: str) -> str:
    try:
        return HELP_KIND_LABELS[HelpKind(kind)]
    except ValueError:
        return kind


class ConsoleWindow(QWidget):
    def __init__(
        self,
        model: RoomModel,
        send: Callable[[str, bytes], None],
        store: Store | None,
        catalog: Catalog,
        exports_dir: Path,
        alert: Callable[[], None] = QApplication.beep,  # kiosk-console gives its chime (chime.py)
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.model = model
        self.send = send
        self.store = store
        self.catalog = catalog
        self.exports_dir = exports_dir
        self.alert = alert
        self.clock = clock
        self.setWindowTitle("Console de la salle — France Services")
        # A desk PC read from a chair, with a mouse: the usual size of a desktop's text, not the kiosk's.
        self.setStyleSheet(
            "QWidget { font-size: 15px; } QPushButton { min-height: 32px; padding: 4px 12px; }"
        )
        layout = QVBoxLayout(self)
        self.connection = QLabel("Relais de la salle : connexion…")
        self.banner = QLabel()
        self.banner.setObjectName("Banner")
        self.banner.setStyleSheet(
            "#Banner { background: #8a1c1c; color: white; font-size: 20px; padding: 10px; }"
        )
        self.banner.hide()
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self.banner.hide)
        layout.addWidget(self.connection)
        layout.addWidget(self.banner)
        body = QHBoxLayout()
        self.tiles = QGridLayout()
        tiles_box = QWidget()
        tiles_box.setLayout(self.tiles)
        tiles_area = QScrollArea()
        tiles_area.setWidgetResizable(True)
        tiles_area.setWidget(tiles_box)
        self.queue = QVBoxLayout()
        queue_box = QWidget()
        queue_outer = QVBoxLayout(queue_box)
        self.queue_title = QLabel()
        self.queue_title.setStyleSheet("font-size: 20px; font-weight: bold;")
        queue_outer.addWidget(self.queue_title)
        queue_outer.addLayout(self.queue)
        self.more = QLabel()
        queue_outer.addWidget(self.more)
        queue_outer.addStretch(1)
        queue_area = QScrollArea()
        queue_area.setWidgetResizable(True)
        queue_area.setWidget(queue_box)
        body.addWidget(tiles_area, 1)
        body.addWidget(queue_area, 1)
        layout.addLayout(body, 1)
        footer = QHBoxLayout()
        self.activity = QLabel()
        self.exported = QLabel()
        csv_button = QPushButton("Activité de la salle en CSV")
        json_button = QPushButton("Activité de la salle en JSON")
        csv_button.clicked.connect(lambda: self.export("csv"))
        json_button.clicked.connect(lambda: self.export("json"))
        for widget in (self.activity, csv_button, json_button, self.exported):
            footer.addWidget(widget)
        footer.addStretch(1)
        layout.addLayout(footer)
        self._tiles: dict[str, QFrame] = {}
        self._tile_places: dict[str, tuple[int, int]] = {}
        self._rows: dict[str, QFrame] = {}
        self._visits = len(store.activity()) if store is not None else 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(1000)  # the times waited, by the second
        self.refresh()

    # What arrives -------------------------------------------------------------------------
    def receive(self, topic: str, payload: bytes) -> None:
        try:
            what = self.model.receive(topic, payload)
        except BadMessage as error:
            log.warning("room message refused: %s", error)
            return
        if what == "activity":
            self._visits += 1
            self.activity.setText(f"Activité de la salle : {self._visits} visite(s)")
            if self.store is not None:
                try:
                    self.store.add_activity(self.model.activity[-1])
                except EnvironmentFault as error:
                    log.error("the room's activity record was not kept: %s", error)
        if what == "new request":
            newest = self.model.waiting()[-1]
            self.banner.setText(f"Nouvelle demande d'aide : {newest.kiosk}, ticket {newest.ticket}")
            self.banner.show()
            self._banner_timer.start(ALERT_MS)
            self.alert()
            QApplication.alert(self)
            self.refresh()  # at once: someone is waiting
        # Statuses come every few seconds from each kiosk: shown at the next second's refresh.

    def set_connected(self, connected: bool) -> None:
        self.connection.setText(
            "Relais de la salle : connecté"
            if connected
            else "Relais de la salle injoignable : les demandes arriveront à son retour"
        )

    # What is shown ------------------------------------------------------------------------
    def _title(self, procedure_id: str) -> str:
        procedure = self.catalog.procedures.get(procedure_id)
        return procedure.title if procedure else procedure_id

    def refresh(self) -> None:
        """Bring the tiles and the queue up to date, changing only what changed (every second)."""
        now = self.clock()
        waiting = self.model.waiting()
        per_kiosk = Counter(request.kiosk for request in waiting)
        for index, name in enumerate(sorted(self.model.kiosks, key=_natural)):
            tile = self._tiles.get(name) or self._new_tile(name)
            place = divmod(index, TILE_COLUMNS)
            if self._tile_places.get(name) != place:  # a new kiosk sorted before it moves it on
                self.tiles.addWidget(tile, *place)
                self._tile_places[name] = place
            self._fill_tile(tile, self.model.kiosks[name], per_kiosk[name])
        shown = waiting[:MAX_ROWS]
        shown_ids = {request.request_id for request in shown}
        for request_id in [i for i in self._rows if i not in shown_ids]:
            _drop(self._rows.pop(request_id))
        for position, request in enumerate(shown):
            row = self._rows.get(request.request_id) or self._new_row(request)
            if self.queue.indexOf(row) != position:
                self.queue.insertWidget(position, row)
            self._fill_row(row, request, now)
        self.queue_title.setText(f"Demandes d'aide en attente : {len(waiting)}")
        hidden = len(waiting) - len(shown)
        self.more.setText(f"… et {hidden} autres, plus récentes" if hidden else "")
        self.activity.setText(f"Activité de la salle : {self._visits} visite(s)")

    def _new_tile(self, name: str) -> QFrame:
        tile = QFrame()
        tile.setFrameShape(QFrame.Shape.Box)
        tile.setMinimumSize(150, 110)
        label = QLabel()
        label.setWordWrap(True)
        QVBoxLayout(tile).addWidget(label)
        self._tiles[name] = tile
        return tile

    def _fill_tile(self, tile: QFrame, state: KioskState, waiting: int) -> None:
        colour = "#8a1c1c" if waiting else ("#1d5e3a" if state.online else "#555555")
        if tile.property("colour") != colour:  # a style sheet costs: set again only when it changes
            tile.setProperty("colour", colour)
            tile.setStyleSheet(f"QFrame {{ border: 3px solid {colour}; }} QLabel {{ border: none; }}")
        lines = [f"<b>{state.name}</b> — {'en ligne' if state.online else 'HORS LIGNE'}"]
        if waiting:
            lines.append(f"<b>{waiting} demande(s) d'aide</b>")
        if state.online and state.in_visit:
            lines.append(f"En visite depuis {minutes_and_seconds(state.visit_seconds)}")
            lines.append(language_for_mediator(state.language))
            if state.procedure_id:
                step = f" ({state.step_id})" if state.step_id else ""
                lines.append(f"{self._title(state.procedure_id)}{step}")
        elif state.online:
            lines.append("En attente d'une personne")
        _set_text(tile.findChild(QLabel), "<br>".join(lines))

    def _new_row(self, request: Request) -> QFrame:
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(row)
        label = QLabel()
        label.setWordWrap(True)
        layout.addWidget(label)
        actions = QHBoxLayout()
        coming = QPushButton("J'arrive")
        coming.clicked.connect(lambda: self.answer(request.request_id, "coming", ""))
        autonomy = QComboBox()
        autonomy.addItem("Autonomie (facultatif)", "")
        for level, label_text in AUTONOMY_LABELS.items():
            autonomy.addItem(label_text, level.value)
        resolved = QPushButton("Résolu")
        resolved.clicked.connect(
            lambda: self.answer(request.request_id, "resolved", str(autonomy.currentData() or ""))
        )
        actions.addWidget(coming)
        actions.addWidget(autonomy, 1)
        actions.addWidget(resolved)
        layout.addLayout(actions)
        row.setProperty("request_id", request.request_id)
        self._rows[request.request_id] = row
        return row

    def _fill_row(self, row: QFrame, request: Request, now: float) -> None:
        where = self._title(request.procedure_id) if request.procedure_id else f"écran {request.screen}"
        text = (
            f"<b>Ticket {request.ticket} — {request.kiosk}</b> — {_kind_label(request.kind)}<br>"
            f"{where}{f', étape {request.step_id}' if request.step_id else ''}"
            f"{' (exercice)' if request.practice else ''}<br>"
            f"{language_for_mediator(request.language)} — attend depuis "
            f"{minutes_and_seconds(max(0, int(now - request.created_at)))}"
            + (" — <b>quelqu'un y va</b>" if request.state == "coming" else "")
        )
        _set_text(row.findChild(QLabel), text)
        coming = next(b for b in row.findChildren(QPushButton) if b.text() == "J'arrive")
        coming.setEnabled(request.state == "open")

    # What the desk does -------------------------------------------------------------------
    def answer(self, request_id: str, order: str, autonomy: str) -> None:
        topic, payload = self.model.order(request_id, order, autonomy, self.clock())
        self.send(topic, payload)
        self.refresh()

    def export(self, kind: str) -> None:
        records = self.store.activity() if self.store is not None else self.model.activity
        text = to_csv(records) if kind == "csv" else to_json(records)
        path = self.exports_dir / f"activite-salle-{time.strftime('%Y%m%d-%H%M%S')}.{kind}"
        try:
            write_private(path, text.encode("utf-8"))
        except EnvironmentFault as error:
            self.exported.setText(f"Pas écrit : {error}")
            return
        self.exported.setText(f"Écrit : {path}")


def _natural(name: str) -> list[object]:
    """« accueil-2 » before « accueil-10 »."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _set_text(label: QLabel | None, text: str) -> None:
    if label is not None and label.text() != text:  # a label laid out again only when it changes
        label.setText(text)


def _drop(widget: QWidget) -> None:
    widget.hide()  # gone from the screen now, not at the next turn of the event loop
    widget.setParent(None)
    widget.deleteLater()
