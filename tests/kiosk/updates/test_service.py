"""The running kiosk's side: sticks found without typing a path, new guides taken between visits only,
a pack's own translations, guides withdrawn."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from kiosk.config import BUNDLED_PACK, Config
from kiosk.content.loader import load_catalog
from kiosk.i18n import translation
from kiosk.station import Station
from kiosk.updates.removable_media import mounted_media
from kiosk.updates.repository import root_of
from kiosk.updates.service import ContentUpdates
from kiosk.updates.sources import STICK_FOLDER, parse_addresses, trusted_sources
from tests.kiosk.updates.conftest import GUIDE, OLD_SUMMARY, Publisher

NEW = "Une aide versée chaque mois aux personnes qui travaillent et gagnent peu."


def kiosk_with_stick(tmp_path: Path, publisher: Publisher) -> ContentUpdates:
    """A kiosk trusting the publisher, with a stick mounted (as udisks mounts it) carrying its repository."""
    settings = tmp_path / "etc"
    (settings / "trusted-roots").mkdir(parents=True)
    (settings / "trusted-roots" / "publisher.json").write_bytes(root_of(publisher.folder))
    stick = tmp_path / "media" / "kiosk" / "CLE USB"
    (stick / STICK_FOLDER).mkdir(parents=True)
    config = Config(data_dir=tmp_path / "data", settings_dir=settings)
    updates = ContentUpdates(config, find_media=lambda: [stick])
    updates.stick = stick / STICK_FOLDER / "publisher"  # type: ignore[attr-defined]
    return updates


def test_removable_media_are_read_from_the_mounts(tmp_path: Path):
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "/dev/sdb1 /media/kiosk/CLE\\040USB vfat rw 0 0\n"
        "/dev/sdc1 /mnt/stick exfat rw 0 0\n"
    )
    assert mounted_media(mounts) == [Path("/media/kiosk/CLE USB"), Path("/mnt/stick")]
    assert mounted_media(tmp_path / "missing") == []


def test_update_from_a_stick_waits_for_the_end_of_the_visit(tmp_path: Path, publisher: Publisher, clock):
    updates = kiosk_with_stick(tmp_path, publisher)
    assert [s.name for s in updates.sources] == ["publisher"]
    assert updates.check_sticks()[0][1].message.startswith(
        "Aucune clé USB"
    )  # the stick has no repository yet
    publisher.publish("2026.12.1", NEW)
    shutil.copytree(publisher.folder, updates.stick)  # type: ignore[attr-defined]
    catalog, packs = updates.load()
    station = Station(updates.config, catalog, clock=clock, pack_dirs=packs)
    station.visit.start()
    station.visit.open_procedure(GUIDE)
    [(name, outcome)] = updates.check_sticks()
    assert (name, outcome.kind) == ("publisher", "installed"), outcome.message
    assert station.take_content(*updates.load()) is False  # someone is in a visit
    assert station.visit.procedure().summary == OLD_SUMMARY  # their guide does not change under them
    assert station.content_waiting
    station.end_visit()
    assert not station.content_waiting
    assert station.catalog.procedures[GUIDE].summary == NEW
    assert station.visit.catalog is station.catalog
    # Nobody there: taken at once.
    updates.roll_back("publisher")
    assert station.take_content(*updates.load()) is True
    assert station.catalog.procedures[GUIDE].summary == OLD_SUMMARY
    translation.set_language("fr")


def test_a_pack_brings_its_own_translations_and_can_withdraw_a_guide(tmp_path: Path):
    pack = tmp_path / "pack"
    (pack / "procedures").mkdir(parents=True)
    (pack / "pack.yaml").write_text(
        'id: local\nversion: "1"\ndate: "2026-12-05"\nlanguages: [fr, en]\nwithdraws: [antai-amendes]\n'
    )
    text = (BUNDLED_PACK / "procedures" / f"{GUIDE}.yaml").read_text().replace(OLD_SUMMARY, NEW)
    (pack / "procedures" / f"{GUIDE}.yaml").write_text(text)
    (pack / "illustrations").mkdir()
    for drawing in (BUNDLED_PACK / "illustrations").glob("*.svg"):
        (pack / "illustrations" / drawing.name).write_bytes(drawing.read_bytes())
    po = pack / "locales" / "en" / "LC_MESSAGES" / "procedures.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{NEW}"\nmsgstr "Help paid every month to people who work and earn little."\n'
    )
    from kiosk.i18n.catalogs import compile_pack_catalogs

    assert compile_pack_catalogs(pack) == []
    catalog = load_catalog((BUNDLED_PACK, pack))
    assert "antai-amendes" not in catalog.procedures
    english = translation.Translator("en", pack_dirs=(BUNDLED_PACK, pack))
    assert english.translate(NEW, "procedures") == "Help paid every month to people who work and earn little."
    title = catalog.procedures[GUIDE].title  # not in the pack's catalog: the kiosk's own translation
    assert english.translate(title, "procedures") != title
    assert english.has(NEW, "procedures") and english.has(title, "procedures")


def test_sources_and_addresses(tmp_path: Path, publisher: Publisher):
    addresses, problems = parse_addresses(
        "https://guides.example.org/kiosk\nessonne https://essonne.example.org/\nhttp://plain.example.org/\n"
        "a b c\n"
    )
    assert addresses == {
        "publisher": "https://guides.example.org/kiosk",
        "essonne": "https://essonne.example.org/",
    }
    assert len(problems) == 2
    roots = tmp_path / "trusted-roots"
    roots.mkdir()
    (roots / "publisher.json").write_bytes(root_of(publisher.folder))
    (roots / "broken.json").write_text(json.dumps({"signed": {"_type": "targets"}}))
    (roots / "Bad Name.json").write_text("{}")
    sources, problems = trusted_sources(
        tmp_path, "https://guides.example.org/kiosk", shipped=tmp_path / "none"
    )
    assert [(s.name, s.url) for s in sources] == [("publisher", "https://guides.example.org/kiosk")]
    assert len(problems) == 2
