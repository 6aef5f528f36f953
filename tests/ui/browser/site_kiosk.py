"""A kiosk whose content pack names the loopback stand-in as its procedure's official site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import BUNDLED_PACK, Config
from kiosk.content.loader import load_catalog
from kiosk.i18n import translation
from kiosk.station import Station
from kiosk.store.key import StorePaths
from kiosk.store.record_keeper import RecordKeeper
from tests.conftest import FakeClock
from tests.ui.browser.local_site import SITE_HOST, WEBMAIL_HOST, LocalSite, serving
from tests.ui.conftest import open_window
from ui.main_window import MainWindow

PROCEDURE = "caf-test-site"
LOAD_MS = 15_000  # a page from loopback loads in well under a second; this only bounds a hang


def one_page_pdf(text: str) -> bytes:
    """A small, valid one-page PDF written by hand (offsets computed), as a site would serve it."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_site_pack(folder: Path, site: LocalSite) -> Path:
    """A pack with one procedure whose official site is the stand-in, and the stand-in webmail."""
    (folder / "procedures").mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        'id: site-tests\nversion: "1"\ndate: "2026-12-01"\nlanguages: [fr, ar]\n', encoding="utf-8"
    )
    (folder / "browser.yaml").write_text(
        "always_allowed: []\n"
        "webmail:\n"
        "  - name: Messagerie test\n"
        f"    address: {site.address(WEBMAIL_HOST, '/mail')}\n"
        f"    hosts: [{WEBMAIL_HOST}]\n",
        encoding="utf-8",
    )
    (folder / "procedures" / f"{PROCEDURE}.yaml").write_text(
        f"""id: {PROCEDURE}
title: Déclarer à la CAF (site de test)
summary: Une démarche de test sur un site local.
theme: money
organisation: CAF test
pictogram: mdi6.home-heart
urls:
  - {site.address(SITE_HOST)}
allow: [{SITE_HOST}]
last_checked:
  date: 2026-12-01
  source: local test site
  verified_on_site: true
estimated_minutes: 5
before_you_start:
  - text: Votre numéro d'allocataire.
    pictogram: mdi6.card-account-details-outline
steps:
  - id: accueil
    title: Ouvrez le site
    instruction: Touchez « Se connecter ».
    pictogram: mdi6.web
  - id: connexion
    title: Connectez-vous
    instruction: Écrivez votre numéro et votre mot de passe.
    pictogram: mdi6.login
    page:
      host: {SITE_HOST}
      path: /connexion
  - id: code
    title: Entrez le code reçu par e-mail
    instruction: Ouvrez vos e-mails pour lire le code.
    pictogram: mdi6.email-outline
    page:
      host: {SITE_HOST}
      path: /code*
      title: [code]
after: Vous recevrez une réponse.
""",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def local_site() -> Iterator[LocalSite]:
    with serving(one_page_pdf("Attestation de paiement")) as site:
        yield site


@pytest.fixture
def site_station(tmp_path: Path, local_site: LocalSite, clock: FakeClock) -> Iterator[Station]:
    """A station with its real encrypted store, and the test pack over the bundled one."""
    pack = write_site_pack(tmp_path / "pack", local_site)
    catalog = load_catalog([BUNDLED_PACK, pack])
    assert PROCEDURE in catalog.procedures, catalog.problems
    config = Config(
        data_dir=tmp_path / "data", config_dir=tmp_path / "config", pack_dirs=(BUNDLED_PACK, pack)
    )
    keeper = RecordKeeper.open(StorePaths.under(config.data_dir, config.config_dir), catalog, clock=clock)
    yield Station(config, catalog, clock=clock, keeper=keeper)
    if keeper.store is not None:
        keeper.store.close()
    translation.set_language(translation.SOURCE_LANGUAGE)


@pytest.fixture
def site_window(site_station: Station, qtbot: QtBot) -> Iterator[MainWindow]:
    window = open_window(site_station, qtbot)
    yield window
    site_station.end_visit()  # the site's pages and profile go before the window does
    QApplication.processEvents()
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def walk_to_intro(station: Station, language: str = "fr") -> None:
    visit = station.visit
    visit.start()
    visit.choose_language(language)
    visit.open_theme(station.catalog.procedures[PROCEDURE].theme)
    visit.open_procedure(PROCEDURE)
