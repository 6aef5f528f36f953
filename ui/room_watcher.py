"""The kiosk in its room: its status and help requests to the desk's console, the desk's answers back.

Only when ``room_broker`` is set and the kiosk holds its identity (``trusted`` by the room's
authority: docs/CONSOLE.md). The link runs on paho's thread; what it hears comes here through
a queued signal. A kiosk that cannot reach the broker works alone: help shows on its screen
and QR code as always, and what it has to tell the desk waits on disk.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.errors import EnvironmentFault
from kiosk.mediation.timeline import Autonomy
from kiosk.room.broker_client import read_identity
from kiosk.room.kiosk_link import KioskLink, help_event, open_request
from kiosk.station import Station
from kiosk.visit.help_desk import HelpRequest
from kiosk.visit.places import ScreenId

log = logging.getLogger(__name__)
STATUS_EVERY_MS = 15_000  # the time in the visit, on the desk's tile, within a quarter of a minute
ROOM_IDENTITY = "room"  # beside the settings file: ca.crt, identity.crt, identity.key


def _practice(request: HelpRequest) -> bool:
    return bool(request.context.practice_page) or request.context.screen == ScreenId.PRACTICE.value


class RoomWatcher(QObject):
    someone_coming = Signal(object)  # the HelpRequest the desk answered « J'arrive » to
    connection_changed = Signal(bool)
    _order = Signal(object)  # from paho's thread

    def __init__(self, station: Station, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.link: KioskLink | None = None
        config = station.config
        if not config.room_broker:
            return
        try:
            identity = read_identity(config.settings_dir / ROOM_IDENTITY, config.room_broker)
            self.link = KioskLink(
                identity, config.data_dir / "room-outbox.json", self._order.emit, self.connection_changed.emit
            )
        except (EnvironmentFault, OSError, ValueError) as error:
            log.error("room: %s; the kiosk works alone", error)
            return
        self._order.connect(self._apply)
        station.help_desk.listeners.append(self._help)
        station.keeper.activity_listeners.append(self._activity)
        station.add_listener(lambda _place: self.send_status())
        station.add_end_listener(self.send_status)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.send_status)
        self._timer.start(STATUS_EVERY_MS)
        self.link.start()
        self.send_status()

    def stop(self) -> None:
        if self.link is not None:
            self.link.stop()

    def status(self) -> dict[str, Any]:
        station = self.station
        visit = station.visit
        place = visit.place
        step = visit.step() if place.procedure_id else None
        return {
            "in_visit": visit.started,
            "language": visit.session.language if visit.started else "",
            "procedure_id": place.procedure_id or "",
            "step_id": step.id if step else "",
            "visit_seconds": int(station.keeper.clock() - visit.session.started_at) if visit.started else 0,
            "open_requests": [open_request(r, _practice(r)) for r in station.help_desk.open_requests()],
        }

    def send_status(self) -> None:
        if self.link is not None:
            self.link.set_status(self.status())

    def _help(self, event: str, request: HelpRequest) -> None:
        if self.link is not None:
            self.link.send_help(help_event(event, request, _practice(request)))
            self.send_status()

    def _activity(self, record: dict[str, Any]) -> None:
        if self.link is not None:
            self.link.send_activity({"record_id": secrets.token_hex(8), **record})

    def _apply(self, order: dict[str, Any]) -> None:
        request = self.station.help_desk.find(order["request_id"])
        if request is None:
            return  # a request of a kiosk run before this one: its person is long gone
        if order["order"] == "coming":
            if not request.coming:
                request.coming = True
                self.someone_coming.emit(request)
            return
        session = self.station.visit.session
        if order["autonomy"] in {level.value for level in Autonomy} and request in session.help_requests:
            session.autonomy = order["autonomy"]
            self.station.keeper.save(session)
        self.station.help_desk.resolve(request)
