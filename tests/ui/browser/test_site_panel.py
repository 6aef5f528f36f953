"""The official site beside the guide, for real: QtWebEngine offscreen against the loopback stand-in."""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from kiosk.station import Station
from kiosk.visit.help_desk import HelpKind
from kiosk.visit.places import ScreenId
from tests.conftest import FakeClock
from tests.kiosk.browsing.sane_backend import use_test_backend
from tests.ui.browser.local_site import SITE_HOST, STRANGER_HOST, LocalSite
from tests.ui.browser.site_kiosk import LOAD_MS, PROCEDURE, walk_to_intro
from ui.browser.documents import DocumentViewer
from ui.browser.file_picker import FilePicker
from ui.browser.notices import Trouble
from ui.browser.panel import SitePanel
from ui.main_window import MainWindow


def open_site(window: MainWindow, station: Station, qtbot: QtBot, language: str = "fr") -> SitePanel:
    """From the procedure's introduction, « Faire la démarche sur le vrai site », until the page loaded."""
    walk_to_intro(station, language)
    intro = window.current_screen
    assert intro.screen_id is ScreenId.INTRO
    button = intro.site_button  # type: ignore[attr-defined]
    assert button.isVisible()
    button.click()
    panel = window.site_area.panel
    assert panel is not None
    qtbot.waitUntil(lambda: page_title(panel) == "Accueil CAF test", timeout=LOAD_MS)
    qtbot.waitUntil(lambda: not panel.tabs.current.page.isLoading(), timeout=LOAD_MS)  # type: ignore[union-attr]
    return panel


def page_title(panel: SitePanel) -> str:
    current = panel.tabs.current
    return "" if current is None else current.page.title()


def run_js(panel: SitePanel, qtbot: QtBot, script: str) -> object:
    """Run ``script`` in the page (as the site's own code would) and wait for its result."""
    current = panel.tabs.current
    assert current is not None
    results: list[object] = []
    current.page.runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=LOAD_MS)
    return results[0]


def click_in_page(panel: SitePanel, qtbot: QtBot, element_id: str) -> None:
    run_js(panel, qtbot, f"document.getElementById('{element_id}').click(); true")


def tap_in_page(panel: SitePanel, qtbot: QtBot, element_id: str) -> None:
    """Touch an element of the page as a person would (a real press, so a user gesture for Chromium)."""
    current = panel.tabs.current
    assert current is not None
    found = run_js(
        panel,
        qtbot,
        f"(function () {{ var el = document.getElementById('{element_id}'); el.scrollIntoView();"
        " var r = el.getBoundingClientRect();"
        " return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2]); })()",
    )
    found = json.loads(str(found))
    zoom = current.page.zoomFactor()
    where = QPoint(round(found[0] * zoom), round(found[1] * zoom))
    qtbot.mouseClick(current.view.focusProxy(), Qt.MouseButton.LeftButton, pos=where)


def wait_for(qtbot: QtBot, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=LOAD_MS)


def test_the_site_opens_beside_the_guide_at_its_first_step(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    place = site_station.visit.place
    assert (place.screen, place.procedure_id, place.step_index) == (ScreenId.STEP, PROCEDURE, 0)
    assert site_window.site_area.side_by_side  # 1366 px wide
    assert panel.isVisible() and site_window.stack.isVisible()
    assert not site_window.site_area.switch.isVisible()
    assert not site_window.current_screen.site_button.isVisible()  # type: ignore[attr-defined]  # open already


def test_the_guide_follows_the_site_to_the_step_its_page_is(
    site_window: MainWindow, site_station: Station, local_site: LocalSite, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    click_in_page(panel, qtbot, "login")
    wait_for(qtbot, lambda: site_station.visit.place.step_index == 1)
    assert site_window.current_screen.title.text() == "Connectez-vous"
    run_js(panel, qtbot, "document.forms[0].submit(); true")
    wait_for(qtbot, lambda: site_station.visit.place.step_index == 2)
    site_station.visit.back()  # moving the guide by hand always works
    assert site_station.visit.place.step_index == 1
    assert site_station.visit.site_host == SITE_HOST


def test_every_way_to_another_host_is_refused_and_said_plainly(
    site_window: MainWindow, site_station: Station, local_site: LocalSite, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    for element in ("stranger-link", "redirect-out"):
        click_in_page(panel, qtbot, element)
        wait_for(qtbot, lambda: panel.stack.currentWidget() is panel.notice)
        assert panel.notice.trouble is Trouble.BLOCKED
        panel.notice.buttons[0].click()  # « Revenir »
        assert panel.stack.currentWidget() is panel.tabs.current.view  # type: ignore[union-attr]
        assert page_title(panel) == "Accueil CAF test"
    run_js(panel, qtbot, "document.getElementById('post-out').submit(); true")
    wait_for(qtbot, lambda: panel.stack.currentWidget() is panel.notice)
    panel.notice.buttons[0].click()
    tap_in_page(panel, qtbot, "new-window")  # window.open towards the other host
    qtbot.wait(1000)
    assert [tab.page.url().host() for tab in panel.tabs.tabs if tab.page.url().host() == STRANGER_HOST] == []
    frame_url = run_js(panel, qtbot, "document.getElementById('frame-out').contentWindow.location.href")
    assert STRANGER_HOST not in str(frame_url)
    assert local_site.asked(STRANGER_HOST) == []  # not one request reached the other host


def test_a_new_window_of_the_site_opens_as_a_tab(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    click_in_page(panel, qtbot, "new-tab")
    wait_for(qtbot, lambda: page_title(panel) == "Aide du site")
    assert len(panel.tabs.tabs) == 2 and panel.tabs.strip.isVisible()
    panel.tabs.close(panel.tabs.tabs[1])
    assert page_title(panel) == "Accueil CAF test"
    assert not panel.tabs.strip.isVisible()


def test_the_webmail_opens_in_a_second_tab_while_the_site_waits(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    panel.webmail_button.click()
    assert panel.stack.currentWidget() is panel.webmail
    (webmail,) = panel.webmail_buttons
    assert webmail.text_shown() == "Messagerie test"
    webmail.click()
    wait_for(qtbot, lambda: page_title(panel) == "Messagerie test")
    assert "482913" in str(run_js(panel, qtbot, "document.getElementById('message').textContent"))
    panel.tabs.show(panel.tabs.tabs[0])
    assert page_title(panel) == "Accueil CAF test"  # the site waited, as it was


def test_a_site_that_does_not_answer_says_so_and_offers_the_other_ways(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    current = panel.tabs.current
    assert current is not None
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind((SITE_HOST, 0))
        closed_port = probe.getsockname()[1]
    current.page.load(QUrl(f"http://{SITE_HOST}:{closed_port}/"))
    wait_for(qtbot, lambda: panel.stack.currentWidget() is panel.notice)
    assert panel.notice.trouble is Trouble.UNREACHABLE
    assert panel.notice.heading.text() == "Le site ne répond pas"
    assert [button.text_shown() for button in panel.notice.buttons] == ["Réessayer", "Aide"]


def test_zoom_starts_large_and_the_buttons_change_it(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    page = panel.tabs.current.page  # type: ignore[union-attr]
    assert page.zoomFactor() == 1.25
    panel.zoom_in.click()
    assert page.zoomFactor() == 1.5
    panel.zoom_out.click()
    panel.zoom_out.click()
    panel.zoom_out.click()
    assert page.zoomFactor() == 1.0


def test_at_1024_px_the_guide_and_the_site_show_one_at_a_time(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    site_window.resize(1024, 768)
    QApplication.processEvents()
    area = site_window.site_area
    assert not area.side_by_side
    assert area.switch.isVisible() and panel.isVisible() and not site_window.stack.isVisible()
    assert area.switch.text_shown() == "Voir le guide"
    area.switch.click()
    assert site_window.stack.isVisible() and not panel.isVisible()
    assert area.switch.text_shown() == "Voir le site : \u2068CAF test\u2069"


def test_after_the_visit_no_page_no_profile_no_renderer_and_no_file_is_left(
    site_window: MainWindow, site_station: Station, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    renderer = panel.tabs.current.page.renderProcessPid()  # type: ignore[union-attr]
    assert alive(renderer)
    click_in_page(panel, qtbot, "attestation")
    wait_for(qtbot, lambda: len(site_station.visit_files.files()) == 1)
    folder = site_station.visit_files.folder
    site_station.end_visit()
    wait_for(qtbot, lambda: not alive(renderer))
    assert site_window.site_area.panel is None
    assert not folder.exists()
    assert list((tmp_path / "data" / "visit-files").iterdir()) == []


def alive(pid: int) -> bool:
    """The process runs (a zombie waiting for its parent to read its end does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def test_an_attestation_downloads_opens_in_the_kiosk_and_prints_for_the_desk(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    click_in_page(panel, qtbot, "attestation")
    wait_for(qtbot, lambda: isinstance(panel.stack.currentWidget(), DocumentViewer))
    viewer = panel.stack.currentWidget()
    assert isinstance(viewer, DocumentViewer) and viewer.readable
    (downloaded,) = site_station.visit_files.files()
    assert downloaded.name == "attestation-paiement.pdf" and downloaded.read_bytes().startswith(b"%PDF")
    assert viewer.print_document() is not None
    (printed,) = site_station.recap_folder.iterdir()  # no printer here: a PDF for the front desk
    assert printed.read_bytes().startswith(b"%PDF")
    viewer.closed.emit()
    assert panel.stack.currentWidget() is panel.tabs.current.view  # type: ignore[union-attr]
    panel.documents_button.click()  # the visit's documents, to open it again
    picker = panel.stack.currentWidget()
    assert isinstance(picker, FilePicker)
    site_station.end_visit()
    QApplication.processEvents()
    assert not downloaded.exists() and not site_station.recap_folder.exists()


def test_a_site_asking_for_a_file_gets_one_scanned_at_the_kiosk_never_the_system_dialog(
    site_window: MainWindow,
    site_station: Station,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    use_test_backend(tmp_path / "sane.d", monkeypatch)  # SANE's own test scanner
    panel = open_site(site_window, site_station, qtbot)
    current = panel.tabs.current
    assert current is not None
    chosen: list[list[str]] = []
    failed: list[Exception] = []

    def choose() -> None:  # what the person does while the site waits for its file
        picker = panel.stack.currentWidget()
        assert isinstance(picker, FilePicker)
        try:
            picker.scan_requested.emit()
            scanning = panel.scanning
            assert scanning is not None
            scanning.scan_page()
            # The page is shown as soon as it is counted; « Terminer » waits for the scan's end.
            qtbot.waitUntil(lambda: len(scanning.document.pages) == 1 and not scanning.busy, timeout=60_000)
            scanning.finish()
            qtbot.waitUntil(lambda: panel.stack.currentWidget() is picker, timeout=LOAD_MS)
            assert len(site_station.visit_files.files()) == 1
            picker.chosen.emit([str(site_station.visit_files.files()[0])])
        except (AssertionError, WaitTimeout) as error:  # swallowed in a slot, it would leave the site waiting
            failed.append(error)
            picker.cancelled.emit()

    QTimer.singleShot(0, lambda: chosen.append(panel._choose_files(["application/pdf"], False)))
    QTimer.singleShot(100, choose)
    qtbot.waitUntil(lambda: bool(chosen), timeout=90_000)
    assert failed == []
    (files,) = chosen
    assert files == [str(site_station.visit_files.files()[0])]
    assert files[0].startswith(str(site_station.visit_files_folder))
    assert panel.stack.currentWidget() is current.view


def test_help_from_the_site_keeps_the_page_and_mediator_mode_hands_it_back_as_it_was(
    site_window: MainWindow, site_station: Station, local_site: LocalSite, clock: FakeClock, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    click_in_page(panel, qtbot, "login")
    qtbot.waitUntil(lambda: page_title(panel) == "Connexion CAF test", timeout=LOAD_MS)
    run_js(panel, qtbot, "document.getElementById('number').value = '1234567'; true")
    run_js(panel, qtbot, f"location.href = '{local_site.address(STRANGER_HOST, '/piege')}'; true")
    wait_for(qtbot, lambda: panel.stack.currentWidget() is panel.notice)
    panel.notice.buttons[-1].click()  # « Aide »
    assert site_station.visit.place.screen is ScreenId.HELP
    site_station.visit.ask_for_help(HelpKind.STUCK)
    request = site_station.visit.session.help_requests[-1]
    assert request.context.site_host == SITE_HOST and "1234567" not in request.summary()
    site_window.mediator_panel.open_mode()
    site_window.mediator_panel.hand_back()
    site_station.visit.leave_help()
    assert panel.tabs.current is not None and page_title(panel) == "Connexion CAF test"
    assert run_js(panel, qtbot, "document.getElementById('number').value") == "1234567"  # as it was
    clock.advance(site_station.config.idle_timeout_s + 1)
    site_window.check_idle()
    assert "le site ouvert sera fermé" in site_window.idle_overlay.message.text()


def test_in_arabic_the_guide_and_the_kiosk_controls_mirror_and_the_site_does_not(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot, "ar")
    view = panel.tabs.current.view  # type: ignore[union-attr]
    assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert site_window.stack.x() > panel.x()  # the guide on the right, where an Arabic reader starts
    assert panel.zoom_out.x() > panel.close_button.x()  # the panel's own bar reads from the right


def test_a_certificate_the_kiosk_cannot_trust_is_never_bypassed(
    site_window: MainWindow, site_station: Station, qtbot: QtBot, tmp_path: Path
) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate to make")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    served: list[str] = []

    class Page(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

        def do_GET(self) -> None:
            served.append(self.path)
            body = b"<html><head><title>Faux site</title></head><body>faux</body></html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer((SITE_HOST, 0), Page)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        panel = open_site(site_window, site_station, qtbot)
        panel.tabs.current.page.load(QUrl(f"https://{SITE_HOST}:{server.server_address[1]}/"))  # type: ignore[union-attr]
        wait_for(qtbot, lambda: panel.stack.currentWidget() is panel.notice)
        assert panel.notice.trouble is Trouble.UNTRUSTED
        assert served == []  # the page was never asked for: the connection stopped at the certificate
        assert page_title(panel) != "Faux site"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_what_the_site_says_or_asks_shows_large_in_the_kiosk_and_the_answer_goes_back(
    site_window: MainWindow, site_station: Station, qtbot: QtBot
) -> None:
    panel = open_site(site_window, site_station, qtbot)
    answers: list[object] = []

    def answer(button: int) -> None:
        assert panel.stack.currentWidget() is panel.notice
        assert panel.notice.message.text() == "Voulez-vous envoyer votre déclaration ?"
        assert [b.text_shown() for b in panel.notice.buttons] == ["OK", "Annuler"]
        panel.notice.buttons[button].click()

    for button in (0, 1):
        qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.tabs.current.view, timeout=LOAD_MS)  # type: ignore[union-attr]
        QTimer.singleShot(300, lambda b=button: answer(b))
        panel.tabs.current.page.runJavaScript(  # type: ignore[union-attr]
            "confirm('Voulez-vous envoyer votre déclaration ?')", 0, answers.append
        )
        qtbot.waitUntil(lambda n=button: len(answers) == n + 1, timeout=LOAD_MS)
    assert answers == [True, False]
    assert panel.stack.currentWidget() is panel.tabs.current.view  # type: ignore[union-attr]
