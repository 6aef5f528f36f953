"""A real publisher in each test: a TUF repository, its keys made here, and packs built from a folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.config import BUNDLED_PACK
from kiosk.updates.pack_archive import build_archive
from kiosk.updates.receive import Receiver
from kiosk.updates.repository import PublisherKeys, Repository, root_of
from kiosk.updates.shelf import Shelf
from kiosk.updates.sources import TrustedSource

GUIDE = "caf-prime-activite"
OLD_SUMMARY = "Une aide chaque mois pour les personnes qui travaillent et gagnent peu."


def make_pack(folder: Path, version: str, summary: str, *, broken: bool = False) -> Path:
    """A pack that corrects the summary of one bundled guide (and brings its drawing)."""
    (folder / "procedures").mkdir(parents=True)
    (folder / "illustrations").mkdir()
    (folder / "pack.yaml").write_text(
        f'id: guides-test\nversion: "{version}"\ndate: "2026-12-05"\nlanguages: [fr]\n', encoding="utf-8"
    )
    text = (BUNDLED_PACK / "procedures" / f"{GUIDE}.yaml").read_text(encoding="utf-8")
    assert OLD_SUMMARY in text
    text = text.replace(OLD_SUMMARY, summary)
    if broken:
        text = text.replace("steps:", "stairs:", 1)
    (folder / "procedures" / f"{GUIDE}.yaml").write_text(text, encoding="utf-8")
    for drawing in (BUNDLED_PACK / "illustrations").glob("*.svg"):
        shutil.copy(drawing, folder / "illustrations")
    return folder


@dataclass
class Publisher:
    tmp: Path
    repository: Repository

    @property
    def folder(self) -> Path:
        return self.repository.folder

    def archive(self, version: str, summary: str, broken: bool = False) -> Path:
        pack = make_pack(self.tmp / f"pack-{version}", version, summary, broken=broken)
        return build_archive(pack, self.tmp / "archives" / f"guides-test-{version}.tar.gz")

    def publish(self, version: str, summary: str, days: int = 30, broken: bool = False) -> Path:
        archive = self.archive(version, summary, broken)
        custom = {"pack": "guides-test", "version": version, "date": "2026-12-05"}
        self.repository.publish(archive, custom, days)
        return archive

    def source(self) -> TrustedSource:
        return TrustedSource("publisher", root_of(self.folder))


def new_publisher(tmp: Path) -> Publisher:
    repository = Repository(tmp / "repo", PublisherKeys(online=tmp / "keys", root=tmp / "root-key"))
    repository.init()
    return Publisher(tmp, repository)


@pytest.fixture
def publisher(tmp_path: Path) -> Publisher:
    return new_publisher(tmp_path / "publisher")


@pytest.fixture
def shelf(tmp_path: Path) -> Shelf:
    return Shelf(tmp_path / "kiosk-data")


@pytest.fixture
def receiver(shelf: Shelf) -> Receiver:
    return Receiver(shelf)
