"""A kiosk in a room with a real broker: its help request reaches the desk, and « J'arrive » from the desk
tells the person, in their language, that someone is coming; without a broker it works alone."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.room.console_link import ConsoleLink
from kiosk.room.room_model import RoomModel
from kiosk.station import Station
from kiosk.visit.help_desk import HelpKind
from kiosk.visit.places import ScreenId
from tests.conftest import walk_to_step
from tests.room_broker import Room
from tests.ui.conftest import open_window
from ui.main_window import MainWindow

GUIDE = "caf-prime-activite"


def kiosk_in_room(station: Station, room: Room, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    identity = room.identity("accueil-1")
    settings = tmp_path / "etc"
    shutil.copytree(identity.ca.parent, settings / "room")
    station.config = replace(station.config, settings_dir=settings, room_broker=f"127.0.0.1:{room.port}")
    return open_window(station, qtbot)


def test_the_desk_sees_the_request_and_the_person_hears_someone_is_coming(
    stored_station: Station, room: Room, tmp_path: Path, qtbot: QtBot
) -> None:
    heard: list[tuple[str, bytes]] = []
    console = ConsoleLink(
        room.identity("console-desk"), lambda topic, payload: heard.append((topic, payload))
    )
    console.start()
    window = kiosk_in_room(stored_station, room, tmp_path, qtbot)
    link = window.room.link
    assert link is not None
    qtbot.waitUntil(lambda: link.connected, timeout=10_000)
    walk_to_step(stored_station, GUIDE, 2, language="ar")
    stored_station.visit.open_help()
    request = stored_station.visit.ask_for_help(HelpKind.STUCK)
    model = RoomModel()
    qtbot.waitUntil(lambda: any(t.endswith("/help") for t, _p in heard), timeout=10_000)
    for topic, payload in list(heard):
        model.receive(topic, payload)
    [waiting] = model.waiting()
    assert (waiting.kiosk, waiting.ticket, waiting.kind, waiting.language) == (
        "accueil-1",
        request.ticket,
        "stuck",
        "ar",
    )
    assert (
        waiting.procedure_id == GUIDE
        and waiting.step_id == stored_station.visit.step(stored_station.visit.place_outside_help()).id
    )
    assert model.kiosks["accueil-1"].in_visit
    for topic, payload in heard:  # nothing typed, no note: codes only
        assert b" " not in payload or topic.endswith("/activity")
    # The person went back to the step; the desk answers « J'arrive ».
    stored_station.visit.leave_help()
    console.send(*model.order(waiting.request_id, "coming", "", 0.0))
    qtbot.waitUntil(lambda: window.coming_panel.isVisible(), timeout=10_000)
    assert "شخص قادم إليك" in window.coming_panel.heading.text()  # in Arabic, right to left
    assert str(request.ticket) in window.coming_panel.message.text()
    # Resolved at the desk, with the autonomy: the kiosk closes the request and notes it.
    console.send(*model.order(waiting.request_id, "resolved", "partly_helped", 0.0))
    qtbot.waitUntil(lambda: stored_station.visit.pending_help() is None, timeout=10_000)
    assert stored_station.visit.session.autonomy == "partly_helped"
    stored_station.end_visit()
    assert not window.coming_panel.isVisible()
    console.stop()
    window.room.stop()


def test_with_no_broker_the_kiosk_works_alone(
    stored_station: Station, room: Room, tmp_path: Path, qtbot: QtBot
):
    room.stop()
    window = kiosk_in_room(stored_station, room, tmp_path, qtbot)
    walk_to_step(stored_station, GUIDE, 1)
    stored_station.visit.open_help()
    stored_station.visit.ask_for_help(HelpKind.DONT_UNDERSTAND)
    assert window.current_screen.screen_id is ScreenId.HELP_SENT  # help shows on the kiosk, with its QR
    link = window.room.link
    assert link is not None and not link.connected
    assert [e.topic for e in link.outbox.pending()] == [
        "kiosk/accueil-1/help"
    ]  # kept for the broker's return
    window.room.stop()
