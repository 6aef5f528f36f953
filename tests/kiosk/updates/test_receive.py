"""A kiosk receiving packs from a real TUF repository in a folder (a USB stick's copy): every way in is
checked, every refusal says why and changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.config import BUNDLED_PACK
from kiosk.content.loader import load_catalog
from kiosk.updates.receive import Receiver
from kiosk.updates.shelf import Shelf
from tests.kiosk.updates.conftest import GUIDE, OLD_SUMMARY, Publisher, new_publisher

NEW = "Une aide versée chaque mois aux personnes qui travaillent et gagnent peu."
NEWER = "Une aide versée tous les mois aux personnes qui travaillent et gagnent peu."


def summary_in_use(shelf: Shelf) -> str:
    return load_catalog((BUNDLED_PACK, *shelf.current_packs())).procedures[GUIDE].summary


def test_a_good_update_installs_and_can_be_rolled_back(
    publisher: Publisher, receiver: Receiver, shelf: Shelf
):
    publisher.publish("2026.12.1", NEW)
    outcome = receiver.check_folder(publisher.source(), publisher.folder)
    assert outcome.kind == "installed", outcome.message
    assert summary_in_use(shelf) == NEW
    state = shelf.state("publisher")
    assert (state.current, state.pack_date) == ("2026.12.1", "2026-12-05")
    assert [g["id"] for g in state.changes["changed"]] == [GUIDE]
    assert "fr" in state.changes["changed"][0]["languages"]
    assert receiver.check_folder(publisher.source(), publisher.folder).kind == "up-to-date"

    assert shelf.roll_back("publisher") == ""  # back to the bundled guides
    assert summary_in_use(shelf) == OLD_SUMMARY
    # The version a mediator went back from is not installed again by the next check...
    assert receiver.check_folder(publisher.source(), publisher.folder).kind == "up-to-date"
    assert summary_in_use(shelf) == OLD_SUMMARY
    # ...but a newer one is, and then the previous one can be gone back to.
    publisher.publish("2026.12.2", NEWER)
    assert receiver.check_folder(publisher.source(), publisher.folder).kind == "installed"
    assert summary_in_use(shelf) == NEWER
    assert shelf.roll_back("publisher") == ""
    publisher.publish("2026.12.3", NEW)
    receiver.check_folder(publisher.source(), publisher.folder)
    publisher.publish("2026.12.4", NEWER)
    receiver.check_folder(publisher.source(), publisher.folder)
    assert shelf.roll_back("publisher") == "2026.12.3"
    assert summary_in_use(shelf) == NEW
    packs = sorted(p.name for p in (shelf.root / "publisher" / "packs").iterdir())
    assert packs == ["2026.12.3", "2026.12.4"]  # in use, and set aside; older ones removed


def assert_refused_and_unchanged(shelf: Shelf, outcome_kind: str, message: str, words: str) -> None:
    assert outcome_kind == "refused", message
    assert words in message, message
    assert "Rien n'a été changé" in message
    assert summary_in_use(shelf) == NEW  # the pack installed before stays in use
    assert shelf.state("publisher").last_outcome is not None
    assert not list((shelf.root / "publisher" / "packs").glob(".incoming-*"))


def installed_first(publisher: Publisher, receiver: Receiver) -> None:
    publisher.publish("2026.12.1", NEW)
    assert receiver.check_folder(publisher.source(), publisher.folder).kind == "installed"


def test_a_tampered_archive_is_refused(publisher: Publisher, receiver: Receiver, shelf: Shelf):
    installed_first(publisher, receiver)
    publisher.publish("2026.12.2", NEWER)
    stored = max((publisher.folder / "targets").glob("*.pack.tar.gz"), key=lambda p: p.stat().st_mtime_ns)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0xFF
    stored.write_bytes(bytes(data))
    outcome = receiver.check_folder(publisher.source(), publisher.folder)
    assert_refused_and_unchanged(shelf, outcome.kind, outcome.message, "pas celui que l'éditeur a signé")


def test_a_truncated_download_is_refused(publisher: Publisher, receiver: Receiver, shelf: Shelf):
    installed_first(publisher, receiver)
    publisher.publish("2026.12.2", NEWER)
    stored = max((publisher.folder / "targets").glob("*.pack.tar.gz"), key=lambda p: p.stat().st_mtime_ns)
    stored.write_bytes(stored.read_bytes()[:1000])
    outcome = receiver.check_folder(publisher.source(), publisher.folder)
    assert_refused_and_unchanged(shelf, outcome.kind, outcome.message, "coupé")


def test_metadata_signed_with_another_key_is_refused(tmp_path: Path, publisher: Publisher, receiver: Receiver,
                                                     shelf: Shelf):  # fmt: skip
    installed_first(publisher, receiver)
    impostor = new_publisher(tmp_path / "impostor")
    impostor.publish("2026.12.9", NEWER)
    # The impostor's repository where the kiosk looks, its root not the one the kiosk trusts.
    outcome = receiver.check_folder(publisher.source(), impostor.folder)
    assert_refused_and_unchanged(shelf, outcome.kind, outcome.message, "signature")


def test_expired_metadata_is_refused(publisher: Publisher, receiver: Receiver, shelf: Shelf):
    installed_first(publisher, receiver)
    publisher.publish("2026.12.2", NEWER, days=-1)
    outcome = receiver.check_folder(publisher.source(), publisher.folder)
    assert_refused_and_unchanged(shelf, outcome.kind, outcome.message, "date de validité")


def test_an_older_copy_of_the_repository_is_refused(tmp_path: Path, publisher: Publisher, receiver: Receiver,
                                                    shelf: Shelf):  # fmt: skip
    publisher.publish("2026.12.0", OLD_SUMMARY + " ")
    old_copy = tmp_path / "old-copy"
    shutil.copytree(publisher.folder, old_copy)
    installed_first(publisher, receiver)
    outcome = receiver.check_folder(publisher.source(), old_copy)  # a stick prepared last month
    assert_refused_and_unchanged(shelf, outcome.kind, outcome.message, "plus anciens")


def test_a_pack_that_fails_the_content_check_is_refused(
    publisher: Publisher, receiver: Receiver, shelf: Shelf
):
    installed_first(publisher, receiver)
    publisher.publish("2026.12.2", NEWER, broken=True)  # signed by the publisher, but wrong
    outcome = receiver.check_folder(publisher.source(), publisher.folder)
    assert_refused_and_unchanged(shelf, outcome.kind, outcome.message, "ont des erreurs")
    assert "stairs" in outcome.message or "steps" in outcome.message


def test_key_rotations_are_followed(publisher: Publisher, receiver: Receiver, shelf: Shelf):
    installed_first(publisher, receiver)
    trusted = publisher.source()  # the root the kiosk was given, before any rotation
    publisher.repository.rotate("targets")
    publisher.publish("2026.12.2", NEWER)
    assert receiver.check_folder(trusted, publisher.folder).kind == "installed"
    publisher.repository.rotate("root")
    publisher.repository.rotate("timestamp")
    publisher.publish("2026.12.3", NEW)
    outcome = receiver.check_folder(trusted, publisher.folder)
    assert outcome.kind == "installed", outcome.message
    assert summary_in_use(shelf) == NEW
    root_history = sorted(p.name for p in (shelf.metadata_dir("publisher") / "root_history").iterdir())
    assert root_history == ["1.root.json", "2.root.json", "3.root.json", "4.root.json"]


def test_a_stick_without_this_source_says_so(tmp_path: Path, publisher: Publisher, receiver: Receiver):
    outcome = receiver.check_folder(publisher.source(), tmp_path / "empty-stick")
    assert outcome.kind == "unreachable"
    assert "Aucun guide" in outcome.message


def test_a_full_disk_refuses_and_keeps_the_pack_in_use(publisher: Publisher, receiver: Receiver, shelf: Shelf,
                                                       monkeypatch):  # fmt: skip
    installed_first(publisher, receiver)
    publisher.publish("2026.12.2", NEWER)

    def no_space(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", no_space)  # unpacking writes each file with it
    outcome = receiver.check_folder(publisher.source(), publisher.folder)
    monkeypatch.undo()
    assert_refused_and_unchanged(shelf, outcome.kind, outcome.message, "disque du kiosque est plein")
