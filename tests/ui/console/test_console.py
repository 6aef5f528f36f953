"""The desk's console: ten kiosks, requests oldest first with a sound and a banner, « J'arrive » and
« Résolu » sent to the right kiosk, the room's activity exported; opened with the mediators' PIN only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Catalog
from kiosk.mediation.pin import PinLock
from kiosk.room import messages
from kiosk.room.room_model import RoomModel
from kiosk.secret import Secret
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper
from ui.console.app import ask_pin
from ui.console.window import ConsoleWindow

PIN = "482193"


def status(name: str, **changes: Any) -> bytes:
    message = {
        "kiosk": name, "online": True, "in_visit": False, "language": "", "procedure_id": "", "step_id": "",
        "visit_seconds": 0, "open_requests": [], "at": 100.0,
    }  # fmt: skip
    return messages.encode("status", {**message, **changes})


def help_request(kiosk: str, number: int, created_at: float) -> bytes:
    return messages.encode("help", {
        "event": "requested", "request_id": f"{kiosk}-{number}", "ticket": number, "kind": "stuck",
        "screen": "step", "procedure_id": "caf-prime-activite", "step_id": "simulation", "language": "ar",
        "seconds_on_step": 40, "practice": number == 2, "created_at": created_at,
    })  # fmt: skip


def room_of_ten(window: ConsoleWindow) -> None:
    for number in range(1, 11):
        name = f"accueil-{number}"
        in_visit = number % 3 != 0
        window.receive(f"kiosk/{name}/status", status(
            name, online=number != 7, in_visit=in_visit, language="ar" if number % 2 else "fr",
            procedure_id="caf-prime-activite" if in_visit else "", step_id="simulation" if in_visit else "",
            visit_seconds=60 * number,
        ))  # fmt: skip
    window.receive("kiosk/accueil-4/help", help_request("accueil-4", 2, 900.0))
    window.receive("kiosk/accueil-2/help", help_request("accueil-2", 5, 800.0))
    window.receive("kiosk/accueil-8/help", help_request("accueil-8", 1, 950.0))


@pytest.fixture
def console(
    qtbot: QtBot, tmp_path: Path, bundled_catalog: Catalog
) -> tuple[ConsoleWindow, list[tuple[str, bytes]], list[int]]:
    sent: list[tuple[str, bytes]] = []
    alerts: list[int] = []
    keeper = RecordKeeper.open(StorePaths.under(tmp_path / "data", tmp_path / "config"), bundled_catalog)
    window = ConsoleWindow(
        RoomModel(), lambda topic, payload: sent.append((topic, payload)), keeper.store, bundled_catalog,
        tmp_path / "exports", alert=lambda: alerts.append(1), clock=lambda: 1000.0,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return window, sent, alerts


def test_ten_kiosks_and_three_requests_oldest_first(console, tmp_path: Path):
    window, sent, alerts = console
    room_of_ten(window)
    assert window.tiles.count() == 10
    assert [r.kiosk for r in window.model.waiting()] == ["accueil-2", "accueil-4", "accueil-8"]
    assert len(alerts) == 3 and window.banner.isVisible()
    assert "accueil-8, ticket 1" in window.banner.text()
    first_row = window.queue.itemAt(0).widget()
    text = first_row.findChild(QLabel).text()
    assert (
        "Ticket 5 — accueil-2" in text
        and "Je suis bloqué" in text
        and "arabe" in text.lower()
        and "3 min" in text
    )
    window.grab().save(str(tmp_path / "console.png"))
    coming = next(b for b in first_row.findChildren(QPushButton) if b.text() == "J'arrive")
    coming.click()
    topic, payload = sent[-1]
    assert topic == "console/accueil-2"
    assert messages.decode("order", payload)["order"] == "coming"
    assert window.model.requests["accueil-2-5"].state == "coming"
    window.receive("kiosk/accueil-4/help", help_request("accueil-4", 2, 900.0))  # a duplicate
    assert len(alerts) == 3 and len(window.model.waiting()) == 3


def test_the_rooms_activity_is_kept_and_exported(console):
    window, _sent, _alerts = console
    record = {
        "record_id": "r1", "day": "2026-12-05", "language": "ar", "mode": "guide",
        "procedures": ["caf-prime-activite"], "themes": ["money"], "outcome": "completed",
        "autonomy": "alone",
        "duration_bracket": "5-15", "help_requests": 1, "referral": None, "practice_mistakes": [],
        "rights_simulated": False, "aids_suggested": [],
    }  # fmt: skip
    window.receive("kiosk/accueil-1/activity", messages.encode("activity", record))
    window.receive("kiosk/accueil-1/activity", messages.encode("activity", record))  # delivered twice
    assert "1 visite" in window.activity.text()
    window.export("csv")
    written = Path(window.exported.text().removeprefix("Écrit : "))
    assert written.read_text(encoding="utf-8").count("caf-prime-activite") == 1


def test_the_console_opens_with_the_pin_only(
    tmp_path: Path, bundled_catalog: Catalog, monkeypatch, qtbot: QtBot
):
    keeper = RecordKeeper.open(StorePaths.under(tmp_path / "data", tmp_path / "config"), bundled_catalog)
    assert keeper.store is not None
    lock = PinLock(keeper.store)
    lock.set_pin(Secret(PIN))
    answers = iter([("000000", True), ("111111", True), (PIN, True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warnings.append(text))
    assert ask_pin(lock)
    assert warnings == ["PIN incorrect : encore 4 essai(s).", "PIN incorrect : encore 3 essai(s)."]
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("", False))
    assert not ask_pin(lock)


def test_the_chime_is_a_real_sound(tmp_path: Path):
    import wave

    from ui.console.chime import write_chime

    with wave.open(str(write_chime(tmp_path / "chime.wav"))) as sound:
        seconds = sound.getnframes() / sound.getframerate()
        frames = sound.readframes(sound.getnframes())
    assert 0.3 < seconds < 1.0
    loudest = max(abs(int.from_bytes(frames[i : i + 2], "little", signed=True)) for i in range(0, 2000, 2))
    assert loudest > 5000
