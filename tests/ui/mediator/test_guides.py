"""The guides page: a mediator updates the guides from a USB stick while the kiosk stays usable, goes back,
reports what the real site shows, and exports the reports; a person is told when a guide is old."""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.station import Station
from kiosk.updates.receive import Receiver
from kiosk.updates.repository import root_of
from kiosk.updates.service import ContentUpdates
from kiosk.updates.sources import STICK_FOLDER
from kiosk.visit.places import ScreenId
from tests.conftest import walk_to_step
from tests.kiosk.updates.conftest import GUIDE, OLD_SUMMARY, new_publisher
from tests.kiosk.updates.test_online import hanging
from tests.ui.mediator.helpers import PIN, type_pin
from ui.main_window import MainWindow

NEW = "Une aide versée chaque mois aux personnes qui travaillent et gagnent peu."


def stick_with_guides(tmp_path: Path, window: MainWindow) -> Path:
    """A publisher's pack on a stick, and the window's kiosk trusting that publisher."""
    publisher = new_publisher(tmp_path / "publisher")
    publisher.publish("2026.12.1", NEW)
    settings = tmp_path / "etc"
    (settings / "trusted-roots").mkdir(parents=True)
    (settings / "trusted-roots" / "publisher.json").write_bytes(root_of(publisher.folder))
    stick = tmp_path / "stick"
    shutil.copytree(publisher.folder, stick / STICK_FOLDER / "publisher")
    config = replace(window.station.config, settings_dir=settings)
    window.content_updates.updates = ContentUpdates(config, find_media=lambda: [stick])
    return stick


def open_guides(window: MainWindow) -> None:
    window.mediator_panel.open_mode()
    type_pin(window, PIN)
    panel = window.mediator_panel
    panel.show_page(panel.guides_page)


def test_update_from_a_stick_then_back(configured: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    stick_with_guides(tmp_path, configured)
    open_guides(configured)
    page = configured.mediator_panel.guides_page
    before = "Guides de « publisher » (par clé USB seulement) : les guides livrés avec le kiosque."
    assert before in page.status.text()
    assert not page.back_button.isVisibleTo(page)
    with qtbot.waitSignal(configured.content_updates.finished, timeout=30_000) as finished:
        page.stick_button.click()
        assert "en cours" in page.outcome.label.text()
    [(name, outcome)] = finished.args[0]
    assert (name, outcome.kind) == ("publisher", "installed"), outcome.message
    assert "Guides mis à jour : version 2026.12.1" in page.outcome.label.text()
    assert configured.station.catalog.procedures[GUIDE].summary == NEW  # nobody in a visit: in use at once
    assert "Guide modifié : Demander la prime d'activité à la CAF" in page.status.text()
    assert page.back_button.isVisibleTo(page)
    with qtbot.waitSignal(configured.content_updates.finished, timeout=30_000):
        page.back_button.click()
    assert configured.station.catalog.procedures[GUIDE].summary == OLD_SUMMARY


def test_a_report_on_the_guide_used_is_kept_and_exported(configured: MainWindow) -> None:
    station: Station = configured.station
    walk_to_step(station, GUIDE, 2)
    open_guides(configured)
    page = configured.mediator_panel.guides_page
    assert page.used.text().startswith("Le guide de cette visite : Demander la prime d'activité à la CAF.")
    assert not page.note.isVisibleTo(page)
    page.changed_button.click()
    assert page.note.isVisibleTo(page)
    page.step_choice.setCurrentIndex(2)
    page.note.setText("MotDePasse123!")
    page.send_button.click()
    assert "mot de passe" in page.report_notice.text()
    page.note.setText("Le bouton s'appelle maintenant « Estimer mes droits »")
    page.send_button.click()
    assert page.report_notice.text().startswith("Merci")
    page.verified_button.click()
    page.csv_button.click()
    written = Path(page.report_notice.text().removeprefix("Écrit : ").split(" (")[0])
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "day,procedure_id,pack_version,verdict,step_id,note"
    second_step = station.catalog.procedures[GUIDE].steps[1].id
    assert f",{GUIDE},bundled 2026.11.1,site-changed,{second_step}," in lines[1]
    assert ",verified,," in lines[2]
    assert "MotDePasse123" not in written.read_text(encoding="utf-8")


def test_an_old_guide_tells_the_person_to_ask(stored_station: Station, qtbot: QtBot) -> None:
    stored_station.config = replace(stored_station.config, guide_max_age_days=1)
    from tests.ui.conftest import open_window

    window = open_window(stored_station, qtbot)
    stored_station.visit.start()
    stored_station.visit.open_theme(stored_station.catalog.procedures[GUIDE].theme)
    stored_station.visit.open_procedure(GUIDE)
    intro = window.screen_for(ScreenId.INTRO)
    said = intro.stale.label.text()
    assert said.startswith("Ce guide date du ") and said.endswith(": en cas de doute, demandez à l'accueil.")
    assert intro.stale.isVisibleTo(intro)
    assert said in intro.spoken_texts()  # heard too, right after the summary
    assert isinstance(stored_station.config, Config)


def test_a_hanging_repository_delays_no_touch(configured: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """The check waits on the network on its own thread: the screen goes on answering meanwhile."""
    stick_with_guides(tmp_path, configured)
    updates = configured.content_updates.updates
    with hanging() as url:
        updates.sources = [replace(updates.sources[0], url=url)]
        updates.receiver = Receiver(updates.shelf, deadline_s=1)
        ticks: list[float] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start(20)
        asked = time.monotonic()
        with qtbot.waitSignal(configured.content_updates.finished, timeout=30_000) as finished:
            assert configured.content_updates.check_online()
            assert time.monotonic() - asked < 0.5  # the touch that asked is answered at once
            assert not configured.content_updates.check_online()  # one check at a time
        timer.stop()
    took = time.monotonic() - asked
    assert len(ticks) >= took / 0.02 / 4  # the event loop ran all along (a quarter of the ticks at least)
    [(_name, outcome)] = finished.args[0]
    assert outcome.kind == "unreachable"
